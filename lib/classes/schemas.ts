import { z } from "zod";
import { emailSchema } from "@/lib/auth/credentials";
import { LIMITS } from "@/lib/http/limits";
import { PASS_RAW_FRACTION } from "@/lib/exams/scoring";

/** A class's details, as the create and edit forms send them. */
export const classDetailsSchema = z.object({
  name: z.string().trim().min(1, "Give the class a name.").max(100, "Use at most 100 characters for the name."),
  term: z.string().trim().max(60, "Use at most 60 characters for the term.").default(""),
  description: z.string().trim().max(2000, "Use at most 2,000 characters for the description.").default(""),
});
export type ClassDetails = z.infer<typeof classDetailsSchema>;

/** Percent right that our estimated scale maps to AWS's 750 pass mark (lib/exams/scoring.ts). */
export const EXAM_PASS_PERCENT = Math.round(PASS_RAW_FRACTION * 100);

const slug = z.string().trim().min(1, "Choose what to assign.").max(LIMITS.slugChars).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Choose a lesson, lab or exam set from the list.");

/**
 * Work to assign. `dueAt` is an ISO 8601 instant with its offset (the form converts the
 * viewer's local date and time to UTC before sending), stored as UTC.
 */
export const assignmentInputSchema = z
  .object({
    kind: z.enum(["lesson", "lab", "exam"], "Choose a lesson, a lab or an exam set."),
    ref: slug,
    dueAt: z.iso.datetime({ offset: true, message: "Pick a due date and time." }).transform((s) => new Date(s)),
    minScore: z.coerce.number("Enter a minimum score from 1 to 100.").int("Enter a whole number from 1 to 100.").min(1, "Enter a minimum score from 1 to 100.").max(100, "Enter a minimum score from 1 to 100.").optional(),
  })
  // A lab counts when an attempt reaches its minimum (all checks by default); an exam set when
  // one reaches 72 % right, the share our estimated scale maps to the 750 pass mark (lib/exams/scoring.ts).
  .transform((a) => ({ ...a, minScore: a.kind === "lab" ? (a.minScore ?? 100) : a.kind === "exam" ? (a.minScore ?? EXAM_PASS_PERCENT) : null }));
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

export const instructorEmailSchema = z.object({ email: emailSchema });

export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "not an id");

export type FieldErrors = Record<string, string[] | undefined>;
/** What every change to a class answers: done (with a value), or a message a person can act on. */
export type ClassResult<T = null> = { ok: true; value: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
