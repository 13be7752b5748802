import { describe, expect, it } from "vitest";
import type { BankQuestion } from "@/lib/questions/bank-schema";
import { isAnswerCorrect, PASS_RAW_FRACTION, scaledScore, scoreExam } from "./scoring";
import { toPublicQuestion } from "./public-question";
import { deadlineFor, dueTimeWarning, formatDuration, isPastDeadline, remainingMs } from "./clock";

function question(id: string, correct: number[], extra: Partial<BankQuestion> = {}): BankQuestion {
  const options = Array.from({ length: correct.length > 1 ? 5 : 4 }, (_, i) => ({ text: `Option ${i} of ${id}`, correct: correct.includes(i), explanation: `Why option ${i} of ${id} is ${correct.includes(i) ? "right" : "wrong"}.` }));
  return { id, stem: `Stem of ${id}`, options, section: "s", docs: ["https://docs.aws.amazon.com/vpc/"], domain: "1", task: "1.1", difficulty: "easy", exams: ["ANS-C01"], lesson: "vpc-fundamentals", file: "x.yaml", response: correct.length > 1 ? "multiple" : "single", ...extra };
}

describe("the scaled score (our estimate)", () => {
  it("runs from 100 for nothing right to 1000 for everything right", () => {
    expect(scaledScore(0, 65)).toBe(100);
    expect(scaledScore(65, 65)).toBe(1000);
  });
  it("passes exactly at the estimated raw cut of 72 %", () => {
    expect(scaledScore(72, 100)).toBe(750);
    expect(scaledScore(71, 100)).toBeLessThan(750);
    // 47 of 65 is 72.3 %: a pass; 46 of 65 is 70.8 %: a fail however it rounds.
    expect(scaledScore(47, 65)).toBeGreaterThanOrEqual(750);
    expect(scaledScore(46, 65)).toBeLessThan(750);
  });
  it("never shows 750 for a raw score below the cut", () => {
    expect(scaledScore(PASS_RAW_FRACTION * 100000 - 1, 100000)).toBe(749);
  });
  it("is monotonic: one more right answer never lowers the score", () => {
    for (const total of [20, 65]) for (let c = 0; c < total; c++) expect(scaledScore(c + 1, total)).toBeGreaterThan(scaledScore(c, total));
  });
  it("gives 100 to an empty exam instead of dividing by zero", () => {
    expect(scaledScore(0, 0)).toBe(100);
  });
});

describe("scoring answers", () => {
  it("counts a single-response answer right only on the correct option", () => {
    const q = question("s", [2]);
    expect(isAnswerCorrect(q, [2])).toBe(true);
    expect(isAnswerCorrect(q, [1])).toBe(false);
    expect(isAnswerCorrect(q, [])).toBe(false);
  });
  it("scores a multiple-response answer all or nothing: a partial or an extra choice is wrong", () => {
    const q = question("m", [0, 3]);
    expect(isAnswerCorrect(q, [3, 0])).toBe(true);
    expect(isAnswerCorrect(q, [0])).toBe(false);
    expect(isAnswerCorrect(q, [0, 3, 4])).toBe(false);
    expect(isAnswerCorrect(q, [0, 0])).toBe(false);
  });
  it("breaks the result down by domain and task statement, unanswered questions counting as wrong", () => {
    const questions = [
      question("a", [0]),
      question("b", [1], { domain: "2", task: "2.1" }),
      question("c", [0, 1], { domain: "2", task: "2.3" }),
      question("d", [3], { domain: "4", task: "4.1" }),
    ];
    const score = scoreExam(questions, new Map([["a", [0]], ["b", [1]], ["c", [0]]]));
    expect(score).toMatchObject({ correct: 2, total: 4, answered: 3, percent: 50, passed: false });
    expect(score.byDomain).toEqual([
      { domain: "1", name: "Network Design", correct: 1, total: 1, percent: 100 },
      { domain: "2", name: "Network Implementation", correct: 1, total: 2, percent: 50 },
      { domain: "4", name: "Network Security, Compliance, and Governance", correct: 0, total: 1, percent: 0 },
    ]);
    expect(score.byTask.map((t) => [t.task, t.correct, t.total])).toEqual([["1.1", 1, 1], ["2.1", 1, 1], ["2.3", 0, 1], ["4.1", 0, 1]]);
    expect(score.questions.map((q) => q.correct)).toEqual([true, true, false, false]);
  });
});

describe("the public question", () => {
  it("carries the stem, the options' text and how many to choose, and nothing that reveals the answer", () => {
    const pub = toPublicQuestion(question("m", [0, 3]));
    expect(pub).toEqual({ id: "m", stem: "Stem of m", options: ["Option 0 of m", "Option 1 of m", "Option 2 of m", "Option 3 of m", "Option 4 of m"], choose: 2 });
    expect(JSON.stringify(pub)).not.toMatch(/correct|explanation|right|wrong|docs\.aws/);
  });
});

describe("the clock", () => {
  const start = new Date("2026-01-01T10:00:00Z");
  const deadline = deadlineFor(start, 50);
  it("sets the deadline from the start and the set's minutes", () => {
    expect(deadline.toISOString()).toBe("2026-01-01T10:50:00.000Z");
  });
  it("counts the deadline itself as late", () => {
    expect(isPastDeadline(deadline, new Date("2026-01-01T10:49:59.999Z"))).toBe(false);
    expect(isPastDeadline(deadline, deadline)).toBe(true);
    expect(remainingMs(deadline, new Date("2026-01-01T11:00:00Z"))).toBe(0);
    expect(remainingMs(deadline, new Date("2026-01-01T10:49:00Z"))).toBe(60_000);
  });
  it("formats what is left for the countdown", () => {
    expect(formatDuration(170 * 60_000)).toBe("2:50:00");
    expect(formatDuration(4 * 60_000 + 7_000)).toBe("4:07");
    expect(formatDuration(-5)).toBe("0:00");
  });
});

describe("time warnings", () => {
  it("announce 10 minutes and 1 minute left, each once", () => {
    const announced = new Set<number>();
    expect(dueTimeWarning(11 * 60_000, announced)).toBeNull();
    expect(dueTimeWarning(10 * 60_000, announced)).toBe("10 minutes left.");
    expect(dueTimeWarning(9 * 60_000, announced)).toBeNull();
    expect(dueTimeWarning(59_000, announced)).toBe("1 minute left.");
    expect(dueTimeWarning(30_000, announced)).toBeNull();
  });
  it("say only the most urgent when a page opens late", () => {
    expect(dueTimeWarning(30_000, new Set())).toBe("1 minute left.");
  });
});
