import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * The class routes and server actions as they run, against a real database, for each kind of
 * visitor: the session is the only thing replaced (there is no browser cookie in a unit test).
 * tests/unit/authz-matrix.test.ts checks the policy table; this checks the code obeys it.
 */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error("redirect to sign-in");
    return session.user;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.20.30.40" }) }));

const { createClass, joinClassByCode, loadClassFacts } = await import("@/lib/classes");
const { createRateLimiter } = await import("@/lib/rate-limit");
const { db } = await import("@/lib/db");
const { GET } = await import("@/app/api/classes/[id]/gradebook/route");
const actions = await import("@/app/classes/actions");
const { setRoleAction } = await import("@/app/admin/users/actions");
const { newUserInput } = await import("../factories");

type Persona = "anonymous" | "learner" | "otherLearner" | "classInstructor" | "otherInstructor" | "admin";
const people = {} as Record<Exclude<Persona, "anonymous">, CurrentUser>;
let classId = "";

beforeAll(async () => {
  for (const [persona, role] of [
    ["learner", "learner"],
    ["otherLearner", "learner"],
    ["classInstructor", "instructor"],
    ["otherInstructor", "instructor"],
    ["admin", "admin"],
  ] as const) {
    // Straight into the table: nobody signs in here, so no password needs hashing.
    const { name, email } = newUserInput();
    people[persona] = { ...(await db.user.create({ data: { name, email, role, passwordHash: "x" }, select: { id: true, email: true, name: true } })), role };
  }
  const created = await createClass(people.classInstructor.id, { name: "Authz class" });
  if (!created.ok) throw new Error(created.error);
  classId = created.value.id;
  const limiter = createRateLimiter({ name: "authz-test", limit: 100, windowMs: 60_000 });
  await joinClassByCode(people.learner.id, created.value.joinCode, "10.0.0.1", { perUser: limiter, perAddress: limiter });
  await createClass(people.otherInstructor.id, { name: "Another class" });
}, 60_000);

function as(persona: Persona) {
  session.user = persona === "anonymous" ? null : people[persona];
}

const PERSONAS: Persona[] = ["anonymous", "learner", "otherLearner", "classInstructor", "otherInstructor", "admin"];

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe("the gradebook route, for each visitor", () => {
  it("answers the class's instructors and administrators, 401 to anonymous, 403 to its learner, 404 to everyone else", async () => {
    const statuses: Record<string, number> = {};
    for (const persona of PERSONAS) {
      as(persona);
      const response = await GET(new Request(`http://localhost/api/classes/${classId}/gradebook?format=json`), { params: Promise.resolve({ id: classId }) });
      statuses[persona] = response.status;
    }
    expect(statuses).toEqual({ anonymous: 401, learner: 403, otherLearner: 404, classInstructor: 200, otherInstructor: 404, admin: 200 });
  });

  it("refuses an unknown format with a message, and an unknown class as not found", async () => {
    as("classInstructor");
    const bad = await GET(new Request(`http://localhost/api/classes/${classId}/gradebook?format=xlsx`), { params: Promise.resolve({ id: classId }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "Use format=csv or format=json." });
    const missing = await GET(new Request("http://localhost/api/classes/nope/gradebook"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
  });
});

describe("class server actions check authorization themselves", () => {
  it("let only the class's instructors and administrators remove a learner", async () => {
    const outcomes: Record<string, boolean> = {};
    for (const persona of ["anonymous", "learner", "otherLearner", "otherInstructor"] as const) {
      as(persona);
      const state = await actions.removeLearnerAction(null, form({ classId, userId: people.learner.id }));
      outcomes[persona] = state?.ok ?? false;
    }
    expect(outcomes).toEqual({ anonymous: false, learner: false, otherLearner: false, otherInstructor: false });
    expect((await loadClassFacts(classId, people.learner.id)).isMember).toBe(true);
    as("admin");
    expect(await actions.regenerateCodeAction(null, form({ classId }))).toMatchObject({ ok: true });
  });

  it("refuse to let another instructor add work or change a class they do not teach", async () => {
    as("otherInstructor");
    expect(await actions.addAssignmentAction(null, form({ classId, work: "lesson:subnets", dueAt: new Date().toISOString() }))).toMatchObject({ ok: false, message: expect.stringContaining("not part of it") });
    expect(await actions.setArchivedAction(null, form({ classId, archive: "true" }))).toMatchObject({ ok: false });
    expect(await db.classRoom.findUnique({ where: { id: classId }, select: { archivedAt: true } })).toEqual({ archivedAt: null });
  });

  it("let only instructors create classes, and only administrators change roles", async () => {
    as("learner");
    expect(await actions.createClassAction(null, form({ name: "Mine" }))).toMatchObject({ ok: false, message: expect.stringContaining("Only instructors") });
    as("classInstructor");
    expect(await setRoleAction(null, form({ userId: people.otherLearner.id, role: "admin" }))).toMatchObject({ ok: false });
    as("admin");
    expect(await setRoleAction(null, form({ userId: people.otherLearner.id, role: "instructor" }))).toMatchObject({ ok: true });
    expect(await setRoleAction(null, form({ userId: people.admin.id, role: "learner" }))).toMatchObject({ ok: false, message: expect.stringContaining("your own role") });
    expect(await db.user.findUnique({ where: { id: people.otherLearner.id }, select: { role: true } })).toEqual({ role: "instructor" });
  });

  it("keep the join limit per address even across accounts (the address comes from the request)", async () => {
    as("otherLearner");
    const state = await actions.joinClassAction(null, form({ code: "ABCD-EFGH-JKMN" }));
    expect(state).toMatchObject({ ok: false, message: expect.stringContaining("No class has this code") });
    const hits = await db.rateLimit.findUnique({ where: { key: "class-join-address:10.20.30.40" } });
    expect(hits).not.toBeNull();
  });
});
