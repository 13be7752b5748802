import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("lab submission rate limit", () => {
  it("allows the limit within the window, then says how long to wait", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1, 2].map((i) => limiter.take("ana", 1000 + i).allowed)).toEqual([true, true, true]);
    expect(limiter.take("ana", 1003)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take("ana", 31_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it("lets the learner submit again once the oldest submission leaves the window", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    limiter.take("ana", 0);
    limiter.take("ana", 10_000);
    expect(limiter.take("ana", 59_999).allowed).toBe(false);
    expect(limiter.take("ana", 60_000)).toEqual({ allowed: true, remaining: 0 });
  });

  it("counts each learner apart", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 });
    expect(limiter.take("ana", 0).allowed).toBe(true);
    expect(limiter.take("ben", 0).allowed).toBe(true);
    expect(limiter.take("ana", 1).allowed).toBe(false);
  });
});
