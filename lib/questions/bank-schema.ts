import { z } from "zod";
import { DOMAIN_IDS, TASK_STATEMENT_IDS, domainOfTask } from "./exam-guide";

/**
 * The shape of one exam-style question in content/questions/<lesson-slug>.yaml.
 * Every option explains itself, right or wrong, so a learner learns from every distractor.
 */
export const EXAMS = ["ANS-C01", "SAA-C03"] as const;
export type Exam = (typeof EXAMS)[number];
export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export type ResponseKind = "single" | "multiple";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const bankOptionSchema = z.strictObject({
  text: z.string().trim().min(1, "an option needs text").max(600, "keep an option under 600 characters"),
  correct: z.boolean().default(false),
  explanation: z.string().trim().min(30, "every option needs an explanation of at least 30 characters saying why it is right or wrong").max(1500),
});

const docsUrl = z
  .url("a documentation link must be a full URL")
  .refine((u) => /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//.test(u), "link to AWS's own documentation (https://docs.aws.amazon.com/… or https://aws.amazon.com/…)");

const CHOOSE = { 2: "Choose two.", 3: "Choose three." } as const;

export const bankQuestionSchema = z
  .strictObject({
    id: z.string().regex(kebab, "use lowercase letters, digits and dashes").max(80),
    stem: z.string().trim().min(80, "a stem states a situation and a precise ask: at least 80 characters").max(2500),
    options: z.array(bankOptionSchema).min(4, "at least 4 options").max(6, "at most 6 options"),
    /** The `##`/`###` heading id (as rehype-slug makes it) of the lesson section this question practises. */
    section: z.string().regex(/^[a-z0-9]+(?:-+[a-z0-9]+)*$/, "a section is a heading id such as ephemeral-ports"),
    docs: z.array(docsUrl).min(1, "cite at least one AWS documentation page"),
    domain: z.enum(DOMAIN_IDS as [string, ...string[]], "the ANS-C01 domain: 1, 2, 3 or 4").transform((d) => d as (typeof DOMAIN_IDS)[number]),
    task: z.enum(TASK_STATEMENT_IDS as [string, ...string[]], "an ANS-C01 task statement such as 1.5").transform((t) => t as (typeof TASK_STATEMENT_IDS)[number]),
    difficulty: z.enum(DIFFICULTIES),
    exams: z.array(z.enum(EXAMS)).min(1, "name at least one exam the question fits").refine((e) => new Set(e).size === e.length, "an exam is listed twice"),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (domainOfTask(q.task) !== q.domain) {
      ctx.addIssue({ code: "custom", path: ["task"], message: `task ${q.task} belongs to domain ${domainOfTask(q.task)}, not ${q.domain}` });
    }
    if (correct === 1) {
      if (q.options.length !== 4) ctx.addIssue({ code: "custom", path: ["options"], message: `a single-response question has exactly 4 options (this one has ${q.options.length})` });
      if (/choose (two|three)/i.test(q.stem)) ctx.addIssue({ code: "custom", path: ["stem"], message: "the stem says \"Choose …\" but exactly one option is correct" });
    } else if (correct === 2 || correct === 3) {
      if (q.options.length < 5) ctx.addIssue({ code: "custom", path: ["options"], message: `a multiple-response question has 5 or 6 options (this one has ${q.options.length})` });
      if (!q.stem.includes(`(${CHOOSE[correct]})`)) ctx.addIssue({ code: "custom", path: ["stem"], message: `${correct} options are correct, so the stem must end with "(${CHOOSE[correct]})"` });
    } else {
      ctx.addIssue({ code: "custom", path: ["options"], message: `mark 1, 2 or 3 options correct: true (found ${correct})` });
    }
    const texts = q.options.map((o) => o.text.toLowerCase());
    if (new Set(texts).size !== texts.length) ctx.addIssue({ code: "custom", path: ["options"], message: "two options have the same text" });
  });

/** A file holds the questions that practise one lesson: content/questions/<lesson-slug>.yaml. */
export const bankFileSchema = z.strictObject({
  questions: z.array(bankQuestionSchema).min(1, "a question file holds at least one question"),
});

export type BankQuestionInput = z.input<typeof bankQuestionSchema>;
export type BankQuestion = z.output<typeof bankQuestionSchema> & { lesson: string; file: string; response: ResponseKind };

export function responseKind(q: { options: { correct: boolean }[] }): ResponseKind {
  return q.options.filter((o) => o.correct).length > 1 ? "multiple" : "single";
}
