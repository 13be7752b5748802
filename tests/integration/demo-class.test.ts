import { describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import { listUsers } from "@/lib/auth/users";
import { loadCatalog, loadClassMatrix } from "@/lib/classes";
import { DEMO_CLASS_ID, seedDemoClass } from "@/lib/classes/demo-class";
import { db } from "@/lib/db";
import { newUserInput } from "../factories";

describe("the demo class the seed creates", () => {
  it("holds the demo learner and a dozen synthetic learners of varied progress, some at risk, and a second run changes nothing", async () => {
    const instructor = await upsertUser({ ...newUserInput(), role: "instructor" });
    const learner = await upsertUser({ ...newUserInput(), role: "learner" });
    await seedDemoClass(instructor.email, learner.email);
    const counts = async () => ({
      members: await db.classMember.count({ where: { classId: DEMO_CLASS_ID } }),
      assignments: await db.classAssignment.count({ where: { classId: DEMO_CLASS_ID } }),
      attempts: await db.labAttempt.count(),
      lessons: await db.lessonProgress.count(),
      code: (await db.classRoom.findUnique({ where: { id: DEMO_CLASS_ID }, select: { joinCode: true } }))?.joinCode,
    });
    const first = await counts();
    expect(first).toMatchObject({ members: 13, assignments: 6 });
    expect(first.attempts).toBeGreaterThan(0);

    const matrix = await loadClassMatrix(DEMO_CLASS_ID, await loadCatalog());
    const atRisk = matrix.rows.filter((r) => r.atRisk).length;
    expect(atRisk).toBeGreaterThan(0);
    expect(atRisk).toBeLessThan(13);
    expect(new Set(matrix.rows.flatMap((r) => r.cells.map((c) => c.status)))).toEqual(new Set(["not-started", "in-progress", "done", "late"]));
    expect(matrix.rows[0]?.atRisk).toBe(true);

    await seedDemoClass(instructor.email, learner.email);
    expect(await counts()).toEqual(first);

    // The synthetic learners show on the administrators' list, found by a fragment of their email.
    expect((await listUsers("class-learner-0")).total).toBe(9);
  });
});
