import { describe, expect, it } from "vitest";
import { actorOf, anonymous } from "../actor";
import { authorize } from "../policy";

const user = (role: "learner" | "instructor" | "admin", id = "u1") => actorOf({ id, email: `${id}@example.test`, name: id, role });
const outsider = { exists: true, isInstructor: false, isMember: false };
const member = { exists: true, isInstructor: false, isMember: true };
const teacher = { exists: true, isInstructor: true, isMember: false };
const missing = { exists: false, isInstructor: false, isMember: false };

describe("class rules", () => {
  it("let only instructors and administrators create classes", () => {
    expect(authorize("classes.create", anonymous)).toMatchObject({ allowed: false, status: 401 });
    expect(authorize("classes.create", user("learner"))).toMatchObject({ allowed: false, status: 403 });
    expect(authorize("classes.create", user("instructor"))).toEqual({ allowed: true });
    expect(authorize("classes.create", user("admin"))).toEqual({ allowed: true });
  });

  it("give the instructor's tools to the class's instructors and administrators only", () => {
    expect(authorize("class.manage", user("instructor"), teacher)).toEqual({ allowed: true });
    expect(authorize("class.manage", user("admin"), outsider)).toEqual({ allowed: true });
    expect(authorize("class.gradebook", user("learner"), member)).toMatchObject({ allowed: false, status: 403 });
    // An instructor of another class learns nothing, not even that the class exists.
    expect(authorize("class.gradebook", user("instructor"), outsider)).toMatchObject({ allowed: false, status: 404 });
    expect(authorize("class.manage", user("admin"), missing)).toMatchObject({ allowed: false, status: 404 });
    expect(authorize("class.manage", anonymous, teacher)).toMatchObject({ allowed: false, status: 401 });
  });

  it("show a class to its learners and instructors, and hide it from everyone else", () => {
    expect(authorize("class.view", user("learner"), member)).toEqual({ allowed: true });
    expect(authorize("class.view", user("learner"), outsider)).toMatchObject({ allowed: false, status: 404 });
    expect(authorize("class.view", user("instructor"), outsider)).toMatchObject({ allowed: false, status: 404 });
  });

  it("show one learner's work only to the class's instructors, and only while the learner is in the class", () => {
    expect(authorize("class.learner.view", user("instructor"), { ...teacher, learnerIsMember: true })).toEqual({ allowed: true });
    expect(authorize("class.learner.view", user("instructor"), { ...teacher, learnerIsMember: false })).toMatchObject({ allowed: false, status: 404 });
    expect(authorize("class.learner.view", user("learner"), { ...member, learnerIsMember: true })).toMatchObject({ allowed: false, status: 403 });
  });

  it("let a member leave, and nobody else", () => {
    expect(authorize("class.leave", user("learner"), member)).toEqual({ allowed: true });
    expect(authorize("class.leave", user("instructor"), teacher)).toMatchObject({ allowed: false, status: 404 });
  });
});
