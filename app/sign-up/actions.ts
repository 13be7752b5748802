"use server";

import { registerUser, type FieldErrors } from "@/lib/auth/credentials";

export type SignUpState = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/** Creates the account; the form then signs in with the same credentials through next-auth. */
export async function signUpAction(input: { name: string; email: string; password: string }): Promise<SignUpState> {
  const result = await registerUser(input);
  return result.ok ? { ok: true } : { ok: false, fieldErrors: result.fieldErrors };
}
