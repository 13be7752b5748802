import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadQuestionBank } from "@/lib/questions/bank";
import type { BankQuestion } from "@/lib/questions/bank-schema";
import { allocateByWeight, drawExamQuestions } from "./draw";
import { EXAM_KIND_IDS, examKind } from "./kinds";

let bank: BankQuestion[] = [];
beforeAll(async () => {
  bank = await loadQuestionBank();
});

describe("allocateByWeight (largest remainder)", () => {
  it("splits the full exam's 65 questions 19/17/13/16 by the exam guide's 30/26/20/24", () => {
    expect(allocateByWeight(65)).toEqual({ "1": 19, "2": 17, "3": 13, "4": 16 });
  });
  it("splits a 20-question set 6/5/4/5", () => {
    expect(allocateByWeight(20)).toEqual({ "1": 6, "2": 5, "3": 4, "4": 5 });
  });
  it("always hands out exactly the number asked, each domain within one of its exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (n) => {
        const a = allocateByWeight(n);
        expect(a["1"] + a["2"] + a["3"] + a["4"]).toBe(n);
        for (const [d, w] of [["1", 0.3], ["2", 0.26], ["3", 0.2], ["4", 0.24]] as const) expect(Math.abs(a[d] - n * w)).toBeLessThan(1);
      }),
    );
  });
  it("refuses a fractional count", () => {
    expect(() => allocateByWeight(2.5)).toThrow(/whole number/);
  });
});

describe("drawExamQuestions", () => {
  it("draws the same exam from the same seed and another from another seed", () => {
    const kind = examKind("ans-c01-full");
    const a = drawExamQuestions(bank, kind, 42);
    const b = drawExamQuestions(bank, kind, 42);
    const c = drawExamQuestions(bank, kind, 43);
    expect(a).toEqual(b);
    expect(a.ok && c.ok && a.questionIds.join() !== c.questionIds.join()).toBe(true);
  });

  it("honours the domain weights and never repeats a question, for every kind and many seeds", () => {
    const byId = new Map(bank.map((q) => [q.id, q]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(...EXAM_KIND_IDS), (seed, id) => {
        const kind = examKind(id);
        const drawn = drawExamQuestions(bank, kind, seed);
        if (!drawn.ok) throw new Error(drawn.error);
        expect(drawn.questionIds).toHaveLength(kind.questionCount);
        expect(new Set(drawn.questionIds).size).toBe(kind.questionCount);
        const questions = drawn.questionIds.map((q) => byId.get(q));
        expect(questions.every((q) => q?.exams.includes(kind.exam))).toBe(true);
        const quota = allocateByWeight(kind.questionCount);
        for (const d of ["1", "2", "3", "4"] as const) expect(questions.filter((q) => q?.domain === d)).toHaveLength(quota[d]);
      }),
      { numRuns: 60 },
    );
  });

  it("fills a domain that runs short from the others, keeping the set's length", () => {
    const fewDomainOne = bank.filter((q) => q.domain !== "1").concat(bank.filter((q) => q.domain === "1").slice(0, 2));
    const drawn = drawExamQuestions(fewDomainOne, examKind("ans-c01-short"), 7);
    expect(drawn.ok && drawn.questionIds.length).toBe(20);
    expect(drawn.ok && new Set(drawn.questionIds).size).toBe(20);
  });

  it("says so when the bank is too small for the set", () => {
    expect(drawExamQuestions(bank.slice(0, 10), examKind("ans-c01-short"), 1)).toEqual({ ok: false, error: expect.stringMatching(/has \d+ questions for ANS-C01; this set needs 20/) });
  });
});
