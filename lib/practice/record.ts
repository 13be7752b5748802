import { z } from "zod";
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { recordAnswerReview, type ReviewOutcome } from "@/lib/review/store";
import type { LoadedQuestion, PracticeFeedback } from "./questions";

/** The options a learner may send: ids "a" to "f", each once. */
export const chosenOptionsSchema = z
  .array(z.enum(["a", "b", "c", "d", "e", "f"]))
  .min(1, "choose at least one option")
  .max(6)
  .refine((ids) => new Set(ids).size === ids.length, "an option is chosen twice");

/**
 * Stores one graded answer and feeds the spaced-review card it belongs to, in one transaction.
 * `fromQueue` says the answer was given in the /review queue.
 */
export async function recordPracticeAnswer(userId: string, question: LoadedQuestion, chosen: readonly string[], feedback: PracticeFeedback, now: Date, options: { fromQueue?: boolean } = {}): Promise<ReviewOutcome> {
  return db.$transaction(async (tx) => {
    await tx.practiceAnswer.create({
      data: {
        userId,
        source: question.view.source,
        questionId: question.questionId,
        lesson: question.view.lesson,
        domain: question.view.domain ?? "",
        chosen: JSON.stringify(chosen),
        correct: feedback.correct,
        answeredAt: now,
      },
    });
    return recordAnswerReview(tx, userId, question.card, feedback.correct, now, options);
  }, TRANSACTION_OPTIONS);
}

/**
 * The keys of the questions whose latest answer was wrong, for "questions I missed". Lesson
 * checks have their own page; these are bank and generated questions answered in practice.
 */
export async function listMissedQuestionKeys(userId: string, limit = 5000): Promise<Set<string>> {
  const rows = await db.practiceAnswer.findMany({
    where: { userId, source: { in: ["bank", "generated"] } },
    orderBy: { answeredAt: "desc" },
    take: limit,
    select: { source: true, questionId: true, correct: true },
  });
  const latest = new Map<string, boolean>();
  for (const r of rows) {
    const key = r.source === "bank" ? `bank:${r.questionId}` : `generated:${r.questionId}`;
    if (!latest.has(key)) latest.set(key, r.correct);
  }
  return new Set([...latest].filter(([, correct]) => !correct).map(([key]) => key));
}

export type AnswerTotals = { answered: number; correct: number };

export async function countAnswers(userId: string): Promise<AnswerTotals> {
  const [answered, correct] = await Promise.all([db.practiceAnswer.count({ where: { userId } }), db.practiceAnswer.count({ where: { userId, correct: true } })]);
  return { answered, correct };
}
