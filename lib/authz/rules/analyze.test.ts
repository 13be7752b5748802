import { describe, expect, it } from "vitest";
import { actorOf, anonymous } from "../actor";
import { authorize } from "../policy";

const user = (id: string, role: "learner" | "instructor" | "admin" = "learner") => actorOf({ id, email: `${id}@example.test`, name: id, role });

describe("saved snapshots from /analyze", () => {
  it("need an account to save or list (401 with a sentence saying analysing needs none)", () => {
    expect(authorize("snapshot.save", anonymous)).toMatchObject({ allowed: false, status: 401, reason: expect.stringContaining("analysing needs no account") });
    expect(authorize("snapshot.list", anonymous)).toMatchObject({ allowed: false, status: 401 });
    expect(authorize("snapshot.save", user("u1"))).toEqual({ allowed: true });
  });

  it("are opened and deleted by their owner only; anyone else, an administrator too, is told it does not exist (404)", () => {
    expect(authorize("snapshot.open", user("u1"), { ownerId: "u1" })).toEqual({ allowed: true });
    expect(authorize("snapshot.delete", user("u1"), { ownerId: "u1" })).toEqual({ allowed: true });
    for (const other of [user("u2"), user("a1", "admin"), user("i1", "instructor")]) {
      expect(authorize("snapshot.open", other, { ownerId: "u1" })).toMatchObject({ allowed: false, status: 404 });
      expect(authorize("snapshot.delete", other, { ownerId: "u1" })).toMatchObject({ allowed: false, status: 404 });
    }
    expect(authorize("snapshot.open", user("u1"), { ownerId: undefined })).toMatchObject({ allowed: false, status: 404 });
    expect(authorize("snapshot.open", anonymous, { ownerId: "u1" })).toMatchObject({ allowed: false, status: 401 });
  });
});
