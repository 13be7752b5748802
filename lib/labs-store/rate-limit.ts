/**
 * A sliding-window limit on lab submissions per learner, kept in this process's memory:
 * grading runs the evaluator's matrix, so a script hammering the endpoint would starve
 * other learners. One Node process serves the app (SQLite), so memory is the right place;
 * several processes behind a balancer would each allow the limit (see the README).
 */
export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = { take(key: string, now?: number): RateLimitDecision; reset(): void };

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key, now = Date.now()) {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        const oldest = recent[0] ?? now;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
      }
      recent.push(now);
      hits.set(key, recent);
      // Forget learners who stopped submitting, so the map does not grow without bound.
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.every((t) => now - t >= windowMs)) hits.delete(k);
      return { allowed: true, remaining: limit - recent.length };
    },
    reset() {
      hits.clear();
    },
  };
}
