import { describe, expect, it } from "vitest";
import { FAILURE_MEMORY_SECONDS, FREE_ATTEMPTS, judgeAttempt, recordFailure, secondsUntilNextAttempt, throttleDelaySeconds, throttleKeys } from "./throttle";

const t0 = new Date("2026-01-01T00:00:00Z");
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("sign-in throttling", () => {
  it("lets the first three failures from one place through at once, then doubles the wait up to 15 minutes", () => {
    expect([0, 1, 2].map((n) => throttleDelaySeconds(n))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => throttleDelaySeconds(n))).toEqual([5, 10, 20, 40]);
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

  it("counts the account-wide key only from addresses the account has not signed in from", () => {
    expect(throttleKeys("ana@example.test", "h1", false).map((k) => k.scope)).toEqual(["pair", "account", "address"]);
    expect(throttleKeys("ana@example.test", "h1", true).map((k) => k.scope)).toEqual(["pair", "address"]);
  });

  it("is decided by the key with the longest wait", () => {
    const verdict = judgeAttempt(
      [
        { scope: "pair", key: "pair:x", state: { failures: 1, lastFailureAt: t0 } },
        { scope: "account", key: "account:x", state: { failures: FREE_ATTEMPTS.account + 2, lastFailureAt: t0 } },
        { scope: "address", key: "address:x", state: null },
      ],
      after(1),
    );
    expect(verdict).toEqual({ allowed: false, scope: "account", retryAfterSeconds: 19 });
  });
});
