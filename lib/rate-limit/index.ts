import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { decide, type RateLimitDecision, type RateLimitRule } from "./sliding-window";

export { decide, type RateLimitDecision, type RateLimitRule } from "./sliding-window";

/**
 * Rate limits shared by every app process: each key's recent request times live in the
 * database (table RateLimit), read and written in one transaction whose first statement
 * writes the key's row. On PostgreSQL that write locks the row until the transaction ends,
 * so two processes deciding on one key take turns; SQLite has a single writer anyway.
 * Each limiter has a name, which prefixes its keys: `lab-submission:<userId>`.
 */
export type RateLimiter = { take(key: string, now?: number): Promise<RateLimitDecision> };

const JSON_NUMBERS = /^\[[0-9,]*\]$/;

function parseHits(text: string): number[] {
  // Our own column; a damaged value is treated as no recent requests rather than a crash.
  if (!JSON_NUMBERS.test(text)) return [];
  return text === "[]" ? [] : text.slice(1, -1).split(",").map(Number).filter(Number.isFinite);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export function createRateLimiter({ name, ...rule }: RateLimitRule & { name: string }): RateLimiter {
  async function takeOnce(subject: string, now: number): Promise<RateLimitDecision> {
    const key = `${name}:${subject}`;
    return db.$transaction(async (tx) => {
      const at = new Date(now);
      const row = await tx.rateLimit.upsert({ where: { key }, create: { key, hits: "[]", updatedAt: at }, update: { updatedAt: at } });
      const next = decide(parseHits(row.hits), now, rule);
      await tx.rateLimit.update({ where: { key }, data: { hits: JSON.stringify(next.hits) } });
      return next.decision;
    }, TRANSACTION_OPTIONS);
  }
  return {
    async take(key, now = Date.now()) {
      try {
        return await takeOnce(key, now);
      } catch (error) {
        // Two processes creating the same key's first row at once: one insert wins, the other retries as an update.
        if (isUniqueViolation(error)) return takeOnce(key, now);
        throw error;
      }
    },
  };
}

/** Forgets keys nobody used for `olderThanMs` (their windows are long past), so the table stays small. */
export async function pruneRateLimits(olderThanMs: number, now = Date.now()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { updatedAt: { lt: new Date(now - olderThanMs) } } });
  return count;
}
