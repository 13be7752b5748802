import type { Exam } from "@/lib/questions/bank-schema";

/**
 * The timed sets a candidate can sit. The full simulation mirrors ANS-C01's published format
 * (65 questions, 170 minutes); the shorter sets keep its pace (about 2.6 minutes a question for
 * ANS-C01, 2 minutes for SAA-C03, whose full exam is 65 questions in 130 minutes).
 */
export const EXAM_KINDS = {
  "ans-c01-full": {
    title: "ANS-C01 full simulation",
    description: "65 questions drawn by the exam guide's domain weights, 170 minutes, as on the real exam.",
    exam: "ANS-C01",
    questionCount: 65,
    minutes: 170,
  },
  "ans-c01-short": {
    title: "ANS-C01 lunch-break set",
    description: "20 questions by the same domain weights, 50 minutes.",
    exam: "ANS-C01",
    questionCount: 20,
    minutes: 50,
  },
  "saa-c03-networking": {
    title: "SAA-C03 networking set",
    description: "20 questions that fit Solutions Architect – Associate's networking topics, 40 minutes.",
    exam: "SAA-C03",
    questionCount: 20,
    minutes: 40,
  },
} as const satisfies Record<string, { title: string; description: string; exam: Exam; questionCount: number; minutes: number }>;

export type ExamKindId = keyof typeof EXAM_KINDS;
export type ExamKind = (typeof EXAM_KINDS)[ExamKindId] & { id: ExamKindId };
export const EXAM_KIND_IDS = Object.keys(EXAM_KINDS) as ExamKindId[];

export function isExamKindId(value: string): value is ExamKindId {
  return Object.hasOwn(EXAM_KINDS, value);
}

export function examKind(id: ExamKindId): ExamKind {
  return { ...EXAM_KINDS[id], id };
}
