import { z } from "zod";
import { listLessons, loadLessonSources } from "@/lib/course/lessons";
import { loadQuestionBank } from "@/lib/questions/bank";
import { ratingSchema, type RatingName } from "@/lib/review/scheduler";
import { chosenOptionsSchema, recordPracticeAnswer } from "./record";
import { loadQuestion, parseQuestionKey, questionKeySchema, type PracticeFeedback, type QuestionSources } from "./questions";

/**
 * Answering one question, as the /practice and /review pages' server actions do it: parse,
 * grade on the server, store for a signed-in learner. The browser learns the key and the
 * explanations of a question only from this answer.
 */
export const answerSubmissionSchema = z.strictObject({
  key: questionKeySchema,
  chosen: chosenOptionsSchema,
  /** Answered in the /review queue (marks the card as introduced there). */
  fromQueue: z.boolean().optional(),
});

export const selfRatingSchema = z.strictObject({ cardId: z.string().min(1).max(40), rating: ratingSchema });

export type AnswerResponse =
  | { ok: true; feedback: PracticeFeedback; saved: false }
  | { ok: true; feedback: PracticeFeedback; saved: true; cardId: string; rating: RatingName | null; due: string }
  | { ok: false; error: string };

export async function loadQuestionSources(): Promise<QuestionSources> {
  const [bank, lessons] = await Promise.all([loadQuestionBank(), loadLessonSources()]);
  return { bank, lessons };
}

export async function lessonTitles(): Promise<Map<string, string>> {
  return new Map((await listLessons()).map((l) => [l.slug, l.title]));
}

/** Grades `input` and, when `userId` is given, stores the answer and reviews its card at `now`. */
export async function answerQuestion(input: unknown, userId: string | null, now: Date): Promise<AnswerResponse> {
  const parsed = answerSubmissionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `This answer could not be read (${parsed.error.issues[0]?.message ?? "unexpected shape"}). Reload the page and try again.` };
  const ref = parseQuestionKey(parsed.data.key);
  if (!ref) return { ok: false, error: "This question could not be found. Reload the page and try again." };
  const loaded = loadQuestion(ref, await loadQuestionSources());
  if (!loaded.ok) return { ok: false, error: loaded.error };
  const optionIds = new Set(loaded.question.view.options.map((o) => o.id));
  if (!parsed.data.chosen.every((id) => optionIds.has(id))) return { ok: false, error: "That option is not one of this question's options." };
  const feedback = loaded.question.grade(parsed.data.chosen);
  if (!userId) return { ok: true, feedback, saved: false };
  const outcome = await recordPracticeAnswer(userId, loaded.question, parsed.data.chosen, feedback, now, { fromQueue: parsed.data.fromQueue });
  return { ok: true, feedback, saved: true, cardId: outcome.cardId, rating: outcome.rating, due: outcome.due.toISOString() };
}
