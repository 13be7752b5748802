import { describe, expect, it } from "vitest";
import { computeMatrix, filterRows, sortRows, type MatrixAssignment, type MatrixInput } from "./progress";

const now = new Date("2026-03-20T12:00:00Z");
const day = 86_400_000;
const daysAgo = (n: number) => new Date(now.getTime() - n * day);
const lesson = (id: string, dueAt: Date): MatrixAssignment => ({ id, kind: "lesson", ref: `lesson-${id}`, title: `Lesson ${id}`, dueAt, minScore: null });
const lab = (id: string, dueAt: Date, minScore = 80): MatrixAssignment => ({ id, kind: "lab", ref: `lab-${id}`, title: `Lab ${id}`, dueAt, minScore });
const member = (userId: string, lastActiveAt: Date | null = daysAgo(1)) => ({ userId, email: `${userId}@example.test`, name: userId, joinedAt: daysAgo(30), lastActiveAt });

function matrix(partial: Partial<MatrixInput>) {
  return computeMatrix({ now, assignments: [], members: [], lessonProgress: [], labAttempts: [], ...partial });
}

describe("the progress matrix", () => {
  it("marks a lab done when an attempt reached the minimum score by the due date, and shows the best score", () => {
    const m = matrix({
      assignments: [lab("a", daysAgo(1))],
      members: [member("ana")],
      labAttempts: [
        { userId: "ana", labSlug: "lab-a", percent: 50, createdAt: daysAgo(4) },
        { userId: "ana", labSlug: "lab-a", percent: 85, createdAt: daysAgo(3) },
        { userId: "ana", labSlug: "lab-a", percent: 100, createdAt: daysAgo(0.5) },
      ],
    });
    expect(m.rows[0]?.cells[0]).toEqual({ assignmentId: "a", status: "done", score: 100, finishedAt: daysAgo(3).toISOString(), overdue: false });
  });

  it("marks work finished after the due date late, never refused, and keeps its score", () => {
    const m = matrix({
      assignments: [lab("a", daysAgo(2)), lesson("l", daysAgo(2))],
      members: [member("bo")],
      labAttempts: [{ userId: "bo", labSlug: "lab-a", percent: 90, createdAt: daysAgo(1) }],
      lessonProgress: [{ userId: "bo", lessonSlug: "lesson-l", startedAt: daysAgo(3), completedAt: daysAgo(1), quizScore: 3, quizTotal: 4 }],
    });
    expect(m.rows[0]?.cells.map((c) => [c.status, c.score, c.overdue])).toEqual([
      ["late", 90, false],
      ["late", 75, false],
    ]);
  });

  it("keeps attempts below the minimum score in progress, and overdue once the due date passed", () => {
    const m = matrix({ assignments: [lab("a", daysAgo(1), 80)], members: [member("cy")], labAttempts: [{ userId: "cy", labSlug: "lab-a", percent: 79.96, createdAt: daysAgo(2) }] });
    expect(m.rows[0]?.cells[0]).toMatchObject({ status: "in-progress", score: 80, overdue: true });
  });

  it("counts a timed exam set done once a finished attempt reaches its minimum share right, late after the due date, and counts it as activity", () => {
    const exam = (id: string, dueAt: Date, minScore = 72): MatrixAssignment => ({ id, kind: "exam", ref: "ans-c01-short", title: "ANS-C01 lunch-break set", dueAt, minScore });
    const m = matrix({
      assignments: [exam("e", daysAgo(2))],
      members: [member("eve", null), member("fay", null), member("gus", null)],
      examAttempts: [
        { userId: "eve", kind: "ans-c01-short", percent: 65, finishedAt: daysAgo(5) },
        { userId: "eve", kind: "ans-c01-short", percent: 80, finishedAt: daysAgo(3) },
        { userId: "fay", kind: "ans-c01-short", percent: 60, finishedAt: daysAgo(4) },
        { userId: "gus", kind: "ans-c01-short", percent: 90, finishedAt: daysAgo(1) },
        // another set's attempt never counts for this one
        { userId: "fay", kind: "ans-c01-full", percent: 95, finishedAt: daysAgo(4) },
      ],
    });
    const cell = (who: string) => m.rows.find((r) => r.userId === who)?.cells[0];
    expect(cell("eve")).toEqual({ assignmentId: "e", status: "done", score: 80, finishedAt: daysAgo(3).toISOString(), overdue: false });
    expect(cell("fay")).toMatchObject({ status: "in-progress", score: 60, overdue: true });
    expect(cell("gus")).toMatchObject({ status: "late", score: 90 });
    expect(m.rows.find((r) => r.userId === "gus")?.lastActivityAt).toBe(daysAgo(1).toISOString());
  });

  it("does not count work not yet due against anyone", () => {
    const m = matrix({ assignments: [lesson("l", daysAgo(-3)), lab("a", daysAgo(-3))], members: [member("di")] });
    expect(m.rows[0]).toMatchObject({ behind: 0, atRisk: false, total: 0 });
    expect(m.rows[0]?.cells.every((c) => c.status === "not-started" && !c.overdue)).toBe(true);
  });

  it("puts learners behind on two or more due assignments, or inactive for seven days, at the top as at risk, then the rest by how far behind they are", () => {
    const m = matrix({
      assignments: [lesson("l1", daysAgo(2)), lesson("l2", daysAgo(1)), lesson("l3", daysAgo(-1))],
      members: [member("active-and-done"), member("behind-one"), member("behind-two"), member("quiet", daysAgo(8))],
      lessonProgress: [
        ...["l1", "l2"].map((l) => ({ userId: "active-and-done", lessonSlug: `lesson-${l}`, startedAt: daysAgo(5), completedAt: daysAgo(4), quizScore: 4, quizTotal: 4 })),
        { userId: "behind-one", lessonSlug: "lesson-l1", startedAt: daysAgo(5), completedAt: daysAgo(4), quizScore: 2, quizTotal: 4 },
        ...["l1", "l2"].map((l) => ({ userId: "quiet", lessonSlug: `lesson-${l}`, startedAt: daysAgo(10), completedAt: daysAgo(9), quizScore: 4, quizTotal: 4 })),
      ],
    });
    expect(m.rows.map((r) => [r.userId, r.atRisk, r.riskReasons])).toEqual([
      ["behind-two", true, ["behind"]],
      ["quiet", true, ["inactive"]],
      ["behind-one", false, []],
      ["active-and-done", false, []],
    ]);
  });

  it("takes the last activity from the learner's work when it is newer than lastActiveAt, and gives a new member a week", () => {
    const m = matrix({
      assignments: [lab("a", daysAgo(-1))],
      members: [member("eve", null), { ...member("new", null), joinedAt: daysAgo(2) }],
      labAttempts: [{ userId: "eve", labSlug: "lab-a", percent: 10, createdAt: daysAgo(9) }],
    });
    const eve = m.rows.find((r) => r.userId === "eve");
    expect(eve).toMatchObject({ lastActivityAt: daysAgo(9).toISOString(), riskReasons: ["inactive"] });
    expect(m.rows.find((r) => r.userId === "new")).toMatchObject({ lastActivityAt: null, atRisk: false });
  });

  it("totals the mean percent over every assignment, unfinished work counting zero", () => {
    const m = matrix({
      assignments: [lab("a", daysAgo(-1)), lab("b", daysAgo(-1))],
      members: [member("fay")],
      labAttempts: [{ userId: "fay", labSlug: "lab-a", percent: 90, createdAt: daysAgo(1) }],
    });
    expect(m.rows[0]?.total).toBe(45);
  });

  it("orders assignments by due date, and sorts and filters rows on request", () => {
    const m = matrix({
      assignments: [lesson("late-due", daysAgo(-5)), lesson("early-due", daysAgo(-1))],
      members: [member("zed"), member("amy")],
      lessonProgress: [{ userId: "zed", lessonSlug: "lesson-early-due", startedAt: daysAgo(1), completedAt: null, quizScore: null, quizTotal: null }],
    });
    expect(m.assignments.map((a) => a.id)).toEqual(["early-due", "late-due"]);
    expect(sortRows(m.rows, "name", "asc").map((r) => r.userId)).toEqual(["amy", "zed"]);
    expect(sortRows(m.rows, "name", "desc").map((r) => r.userId)).toEqual(["zed", "amy"]);
    expect(filterRows(m.rows, { status: "in-progress", assignmentId: "early-due" }).map((r) => r.userId)).toEqual(["zed"]);
    expect(filterRows(m.rows, { query: "AMY" }).map((r) => r.userId)).toEqual(["amy"]);
    expect(filterRows(m.rows, { atRiskOnly: true })).toEqual([]);
  });
});
