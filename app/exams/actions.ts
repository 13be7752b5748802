"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorize, currentActor, deny } from "@/lib/authz";
import { findExamAttemptOwner, isExamKindId, saveAnswerInputSchema, saveExamAnswer, startExamAttempt, submitExamAttempt, systemClock } from "@/lib/exams";

/**
 * The exam's server actions. Next refuses an action whose Origin is not this site, and caps its
 * body (LIMITS.serverActionBodyBytes); each action then parses its input with zod, asks lib/authz,
 * and lets lib/exams decide with the server's clock. Nothing returned here reveals an answer.
 */
export type ExamActionResult = { ok: true; savedAt?: string } | { ok: false; error: string; closed?: boolean };

async function ownerDecision(attemptId: string) {
  const actor = await currentActor();
  const owner = await findExamAttemptOwner(attemptId);
  return { actor, decision: owner ? authorize("exam.attempt.take", actor, owner) : deny(404, "This exam attempt does not exist.") };
}

/** Starts the chosen set (or resumes the attempt already in progress) and opens it. */
export async function startExam(formData: FormData): Promise<void> {
  const actor = await currentActor();
  const decision = authorize("exams.start", actor);
  if (!decision.allowed || actor.kind !== "user") redirect("/sign-in?callbackUrl=%2Fexams");
  const kind = z.string().max(60).safeParse(formData.get("kind"));
  const outcome = await startExamAttempt(actor.user.id, kind.success ? kind.data : "", systemClock());
  // A code, not the message: the page never shows text taken from its URL.
  if (!outcome.ok) redirect(`/exams?error=${kind.success && isExamKindId(kind.data) ? "draw" : "unknown-set"}`);
  redirect(`/exams/${outcome.attemptId}`);
}

export async function saveAnswer(input: unknown): Promise<ExamActionResult> {
  const parsed = saveAnswerInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "This answer could not be read. Reload the page and try again." };
  const { actor, decision } = await ownerDecision(parsed.data.attemptId);
  if (!decision.allowed || actor.kind !== "user") return { ok: false, error: decision.allowed ? "Sign in first." : decision.reason };
  try {
    const outcome = await saveExamAnswer(actor.user.id, parsed.data, systemClock());
    return outcome.ok ? { ok: true, savedAt: outcome.savedAt.toISOString() } : { ok: false, error: outcome.error, closed: outcome.reason === "closed" };
  } catch {
    return { ok: false, error: "Your answer could not be saved just now. Answers saved before are kept; try again." };
  }
}

export async function submitExam(input: unknown): Promise<ExamActionResult> {
  const parsed = z.strictObject({ attemptId: z.string().min(1).max(64) }).safeParse(input);
  if (!parsed.success) return { ok: false, error: "This attempt could not be read. Reload the page and try again." };
  const { actor, decision } = await ownerDecision(parsed.data.attemptId);
  if (!decision.allowed || actor.kind !== "user") return { ok: false, error: decision.allowed ? "Sign in first." : decision.reason };
  try {
    const outcome = await submitExamAttempt(actor.user.id, parsed.data.attemptId, systemClock());
    return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
  } catch {
    return { ok: false, error: "The exam could not be submitted just now. Your answers are saved; try again." };
  }
}
