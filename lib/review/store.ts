import type { Prisma } from "@/generated/prisma/client";
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { cardStateSchema, gradeOf, isSameDay, newCardState, ratingNameOf, reviewCardState, type CardState, type RatingName } from "./scheduler";

/**
 * Spaced-review cards in the database, one per learner and thing to remember, so the schedule
 * follows the learner across devices. Every function takes the time it acts at (`now`), so
 * tests inject a clock; the app passes `new Date()`.
 */
export const CARD_KINDS = ["lesson-check", "bank", "template"] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/**
 * What a card stands for. A generated question's card is its template (the family), not the
 * seed: reviewing it asks a fresh variant, so the learner recalls the rule, not one answer.
 */
export type CardRef = { kind: CardKind; id: string; lesson: string; domain: string };

/** A lesson check's question has no exam domain. */
export function lessonCheckCardRef(lesson: string, questionId: string): CardRef {
  return { kind: "lesson-check", id: `${lesson}/${questionId}`, lesson, domain: "" };
}

type Client = Prisma.TransactionClient;

export type ReviewOutcome = { cardId: string; logId: string | null; rating: RatingName | null; due: Date; isNew: boolean };

function cardColumns(state: CardState) {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsedDays: state.elapsedDays,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    lastReview: state.lastReview,
  };
}

function stateOf(row: CardState): CardState {
  return cardStateSchema.parse(cardColumns(row));
}

/**
 * Records what an answer says about a card: creates the card on the first answer, then one
 * review per card per day (a second answer the same day, such as re-sending a lesson check,
 * is practice, not a recall after a gap). `fromQueue` marks the card as introduced into the
 * review queue (the new-cards-per-day limit counts those).
 */
export async function recordAnswerReview(client: Client, userId: string, ref: CardRef, correct: boolean, now: Date, options: { fromQueue?: boolean } = {}): Promise<ReviewOutcome> {
  const rating: RatingName = correct ? "good" : "again";
  const existing = await client.reviewCard.findUnique({ where: { userId_refKind_refId: { userId, refKind: ref.kind, refId: ref.id } } });
  const before = existing ? stateOf(existing) : newCardState(now);
  if (existing && before.lastReview && isSameDay(before.lastReview, now) && !options.fromQueue) {
    return { cardId: existing.id, logId: null, rating: null, due: existing.due, isNew: false };
  }
  const after = reviewCardState(before, rating, now);
  const card = existing
    ? await client.reviewCard.update({
        where: { id: existing.id },
        data: { ...cardColumns(after), ...(options.fromQueue && !existing.queuedAt ? { queuedAt: now } : {}) },
      })
    : await client.reviewCard.create({
        data: { userId, refKind: ref.kind, refId: ref.id, lesson: ref.lesson, domain: ref.domain, ...cardColumns(after), queuedAt: options.fromQueue ? now : null },
      });
  const log = await client.reviewLog.create({
    data: { cardId: card.id, userId, rating: gradeOf(rating), ratedBy: "answer", before: JSON.stringify(before), review: now },
  });
  return { cardId: card.id, logId: log.id, rating, due: card.due, isNew: !existing };
}

export type RateResult = { ok: true; due: Date; rating: RatingName } | { ok: false; error: string };

/**
 * The learner's own rating after the reveal replaces the one the answer gave: the card goes
 * back to how it was before today's review and is reviewed again, at the same moment, with
 * the learner's rating. Ownership is in the query: another learner's card is "not found".
 */
export async function rateCard(userId: string, cardId: string, rating: RatingName, now: Date): Promise<RateResult> {
  return db.$transaction(async (tx) => {
    const card = await tx.reviewCard.findFirst({ where: { id: cardId, userId } });
    if (!card) return { ok: false as const, error: "This review card was not found." };
    const log = await tx.reviewLog.findFirst({ where: { cardId, userId }, orderBy: { review: "desc" } });
    if (!log || !isSameDay(log.review, now)) return { ok: false as const, error: "Only today's answer can be re-rated; answer the card again when it is due." };
    const parsed = cardStateSchema.safeParse(JSON.parse(log.before));
    if (!parsed.success) return { ok: false as const, error: "This card's history could not be read; answer it again when it is due." };
    const after = reviewCardState(parsed.data, rating, log.review);
    await tx.reviewCard.update({ where: { id: card.id }, data: cardColumns(after) });
    await tx.reviewLog.update({ where: { id: log.id }, data: { rating: gradeOf(rating), ratedBy: "self" } });
    return { ok: true as const, due: after.due, rating };
  }, TRANSACTION_OPTIONS);
}

export type CardRow = { id: string; refKind: CardKind; refId: string; lesson: string; domain: string; due: Date; reps: number; lapses: number; state: number; queuedAt: Date | null; lastReview: Date | null };

function isCardKind(kind: string): kind is CardKind {
  return (CARD_KINDS as readonly string[]).includes(kind);
}

const CARD_SELECT = { id: true, refKind: true, refId: true, lesson: true, domain: true, due: true, reps: true, lapses: true, state: true, queuedAt: true, lastReview: true } as const;

function toRow(row: Omit<CardRow, "refKind"> & { refKind: string }): CardRow | null {
  return isCardKind(row.refKind) ? { ...row, refKind: row.refKind } : null;
}

/** The learner's cards due before `before`, earliest first. */
export async function listDueCards(userId: string, before: Date, take = 500): Promise<CardRow[]> {
  const rows = await db.reviewCard.findMany({ where: { userId, due: { lt: before } }, orderBy: [{ due: "asc" }, { id: "asc" }], take, select: CARD_SELECT });
  return rows.flatMap((r) => toRow(r) ?? []);
}

/** The learner's next cards due from `from` on, earliest first. */
export async function listUpcomingCards(userId: string, from: Date, take = 20): Promise<CardRow[]> {
  const rows = await db.reviewCard.findMany({ where: { userId, due: { gte: from } }, orderBy: [{ due: "asc" }, { id: "asc" }], take, select: CARD_SELECT });
  return rows.flatMap((r) => toRow(r) ?? []);
}

export async function findCard(userId: string, cardId: string): Promise<CardRow | null> {
  const row = await db.reviewCard.findFirst({ where: { id: cardId, userId }, select: CARD_SELECT });
  return row ? toRow(row) : null;
}

/** How many cards were introduced into the review queue since `since` (for the new-cards-per-day limit). */
export async function countQueuedSince(userId: string, since: Date): Promise<number> {
  return db.reviewCard.count({ where: { userId, queuedAt: { gte: since } } });
}

export type ReviewLogRow = { review: Date; rating: RatingName; lesson: string; domain: string };

export async function listReviewLogs(userId: string, since: Date): Promise<ReviewLogRow[]> {
  const rows = await db.reviewLog.findMany({ where: { userId, review: { gte: since } }, orderBy: { review: "asc" }, select: { review: true, rating: true, card: { select: { lesson: true, domain: true } } } });
  return rows.map((r) => ({ review: r.review, rating: ratingNameOf(r.rating), lesson: r.card.lesson, domain: r.card.domain }));
}
