import { z } from "zod";
import type { QuizQuestion } from "@/lib/course/lesson-frontmatter";
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { LIMITS } from "@/lib/http/limits";
import { lessonCheckCardRef, recordAnswerReview } from "@/lib/review/store";

export const lessonSlugSchema = z.string().max(LIMITS.slugChars).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "not a lesson slug");

export const lessonCheckSubmissionSchema = z.strictObject({
  lessonSlug: lessonSlugSchema,
  answers: z
    .record(z.string().max(LIMITS.questionIdChars), z.number().int().min(0).max(9))
    .refine((a) => Object.keys(a).length <= LIMITS.lessonCheckAnswers, `at most ${LIMITS.lessonCheckAnswers} answers`),
});
export type LessonCheckSubmission = z.infer<typeof lessonCheckSubmissionSchema>;

/** What the browser needs to show a check before it is answered: no correct option, no explanation. */
export type PublicQuizQuestion = { id: string; prompt: string; options: string[] };

export function publicQuiz(quiz: QuizQuestion[]): PublicQuizQuestion[] {
  return quiz.map((q) => ({ id: q.id, prompt: q.prompt, options: q.options.map((o) => o.text) }));
}

/** A graded question; `explanations` (one per option) reach the browser only with the grade. */
export type QuestionResult = { questionId: string; chosen: number | null; correctIndex: number; isCorrect: boolean; explanations?: string[] };
export type GradedCheck = { results: QuestionResult[]; score: number; total: number; isComplete: boolean };

/** Grades on the server from the lesson's own frontmatter; the browser only says which option was picked. */
export function gradeLessonCheck(quiz: QuizQuestion[], answers: Record<string, number>): GradedCheck {
  const results = quiz.map((question) => {
    const picked = answers[question.id];
    const chosen = picked !== undefined && picked < question.options.length ? picked : null;
    const correctIndex = question.options.findIndex((o) => o.correct);
    return { questionId: question.id, chosen, correctIndex, isCorrect: chosen === correctIndex, explanations: question.options.map((o) => o.explanation) };
  });
  return {
    results,
    score: results.filter((r) => r.isCorrect).length,
    total: quiz.length,
    isComplete: results.every((r) => r.chosen !== null),
  };
}

/**
 * Saves the answers and the lesson's progress in one transaction. A lesson counts as
 * completed once every question of its check has been answered; the first completion
 * date is kept when the learner tries again. Every answered question also becomes (or reviews)
 * a spaced-review card, rated by whether it was right (lib/review).
 */
export async function saveLessonCheck(userId: string, lessonSlug: string, graded: GradedCheck, now: Date = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const r of graded.results) {
      if (r.chosen === null) continue;
      await tx.quizAnswer.upsert({
        where: { userId_lessonSlug_questionId: { userId, lessonSlug, questionId: r.questionId } },
        create: { userId, lessonSlug, questionId: r.questionId, optionIndex: r.chosen, correct: r.isCorrect, answeredAt: now },
        update: { optionIndex: r.chosen, correct: r.isCorrect, answeredAt: now },
      });
      await recordAnswerReview(tx, userId, lessonCheckCardRef(lessonSlug, r.questionId), r.isCorrect, now);
    }
    const existing = await tx.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } });
    const completedAt = existing?.completedAt ?? (graded.isComplete ? now : null);
    await tx.lessonProgress.upsert({
      where: { userId_lessonSlug: { userId, lessonSlug } },
      create: { userId, lessonSlug, completedAt, quizScore: graded.score, quizTotal: graded.total },
      update: { completedAt, quizScore: graded.score, quizTotal: graded.total },
    });
  }, TRANSACTION_OPTIONS);
}

export type LessonState = { answers: Record<string, number>; completedAt: string | null; score: number | null; total: number | null };

export async function getLessonState(userId: string, lessonSlug: string): Promise<LessonState> {
  const [answers, progress] = await Promise.all([
    db.quizAnswer.findMany({ where: { userId, lessonSlug }, select: { questionId: true, optionIndex: true } }),
    db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } }),
  ]);
  return {
    answers: Object.fromEntries(answers.map((a) => [a.questionId, a.optionIndex])),
    completedAt: progress?.completedAt?.toISOString() ?? null,
    score: progress?.quizScore ?? null,
    total: progress?.quizTotal ?? null,
  };
}

export async function listCompletedLessonSlugs(userId: string): Promise<string[]> {
  const rows = await db.lessonProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { lessonSlug: true } });
  return rows.map((r) => r.lessonSlug);
}
