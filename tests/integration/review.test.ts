import { describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import type { QuizQuestion } from "@/lib/course/lesson-frontmatter";
import { db } from "@/lib/db";
import { gradeLessonCheck, saveLessonCheck } from "@/lib/progress/lesson-check";
import { countDueToday, getReviewQueue, getUpcomingCards } from "@/lib/review/queue";
import { addDays, daysFromToday } from "@/lib/review/scheduler";
import { rateCard, recordAnswerReview, type CardRef } from "@/lib/review/store";
import { newUserInput } from "../factories";

// The injected clock: every call says when it happens.
const MONDAY = new Date("2026-03-02T09:00:00Z");

async function learner() {
  return upsertUser({ ...newUserInput(), role: "learner" });
}

const ref = (id: string): CardRef => ({ kind: "bank", id, lesson: "vpc-peering", domain: "2" });

function answer(userId: string, card: CardRef, correct: boolean, now: Date, fromQueue = false) {
  return db.$transaction((tx) => recordAnswerReview(tx, userId, card, correct, now, { fromQueue }));
}

describe("spaced review", () => {
  it("brings a missed card back the next day, not before", async () => {
    const user = await learner();
    const outcome = await answer(user.id, ref("missed"), false, MONDAY);
    expect(outcome).toMatchObject({ rating: "again", isNew: true });
    expect(daysFromToday(outcome.due, MONDAY)).toBe(1);
    expect(await countDueToday(user.id, MONDAY)).toBe(0);
    const tuesday = addDays(MONDAY, 1);
    expect((await getReviewQueue(user.id, tuesday)).cards.map((c) => c.refId)).toEqual(["missed"]);
  });

  it("moves a well-known card out: each right answer pushes it further away", async () => {
    const user = await learner();
    let now = MONDAY;
    let outcome = await answer(user.id, ref("known"), true, now);
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      gaps.push(daysFromToday(outcome.due, now));
      now = outcome.due;
      expect((await getReviewQueue(user.id, now)).cards.map((c) => c.refId)).toEqual(["known"]);
      outcome = await answer(user.id, ref("known"), true, now, true);
    }
    gaps.push(daysFromToday(outcome.due, now));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] ?? 0);
    expect(gaps.at(-1)).toBeGreaterThan(30);
    expect(await countDueToday(user.id, addDays(now, 7))).toBe(0);
  });

  it("counts one review per card per day from answers, and lets the learner's own rating replace it", async () => {
    const user = await learner();
    const first = await answer(user.id, ref("rated"), false, MONDAY);
    const again = await answer(user.id, ref("rated"), true, addDays(MONDAY, 0.1));
    expect(again.logId).toBeNull();
    expect(await db.reviewLog.count({ where: { cardId: first.cardId } })).toBe(1);

    const rated = await rateCard(user.id, first.cardId, "easy", addDays(MONDAY, 0.2));
    expect(rated.ok).toBe(true);
    if (!rated.ok) return;
    expect(daysFromToday(rated.due, MONDAY)).toBeGreaterThan(1);
    const logs = await db.reviewLog.findMany({ where: { cardId: first.cardId } });
    expect(logs.map((l) => [l.rating, l.ratedBy])).toEqual([[4, "self"]]);
    // Rating "again" after "easy" replaces it too: the card goes back to the next day.
    const back = await rateCard(user.id, first.cardId, "again", addDays(MONDAY, 0.3));
    expect(back.ok && daysFromToday(back.due, MONDAY)).toBe(1);
  });

  it("refuses to re-rate another learner's card, or yesterday's answer", async () => {
    const [owner, other] = await Promise.all([learner(), learner()]);
    const outcome = await answer(owner.id, ref("mine"), true, MONDAY);
    expect(await rateCard(other.id, outcome.cardId, "easy", MONDAY)).toEqual({ ok: false, error: "This review card was not found." });
    expect((await rateCard(owner.id, outcome.cardId, "easy", addDays(MONDAY, 1))).ok).toBe(false);
  });

  it("lets at most 20 new cards a day into the queue and holds the rest back", async () => {
    const user = await learner();
    for (let i = 0; i < 25; i++) await answer(user.id, ref(`q${i}`), false, MONDAY);
    const tuesday = addDays(MONDAY, 1);
    const queue = await getReviewQueue(user.id, tuesday);
    expect(queue.cards).toHaveLength(20);
    expect(queue.heldBack).toBe(5);
    for (const card of queue.cards.slice(0, 20)) await answer(user.id, { ...ref(card.refId) }, true, tuesday, true);
    const after = await getReviewQueue(user.id, tuesday);
    expect(after.cards).toHaveLength(0);
    expect(after.heldBack).toBe(5);
    expect(after.newToday).toEqual({ introduced: 20, limit: 20 });
    expect((await getReviewQueue(user.id, addDays(tuesday, 1))).cards.map((c) => c.refId).sort()).toEqual(["q20", "q21", "q22", "q23", "q24"]);
  });

  it("turns every answered lesson-check question into a card", async () => {
    const user = await learner();
    const quiz: QuizQuestion[] = ["a", "b"].map((id) => ({ id, prompt: `Question ${id}?`, options: [0, 1].map((o) => ({ text: `Option ${o}`, correct: o === 0, explanation: "Why." })) }));
    await saveLessonCheck(user.id, "route-tables", gradeLessonCheck(quiz, { a: 0, b: 1 }), MONDAY);
    const upcoming = await getUpcomingCards(user.id, MONDAY);
    expect(upcoming.map((c) => [c.refKind, c.refId, daysFromToday(c.due, MONDAY)])).toEqual([
      ["lesson-check", "route-tables/b", 1],
      ["lesson-check", "route-tables/a", expect.any(Number)],
    ]);
    expect(daysFromToday(upcoming[1]?.due ?? MONDAY, MONDAY)).toBeGreaterThan(1);
  });
});
