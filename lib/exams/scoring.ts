import type { BankQuestion } from "@/lib/questions/bank-schema";
import { DOMAIN_IDS, DOMAINS, TASK_STATEMENTS, domainOfTask, type DomainId, type TaskStatementId } from "@/lib/questions/exam-guide";

/**
 * Scaled scores, as Reachable estimates them.
 *
 * AWS reports certification results on a scale of 100 to 1,000 with 750 to pass, and equates
 * forms of different difficulty; it does not publish how raw answers map to that scale. **This
 * mapping is our estimate, not AWS's method**: a piecewise-linear scale through three points,
 *
 *   0 % correct → 100,   PASS_RAW_FRACTION (72 %) correct → 750,   100 % correct → 1000,
 *
 * rounded to a whole number. Below 72 % the result is capped at 749, so a fail never shows the
 * passing number. Every question counts (the real exam has 15 unscored questions that nobody can
 * tell apart, and equating we cannot imitate). A multiple-response question is right only when the
 * chosen set equals the correct set: a partial answer scores nothing, as on the real exam.
 */
export const SCALED_MIN = 100;
export const SCALED_MAX = 1000;
export const SCALED_PASS = 750;
export const PASS_RAW_FRACTION = 0.72;

export function scaledScore(correct: number, total: number): number {
  if (total <= 0) return SCALED_MIN;
  const p = Math.min(Math.max(correct / total, 0), 1);
  if (p >= PASS_RAW_FRACTION) return Math.round(SCALED_PASS + ((p - PASS_RAW_FRACTION) / (1 - PASS_RAW_FRACTION)) * (SCALED_MAX - SCALED_PASS));
  return Math.min(SCALED_PASS - 1, Math.round(SCALED_MIN + (p / PASS_RAW_FRACTION) * (SCALED_PASS - SCALED_MIN)));
}

/** The option indexes a question counts as correct. */
export function correctIndexes(question: Pick<BankQuestion, "options">): number[] {
  return question.options.flatMap((o, i) => (o.correct ? [i] : []));
}

/** All-or-nothing: the chosen set must be exactly the correct set (order and repeats do not matter). */
export function isAnswerCorrect(question: Pick<BankQuestion, "options">, chosen: readonly number[]): boolean {
  const want = correctIndexes(question);
  const got = [...new Set(chosen)].sort((a, b) => a - b);
  return got.length === want.length && got.every((c, i) => c === want[i]);
}

export type Tally = { correct: number; total: number };
export type DomainTally = Tally & { domain: DomainId; name: string; percent: number };
export type TaskTally = Tally & { task: TaskStatementId; domain: DomainId; statement: string; percent: number };
export type QuestionOutcome = { questionId: string; chosen: number[]; correct: boolean; answered: boolean };

export type ExamScore = {
  correct: number;
  total: number;
  answered: number;
  percent: number;
  scaled: number;
  passed: boolean;
  byDomain: DomainTally[];
  byTask: TaskTally[];
  questions: QuestionOutcome[];
};

const percentOf = ({ correct, total }: Tally) => (total === 0 ? 0 : Math.round((correct / total) * 100));

/**
 * Scores an attempt from its questions (in the attempt's order) and the saved answers. A
 * question without an answer, or with an empty one, is wrong. `questions` holds only those the
 * bank still has; the caller decides what to do with ids that disappeared.
 */
export function scoreExam(questions: readonly BankQuestion[], answers: ReadonlyMap<string, readonly number[]>): ExamScore {
  const outcomes: QuestionOutcome[] = questions.map((q) => {
    const chosen = [...(answers.get(q.id) ?? [])];
    return { questionId: q.id, chosen, answered: chosen.length > 0, correct: chosen.length > 0 && isAnswerCorrect(q, chosen) };
  });
  const domains = new Map<DomainId, Tally>();
  const tasks = new Map<TaskStatementId, Tally>();
  questions.forEach((q, i) => {
    const right = outcomes[i]?.correct ? 1 : 0;
    const d = domains.get(q.domain) ?? { correct: 0, total: 0 };
    domains.set(q.domain, { correct: d.correct + right, total: d.total + 1 });
    const t = tasks.get(q.task) ?? { correct: 0, total: 0 };
    tasks.set(q.task, { correct: t.correct + right, total: t.total + 1 });
  });
  const correct = outcomes.filter((o) => o.correct).length;
  const total = questions.length;
  const scaled = scaledScore(correct, total);
  return {
    correct,
    total,
    answered: outcomes.filter((o) => o.answered).length,
    percent: percentOf({ correct, total }),
    scaled,
    passed: scaled >= SCALED_PASS,
    byDomain: DOMAIN_IDS.flatMap((d) => {
      const t = domains.get(d);
      return t ? [{ domain: d, name: DOMAINS[d].name, ...t, percent: percentOf(t) }] : [];
    }),
    byTask: [...tasks.entries()]
      .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
      .map(([task, t]) => ({ task, domain: domainOfTask(task), statement: TASK_STATEMENTS[task], ...t, percent: percentOf(t) })),
    questions: outcomes,
  };
}
