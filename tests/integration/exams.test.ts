import { describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { getExamPlayer, getExamResult, listExamAttempts, saveExamAnswer, startExamAttempt, submitExamAttempt } from "@/lib/exams";
import { loadQuestionBank } from "@/lib/questions/bank";
import { newUserInput } from "../factories";

const T0 = new Date("2026-03-01T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function learner() {
  return upsertUser({ ...newUserInput(), role: "learner" });
}

async function started(userId: string, kind = "ans-c01-short") {
  const outcome = await startExamAttempt(userId, kind, T0, { seed: 12345 });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.attemptId;
}

async function correctChoice(questionId: string): Promise<number[]> {
  const q = (await loadQuestionBank()).find((b) => b.id === questionId);
  if (!q) throw new Error(`no question ${questionId}`);
  return q.options.flatMap((o, i) => (o.correct ? [i] : []));
}

async function playerQuestions(userId: string, attemptId: string, now = at(1)) {
  const player = await getExamPlayer(userId, attemptId, now);
  if (player?.status !== "in_progress") throw new Error("expected an attempt in progress");
  return player;
}

describe("exam attempts", () => {
  it("draws the set, fixes the deadline on the server, and gives the player no answer data", async () => {
    const user = await learner();
    const id = await started(user.id);
    const player = await playerQuestions(user.id, id);
    expect(player.questions).toHaveLength(20);
    expect(player.attempt.deadline.toISOString()).toBe(at(50).toISOString());
    const text = JSON.stringify(player);
    expect(text).not.toMatch(/"correct"|explanation|docs\.aws/);
    const bank = await loadQuestionBank();
    const first = bank.find((q) => q.id === player.questions[0]?.id);
    expect(first && text.includes(first.options[0]?.explanation ?? "??")).toBe(false);
  });

  it("keeps one attempt in progress per learner and set: a second start, even a simultaneous one, resumes it", async () => {
    const user = await learner();
    const [a, b] = await Promise.all([startExamAttempt(user.id, "ans-c01-short", T0), startExamAttempt(user.id, "ans-c01-short", T0)]);
    expect(a.ok && b.ok && a.attemptId === b.attemptId).toBe(true);
    const again = await startExamAttempt(user.id, "ans-c01-short", at(5));
    expect(again).toMatchObject({ ok: true, resumed: true });
    expect(await db.examAttempt.count({ where: { userId: user.id } })).toBe(1);
    const other = await startExamAttempt(user.id, "ans-c01-full", T0);
    expect(other).toMatchObject({ ok: true, resumed: false });
    await expect(db.examAttempt.create({ data: { userId: user.id, kind: "ans-c01-short", questionIds: "[]", seed: 1, startedAt: T0, deadline: at(50), activeKey: `${user.id}:ans-c01-short`, updatedAt: T0 } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses an unknown set with a message", async () => {
    const user = await learner();
    expect(await startExamAttempt(user.id, "ans-c99", T0)).toEqual({ ok: false, error: 'There is no exam set called "ans-c99".' });
  });

  it("saves every answer and flag as given, and a reload sees them", async () => {
    const user = await learner();
    const id = await started(user.id);
    const { questions } = await playerQuestions(user.id, id);
    const [q1, q2] = questions;
    if (!q1 || !q2) throw new Error("no questions");
    expect(await saveExamAnswer(user.id, { attemptId: id, questionId: q1.id, chosen: [1], flagged: false }, at(2))).toMatchObject({ ok: true });
    expect(await saveExamAnswer(user.id, { attemptId: id, questionId: q1.id, chosen: [0], flagged: true }, at(3))).toMatchObject({ ok: true });
    expect(await saveExamAnswer(user.id, { attemptId: id, questionId: q2.id, chosen: [], flagged: true }, at(3))).toMatchObject({ ok: true });
    const reloaded = await playerQuestions(user.id, id, at(4));
    expect(reloaded.answers).toEqual({ [q1.id]: { chosen: [0], flagged: true }, [q2.id]: { chosen: [], flagged: true } });
  });

  it("refuses an option the question does not have, a question outside the attempt, and another learner's attempt", async () => {
    const [owner, stranger] = await Promise.all([learner(), learner()]);
    const id = await started(owner.id);
    const { questions } = await playerQuestions(owner.id, id);
    const q = questions[0];
    if (!q) throw new Error("no question");
    expect(await saveExamAnswer(owner.id, { attemptId: id, questionId: q.id, chosen: [q.options.length], flagged: false }, at(2))).toMatchObject({ ok: false, reason: "invalid" });
    expect(await saveExamAnswer(owner.id, { attemptId: id, questionId: "not-in-this-attempt", chosen: [0], flagged: false }, at(2))).toMatchObject({ ok: false, reason: "invalid" });
    expect(await saveExamAnswer(stranger.id, { attemptId: id, questionId: q.id, chosen: [0], flagged: false }, at(2))).toMatchObject({ ok: false, reason: "not-found" });
    expect(await getExamPlayer(stranger.id, id, at(2))).toBeNull();
    expect(await getExamResult(stranger.id, id, at(2))).toBeNull();
    expect(await submitExamAttempt(stranger.id, id, at(2))).toMatchObject({ ok: false, reason: "not-found" });
    expect((await playerQuestions(owner.id, id)).answers).toEqual({});
  });

  it("scores on submit, once: a second submit and later answers change nothing", async () => {
    const user = await learner();
    const id = await started(user.id);
    const { questions } = await playerQuestions(user.id, id);
    for (const q of questions.slice(0, 15)) {
      expect(await saveExamAnswer(user.id, { attemptId: id, questionId: q.id, chosen: await correctChoice(q.id), flagged: false }, at(10))).toMatchObject({ ok: true });
    }
    expect(await submitExamAttempt(user.id, id, at(20))).toEqual({ ok: true, scoredNow: true });
    const result = await getExamResult(user.id, id, at(21));
    expect(result?.score).toMatchObject({ correct: 15, total: 20, answered: 15, percent: 75, passed: true });
    expect(result?.attempt).toMatchObject({ status: "submitted", submittedAt: at(20) });
    expect(result?.review).toHaveLength(20);
    expect(result?.review[0]?.question.options[0]?.explanation.length).toBeGreaterThan(0);

    expect(await submitExamAttempt(user.id, id, at(22))).toEqual({ ok: true, scoredNow: false });
    const last = questions[19];
    if (!last) throw new Error("no question");
    expect(await saveExamAnswer(user.id, { attemptId: id, questionId: last.id, chosen: await correctChoice(last.id), flagged: false }, at(23))).toMatchObject({ ok: false, reason: "closed" });
    expect((await getExamResult(user.id, id, at(24)))?.score).toEqual(result?.score);
    expect(await getExamPlayer(user.id, id, at(24))).toMatchObject({ status: "finished" });
    // Fifteen saves, each reading the question bank afresh outside production: room on a loaded machine.
  }, 120_000);

  it("still shows the result if the stored score were ever unreadable, scored again from the saved answers", async () => {
    const user = await learner();
    const id = await started(user.id);
    const { questions } = await playerQuestions(user.id, id);
    const q = questions[0];
    if (!q) throw new Error("no question");
    await saveExamAnswer(user.id, { attemptId: id, questionId: q.id, chosen: await correctChoice(q.id), flagged: true }, at(2));
    await submitExamAttempt(user.id, id, at(3));
    await db.examAttempt.update({ where: { id }, data: { result: "{not json" } });
    const result = await getExamResult(user.id, id, at(4));
    expect(result?.score).toMatchObject({ correct: 1, answered: 1, total: 20 });
    expect(result?.review[0]).toMatchObject({ correct: true, flagged: true });
  });

  it("scores concurrent submits once", async () => {
    const user = await learner();
    const id = await started(user.id);
    const outcomes = await Promise.all([1, 2, 3].map(() => submitExamAttempt(user.id, id, at(5))));
    expect(outcomes.filter((o) => o.ok && o.scoredNow)).toHaveLength(1);
  });

  it("refuses answers after the deadline and finalizes the attempt from what was saved", async () => {
    const user = await learner();
    const id = await started(user.id);
    const { questions } = await playerQuestions(user.id, id);
    const [q1, q2] = questions;
    if (!q1 || !q2) throw new Error("no questions");
    expect(await saveExamAnswer(user.id, { attemptId: id, questionId: q1.id, chosen: await correctChoice(q1.id), flagged: false }, at(49.9))).toMatchObject({ ok: true });
    expect(await saveExamAnswer(user.id, { attemptId: id, questionId: q2.id, chosen: await correctChoice(q2.id), flagged: false }, at(50))).toMatchObject({ ok: false, reason: "closed" });
    const result = await getExamResult(user.id, id, at(51));
    expect(result?.attempt).toMatchObject({ status: "expired", submittedAt: at(50) });
    expect(result?.score).toMatchObject({ correct: 1, answered: 1, total: 20, passed: false });
  });

  it("finalizes an expired attempt on any read, and a new start after it begins a fresh attempt", async () => {
    const user = await learner();
    const id = await started(user.id);
    expect(await getExamPlayer(user.id, id, at(60))).toMatchObject({ status: "finished", attempt: { status: "expired", score: 100 } });
    const next = await startExamAttempt(user.id, "ans-c01-short", at(61));
    expect(next).toMatchObject({ ok: true, resumed: false });
    const history = await listExamAttempts(user.id, at(62));
    expect(history.map((h) => h.status)).toEqual(["in_progress", "expired"]);
  });

  it("finalizes an attempt left open past its deadline when a new one of the same set starts", async () => {
    const user = await learner();
    const id = await started(user.id);
    const next = await startExamAttempt(user.id, "ans-c01-short", at(120), { seed: 2 });
    expect(next.ok && next.attemptId !== id).toBe(true);
    expect((await db.examAttempt.findUniqueOrThrow({ where: { id } })).status).toBe("expired");
  });
});
