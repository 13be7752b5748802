import { describe, expect, it } from "vitest";
import { actorOf, anonymous } from "../actor";
import { authorize } from "../policy";

const learner = (id: string) => actorOf({ id, email: `${id}@example.test`, name: id, role: "learner" });

describe("exam rules", () => {
  it("let any signed-in learner start a set and ask anonymous visitors to sign in", () => {
    expect(authorize("exams.start", learner("a"))).toEqual({ allowed: true });
    expect(authorize("exams.view", anonymous)).toMatchObject({ allowed: false, status: 401 });
  });
  it("show an attempt to its owner only; to anyone else it does not exist (404), even to an admin", () => {
    expect(authorize("exam.attempt.take", learner("a"), { ownerId: "a" })).toEqual({ allowed: true });
    expect(authorize("exam.attempt.take", learner("b"), { ownerId: "a" })).toMatchObject({ allowed: false, status: 404 });
    const admin = actorOf({ id: "root", email: "root@example.test", name: "Root", role: "admin" });
    expect(authorize("exam.attempt.viewResult", admin, { ownerId: "a" })).toMatchObject({ allowed: false, status: 404 });
    expect(authorize("exam.attempt.viewResult", anonymous, { ownerId: "a" })).toMatchObject({ allowed: false, status: 401 });
  });
});
