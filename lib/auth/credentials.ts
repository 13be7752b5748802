import { z } from "zod";
import { db } from "@/lib/db";
import { LIMITS } from "@/lib/http/limits";
import { hashPassword, passwordWeaknesses, verifyPassword } from "./password";
import { parseRole, type Role } from "./roles";
import { hashAddress, recordSignInSuccess, reserveSignInAttempt } from "./sign-in-attempts";
import type { ThrottleScope } from "./throttle";

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
  | { ok: false; reason: "throttled"; scope: ThrottleScope; retryAfterSeconds: number };

/** A fixed hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
const UNKNOWN_USER_HASH = "$2b$12$4X6qOcI7HUntGsBLtz.E1O9egnebPIFSjR2Yqzg01QnLZdRyiooTK";

export type SignInContext = {
  /** The client's address (lib/http/client-address.ts); "unknown" when there is none. */
  clientAddress: string;
  now?: Date;
  /** The password check; tests count its calls. */
  verify?: (password: string, hash: string) => Promise<boolean>;
};

/**
 * Checks an email and password, throttled by account and client address together
 * (lib/auth/throttle.ts): the attempt is counted before the password is compared, in one
 * transaction, so parallel guesses cannot slip past the limit.
 */
export async function verifyCredentials(input: { email: unknown; password: unknown }, context: SignInContext): Promise<SignInResult> {
  const email = emailSchema.safeParse(input.email);
  const password = z.string().min(1).max(LIMITS.passwordChars).safeParse(input.password);
  if (!email.success || !password.success) return { ok: false, reason: "invalid" };
  const now = context.now ?? new Date();
  const addressHash = hashAddress(context.clientAddress);

  const reservation = await reserveSignInAttempt(email.data, addressHash, now);
  if (!reservation.allowed) return { ok: false, reason: "throttled", scope: reservation.scope, retryAfterSeconds: reservation.retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email: email.data } });
  const matches = await (context.verify ?? verifyPassword)(password.data, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches) return { ok: false, reason: "invalid" };
  await recordSignInSuccess(email.data, addressHash, reservation.counted, now);
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

const THROTTLE_REASONS: Record<ThrottleScope, string> = {
  pair: "Too many failed sign-ins for this email from this device.",
  account: "Too many failed sign-ins for this email from places it has not signed in from before.",
  address: "Too many failed sign-ins from this network.",
};

export function signInErrorMessage(result: Exclude<SignInResult, { ok: true }>): string {
  switch (result.reason) {
    case "invalid":
      return "That email and password do not match an account. Check them and try again.";
    case "throttled":
      return `${THROTTLE_REASONS[result.scope]} Wait ${result.retryAfterSeconds} seconds, then try again.`;
    default:
      return result satisfies never;
  }
}
