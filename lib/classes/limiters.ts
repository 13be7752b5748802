import { createRateLimiter } from "@/lib/rate-limit";
import type { JoinLimiters } from "./store";

const globalForLimiters = globalThis as unknown as { classJoinLimiters?: JoinLimiters };

/**
 * Join-code guesses, counted in the database (shared by every app process): 10 per account and
 * 60 per client address in 15 minutes. A class of 30 joining from one school network fits; at
 * that pace a guesser needs longer than the universe's age to find one code in 2^59.
 */
export function joinLimiters(): JoinLimiters {
  globalForLimiters.classJoinLimiters ??= {
    perUser: createRateLimiter({ name: "class-join-user", limit: 10, windowMs: 15 * 60_000 }),
    perAddress: createRateLimiter({ name: "class-join-address", limit: 60, windowMs: 15 * 60_000 }),
  };
  return globalForLimiters.classJoinLimiters;
}
