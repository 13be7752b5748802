/**
 * Sign-in throttling, as OWASP's Authentication Cheat Sheet frames it: slow down password
 * guessing without letting a stranger lock the owner out (docs/decisions/006 lists the policy).
 *
 * Attempts are counted on up to three keys at once:
 * - `pair:<email>|<address>`: this account from this client address. The owner's own place has
 *   its own counter, which other people's guesses never touch.
 * - `account:<email>`: this account from every address it has never signed in from. Spreading
 *   guesses over many addresses is slowed here; addresses the account has signed in from before
 *   are exempt, so the owner at their usual place still signs in during an attack.
 * - `address:<address>`: this address across every account (one source trying many accounts).
 *
 * Each key allows a few attempts, then makes the next wait, doubling from 5 s to 15 min; a
 * streak is forgotten after an hour without failures.
 */
export type ThrottleScope = "pair" | "account" | "address";

export const FREE_ATTEMPTS: Record<ThrottleScope, number> = { pair: 3, account: 10, address: 30 };
const BASE_DELAY_SECONDS = 5;
const MAX_DELAY_SECONDS = 15 * 60;
/** A failure streak older than this is forgotten. */
export const FAILURE_MEMORY_SECONDS = 60 * 60;

/** Seconds to wait after `failures` failed attempts on a key whose first `free` attempts are free. */
export function throttleDelaySeconds(failures: number, free: number = FREE_ATTEMPTS.pair): number {
  if (failures < free) return 0;
  return Math.min(BASE_DELAY_SECONDS * 2 ** (failures - free), MAX_DELAY_SECONDS);
}

export type ThrottleState = { failures: number; lastFailureAt: Date };

/** Seconds the caller must still wait before trying again on one key (0 means go ahead). */
export function secondsUntilNextAttempt(state: ThrottleState | null, now: Date, free: number = FREE_ATTEMPTS.pair): number {
  if (!state) return 0;
  const delay = throttleDelaySeconds(state.failures, free);
  if (delay === 0) return 0;
  // Clamped at 0: another process's clock may be slightly ahead of this one's.
  const elapsed = Math.max(0, (now.getTime() - state.lastFailureAt.getTime()) / 1000);
  if (elapsed >= FAILURE_MEMORY_SECONDS) return 0;
  return Math.max(0, Math.ceil(delay - elapsed));
}

/** The streak after one more failure at `now` (an old streak starts again from one). */
export function recordFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const elapsed = state ? (now.getTime() - state.lastFailureAt.getTime()) / 1000 : Infinity;
  const failures = state && elapsed < FAILURE_MEMORY_SECONDS ? state.failures + 1 : 1;
  return { failures, lastFailureAt: now };
}

export type ThrottleKey = { scope: ThrottleScope; key: string };

/** The keys one attempt counts on; the account-wide key only from an address the account has not signed in from. */
export function throttleKeys(email: string, addressHash: string, addressIsTrusted: boolean): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ scope: "pair", key: `pair:${email}|${addressHash}` }];
  if (!addressIsTrusted) keys.push({ scope: "account", key: `account:${email}` });
  keys.push({ scope: "address", key: `address:${addressHash}` });
  return keys;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

/** Whether an attempt may go ahead, given the state of each of its keys; the longest wait decides. */
export function judgeAttempt(states: ReadonlyArray<ThrottleKey & { state: ThrottleState | null }>, now: Date): ThrottleVerdict {
  let worst: ThrottleVerdict = { allowed: true };
  for (const { scope, state } of states) {
    const wait = secondsUntilNextAttempt(state, now, FREE_ATTEMPTS[scope]);
    if (wait > 0 && (worst.allowed || wait > worst.retryAfterSeconds)) worst = { allowed: false, scope, retryAfterSeconds: wait };
  }
  return worst;
}
