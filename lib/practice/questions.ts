import { z } from "zod";
import type { QuizQuestion } from "@/lib/course/lesson-frontmatter";
import type { LessonSource } from "@/lib/course/lessons";
import type { Topology } from "@/lib/network";
import type { BankQuestion } from "@/lib/questions/bank-schema";
import { generate, isAnswerCorrect, isValidSeed, type GeneratedQuestion } from "@/lib/questions/generated";
import { createRng } from "@/lib/questions/generated/prng";
import { lessonCheckCardRef, type CardRef } from "@/lib/review/store";

/**
 * One question, whatever it comes from (the exam-style bank, a template at a seed, or a
 * lesson's check), in two parts: the view a browser may see before the learner answers
 * (no correct flags, no explanations), and the grader, which stays on the server.
 */
export const QUESTION_SOURCES = ["bank", "generated", "lesson-check"] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];

export type QuestionRef =
  | { source: "bank"; id: string }
  | { source: "generated"; templateId: string; seed: number }
  | { source: "lesson-check"; lesson: string; id: string };

const kebab = "[a-z0-9]+(?:-[a-z0-9]+)*";
const KEY_PATTERN = new RegExp(`^(?:bank:(${kebab})|generated:(${kebab})/([0-9]{1,16})|lesson-check:(${kebab})/(${kebab}))$`);

/** "bank:<id>", "generated:<template id>/<seed>" or "lesson-check:<lesson>/<question id>". */
export function questionKey(ref: QuestionRef): string {
  switch (ref.source) {
    case "bank":
      return `bank:${ref.id}`;
    case "generated":
      return `generated:${ref.templateId}/${ref.seed}`;
    case "lesson-check":
      return `lesson-check:${ref.lesson}/${ref.id}`;
    default:
      return ref satisfies never;
  }
}

export function parseQuestionKey(key: string): QuestionRef | null {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  if (m[1]) return { source: "bank", id: m[1] };
  if (m[2] && m[3]) {
    const seed = Number(m[3]);
    return isValidSeed(seed) ? { source: "generated", templateId: m[2], seed } : null;
  }
  if (m[4] && m[5]) return { source: "lesson-check", lesson: m[4], id: m[5] };
  return null;
}

export const questionKeySchema = z
  .string()
  .max(200)
  .refine((k) => parseQuestionKey(k) !== null, "not a question key");

export type PublicOption = { id: string; text: string };

export type PracticeQuestionView = {
  key: string;
  source: QuestionSource;
  lesson: string;
  /** The ANS-C01 domain ("1"…"4"); lesson-check questions have none. */
  domain: string | null;
  difficulty: string | null;
  stem: string;
  /** The configuration a generated question is asked on, one line per resource. */
  facts: string[];
  choose: number;
  options: PublicOption[];
  /** The topology of a generated question, for the diagram. */
  topology: Topology | null;
};

export type OptionFeedback = { id: string; text: string; correct: boolean; chosen: boolean; explanation: string };

export type PracticeFeedback = {
  correct: boolean;
  correctOptionIds: string[];
  options: OptionFeedback[];
  /** The lesson section the question practises (`/lessons/<slug>#<section>`). */
  lessonHref: string;
  docs: string[];
};

export type LoadedQuestion = {
  view: PracticeQuestionView;
  /** What a PracticeAnswer row records: the bank id, or the generated question's address. */
  questionId: string;
  /** The spaced-review card this question feeds. */
  card: CardRef;
  grade(chosen: readonly string[]): PracticeFeedback;
};

const OPTION_IDS = ["a", "b", "c", "d", "e", "f"] as const;

function optionId(index: number): string {
  const id = OPTION_IDS[index];
  if (!id) throw new Error(`a question has at most ${OPTION_IDS.length} options`);
  return id;
}

/** All-or-nothing, as on the exam: right only when exactly the correct options are chosen. */
function exactly(correctIds: readonly string[], chosen: readonly string[]): boolean {
  const picked = new Set(chosen);
  return picked.size === correctIds.length && correctIds.every((id) => picked.has(id));
}

type Authored = { text: string; correct: boolean; explanation: string };

/**
 * Authored options get ids by their place in the file and are shown in an order shuffled by
 * `shuffleKey`, so the right answer does not sit where the author happened to write it.
 */
function authoredQuestion(base: Omit<PracticeQuestionView, "options" | "choose">, options: Authored[], shuffleKey: string, lessonHref: string, docs: string[]) {
  const withIds = options.map((o, i) => ({ ...o, id: optionId(i) }));
  const shown = createRng(shuffleKey).shuffle(withIds);
  const correctOptionIds = withIds.filter((o) => o.correct).map((o) => o.id);
  const view: PracticeQuestionView = { ...base, choose: correctOptionIds.length, options: shown.map((o) => ({ id: o.id, text: o.text })) };
  const grade = (chosen: readonly string[]): PracticeFeedback => ({
    correct: exactly(correctOptionIds, chosen),
    correctOptionIds,
    options: shown.map((o) => ({ id: o.id, text: o.text, correct: o.correct, chosen: chosen.includes(o.id), explanation: o.explanation })),
    lessonHref,
    docs,
  });
  return { view, grade };
}

export function loadBankQuestion(q: BankQuestion): LoadedQuestion {
  const { view, grade } = authoredQuestion(
    { key: questionKey({ source: "bank", id: q.id }), source: "bank", lesson: q.lesson, domain: q.domain, difficulty: q.difficulty, stem: q.stem, facts: [], topology: null },
    q.options,
    q.id,
    `/lessons/${q.lesson}#${q.section}`,
    q.docs,
  );
  return { view, grade, questionId: q.id, card: { kind: "bank", id: q.id, lesson: q.lesson, domain: q.domain } };
}

export function loadLessonCheckQuestion(lesson: Pick<LessonSource, "slug">, q: QuizQuestion): LoadedQuestion {
  const { view, grade } = authoredQuestion(
    { key: questionKey({ source: "lesson-check", lesson: lesson.slug, id: q.id }), source: "lesson-check", lesson: lesson.slug, domain: null, difficulty: null, stem: q.prompt, facts: [], topology: null },
    q.options,
    `${lesson.slug}/${q.id}`,
    `/lessons/${lesson.slug}#lesson-check`,
    [],
  );
  return { view, grade, questionId: `${lesson.slug}/${q.id}`, card: lessonCheckCardRef(lesson.slug, q.id) };
}

export function loadGeneratedQuestion(question: GeneratedQuestion): LoadedQuestion {
  const q = question.public;
  const verdicts = new Map(question.answer.options.map((v) => [v.optionId, v]));
  const view: PracticeQuestionView = {
    key: questionKey({ source: "generated", templateId: q.templateId, seed: q.seed }),
    source: "generated",
    lesson: q.lesson,
    domain: q.domain,
    difficulty: q.difficulty,
    stem: q.stem,
    facts: q.facts,
    choose: q.choose,
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
    topology: q.topology,
  };
  const grade = (chosen: readonly string[]): PracticeFeedback => ({
    correct: isAnswerCorrect(question.answer, chosen),
    correctOptionIds: question.answer.correctOptionIds,
    options: q.options.map((o) => {
      const verdict = verdicts.get(o.id);
      return { id: o.id, text: o.text, correct: verdict?.correct ?? false, chosen: chosen.includes(o.id), explanation: verdict?.explanation ?? "" };
    }),
    lessonHref: `/lessons/${q.lesson}#${q.section}`,
    docs: q.docs,
  });
  return { view, grade, questionId: q.id, card: { kind: "template", id: q.templateId, lesson: q.lesson, domain: q.domain } };
}

export type QuestionSources = {
  bank: readonly BankQuestion[];
  lessons: readonly Pick<LessonSource, "slug" | "quiz">[];
};

export type LoadResult = { ok: true; question: LoadedQuestion } | { ok: false; error: string };

/** The question a key names, from the bank and lessons given (generated ones are rebuilt from their seed). */
export function loadQuestion(ref: QuestionRef, sources: QuestionSources): LoadResult {
  switch (ref.source) {
    case "bank": {
      const q = sources.bank.find((b) => b.id === ref.id);
      return q ? { ok: true, question: loadBankQuestion(q) } : { ok: false, error: `There is no question "${ref.id}" in the bank any more.` };
    }
    case "generated": {
      const result = generate(ref.templateId, ref.seed);
      return result.ok ? { ok: true, question: loadGeneratedQuestion(result.question) } : { ok: false, error: `That generated question cannot be rebuilt: ${result.error}.` };
    }
    case "lesson-check": {
      const lesson = sources.lessons.find((l) => l.slug === ref.lesson);
      const q = lesson?.quiz.find((x) => x.id === ref.id);
      return lesson && q ? { ok: true, question: loadLessonCheckQuestion(lesson, q) } : { ok: false, error: `Lesson "${ref.lesson}" has no check question "${ref.id}" any more.` };
    }
    default:
      return ref satisfies never;
  }
}
