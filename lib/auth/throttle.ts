/** Failed sign-ins allowed before each further attempt has to wait. */
export const FREE_ATTEMPTS = 3;
const BASE_DELAY_SECONDS = 5;
const MAX_DELAY_SECONDS = 15 * 60;
/** A failure streak older than this is forgotten. */
export const FAILURE_MEMORY_SECONDS = 60 * 60;

/** Seconds to wait after `failures` consecutive failed sign-ins: 0 at first, then doubling from 5 s to 15 min. */
export function throttleDelaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

export type ThrottleState = { failures: number; lastFailureAt: Date };

/** Seconds the caller must still wait before trying again (0 means go ahead). */
export function secondsUntilNextAttempt(state: ThrottleState | null, now: Date): number {
  if (!state) return 0;
  const elapsed = (now.getTime() - state.lastFailureAt.getTime()) / 1000;
  if (elapsed >= FAILURE_MEMORY_SECONDS) return 0;
  return Math.max(0, Math.ceil(throttleDelaySeconds(state.failures) - elapsed));
}

/** The streak after one more failure at `now` (an old streak starts again from one). */
export function recordFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const elapsed = state ? (now.getTime() - state.lastFailureAt.getTime()) / 1000 : Infinity;
  const failures = state && elapsed < FAILURE_MEMORY_SECONDS ? state.failures + 1 : 1;
  return { failures, lastFailureAt: now };
}
