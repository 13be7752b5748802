import { describe, expect, it } from "vitest";
import { FAILURE_MEMORY_SECONDS, recordFailure, secondsUntilNextAttempt, throttleDelaySeconds } from "./throttle";

const t0 = new Date("2026-01-01T00:00:00Z");
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("sign-in throttling", () => {
  it("lets the first three failures through at once, then doubles the wait up to 15 minutes", () => {
    expect([0, 1, 2].map(throttleDelaySeconds)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map(throttleDelaySeconds)).toEqual([5, 10, 20, 40]);
    expect(throttleDelaySeconds(30)).toBe(900);
  });

  it("makes the caller wait the remaining seconds after a streak", () => {
    let state = null;
    for (let i = 0; i < 4; i++) state = recordFailure(state, t0);
    expect(state?.failures).toBe(4);
    expect(secondsUntilNextAttempt(state, after(3))).toBe(7);
    expect(secondsUntilNextAttempt(state, after(10))).toBe(0);
  });

  it("forgets a streak after an hour", () => {
    const old = { failures: 9, lastFailureAt: t0 };
    expect(secondsUntilNextAttempt(old, after(FAILURE_MEMORY_SECONDS))).toBe(0);
    expect(recordFailure(old, after(FAILURE_MEMORY_SECONDS + 1)).failures).toBe(1);
  });
});
