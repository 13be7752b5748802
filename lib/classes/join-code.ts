import { randomInt } from "node:crypto";

/**
 * Join codes: 12 characters from an alphabet without the look-alikes 0/O, 1/I/L, so a code read
 * aloud or copied from a projector survives. 31 symbols × 12 places is about 2^59 codes; with guesses
 * rate-limited per user and per address (lib/classes/store.ts), guessing one is hopeless.
 */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 12;

/** A fresh code from the operating system's cryptographic random source (crypto.randomInt is unbiased). */
export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** "abcd-efgh-jkmn" as typed → "ABCDEFGHJKMN"; null when it cannot be a join code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Shown in groups of four, easier to read out: "ABCD-EFGH-JKMN". */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}
