import { describe, expect, it } from "vitest";
import { actorOf, anonymous } from "./actor";
import { authorize } from "./policy";

const user = (role: "learner" | "instructor" | "admin") => actorOf({ id: "u1", email: "u@example.test", name: "U", role });

describe("authorize", () => {
  it("asks anonymous visitors to sign in (401) before anything that needs an account", () => {
    expect(authorize("dashboard.view", anonymous)).toEqual({ allowed: false, status: 401, reason: "Sign in first." });
    expect(authorize("users.list", anonymous)).toMatchObject({ allowed: false, status: 401 });
  });
  it("lets any signed-in user act on their own data", () => {
    expect(authorize("lab.submit", user("learner"))).toEqual({ allowed: true });
  });
  it("keeps user administration to administrators", () => {
    expect(authorize("users.setRole", user("instructor"))).toMatchObject({ allowed: false, status: 403 });
    expect(authorize("users.setRole", user("admin"))).toEqual({ allowed: true });
  });
});
