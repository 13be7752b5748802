import { db } from "@/lib/db";
import { endOfDay, startOfDay } from "./scheduler";
import { countQueuedSince, listDueCards, listUpcomingCards, type CardRow } from "./store";

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
  const [due, introduced] = await Promise.all([listDueCards(userId, endOfDay(now)), countQueuedSince(userId, startOfDay(now))]);
  let budget = Math.max(0, newPerDay - introduced);
  const cards: CardRow[] = [];
  let heldBack = 0;
  for (const card of due) {
    if (card.queuedAt) cards.push(card);
    else if (budget > 0) {
      cards.push(card);
      budget -= 1;
    } else heldBack += 1;
  }
  return { cards, heldBack, newToday: { introduced, limit: newPerDay } };
}

/** "N due today", for the dashboard. */
export async function countDueToday(userId: string, now: Date, newPerDay = NEW_CARDS_PER_DAY): Promise<number> {
  return (await getReviewQueue(userId, now, newPerDay)).cards.length;
}

/** The next cards after today, for "review ahead" and the queue listing. */
export async function getUpcomingCards(userId: string, now: Date, take = 20): Promise<CardRow[]> {
  return listUpcomingCards(userId, endOfDay(now), take);
}

export async function countCards(userId: string): Promise<number> {
  return db.reviewCard.count({ where: { userId } });
}
