import { describe, expect, it } from "vitest";
import { decide, type RateLimitRule } from "./sliding-window";

function takeAll(rule: RateLimitRule, times: number[]) {
  let hits: number[] = [];
  return times.map((t) => {
    const next = decide(hits, t, rule);
    hits = next.hits;
    return next.decision;
  });
}

describe("sliding-window rate limit", () => {
  it("allows the limit within the window, then says how long to wait", () => {
    const rule = { limit: 3, windowMs: 60_000 };
    const decisions = takeAll(rule, [1000, 1001, 1002, 1003, 31_000]);
    expect(decisions.slice(0, 3).map((d) => d.allowed)).toEqual([true, true, true]);
    expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(decisions[4]).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it("lets the key in again once the oldest request leaves the window", () => {
    const decisions = takeAll({ limit: 2, windowMs: 60_000 }, [0, 10_000, 59_999, 60_000]);
    expect(decisions[2]?.allowed).toBe(false);
    expect(decisions[3]).toEqual({ allowed: true, remaining: 0 });
  });

  it("does not count refused requests, and forgets times outside the window", () => {
    const first = decide([], 0, { limit: 1, windowMs: 1000 });
    const refused = decide(first.hits, 500, { limit: 1, windowMs: 1000 });
    expect(refused.hits).toEqual([0]);
    expect(decide(refused.hits, 5000, { limit: 1, windowMs: 1000 }).hits).toEqual([5000]);
  });
});
