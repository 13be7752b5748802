import { z } from "zod";
import { db } from "@/lib/db";
import { LIMITS } from "@/lib/http/limits";
import { hashPassword, passwordWeaknesses, verifyPassword } from "./password";
import { parseRole, type Role } from "./roles";
import { recordFailure, secondsUntilNextAttempt } from "./throttle";

export type SessionUser = { id: string; email: string; name: string; role: Role };

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailChars, `Use an email address of at most ${LIMITS.emailChars} characters.`)
  .pipe(z.email("Enter a valid email address, like ada@example.com."));

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(LIMITS.nameChars, `Use at most ${LIMITS.nameChars} characters.`),
  email: emailSchema,
  password: z.string().max(LIMITS.passwordChars, `Use at most ${LIMITS.passwordChars} characters.`),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type FieldErrors = Partial<Record<"name" | "email" | "password", string[]>>;
export type SignUpResult = { ok: true; user: SessionUser } | { ok: false; fieldErrors: FieldErrors };

function toSessionUser(user: { id: string; email: string; name: string; role: string }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: parseRole(user.role) };
}

/** Creates a learner account; every problem comes back as a message on the field it concerns. */
export async function registerUser(input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  const { name, email, password } = parsed.data;
  const weaknesses = passwordWeaknesses(password, { email, name });
  if (weaknesses.length > 0) return { ok: false, fieldErrors: { password: weaknesses } };

  const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (taken) return { ok: false, fieldErrors: { email: ["An account with this email already exists. Sign in instead."] } };

  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({ data: { name, email, passwordHash, role: "learner" } });
    return { ok: true, user: toSessionUser(user) };
  } catch (error) {
    // Two sign-ups for one email at the same moment: the unique index decides.
    if (isUniqueViolation(error)) {
      return { ok: false, fieldErrors: { email: ["An account with this email already exists. Sign in instead."] } };
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** A fixed hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
const UNKNOWN_USER_HASH = "$2b$12$4X6qOcI7HUntGsBLtz.E1O9egnebPIFSjR2Yqzg01QnLZdRyiooTK";

export async function verifyCredentials(input: { email: unknown; password: unknown }, now = new Date()): Promise<SignInResult> {
  const email = emailSchema.safeParse(input.email);
  const password = z.string().min(1).max(LIMITS.passwordChars).safeParse(input.password);
  if (!email.success || !password.success) return { ok: false, reason: "invalid" };

  const key = email.data;
  const throttle = await db.signInThrottle.findUnique({ where: { key } });
  const wait = secondsUntilNextAttempt(throttle, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await db.user.findUnique({ where: { email: key } });
  const matches = await verifyPassword(password.data, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches) {
    const next = recordFailure(throttle, now);
    await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: next.failures, lastFailureAt: next.lastFailureAt },
      update: { failures: next.failures, lastFailureAt: next.lastFailureAt },
    });
    return { ok: false, reason: "invalid" };
  }
  if (throttle) await db.signInThrottle.delete({ where: { key } }).catch(() => undefined);
  return { ok: true, user: toSessionUser(user) };
}

/** Used by the seed and test factories: creates or refreshes an account with a known password. */
export async function upsertUser(data: { email: string; name: string; password: string; role: Role }): Promise<SessionUser> {
  const passwordHash = await hashPassword(data.password);
  const user = await db.user.upsert({
    where: { email: data.email },
    create: { email: data.email, name: data.name, passwordHash, role: data.role },
    update: { name: data.name, passwordHash, role: data.role },
  });
  return toSessionUser(user);
}

export function signInErrorMessage(result: Exclude<SignInResult, { ok: true }>): string {
  switch (result.reason) {
    case "invalid":
      return "That email and password do not match an account. Check them and try again.";
    case "throttled":
      return `Too many failed sign-ins for this email. Wait ${result.retryAfterSeconds} seconds, then try again.`;
    default:
      return result satisfies never;
  }
}
