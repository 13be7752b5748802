import { describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import {
  addAssignment,
  addInstructorByEmail,
  createClass,
  getClassDetail,
  joinClassByCode,
  leaveClass,
  listClassesFor,
  loadClassFacts,
  loadClassMatrix,
  loadLearnerClasses,
  loadLearnerDetail,
  regenerateJoinCode,
  removeAssignment,
  removeInstructor,
  removeLearner,
  setClassArchived,
  type Catalog,
  type ClassResult,
  type JoinLimiters,
} from "@/lib/classes";
import { db } from "@/lib/db";
import { startExamAttempt, submitExamAttempt } from "@/lib/exams";
import { countingClient } from "@/lib/db-query-counter";
import { saveLabAttempt } from "@/lib/labs-store";
import { saveLessonCheck } from "@/lib/progress/lesson-check";
import { createRateLimiter } from "@/lib/rate-limit";
import { newUserInput } from "../factories";

const catalog: Catalog = { lessons: [{ slug: "subnets", title: "Subnets" }], labs: [{ slug: "three-tier", title: "Three tiers" }], exams: [{ slug: "ans-c01-short", title: "ANS-C01 lunch-break set" }] };
const roomy = (): JoinLimiters => {
  const name = `test-join-${Math.random().toString(36).slice(2)}`;
  return { perUser: createRateLimiter({ name: `${name}-u`, limit: 1000, windowMs: 60_000 }), perAddress: createRateLimiter({ name: `${name}-a`, limit: 1000, windowMs: 60_000 }) };
};

function value<T>(result: ClassResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.value;
}

const person = (role: "learner" | "instructor" | "admin") => upsertUser({ ...newUserInput(), role });

async function classWithInstructor(name = "VPC 101") {
  const instructor = await person("instructor");
  const created = value(await createClass(instructor.id, { name, term: "Spring 2026", description: "Networking for the cloud team" }));
  return { instructor, ...created };
}

const failedChecks = [
  {
    id: "web-to-db",
    title: "The web tier reaches the database",
    weight: 1,
    kind: "must-reach",
    passed: false,
    earned: 0,
    explanation: "The database's security group allows nothing from the web tier.",
    counterexample: { source: "web", destination: "db", protocol: "tcp", destinationPort: 5432, description: "tcp 5432 from web to db is dropped by sg-db", explanationCodes: ["SG_NO_MATCH"] },
  },
];

describe("classes in the database", () => {
  it("creates a class with its creator as instructor and a 12-character join code", async () => {
    const { instructor, id, joinCode } = await classWithInstructor();
    expect(joinCode).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(await loadClassFacts(id, instructor.id)).toEqual({ exists: true, isInstructor: true, isMember: false, archived: false });
    expect((await listClassesFor(instructor.id)).teaching).toMatchObject([{ id, name: "VPC 101", term: "Spring 2026", learnerCount: 0 }]);
  });

  it("refuses a class without a name, with the field's message", async () => {
    const instructor = await person("instructor");
    const result = await createClass(instructor.id, { name: "  ", term: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: ["Give the class a name."] } });
  });

  it("lets learners join with the code however they type it, once, and in several classes", async () => {
    const first = await classWithInstructor("First");
    const second = await classWithInstructor("Second");
    const learner = await person("learner");
    const typed = `${first.joinCode.slice(0, 4).toLowerCase()}-${first.joinCode.slice(4, 8)} ${first.joinCode.slice(8)}`;
    expect(value(await joinClassByCode(learner.id, typed, "10.0.0.1", roomy()))).toEqual({ classId: first.id, className: "First", alreadyMember: false });
    expect(value(await joinClassByCode(learner.id, first.joinCode, "10.0.0.1", roomy()))).toMatchObject({ alreadyMember: true });
    value(await joinClassByCode(learner.id, second.joinCode, "10.0.0.1", roomy()));
    expect((await listClassesFor(learner.id)).enrolled.map((c) => c.name).sort()).toEqual(["First", "Second"]);
    expect(await loadClassFacts(first.id, learner.id)).toMatchObject({ isMember: true, isInstructor: false });
  });

  it("explains a wrong, malformed, regenerated or archived code, and an instructor joining their own class", async () => {
    const { instructor, id, joinCode } = await classWithInstructor();
    const learner = await person("learner");
    expect(await joinClassByCode(learner.id, "ABCD", "10.0.0.2", roomy())).toMatchObject({ ok: false, error: expect.stringContaining("12 letters and digits") });
    expect(await joinClassByCode(learner.id, "ABCD-EFGH-JKMN", "10.0.0.2", roomy())).toMatchObject({ ok: false, error: expect.stringContaining("No class has this code") });
    expect(await joinClassByCode(instructor.id, joinCode, "10.0.0.2", roomy())).toMatchObject({ ok: false, error: expect.stringContaining("You teach this class") });
    const fresh = value(await regenerateJoinCode(id));
    expect(fresh).not.toBe(joinCode);
    expect(await joinClassByCode(learner.id, joinCode, "10.0.0.2", roomy())).toMatchObject({ ok: false, error: expect.stringContaining("No class has this code") });
    value(await setClassArchived(id, true));
    expect(await joinClassByCode(learner.id, fresh, "10.0.0.2", roomy())).toMatchObject({ ok: false, error: expect.stringContaining("archived") });
    value(await setClassArchived(id, false));
    expect(await joinClassByCode(learner.id, fresh, "10.0.0.2", roomy())).toMatchObject({ ok: true });
  });

  it("rate-limits guessing per account and per address, before looking at the code", async () => {
    const { joinCode } = await classWithInstructor();
    const suffix = Math.random().toString(36).slice(2);
    const limiters: JoinLimiters = {
      perUser: createRateLimiter({ name: `guess-u-${suffix}`, limit: 3, windowMs: 60_000 }),
      perAddress: createRateLimiter({ name: `guess-a-${suffix}`, limit: 5, windowMs: 60_000 }),
    };
    const guesser = await person("learner");
    for (let i = 0; i < 3; i += 1) expect(await joinClassByCode(guesser.id, "ABCD-EFGH-JKMN", "10.9.9.9", limiters)).toMatchObject({ ok: false, error: expect.stringContaining("No class") });
    // Even the right code is refused once the account used up its guesses.
    expect(await joinClassByCode(guesser.id, joinCode, "10.9.9.9", limiters)).toMatchObject({ ok: false, error: expect.stringContaining("Too many join attempts") });
    // Other accounts from the same address share the address's limit.
    const accomplice = await person("learner");
    expect(await joinClassByCode(accomplice.id, "ABCD-EFGH-JKMN", "10.9.9.9", limiters)).toMatchObject({ ok: false, error: expect.stringContaining("No class") });
    expect(await joinClassByCode(accomplice.id, joinCode, "10.9.9.9", limiters)).toMatchObject({ ok: false, error: expect.stringContaining("Too many join attempts") });
    expect(await joinClassByCode(accomplice.id, joinCode, "10.1.1.1", limiters)).toMatchObject({ ok: true });
  });

  it("adds co-instructors by email (instructor accounts only) and never removes the last one", async () => {
    const { instructor, id } = await classWithInstructor();
    const colleague = await person("instructor");
    const learner = await person("learner");
    expect(await addInstructorByEmail(id, { email: learner.email })).toMatchObject({ ok: false, fieldErrors: { email: ["No instructor account has this email."] } });
    expect(await addInstructorByEmail(id, { email: "not an email" })).toMatchObject({ ok: false });
    expect(value(await addInstructorByEmail(id, { email: colleague.email.toUpperCase() }))).toEqual({ name: colleague.name });
    expect((await getClassDetail(id))?.instructors.map((i) => i.userId).sort()).toEqual([instructor.id, colleague.id].sort());
    value(await removeInstructor(id, colleague.id));
    expect(await removeInstructor(id, instructor.id)).toMatchObject({ ok: false, error: expect.stringContaining("at least one instructor") });
  });

  it("removes learners from the roster and lets learners leave", async () => {
    const { id, joinCode } = await classWithInstructor();
    const [a, b] = [await person("learner"), await person("learner")];
    for (const l of [a, b]) value(await joinClassByCode(l.id, joinCode, "10.0.0.3", roomy()));
    value(await removeLearner(id, a.id));
    value(await leaveClass(id, b.id));
    expect(await loadClassFacts(id, a.id)).toMatchObject({ isMember: false });
    expect(await removeLearner(id, a.id)).toMatchObject({ ok: false });
  });

  it("assigns only lessons and labs of the course, once each", async () => {
    const { id } = await classWithInstructor();
    const dueAt = "2026-04-01T17:00:00.000Z";
    expect(await addAssignment(id, { kind: "lab", ref: "no-such-lab", dueAt }, catalog)).toMatchObject({ ok: false, error: 'There is no lab "no-such-lab" in the course.' });
    expect(await addAssignment(id, { kind: "exam", ref: "three-tier", dueAt }, catalog)).toMatchObject({ ok: false, error: 'There is no exam "three-tier" in the course.' });
    expect(await addAssignment(id, { kind: "video", ref: "three-tier", dueAt }, catalog)).toMatchObject({ ok: false, fieldErrors: { kind: ["Choose a lesson, a lab or an exam set."] } });
    expect(await addAssignment(id, { kind: "lab", ref: "three-tier", dueAt: "next tuesday" }, catalog)).toMatchObject({ ok: false, fieldErrors: { dueAt: ["Pick a due date and time."] } });
    const { id: assignmentId } = value(await addAssignment(id, { kind: "lab", ref: "three-tier", dueAt: "2026-04-01T19:00:00+02:00", minScore: "80" }, catalog));
    expect(await db.classAssignment.findUnique({ where: { id: assignmentId } })).toMatchObject({ dueAt: new Date(dueAt), minScore: 80 });
    expect(await addAssignment(id, { kind: "lab", ref: "three-tier", dueAt }, catalog)).toMatchObject({ ok: false, error: expect.stringContaining("already assigned") });
    const other = await classWithInstructor("Other");
    expect(await removeAssignment(other.id, assignmentId)).toMatchObject({ ok: false });
    value(await removeAssignment(id, assignmentId));
  });

  it("assigns a timed exam set (done at 72 % right unless the instructor says otherwise) and reads finished attempts only", async () => {
    const { id, joinCode } = await classWithInstructor("Exam prep");
    const past = new Date(Date.now() - 86_400_000).toISOString();
    value(await addAssignment(id, { kind: "exam", ref: "ans-c01-short", dueAt: past }, catalog));
    const [submitted, started] = [await person("learner"), await person("learner")];
    for (const [i, l] of [submitted, started].entries()) value(await joinClassByCode(l.id, joinCode, `10.3.0.${i}`, roomy()));
    const now = new Date();
    const first = await startExamAttempt(submitted.id, "ans-c01-short", now);
    if (!first.ok) throw new Error(first.error);
    expect(await submitExamAttempt(submitted.id, first.attemptId, now)).toMatchObject({ ok: true });
    expect(await startExamAttempt(started.id, "ans-c01-short", now)).toMatchObject({ ok: true });

    const matrix = await loadClassMatrix(id, catalog);
    expect(matrix.assignments[0]).toMatchObject({ kind: "exam", title: "ANS-C01 lunch-break set", minScore: 72 });
    const cell = (userId: string) => matrix.rows.find((r) => r.userId === userId)?.cells[0];
    // Handed in with nothing right: attempted, below the minimum, and overdue.
    expect(cell(submitted.id)).toMatchObject({ status: "in-progress", score: 0, overdue: true });
    // An attempt still running is not work handed in.
    expect(cell(started.id)).toMatchObject({ status: "not-started", score: null });
    expect((await loadLearnerClasses(submitted.id, catalog))[0]?.matrix.rows[0]?.cells[0]).toMatchObject({ status: "in-progress", score: 0 });
  });

  it("computes the matrix from real work in the same four queries for 3 learners or 30, late work marked late", async () => {
    const { id, joinCode } = await classWithInstructor();
    const past = new Date(Date.now() - 3 * 86_400_000);
    value(await addAssignment(id, { kind: "lab", ref: "three-tier", dueAt: past.toISOString(), minScore: 80 }, catalog));
    value(await addAssignment(id, { kind: "lesson", ref: "subnets", dueAt: new Date(Date.now() + 86_400_000).toISOString() }, catalog));
    const learners = [];
    for (let i = 0; i < 3; i += 1) {
      const l = await person("learner");
      value(await joinClassByCode(l.id, joinCode, `10.1.0.${i}`, roomy()));
      learners.push(l);
    }
    const [late, partial] = learners;
    if (!late || !partial) throw new Error("learners missing");
    await saveLabAttempt(late.id, "three-tier", "{}", { score: 9, maxScore: 10, percent: 90, checks: [] });
    await saveLabAttempt(partial.id, "three-tier", '{"vpcs":[]}', { score: 5, maxScore: 10, percent: 50, checks: failedChecks });
    await saveLessonCheck(partial.id, "subnets", { results: [{ questionId: "q1", chosen: 0, correctIndex: 0, isCorrect: true }], score: 1, total: 2, isComplete: false });

    const counter = countingClient();
    const matrix = await loadClassMatrix(id, catalog, new Date(), counter.client);
    expect(counter.count()).toBe(4);
    const row = (userId: string) => matrix.rows.find((r) => r.userId === userId);
    expect(row(late.id)?.cells[0]).toMatchObject({ status: "late", score: 90 });
    expect(row(partial.id)?.cells.map((c) => c.status)).toEqual(["in-progress", "in-progress"]);
    expect(row(partial.id)?.cells[1]?.score).toBe(50);
    expect(matrix.rows).toHaveLength(3);

    for (let i = 0; i < 27; i += 1) {
      // Straight into the tables: hashing 27 passwords would only slow the test down.
      const { name, email } = newUserInput();
      const l = await db.user.create({ data: { name, email, passwordHash: "not-a-hash" } });
      await db.classMember.create({ data: { classId: id, userId: l.id } });
    }
    counter.reset();
    expect((await loadClassMatrix(id, catalog, new Date(), counter.client)).rows).toHaveLength(30);
    expect(counter.count()).toBe(4);

    // The learner sees their own results only, in each of their classes.
    const own = await loadLearnerClasses(partial.id, catalog);
    expect(own).toHaveLength(1);
    expect(own[0]?.matrix.rows.map((r) => r.userId)).toEqual([partial.id]);

    // The drill-in: the exact topology, the failed check and its counterexample, the lesson answers.
    const detail = await loadLearnerDetail(id, partial.id, catalog);
    expect(detail?.attempts[0]).toMatchObject({ labTitle: "Three tiers", topology: '{"vpcs":[]}', percent: 50 });
    expect(detail?.attempts[0]?.checks[0]?.counterexample?.description).toBe("tcp 5432 from web to db is dropped by sg-db");
    expect(detail?.lessons[0]).toMatchObject({ lessonSlug: "subnets", quizScore: 1, quizTotal: 2, completedAt: null });
    expect(detail?.lessons[0]?.answers).toMatchObject([{ questionId: "q1", correct: true }]);
    const outsider = await person("learner");
    expect(await loadLearnerDetail(id, outsider.id, catalog)).toBeNull();
  });
});
