import { z } from "zod";
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { LIMITS } from "@/lib/http/limits";
import { loadQuestionBank } from "@/lib/questions/bank";
import type { BankQuestion } from "@/lib/questions/bank-schema";
import { DOMAIN_IDS, TASK_STATEMENT_IDS, type DomainId, type TaskStatementId } from "@/lib/questions/exam-guide";
import { deadlineFor, isPastDeadline } from "./clock";
import { drawExamQuestions, newSeed } from "./draw";
import { examKind, isExamKindId, type ExamKindId } from "./kinds";
import { toPublicQuestion, type PublicQuestion } from "./public-question";
import { scoreExam, type ExamScore } from "./scoring";

/**
 * Exam attempts in the database. Every function takes the learner's id and puts it in the query,
 * takes the server's `now` (so tests can move the clock), and returns plain data. The rules that
 * keep an attempt honest live here, not in the pages:
 * - one attempt in progress per learner and set (the unique `activeKey`), a second start resumes it;
 * - an answer is saved only while the attempt is in progress and before its deadline;
 * - an attempt past its deadline is finalized from its saved answers on the next read or write;
 * - finalizing is a conditional update on `status = 'in_progress'`, so it happens (and scores) once.
 */
export type AttemptStatus = "in_progress" | "submitted" | "expired";
const IN_PROGRESS = "in_progress";

export type ExamAttemptSummary = {
  id: string;
  kind: ExamKindId;
  title: string;
  status: AttemptStatus;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  questionCount: number;
  score: number | null;
  passed: boolean | null;
  /** Questions answered right, once scored (named so that no pre-submit payload carries a `"correct"` key). */
  rightCount: number | null;
};

export type SavedAnswer = { chosen: number[]; flagged: boolean };

export type ExamPlayerState =
  | { status: "in_progress"; attempt: ExamAttemptSummary; questions: PublicQuestion[]; answers: Record<string, SavedAnswer> }
  | { status: "finished"; attempt: ExamAttemptSummary };

export type ExamReviewItem = { question: BankQuestion; chosen: number[]; correct: boolean; flagged: boolean };
export type ExamResult = { attempt: ExamAttemptSummary; score: ExamScore; review: ExamReviewItem[]; missingQuestions: number };

/** What a browser may send to save one answer; the sizes are far above a real question's. */
export const saveAnswerInputSchema = z.strictObject({
  attemptId: z.string().min(1).max(64),
  questionId: z.string().min(1).max(LIMITS.questionIdChars),
  chosen: z.array(z.int().min(0).max(9)).max(10),
  flagged: z.boolean(),
});
export type SaveAnswerInput = z.infer<typeof saveAnswerInputSchema>;

export type SaveAnswerOutcome = { ok: true; savedAt: Date } | { ok: false; reason: "not-found" | "closed" | "invalid"; error: string };
export type StartOutcome = { ok: true; attemptId: string; resumed: boolean } | { ok: false; error: string };
export type SubmitOutcome = { ok: true; scoredNow: boolean } | { ok: false; reason: "not-found"; error: string };

const storedScoreSchema = z.object({
  correct: z.number(),
  total: z.number(),
  answered: z.number(),
  percent: z.number(),
  scaled: z.number(),
  passed: z.boolean(),
  byDomain: z.array(z.object({ domain: z.enum(DOMAIN_IDS as [DomainId, ...DomainId[]]), name: z.string(), correct: z.number(), total: z.number(), percent: z.number() })),
  byTask: z.array(
    z.object({
      task: z.enum(TASK_STATEMENT_IDS as [TaskStatementId, ...TaskStatementId[]]),
      domain: z.enum(DOMAIN_IDS as [DomainId, ...DomainId[]]),
      statement: z.string(),
      correct: z.number(),
      total: z.number(),
      percent: z.number(),
    }),
  ),
  questions: z.array(z.object({ questionId: z.string(), chosen: z.array(z.number()), correct: z.boolean(), answered: z.boolean() })),
});

function parseJson<T>(text: string | null, schema: z.ZodType<T>): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const idsSchema = z.array(z.string());
const chosenSchema = z.array(z.int().min(0));

type AttemptRow = { id: string; kind: string; status: string; startedAt: Date; deadline: Date; submittedAt: Date | null; questionIds: string; score: number | null; result: string | null };
const attemptFields = { id: true, kind: true, status: true, startedAt: true, deadline: true, submittedAt: true, questionIds: true, score: true, result: true } as const;

function toStatus(status: string): AttemptStatus {
  return status === "submitted" || status === "expired" ? status : "in_progress";
}

function toSummary(row: AttemptRow): ExamAttemptSummary {
  const kindId: ExamKindId = isExamKindId(row.kind) ? row.kind : "ans-c01-full";
  const stored = parseJson(row.result, storedScoreSchema);
  return {
    id: row.id,
    kind: kindId,
    title: examKind(kindId).title,
    status: toStatus(row.status),
    startedAt: row.startedAt,
    deadline: row.deadline,
    submittedAt: row.submittedAt,
    questionCount: parseJson(row.questionIds, idsSchema)?.length ?? 0,
    score: row.score,
    passed: stored ? stored.passed : null,
    rightCount: stored ? stored.correct : null,
  };
}

function questionsOf(row: { questionIds: string }, bank: readonly BankQuestion[]): { questions: BankQuestion[]; missing: number } {
  const ids = parseJson(row.questionIds, idsSchema) ?? [];
  const byId = new Map(bank.map((q) => [q.id, q]));
  const questions = ids.flatMap((id) => byId.get(id) ?? []);
  return { questions, missing: ids.length - questions.length };
}

const activeKeyOf = (userId: string, kind: ExamKindId) => `${userId}:${kind}`;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Closes an attempt and scores it from what was saved, once: only the call whose conditional
 * update finds it still in progress scores it; any other (a second submit, a read racing the
 * deadline) changes nothing. Answers saved concurrently wait for this transaction on the
 * attempt's row and are then refused, so the score covers exactly the answers that were kept.
 */
async function finalizeAttempt(attemptId: string, status: "submitted" | "expired", at: Date): Promise<boolean> {
  const bank = await loadQuestionBank();
  return db.$transaction(async (tx) => {
    const claimed = await tx.examAttempt.updateMany({ where: { id: attemptId, status: IN_PROGRESS }, data: { status, submittedAt: at, activeKey: null, updatedAt: at } });
    if (claimed.count === 0) return false;
    const row = await tx.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questionIds: true, answers: { select: { questionId: true, chosen: true } } } });
    const answers = new Map(row.answers.map((a) => [a.questionId, parseJson(a.chosen, chosenSchema) ?? []]));
    const score = scoreExam(questionsOf(row, bank).questions, answers);
    await tx.examAttempt.update({ where: { id: attemptId }, data: { score: score.scaled, result: JSON.stringify(score) } });
    return true;
  }, TRANSACTION_OPTIONS);
}

/** Finalizes the attempt if its time ran out (scored at its deadline); returns the row as it now is. */
async function settle(row: AttemptRow, now: Date): Promise<AttemptRow> {
  if (row.status !== IN_PROGRESS || !isPastDeadline(row.deadline, now)) return row;
  await finalizeAttempt(row.id, "expired", row.deadline);
  return db.examAttempt.findUniqueOrThrow({ where: { id: row.id }, select: attemptFields });
}

/**
 * Starts a set, or resumes the learner's attempt at it that is still in progress (a second tab
 * or device gets the same attempt, never a fork). Two starts at the same moment race on the
 * unique `activeKey`: the loser reads and resumes the winner's attempt.
 */
export async function startExamAttempt(userId: string, kindId: string, now: Date, options: { seed?: number } = {}): Promise<StartOutcome> {
  if (!isExamKindId(kindId)) return { ok: false, error: `There is no exam set called "${kindId.slice(0, 60)}".` };
  const activeKey = activeKeyOf(userId, kindId);
  const existing = await db.examAttempt.findUnique({ where: { activeKey }, select: attemptFields });
  if (existing) {
    const settled = await settle(existing, now);
    if (settled.status === IN_PROGRESS) return { ok: true, attemptId: existing.id, resumed: true };
  }
  const kind = examKind(kindId);
  const seed = options.seed ?? newSeed();
  const drawn = drawExamQuestions(await loadQuestionBank(), kind, seed);
  if (!drawn.ok) return drawn;
  try {
    const created = await db.examAttempt.create({
      data: { userId, kind: kindId, questionIds: JSON.stringify(drawn.questionIds), seed, startedAt: now, deadline: deadlineFor(now, kind.minutes), activeKey, updatedAt: now },
      select: { id: true },
    });
    return { ok: true, attemptId: created.id, resumed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.examAttempt.findUnique({ where: { activeKey }, select: { id: true } });
    if (!winner) throw error;
    return { ok: true, attemptId: winner.id, resumed: true };
  }
}

/** Who owns an attempt (for lib/authz), or null when there is no such attempt. */
export async function findExamAttemptOwner(attemptId: string): Promise<{ ownerId: string } | null> {
  if (attemptId.length > 64) return null;
  const row = await db.examAttempt.findUnique({ where: { id: attemptId }, select: { userId: true } });
  return row ? { ownerId: row.userId } : null;
}

/**
 * What the question player needs: the attempt, its questions without anything that reveals an
 * answer (PublicQuestion), and the answers and flags saved so far. A finished attempt (or one
 * whose time has just run out, finalized here) comes back as "finished", with no questions.
 */
export async function getExamPlayer(userId: string, attemptId: string, now: Date): Promise<ExamPlayerState | null> {
  const row = await db.examAttempt.findFirst({ where: { id: attemptId, userId }, select: attemptFields });
  if (!row) return null;
  const settled = await settle(row, now);
  const attempt = toSummary(settled);
  if (settled.status !== IN_PROGRESS) return { status: "finished", attempt };
  const [bank, saved] = await Promise.all([loadQuestionBank(), db.examAnswer.findMany({ where: { attemptId }, select: { questionId: true, chosen: true, flagged: true } })]);
  const questions = questionsOf(settled, bank).questions.map(toPublicQuestion);
  const answers = Object.fromEntries(saved.map((a) => [a.questionId, { chosen: parseJson(a.chosen, chosenSchema) ?? [], flagged: a.flagged }]));
  return { status: "in_progress", attempt, questions, answers };
}

/**
 * Saves one answer (and its review flag) as the candidate gives it. Refused when the attempt is
 * not the learner's, is finished, or its deadline has passed (which also finalizes it); an option
 * the question does not have is refused too. The answer is written in the same transaction that
 * checks the attempt is still open, so it cannot slip in after the attempt was scored.
 */
export async function saveExamAnswer(userId: string, input: SaveAnswerInput, now: Date): Promise<SaveAnswerOutcome> {
  const row = await db.examAttempt.findFirst({ where: { id: input.attemptId, userId }, select: attemptFields });
  if (!row) return { ok: false, reason: "not-found", error: "This exam attempt does not exist." };
  const settled = await settle(row, now);
  if (settled.status !== IN_PROGRESS) return { ok: false, reason: "closed", error: isPastDeadline(row.deadline, now) ? "Time is up: this answer was not saved. The attempt was scored from the answers saved before the deadline." : "This attempt has been submitted; answers can no longer change." };
  const question = questionsOf(settled, await loadQuestionBank()).questions.find((q) => q.id === input.questionId);
  if (!question) return { ok: false, reason: "invalid", error: "That question is not part of this attempt." };
  const chosen = [...new Set(input.chosen)].sort((a, b) => a - b);
  if (chosen.some((c) => c >= question.options.length)) return { ok: false, reason: "invalid", error: `This question has ${question.options.length} options; choose among 1 to ${question.options.length}.` };
  const saved = await db.$transaction(async (tx) => {
    const open = await tx.examAttempt.updateMany({ where: { id: input.attemptId, userId, status: IN_PROGRESS, deadline: { gt: now } }, data: { updatedAt: now } });
    if (open.count === 0) return false;
    const data = { chosen: JSON.stringify(chosen), flagged: input.flagged, updatedAt: now };
    await tx.examAnswer.upsert({ where: { attemptId_questionId: { attemptId: input.attemptId, questionId: input.questionId } }, create: { attemptId: input.attemptId, questionId: input.questionId, ...data }, update: data });
    return true;
  }, TRANSACTION_OPTIONS);
  if (!saved) return { ok: false, reason: "closed", error: "This attempt closed while the answer was on its way; it was not saved." };
  return { ok: true, savedAt: now };
}

/** Submits and scores the attempt. Submitting again (another tab, a double click) scores nothing new. */
export async function submitExamAttempt(userId: string, attemptId: string, now: Date): Promise<SubmitOutcome> {
  const row = await db.examAttempt.findFirst({ where: { id: attemptId, userId }, select: attemptFields });
  if (!row) return { ok: false, reason: "not-found", error: "This exam attempt does not exist." };
  if (row.status !== IN_PROGRESS) return { ok: true, scoredNow: false };
  if (isPastDeadline(row.deadline, now)) return { ok: true, scoredNow: await finalizeAttempt(row.id, "expired", row.deadline) };
  return { ok: true, scoredNow: await finalizeAttempt(row.id, "submitted", now) };
}

/**
 * The result of a finished attempt with every question for review (options, correct flags,
 * explanations, lesson and docs), or null when the attempt is not the learner's or still in
 * progress (an attempt whose time ran out is finalized first).
 */
export async function getExamResult(userId: string, attemptId: string, now: Date): Promise<ExamResult | null> {
  const row = await db.examAttempt.findFirst({ where: { id: attemptId, userId }, select: attemptFields });
  if (!row) return null;
  const settled = await settle(row, now);
  if (settled.status === IN_PROGRESS) return null;
  const [bank, saved] = await Promise.all([loadQuestionBank(), db.examAnswer.findMany({ where: { attemptId }, select: { questionId: true, chosen: true, flagged: true } })]);
  const flagged = new Set(saved.filter((a) => a.flagged).map((a) => a.questionId));
  const { questions, missing } = questionsOf(settled, bank);
  // The score stored when the attempt closed is the record; should it ever be unreadable, the
  // saved answers (which cannot change after closing) give the same score again.
  const score = parseJson(settled.result, storedScoreSchema) ?? scoreExam(questions, new Map(saved.map((a) => [a.questionId, parseJson(a.chosen, chosenSchema) ?? []])));
  const outcomes = new Map(score.questions.map((o) => [o.questionId, o]));
  const review = questions.map((question) => {
    const outcome = outcomes.get(question.id);
    return { question, chosen: outcome?.chosen ?? [], correct: outcome?.correct ?? false, flagged: flagged.has(question.id) };
  });
  return { attempt: toSummary(settled), score, review, missingQuestions: missing };
}

/** The learner's attempts, newest first (any whose time ran out are finalized first). */
export async function listExamAttempts(userId: string, now: Date, take = 100): Promise<ExamAttemptSummary[]> {
  const expired = await db.examAttempt.findMany({ where: { userId, status: IN_PROGRESS, deadline: { lte: now } }, select: attemptFields });
  for (const row of expired) await settle(row, now);
  const rows = await db.examAttempt.findMany({ where: { userId }, orderBy: { startedAt: "desc" }, take, select: attemptFields });
  return rows.map(toSummary);
}
