import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";
import { z } from "zod";
import { RATINGS, type RatingName } from "./ratings";

/**
 * The spaced-review schedule, computed by ts-fsrs (FSRS), never by hand. Pure: every function
 * takes the time it should act at, so tests and the queue can inject a clock.
 *
 * Short-term (minute) learning steps are off: the review queue is a daily list, so a missed
 * card comes back the next day rather than in one minute, and each card is reviewed at most
 * once per day from an answer (lib/review/store.ts).
 */
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false, request_retention: 0.9, maximum_interval: 3650 });

export { RATINGS, RATING_LABELS, type RatingName } from "./ratings";
export const ratingSchema = z.enum(RATINGS);

const GRADE: Record<RatingName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

export function gradeOf(rating: RatingName): Grade {
  return GRADE[rating];
}

export function ratingNameOf(grade: number): RatingName {
  const found = RATINGS.find((r) => GRADE[r] === grade);
  if (!found) throw new Error(`${grade} is not an FSRS grade (1 Again … 4 Easy)`);
  return found;
}

/** What an answer says about recall before the learner rates themselves: wrong is Again, right is Good. */
export function ratingFromAnswer(correct: boolean): RatingName {
  return correct ? "good" : "again";
}

/** The FSRS fields a card keeps in the database (ReviewCard's columns, camelCase). */
export const cardStateSchema = z.strictObject({
  due: z.coerce.date(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.number().int().min(State.New).max(State.Relearning),
  lastReview: z.coerce.date().nullable(),
});
export type CardState = z.infer<typeof cardStateSchema>;

export function newCardState(now: Date): CardState {
  return fromFsrs(createEmptyCard(now));
}

/** The card after one review at `now` with `rating`. */
export function reviewCardState(card: CardState, rating: RatingName, now: Date): CardState {
  return fromFsrs(scheduler.next(toFsrs(card), now, GRADE[rating]).card);
}

/** The chance (0–1) that the learner still recalls the card at `now`, as FSRS estimates it. */
export function retrievability(card: CardState, now: Date): number {
  if (card.state === State.New) return 0;
  return scheduler.get_retrievability(toFsrs(card), now, false);
}

function toFsrs(card: CardState): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.lastReview ?? undefined,
  };
}

function fromFsrs(card: Card): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

const DAY_MS = 86_400_000;

/** Days are UTC days: "due today" means due before the next 00:00 UTC. */
export function startOfDay(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

export function endOfDay(now: Date): Date {
  return new Date(startOfDay(now).getTime() + DAY_MS);
}

export function isSameDay(a: Date, b: Date): boolean {
  return startOfDay(a).getTime() === startOfDay(b).getTime();
}

/** Whole days from `now`'s day to `date`'s day (0 today, 1 tomorrow, negative when overdue). */
export function daysFromToday(date: Date, now: Date): number {
  return Math.round((startOfDay(date).getTime() - startOfDay(now).getTime()) / DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
