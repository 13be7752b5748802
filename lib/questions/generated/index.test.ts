import { describe, expect, it } from "vitest";
import { generate, isAnswerCorrect, listQuestionTemplates, parseQuestionAddress, questionAddress } from "./index";

describe("the generated questions' public surface", () => {
  it("lists every template with its topic, section and what it asks", () => {
    const list = listQuestionTemplates();
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(list.find((t) => t.id === "peering-not-transitive")).toEqual(expect.objectContaining({ topic: "vpc-peering", kind: "can-reach", asks: "Can A reach B on this port?", response: "single" }));
    expect(list.find((t) => t.id === "tgw-segmentation")).toEqual(expect.objectContaining({ kind: "choose-two", response: "multiple" }));
  });

  it("regenerates a question from its address", () => {
    const address = questionAddress("tgw-segmentation", 31);
    const parsed = parseQuestionAddress(address);
    if (!parsed.ok) throw new Error(parsed.error);
    const first = generate(parsed.templateId, parsed.seed);
    const second = generate("tgw-segmentation", 31);
    expect(first).toEqual(second);
    expect(first.ok && first.question.public.id).toBe(address);
  });

  it("explains what is wrong with a bad address or an unknown template", () => {
    expect(parseQuestionAddress("tgw-segmentation")).toMatchObject({ ok: false, error: expect.stringMatching(/not a question address/) });
    expect(parseQuestionAddress("no-such-template/3")).toMatchObject({ ok: false, error: 'unknown template "no-such-template"' });
    expect(parseQuestionAddress("tgw-segmentation/99999999999999999999")).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
    expect(generate("no-such-template", 1)).toMatchObject({ ok: false, code: "UNKNOWN_TEMPLATE" });
  });

  it("scores all or nothing, like the exam", () => {
    const result = generate("security-group-references", 4);
    if (!result.ok) throw new Error(result.error);
    const key = result.question.answer.correctOptionIds;
    expect(key).toHaveLength(2);
    expect(isAnswerCorrect(result.question.answer, key)).toBe(true);
    expect(isAnswerCorrect(result.question.answer, key.slice(0, 1))).toBe(false);
    const wrong = result.question.public.options.map((o) => o.id).find((id) => !key.includes(id)) ?? "";
    expect(isAnswerCorrect(result.question.answer, [...key, wrong])).toBe(false);
  });
});
