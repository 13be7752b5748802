import { describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { answerQuestion, loadQuestionSources } from "@/lib/practice/answer";
import { buildPracticeSet } from "@/lib/practice/build";
import { loadQuestion } from "@/lib/practice/questions";
import { listMissedQuestionKeys } from "@/lib/practice/record";
import { parsePracticeFilters } from "@/lib/practice/select";
import { getReviewQueue } from "@/lib/review/queue";
import { addDays } from "@/lib/review/scheduler";
import { newUserInput } from "../factories";

const NOW = new Date("2026-03-02T09:00:00Z");

async function learner() {
  return upsertUser({ ...newUserInput(), role: "learner" });
}

/** The key of a bank question and a wrong and a right answer to it, read from the server's own grader. */
async function bankQuestion(id?: string) {
  const sources = await loadQuestionSources();
  const q = id ? sources.bank.find((b) => b.id === id) : sources.bank.find((b) => b.response === "single" && b.lesson === "vpc-peering");
  if (!q) throw new Error("the bank has a single-response vpc-peering question");
  const loaded = loadQuestion({ source: "bank", id: q.id }, sources);
  if (!loaded.ok) throw new Error(loaded.error);
  const right = loaded.question.grade([]).correctOptionIds;
  const wrong = loaded.question.view.options.map((o) => o.id).filter((o) => !right.includes(o)).slice(0, 1);
  return { id: q.id, key: loaded.question.view.key, right, wrong };
}

describe("answering practice questions", () => {
  it("grades on the server, stores the answer and schedules a missed one for the next day", async () => {
    const user = await learner();
    const q = await bankQuestion();
    const response = await answerQuestion({ key: q.key, chosen: q.wrong }, user.id, NOW);
    expect(response).toMatchObject({ ok: true, saved: true, rating: "again", feedback: { correct: false, correctOptionIds: q.right } });
    expect(await db.practiceAnswer.count({ where: { userId: user.id, questionId: q.id, correct: false } })).toBe(1);
    expect(await listMissedQuestionKeys(user.id)).toEqual(new Set([q.key]));
    expect((await getReviewQueue(user.id, addDays(NOW, 1))).cards.map((c) => c.refId)).toEqual([q.id]);

    // "Questions I missed" serves it; once answered right it is no longer missed.
    const missedFilters = parsePracticeFilters({ missed: "1", start: "1" });
    if (!missedFilters.success) throw new Error("valid filters");
    expect((await buildPracticeSet(missedFilters.data, user.id, 1)).questions.map((v) => v.key)).toEqual([q.key]);
    await answerQuestion({ key: q.key, chosen: q.right }, user.id, addDays(NOW, 1));
    expect(await listMissedQuestionKeys(user.id)).toEqual(new Set());
  });

  it("stores nothing for an anonymous visitor but gives the same feedback", async () => {
    const q = await bankQuestion();
    const before = await db.practiceAnswer.count();
    const response = await answerQuestion({ key: q.key, chosen: q.right }, null, NOW);
    expect(response).toMatchObject({ ok: true, saved: false, feedback: { correct: true } });
    expect(await db.practiceAnswer.count()).toBe(before);
  });

  it("feeds a generated question's template card, and answers it from the evaluator's key", async () => {
    const user = await learner();
    const sources = await loadQuestionSources();
    const loaded = loadQuestion({ source: "generated", templateId: "nat-gateway-placement", seed: 3 }, sources);
    if (!loaded.ok) throw new Error(loaded.error);
    const right = loaded.question.grade([]).correctOptionIds;
    const response = await answerQuestion({ key: loaded.question.view.key, chosen: right }, user.id, NOW);
    expect(response).toMatchObject({ ok: true, saved: true, rating: "good", feedback: { correct: true } });
    const card = await db.reviewCard.findFirst({ where: { userId: user.id } });
    expect(card).toMatchObject({ refKind: "template", refId: "nat-gateway-placement" });
  });

  it("answers bad input with a message, never a crash", async () => {
    const q = await bankQuestion();
    expect(await answerQuestion({ key: q.key, chosen: [] }, null, NOW)).toMatchObject({ ok: false, error: expect.stringContaining("choose at least one option") });
    expect(await answerQuestion({ key: q.key, chosen: ["f"] }, null, NOW)).toEqual({ ok: false, error: "That option is not one of this question's options." });
    expect(await answerQuestion({ key: "bank:no-such-question", chosen: ["a"] }, null, NOW)).toEqual({ ok: false, error: 'There is no question "no-such-question" in the bank any more.' });
    expect(await answerQuestion({ key: "<script>", chosen: ["a"] }, null, NOW)).toMatchObject({ ok: false });
    expect(await answerQuestion("nonsense", null, NOW)).toMatchObject({ ok: false });
  });
});
