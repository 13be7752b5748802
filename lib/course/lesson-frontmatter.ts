import { z } from "zod";

/** One answer option of a lesson check; every option explains itself, right or wrong. */
export const quizOptionSchema = z.object({
  text: z.string().min(1),
  correct: z.boolean().default(false),
  explanation: z.string().min(1, "every option needs an explanation"),
});

export const quizQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "use lowercase letters, digits and dashes"),
    prompt: z.string().min(1),
    options: z.array(quizOptionSchema).min(2).max(6),
  })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: "exactly one option must be marked correct: true",
    path: ["options"],
  });

/** The YAML frontmatter every lesson in content/lessons/*.mdx starts with. */
export const lessonFrontmatterSchema = z
  .object({
    title: z.string().min(3),
    summary: z.string().min(20).max(400),
    order: z.number().int().positive(),
    estimatedMinutes: z.number().int().min(1).max(240),
    objectives: z.array(z.string().min(3)).min(1),
    quiz: z.array(quizQuestionSchema).min(3, "a lesson check needs at least 3 questions"),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
