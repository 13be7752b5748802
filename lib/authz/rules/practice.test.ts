import { describe, expect, it } from "vitest";
import { actorOf, anonymous } from "../actor";
import { authorize } from "../policy";

const learner = actorOf({ id: "u1", email: "u@example.test", name: "U", role: "learner" });

describe("practice and review rules", () => {
  it("let anyone practise but keep answers, misses and reviews to signed-in learners", () => {
    expect(authorize("practice.answer", anonymous)).toEqual({ allowed: true });
    for (const action of ["practice.record", "practice.missed", "review.view", "review.rate"] as const) {
      expect(authorize(action, anonymous)).toMatchObject({ allowed: false, status: 401 });
      expect(authorize(action, learner)).toEqual({ allowed: true });
    }
  });
});
