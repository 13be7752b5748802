import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { gradebookCsv, gradebookFileName, gradebookJson, guardFormula } from "./gradebook";
import { computeMatrix } from "./progress";

const now = new Date("2026-03-20T12:00:00Z");
const matrix = computeMatrix({
  now,
  assignments: [
    { id: "a1", kind: "lab", ref: "three-tier", title: "Three tiers, one VPC", dueAt: new Date("2026-03-18T00:00:00Z"), minScore: 80 },
    { id: "a2", kind: "lesson", ref: "subnets", title: "Subnets, \"public\" and private", dueAt: new Date("2026-03-25T00:00:00Z"), minScore: null },
  ],
  members: [
    { userId: "u1", email: "ana@example.test", name: "Ana, the =first", joinedAt: new Date("2026-03-01T00:00:00Z"), lastActiveAt: now },
    { userId: "u2", email: "bo@example.test", name: "=HYPERLINK(\"http://evil.test\")", joinedAt: new Date("2026-03-01T00:00:00Z"), lastActiveAt: now },
  ],
  lessonProgress: [],
  labAttempts: [{ userId: "u1", labSlug: "three-tier", percent: 87.5, createdAt: new Date("2026-03-17T00:00:00Z") }],
});

describe("the gradebook", () => {
  it("is CSV with a byte-order mark, a header and one row per learner that a CSV parser reads back", () => {
    const csv = gradebookCsv(matrix);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows: string[][] = parse(csv, { bom: true });
    expect(rows[0]).toEqual(["email", "name", "Three tiers, one VPC (lab: three-tier)", 'Subnets, "public" and private (lesson: subnets)', "total"]);
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        ["ana@example.test", "Ana, the =first", "87.5", "", "43.8"],
        ["bo@example.test", "'=HYPERLINK(\"http://evil.test\")", "", "", "0"],
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it("never lets a cell start a spreadsheet formula", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(guardFormula(text).startsWith("'")).toBe(true);
    expect(guardFormula("Ada")).toBe("Ada");
  });

  it("is JSON with each result's status and the due dates in UTC", () => {
    const json = gradebookJson({ id: "c1", name: "VPC 101", term: "Spring" }, matrix, now);
    expect(json.assignments[0]).toMatchObject({ id: "a1", dueAt: "2026-03-18T00:00:00.000Z", minScore: 80 });
    const ana = json.learners.find((l) => l.email === "ana@example.test");
    expect(ana?.results).toEqual([
      { assignmentId: "a1", status: "done", score: 87.5, finishedAt: "2026-03-17T00:00:00.000Z", overdue: false },
      { assignmentId: "a2", status: "not-started", score: null, finishedAt: null, overdue: false },
    ]);
  });

  it("names the file after the class and the date", () => {
    expect(gradebookFileName("VPC 101: Spring/2026", now, "csv")).toBe("vpc-101-spring-2026-gradebook-2026-03-20.csv");
    expect(gradebookFileName("***", now, "json")).toBe("class-gradebook-2026-03-20.json");
  });
});
