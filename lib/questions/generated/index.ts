import { QUESTION_TEMPLATES } from "@/content/question-templates";
import type { Difficulty, ResponseKind } from "../bank-schema";
import type { DomainId, TaskStatementId } from "../exam-guide";
import { generateQuestion, isValidSeed, type GenerateResult } from "./generate";
import type { AnyQuestionTemplate } from "./template";
import { QUESTION_KIND_ASKS, type GeneratedAnswer, type QuestionKind } from "./types";

/**
 * Questions the reachability evaluator writes: the public surface the practice pages, spaced
 * review and exams call. A question is addressed by `<template id>/<seed>`; `generate` rebuilds
 * it from that address, and only `question.public` may be sent to the browser before the
 * learner answers.
 */
export type * from "./types";
export { QUESTION_KINDS, QUESTION_KIND_ASKS } from "./types";
export { MAX_ATTEMPTS, isValidSeed, type GenerateResult, type GenerateErrorCode } from "./generate";

export type TemplateSummary = {
  id: string;
  title: string;
  /** The lesson slug the template practises (content/lessons/NN-<slug>.mdx) and its section anchor. */
  topic: string;
  section: string;
  kind: QuestionKind;
  asks: string;
  response: ResponseKind;
  domain: DomainId;
  task: TaskStatementId;
  difficulty: Difficulty;
};

function summary(t: AnyQuestionTemplate): TemplateSummary {
  return { id: t.id, title: t.title, topic: t.lesson, section: t.section, kind: t.kind, asks: QUESTION_KIND_ASKS[t.kind], response: t.kind === "choose-two" ? "multiple" : "single", domain: t.domain, task: t.task, difficulty: t.difficulty };
}

export function listQuestionTemplates(): TemplateSummary[] {
  return QUESTION_TEMPLATES.map(summary);
}

export function findQuestionTemplate(id: string): AnyQuestionTemplate | undefined {
  return QUESTION_TEMPLATES.find((t) => t.id === id);
}

/** The question at (template id, seed), the same every time. */
export function generate(templateId: string, seed: number): GenerateResult {
  const template = findQuestionTemplate(templateId);
  if (!template) {
    return { ok: false, code: "UNKNOWN_TEMPLATE", error: `unknown template "${templateId}"; known templates: ${QUESTION_TEMPLATES.map((t) => t.id).join(", ")}`, rejections: [] };
  }
  return generateQuestion(template, seed);
}

export function questionAddress(templateId: string, seed: number): string {
  return `${templateId}/${seed}`;
}

/** Reads an address such as "peering-not-transitive/42" (from a URL); the template must exist. */
export function parseQuestionAddress(address: string): { ok: true; templateId: string; seed: number } | { ok: false; error: string } {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([0-9]+)$/.exec(address);
  if (!match?.[1] || !match[2]) return { ok: false, error: `"${address}" is not a question address (expected "<template id>/<seed>", e.g. "peering-not-transitive/42")` };
  const seed = Number(match[2]);
  if (!isValidSeed(seed)) return { ok: false, error: `the seed ${match[2]} is too large (at most ${Number.MAX_SAFE_INTEGER})` };
  if (!findQuestionTemplate(match[1])) return { ok: false, error: `unknown template "${match[1]}"` };
  return { ok: true, templateId: match[1], seed };
}

/** All-or-nothing, as on the exam: right only if exactly the correct options are chosen. */
export function isAnswerCorrect(answer: GeneratedAnswer, chosen: readonly string[]): boolean {
  const picked = new Set(chosen);
  return picked.size === answer.correctOptionIds.length && answer.correctOptionIds.every((id) => picked.has(id));
}
