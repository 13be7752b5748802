import { describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import type { QuizQuestion } from "@/lib/course/lesson-frontmatter";
import { getDashboard } from "@/lib/progress/dashboard";
import { getLessonState, gradeLessonCheck, lessonCheckSubmissionSchema, listCompletedLessonSlugs, saveLessonCheck } from "@/lib/progress/lesson-check";
import { newUserInput } from "../factories";

const quiz: QuizQuestion[] = ["a", "b", "c"].map((id, i) => ({
  id,
  prompt: `Question ${id}?`,
  options: [0, 1, 2].map((o) => ({ text: `Option ${o}`, correct: o === i, explanation: "Why." })),
}));

async function learner() {
  return upsertUser({ ...newUserInput(), role: "learner" });
}

describe("lesson checks", () => {
  it("grades from the lesson's own answers and ignores options that do not exist", () => {
    const graded = gradeLessonCheck(quiz, { a: 0, b: 2, c: 7 });
    expect(graded.score).toBe(1);
    expect(graded.results.map((r) => r.chosen)).toEqual([0, 2, null]);
    expect(graded.isComplete).toBe(false);
  });

  it("rejects malformed submissions", () => {
    expect(lessonCheckSubmissionSchema.safeParse({ lessonSlug: "../etc", answers: {} }).success).toBe(false);
    expect(lessonCheckSubmissionSchema.safeParse({ lessonSlug: "vpc", answers: { a: -1 } }).success).toBe(false);
    expect(lessonCheckSubmissionSchema.safeParse({ lessonSlug: "vpc", answers: { a: "1" } }).success).toBe(false);
  });

  it("saves answers, marks the lesson completed once every question is answered, and shows it on the dashboard", async () => {
    const user = await learner();
    await saveLessonCheck(user.id, "route-tables", gradeLessonCheck(quiz, { a: 0 }));
    expect((await getLessonState(user.id, "route-tables")).completedAt).toBeNull();
    expect(await listCompletedLessonSlugs(user.id)).toEqual([]);

    await saveLessonCheck(user.id, "route-tables", gradeLessonCheck(quiz, { a: 0, b: 1, c: 0 }));
    const state = await getLessonState(user.id, "route-tables");
    expect(state).toMatchObject({ answers: { a: 0, b: 1, c: 0 }, score: 2, total: 3 });
    expect(state.completedAt).not.toBeNull();
    expect(await listCompletedLessonSlugs(user.id)).toEqual(["route-tables"]);
    expect((await getDashboard(user.id))?.completedCount).toBe(1);
  });

  it("keeps the first completion date when the learner tries again", async () => {
    const user = await learner();
    await saveLessonCheck(user.id, "subnets", gradeLessonCheck(quiz, { a: 1, b: 1, c: 1 }));
    const first = (await getLessonState(user.id, "subnets")).completedAt;
    await saveLessonCheck(user.id, "subnets", gradeLessonCheck(quiz, { a: 0, b: 1, c: 2 }));
    const again = await getLessonState(user.id, "subnets");
    expect(again.completedAt).toBe(first);
    expect(again.score).toBe(3);
  });

  it("keeps every learner's answers apart", async () => {
    const [one, two] = await Promise.all([learner(), learner()]);
    await Promise.all([
      saveLessonCheck(one.id, "vpc", gradeLessonCheck(quiz, { a: 0, b: 1, c: 2 })),
      saveLessonCheck(two.id, "vpc", gradeLessonCheck(quiz, { a: 2 })),
    ]);
    expect((await getLessonState(one.id, "vpc")).answers).toEqual({ a: 0, b: 1, c: 2 });
    expect((await getLessonState(two.id, "vpc")).answers).toEqual({ a: 2 });
  });
});
