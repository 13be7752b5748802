"use server";

import { learnerNow } from "@/lib/clock";
import { authorize, currentActor } from "@/lib/authz";
import { answerQuestion, selfRatingSchema, type AnswerResponse } from "@/lib/practice/answer";
import { rateCard } from "@/lib/review/store";
import type { RatingName } from "@/lib/review/scheduler";

export type RateResponse = { ok: true; due: string; rating: RatingName } | { ok: false; error: string };

/**
 * Grades one practice or review answer on the server. Anyone may practise; a signed-in
 * learner's answer is stored and feeds their review schedule.
 */
export async function submitPracticeAnswer(input: unknown): Promise<AnswerResponse> {
  const actor = await currentActor();
  if (!authorize("practice.answer", actor).allowed) return { ok: false, error: "You may not answer questions." };
  const store = authorize("practice.record", actor).allowed && actor.kind === "user" ? actor.user.id : null;
  try {
    return await answerQuestion(input, store, learnerNow(actor.kind === "user" ? actor.user.email : null));
  } catch {
    return { ok: false, error: "Your answer could not be checked just now. Nothing was lost; please try again." };
  }
}

/** The learner's own Again/Hard/Good/Easy after the reveal, replacing the rating the answer gave. */
export async function rateReviewCard(input: unknown): Promise<RateResponse> {
  const actor = await currentActor();
  const decision = authorize("review.rate", actor);
  if (!decision.allowed || actor.kind !== "user") return { ok: false, error: decision.allowed ? "Sign in first." : decision.reason };
  const parsed = selfRatingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That rating could not be read. Choose Again, Hard, Good or Easy." };
  try {
    const result = await rateCard(actor.user.id, parsed.data.cardId, parsed.data.rating, learnerNow(actor.user.email));
    return result.ok ? { ok: true, due: result.due.toISOString(), rating: result.rating } : result;
  } catch {
    return { ok: false, error: "Your rating could not be saved just now; please try again." };
  }
}
