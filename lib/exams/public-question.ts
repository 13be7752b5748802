import type { BankQuestion } from "@/lib/questions/bank-schema";

/**
 * What the browser may know about a question while an attempt is open: the stem, the options'
 * text and how many to choose (the stem says "Choose two." anyway). Built field by field, never
 * by spreading a bank question, so correct flags, explanations, the lesson, the domain and the
 * docs links cannot slip into the page or its RSC payload before the attempt is submitted.
 */
export type PublicQuestion = { id: string; stem: string; options: string[]; choose: number };

export function toPublicQuestion(question: BankQuestion): PublicQuestion {
  return {
    id: question.id,
    stem: question.stem,
    options: question.options.map((o) => o.text),
    choose: question.options.filter((o) => o.correct).length,
  };
}
