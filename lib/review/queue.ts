import { db } from "@/lib/db";
import { endOfDay, startOfDay } from "./scheduler";
import { countDueCards, countQueuedSince, listDueCards, listUpcomingCards, type CardRow } from "./store";

/**
 * Today's review queue. Cards already reviewed in the queue before always come back when due;
 * cards that have only been answered in practice or a lesson check ("new" to the queue) join
 * it at most `newPerDay` a day, so a long practice session does not bury the learner tomorrow.
 */
export const NEW_CARDS_PER_DAY = 20;

export type ReviewQueue = {
  /** The cards to review today, earliest due first. */
  cards: CardRow[];
  /** Due cards held back by the new-cards-per-day limit (they join on a later day). */
  heldBack: number;
  newToday: { introduced: number; limit: number };
};

export async function getReviewQueue(userId: string, now: Date, newPerDay = NEW_CARDS_PER_DAY): Promise<ReviewQueue> {
  const end = endOfDay(now);
  const [introduced, reviewed, freshDue] = await Promise.all([countQueuedSince(userId, startOfDay(now)), listDueCards(userId, end, true), countDueCards(userId, end, false)]);
  const fresh = await listDueCards(userId, end, false, Math.max(0, newPerDay - introduced));
  const cards = [...reviewed, ...fresh].sort((a, b) => a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id));
  return { cards, heldBack: freshDue - fresh.length, newToday: { introduced, limit: newPerDay } };
}

/** "N due today", for the dashboard: the same count as the queue's, without loading the cards. */
export async function countDueToday(userId: string, now: Date, newPerDay = NEW_CARDS_PER_DAY): Promise<number> {
  const end = endOfDay(now);
  const [introduced, reviewed, freshDue] = await Promise.all([countQueuedSince(userId, startOfDay(now)), countDueCards(userId, end, true), countDueCards(userId, end, false)]);
  return reviewed + Math.min(freshDue, Math.max(0, newPerDay - introduced));
}

/** The next cards after today, for "review ahead" and the queue listing. */
export async function getUpcomingCards(userId: string, now: Date, take = 20): Promise<CardRow[]> {
  return listUpcomingCards(userId, endOfDay(now), take);
}

export async function countCards(userId: string): Promise<number> {
  return db.reviewCard.count({ where: { userId } });
}
