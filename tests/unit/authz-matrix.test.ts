import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actorOf, anonymous, type Actor } from "@/lib/authz/actor";
import { authorize, type Action } from "@/lib/authz/policy";

/**
 * Every page, route handler and server action under app/, against every kind of visitor: the
 * table below says who may use it, the test checks the file asks lib/authz (or the session) for
 * it and that the policy gives exactly those answers. A page, handler or action that is not in
 * the table fails the test: add one line for it.
 */

type Persona = "anonymous" | "learner" | "otherLearner" | "classInstructor" | "otherInstructor" | "admin";
const PERSONAS: Persona[] = ["anonymous", "learner", "otherLearner", "classInstructor", "otherInstructor", "admin"];

/**
 * How a surface is guarded:
 * - `{ action }`: it calls `authorize("<action>", …)` (lib/authz) with facts about one class C;
 *   `owner: true` when the facts are instead whose the thing is (an exam attempt, a saved
 *   snapshot: here the learner's); `via` when the call is in a helper, either a function of the
 *   same file or a lib/ module the file imports (its path).
 * - `"session"`: it only needs an account (getCurrentUser/requireUser) and acts on the user's own data.
 * - `"public"`: anyone; it shows or saves nothing private (a signed-in user gets their own data at most).
 */
type Guard = { action: Action; owner?: true; via?: string } | "session" | "public";
type Row = readonly [surface: string, guard: Guard, allowed: readonly Persona[]];

const EVERYONE = PERSONAS;
const SIGNED_IN: Persona[] = ["learner", "otherLearner", "classInstructor", "otherInstructor", "admin"];
const TEACHERS: Persona[] = ["classInstructor", "otherInstructor", "admin"];
const OF_CLASS: Persona[] = ["classInstructor", "admin"];

// One line per page ("page <path>"), route handler ("<METHOD> <path>") and server action ("action <file>#<name>").
const TABLE: readonly Row[] = [
  ["page /", "public", EVERYONE],
  ["page /analyze", "public", EVERYONE],
  ["GET /api/snapshots", { action: "snapshot.list", via: "lib/analyze-store/snapshots.ts" }, SIGNED_IN],
  ["POST /api/snapshots", { action: "snapshot.save", via: "lib/analyze-store/snapshots.ts" }, SIGNED_IN],
  ["GET /api/snapshots/[id]", { action: "snapshot.open", owner: true, via: "lib/analyze-store/snapshots.ts" }, ["learner"]],
  ["DELETE /api/snapshots/[id]", { action: "snapshot.delete", owner: true, via: "lib/analyze-store/snapshots.ts" }, ["learner"]],
  ["page /practice", "public", EVERYONE],
  ["action app/practice/actions.ts#submitPracticeAnswer", { action: "practice.answer" }, EVERYONE],
  ["action app/practice/actions.ts#rateReviewCard", { action: "review.rate" }, SIGNED_IN],
  ["page /review", { action: "review.view" }, SIGNED_IN],
  ["page /exams", { action: "exams.view" }, SIGNED_IN],
  ["page /exams/[attemptId]", { action: "exam.attempt.take", owner: true }, ["learner"]],
  ["page /exams/[attemptId]/result", { action: "exam.attempt.viewResult", owner: true }, ["learner"]],
  ["action app/exams/actions.ts#startExam", { action: "exams.start" }, SIGNED_IN],
  ["action app/exams/actions.ts#saveAnswer", { action: "exam.attempt.take", owner: true, via: "ownerDecision" }, ["learner"]],
  ["action app/exams/actions.ts#submitExam", { action: "exam.attempt.take", owner: true, via: "ownerDecision" }, ["learner"]],
  ["page /lessons", "public", EVERYONE],
  ["page /lessons/[slug]", "public", EVERYONE],
  ["page /labs", "public", EVERYONE],
  ["page /labs/[slug]", "session", SIGNED_IN],
  ["page /search", "public", EVERYONE],
  ["page /sign-in", "public", EVERYONE],
  ["page /sign-up", "public", EVERYONE],
  ["page /dashboard", "session", SIGNED_IN],
  ["page /classes", { action: "classes.list" }, SIGNED_IN],
  ["page /classes/[id]", { action: "class.view" }, ["learner", "classInstructor", "admin"]],
  ["page /classes/[id]/learners/[userId]", { action: "class.learner.view" }, OF_CLASS],
  ["page /join/[code]", { action: "classes.join" }, SIGNED_IN],
  ["page /admin/users", { action: "users.list" }, ["admin"]],
  ["GET /api/auth/[...nextauth]", "public", EVERYONE],
  ["POST /api/auth/[...nextauth]", "public", EVERYONE],
  ["GET /api/progress", "public", EVERYONE],
  ["GET /api/labs/[slug]/attempts", "session", SIGNED_IN],
  ["POST /api/labs/[slug]/attempts", "session", SIGNED_IN],
  ["PUT /api/labs/[slug]/draft", "session", SIGNED_IN],
  ["GET /api/classes/[id]/gradebook", { action: "class.gradebook" }, OF_CLASS],
  ["action app/lessons/actions.ts#submitLessonCheck", "public", EVERYONE],
  ["action app/sign-up/actions.ts#signUpAction", "public", EVERYONE],
  ["action app/classes/actions.ts#createClassAction", { action: "classes.create" }, TEACHERS],
  ["action app/classes/actions.ts#joinClassAction", { action: "classes.join" }, SIGNED_IN],
  ["action app/classes/actions.ts#updateClassAction", { action: "class.manage" }, OF_CLASS],
  ["action app/classes/actions.ts#regenerateCodeAction", { action: "class.manage" }, OF_CLASS],
  ["action app/classes/actions.ts#setArchivedAction", { action: "class.manage" }, OF_CLASS],
  ["action app/classes/actions.ts#addInstructorAction", { action: "class.manage" }, OF_CLASS],
  ["action app/classes/actions.ts#removeInstructorAction", { action: "class.manage" }, OF_CLASS],
  ["action app/classes/actions.ts#removeLearnerAction", { action: "class.manage" }, OF_CLASS],
  ["action app/classes/actions.ts#leaveClassAction", { action: "class.leave" }, ["learner"]],
  ["action app/classes/actions.ts#addAssignmentAction", { action: "class.manage" }, OF_CLASS],
  ["action app/classes/actions.ts#updateAssignmentAction", { action: "class.manage" }, OF_CLASS],
  ["action app/classes/actions.ts#removeAssignmentAction", { action: "class.manage" }, OF_CLASS],
  ["action app/admin/users/actions.ts#setRoleAction", { action: "users.setRole" }, ["admin"]],
];

// ---- The personas, and what lib/classes would load about class C for each. ----

const user = (id: string, role: "learner" | "instructor" | "admin"): Actor => actorOf({ id, email: `${id}@example.test`, name: id, role });
const ACTORS: Record<Persona, Actor> = {
  anonymous,
  learner: user("learner", "learner"),
  otherLearner: user("other-learner", "learner"),
  classInstructor: user("class-instructor", "instructor"),
  otherInstructor: user("other-instructor", "instructor"),
  admin: user("admin", "admin"),
};
function factsFor(persona: Persona) {
  // The learner in a drill-in's address is "learner", a member of C.
  return { exists: true, isInstructor: persona === "classInstructor", isMember: persona === "learner", archived: false, learnerIsMember: true };
}

function decide(guard: Guard, persona: Persona): boolean {
  if (guard === "public") return true;
  if (guard === "session") return ACTORS[persona].kind === "user";
  const rule = authorize as (action: Action, actor: Actor, facts?: unknown) => { allowed: boolean };
  // Owned things belong to the learner persona (its id is "learner").
  return rule(guard.action, ACTORS[persona], guard.owner ? { ownerId: "learner" } : factsFor(persona)).allowed;
}

// ---- Finding every surface under app/. ----

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full.split(path.sep).join("/")];
  });
}

const routePath = (file: string) => "/" + path.posix.dirname(file).replace(/^app\/?/, "").replace(/\/?\([^)]+\)/g, "");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

type Surface = { surface: string; file: string; source: string; fileSource: string };

function discover(): Surface[] {
  const files = walk("app");
  const found: Surface[] = [];
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const base = path.posix.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(base)) found.push({ surface: `page ${routePath(file).replace(/\/$/, "") || "/"}`, file, source, fileSource: source });
    if (/^route\.(ts|js)$/.test(base)) {
      for (const method of METHODS) {
        const exported = new RegExp(`export\\s+(async\\s+)?function\\s+${method}\\b|export\\s+const\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`).test(source);
        if (exported) found.push({ surface: `${method} ${routePath(file)}`, file, source, fileSource: source });
      }
    }
    if (/^\s*["']use server["']/.test(source)) {
      const names = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)].map((m) => m[1] ?? "");
      for (const name of names) found.push({ surface: `action ${file}#${name}`, file, source: bodyOf(source, name), fileSource: source });
    }
  }
  return found;
}

/** The text of one exported function, up to the next top-level export. */
function bodyOf(source: string, name: string): string {
  const start = source.search(new RegExp(`export\\s+(?:async\\s+)?(?:function|const)\\s+${name}\\b`));
  const rest = source.slice(start + 1);
  const next = rest.search(/\nexport\s/);
  return next === -1 ? rest : rest.slice(0, next);
}

const surfaces = discover();
const table = new Map(TABLE.map(([surface, guard, allowed]) => [surface, { guard, allowed }]));

describe("the authorization matrix", () => {
  it("finds the app's pages, route handlers and server actions (the scan looks in the right place)", () => {
    const names = surfaces.map((s) => s.surface);
    expect(names).toContain("page /classes/[id]");
    expect(names).toContain("GET /api/classes/[id]/gradebook");
    expect(names).toContain("action app/classes/actions.ts#removeLearnerAction");
    expect(names).toContain("page /");
  });

  it("has a line for every page, route handler and server action (add one for a new route)", () => {
    const missing = surfaces.map((s) => s.surface).filter((s) => !table.has(s));
    expect(missing, "surfaces under app/ missing from TABLE in tests/unit/authz-matrix.test.ts").toEqual([]);
  });

  it("has no line for a surface that no longer exists", () => {
    const present = new Set(surfaces.map((s) => s.surface));
    expect(TABLE.map(([s]) => s).filter((s) => !present.has(s))).toEqual([]);
  });

  it("checks on the server, in each file, what its line says it checks", () => {
    const problems = surfaces.flatMap(({ surface, source, fileSource }) => {
      const row = table.get(surface);
      if (!row || row.guard === "public") return [];
      if (row.guard === "session") return /getCurrentUser\(|requireUser\(|currentActor\(/.test(source) ? [] : [`${surface} never reads the session`];
      const { action, via } = row.guard;
      const call = `authorize("${action}"`;
      let asks: boolean;
      if (via?.endsWith(".ts")) asks = fileSource.includes(`from "@/${via.replace(/\.ts$/, "")}"`) && readFileSync(via, "utf8").includes(call);
      else if (via) asks = source.includes(`${via}(`) && fileSource.includes(call);
      // Directly, or through the file's one helper that passes its `action` argument on to authorize.
      else asks = source.includes(call) || (source.includes(`, "${action}")`) && fileSource.includes("authorize(action,"));
      return asks ? [] : [`${surface} never asks authorize("${action}", …)`];
    });
    expect(problems).toEqual([]);
  });

  for (const [surface, guard, allowed] of TABLE) {
    it(`${surface}: allows ${allowed.length === PERSONAS.length ? "everyone" : allowed.join(", ") || "nobody"}, denies the rest`, () => {
      const answers = Object.fromEntries(PERSONAS.map((p) => [p, decide(guard, p) ? "allow" : "deny"]));
      const expected = Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? "allow" : "deny"]));
      expect(answers).toEqual(expected);
    });
  }
});
