/**
 * The sliding-window decision behind every rate limit: at most `limit` requests per key in
 * any `windowMs`. Pure, so it is tested alone; lib/rate-limit/index.ts keeps the times in the
 * database so every app process counts the same requests.
 */
export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };
export type RateLimitRule = { limit: number; windowMs: number };

/** Given the key's recent request times, decides on a request at `now` and returns the times to keep. */
export function decide(hits: readonly number[], now: number, { limit, windowMs }: RateLimitRule): { decision: RateLimitDecision; hits: number[] } {
  const recent = hits.filter((t) => now - t < windowMs && t <= now).sort((a, b) => a - b);
  if (recent.length >= limit) {
    const oldest = recent[recent.length - limit] ?? now;
    return { decision: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) }, hits: recent };
  }
  recent.push(now);
  return { decision: { allowed: true, remaining: limit - recent.length }, hits: recent };
}
