import bcrypt from "bcryptjs";

/** bcrypt work factor: deliberately slow (about 0.2 s per hash here) so stolen hashes resist guessing. */
const BCRYPT_ROUNDS = 12;

export const MIN_PASSWORD_LENGTH = 10;

const COMMON_PASSWORDS = new Set([
  "password", "password1", "password12", "password123", "passw0rd", "123456789", "1234567890",
  "qwertyuiop", "qwerty123", "iloveyou", "letmein123", "welcome123", "admin12345", "abc1234567",
  "aaaaaaaaaa", "1q2w3e4r5t", "football12", "baseball12", "sunshine12", "princess12", "dragon1234",
]);

/** Returns the reasons a password is too weak, in words a person can act on; empty when it is fine. */
export function passwordWeaknesses(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${password.length}).`);
  }
  if (password.length > 200) problems.push("Use at most 200 characters.");
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push("This is one of the most common passwords; choose another.");
  if (new Set(password).size < 5) problems.push("Use at least 5 different characters.");
  if (!/[a-zA-Z]/.test(password) || !/[^a-zA-Z]/.test(password)) {
    problems.push("Mix letters with digits, spaces or symbols.");
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push("Do not include your email address.");
  return problems;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
