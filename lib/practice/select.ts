import { z } from "zod";
import { lessonSlugSchema } from "@/lib/progress/lesson-check";
import { DIFFICULTIES, type BankQuestion } from "@/lib/questions/bank-schema";
import { DOMAIN_IDS } from "@/lib/questions/exam-guide";
import type { TemplateSummary } from "@/lib/questions/generated";
import { createRng } from "@/lib/questions/generated/prng";
import { parseQuestionKey, questionKey, type QuestionRef } from "./questions";

/**
 * Which questions a practice set holds: chosen by lesson, domain, difficulty or "questions I
 * missed", with how many, optionally mixed with questions the evaluator writes. Pure: the
 * caller loads the bank, the templates and the learner's misses.
 */
export const PRACTICE_COUNTS = [5, 10, 20, 40] as const;
export const MAX_PRACTICE_COUNT = 50;

/** An empty select ("any lesson") means no filter. */
const blank = (v: unknown) => (v === "" ? undefined : v);

const flag = z
  .enum(["1", "on", "true"])
  .optional()
  .transform((v) => v !== undefined);

/** The practice form's query string (`/practice?lesson=…&count=10&generated=1&start=1`). */
export const practiceFiltersSchema = z.object({
  lesson: z.preprocess(blank, lessonSlugSchema.optional()),
  domain: z.preprocess(blank, z.enum(DOMAIN_IDS as [string, ...string[]], "the domain is 1, 2, 3 or 4").optional()),
  difficulty: z.preprocess(blank, z.enum(DIFFICULTIES, "the difficulty is easy, medium or hard").optional()),
  missed: flag,
  generated: flag,
  count: z.coerce.number("the number of questions must be a number").int("the number of questions must be a whole number").min(1, "ask for at least 1 question").max(MAX_PRACTICE_COUNT, `ask for at most ${MAX_PRACTICE_COUNT} questions`).default(10),
  seed: z.coerce.number().int().min(0).max(2 ** 31).optional(),
  start: flag,
});
export type PracticeFilters = z.output<typeof practiceFiltersSchema>;

/** Reads Next's searchParams (a value may arrive as an array: the first one counts). */
export function parsePracticeFilters(params: Record<string, string | string[] | undefined>) {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return practiceFiltersSchema.safeParse(single);
}

export type SelectionInput = {
  bank: readonly BankQuestion[];
  templates: readonly TemplateSummary[];
  /** The keys of questions whose latest answer was wrong (for "questions I missed"). */
  missed: ReadonlySet<string>;
  seed: number;
};

export type PracticeSelection = { refs: QuestionRef[]; bankAvailable: number; templatesAvailable: number };

function matches(q: { lesson: string; domain: string; difficulty: string }, f: PracticeFilters): boolean {
  return (!f.lesson || q.lesson === f.lesson) && (!f.domain || q.domain === f.domain) && (!f.difficulty || q.difficulty === f.difficulty);
}

/**
 * The set, in a random order fixed by `seed` (the same filters and seed give the same set).
 * With generated questions, about a quarter of the set comes from the matching templates
 * (each question a template at its own seed), more when the bank has too few.
 */
export function selectPracticeSet(filters: PracticeFilters, input: SelectionInput): PracticeSelection {
  const rng = createRng(`practice/${input.seed}`);
  const bankPool = input.bank.filter((q) => matches(q, filters) && (!filters.missed || input.missed.has(questionKey({ source: "bank", id: q.id }))));
  const templatePool = input.templates.filter((t) => matches({ lesson: t.topic, domain: t.domain, difficulty: t.difficulty }, filters));

  if (filters.missed) {
    // Missed generated questions come back as the exact variant the learner missed.
    const templateIds = new Set(templatePool.map((t) => t.id));
    const missedGenerated = filters.generated
      ? [...input.missed].flatMap((key) => {
          const ref = parseQuestionKey(key);
          return ref?.source === "generated" && templateIds.has(ref.templateId) ? [ref] : [];
        })
      : [];
    const pool: QuestionRef[] = [...bankPool.map((q): QuestionRef => ({ source: "bank", id: q.id })), ...missedGenerated];
    return { refs: rng.shuffle(pool).slice(0, filters.count), bankAvailable: bankPool.length, templatesAvailable: missedGenerated.length };
  }

  const wantGenerated = filters.generated && templatePool.length > 0 ? Math.min(filters.count, Math.max(Math.ceil(filters.count / 4), filters.count - bankPool.length)) : 0;
  const bankRefs = rng
    .shuffle(bankPool)
    .slice(0, filters.count - wantGenerated)
    .map((q): QuestionRef => ({ source: "bank", id: q.id }));
  const templates = rng.shuffle(templatePool);
  const generatedRefs: QuestionRef[] = [];
  for (let i = 0; i < wantGenerated; i++) {
    const template = templates[i % templates.length];
    if (template) generatedRefs.push({ source: "generated", templateId: template.id, seed: rng.int(0, 999_999) });
  }
  return { refs: rng.shuffle([...bankRefs, ...generatedRefs]), bankAvailable: bankPool.length, templatesAvailable: templatePool.length };
}
