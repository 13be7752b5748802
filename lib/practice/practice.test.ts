import { describe, expect, it } from "vitest";
import { loadLessonSources } from "@/lib/course/lessons";
import { loadQuestionBank } from "@/lib/questions/bank";
import { listQuestionTemplates } from "@/lib/questions/generated";
import { loadQuestion, parseQuestionKey, questionKey, type QuestionSources } from "./questions";
import { parsePracticeFilters, selectPracticeSet } from "./select";

async function sources(): Promise<QuestionSources> {
  const [bank, lessons] = await Promise.all([loadQuestionBank(), loadLessonSources()]);
  return { bank, lessons };
}

function filters(params: Record<string, string>) {
  const parsed = parsePracticeFilters(params);
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

describe("practice sets", () => {
  it("choose by lesson, domain and difficulty, as many as asked, the same for the same seed", async () => {
    const { bank } = await sources();
    const f = filters({ lesson: "vpc-peering", count: "5" });
    const input = { bank, templates: listQuestionTemplates(), missed: new Set<string>(), seed: 42 };
    const set = selectPracticeSet(f, input);
    expect(set.refs).toHaveLength(5);
    expect(set.refs.every((r) => r.source === "bank" && bank.find((q) => q.id === r.id)?.lesson === "vpc-peering")).toBe(true);
    expect(new Set(set.refs.map(questionKey)).size).toBe(5);
    expect(selectPracticeSet(f, input).refs).toEqual(set.refs);
    expect(selectPracticeSet(f, { ...input, seed: 43 }).refs).not.toEqual(set.refs);

    const hard = selectPracticeSet(filters({ domain: "4", difficulty: "hard", count: "40" }), input);
    for (const r of hard.refs) expect(bank.find((q) => r.source === "bank" && q.id === r.id)).toMatchObject({ domain: "4", difficulty: "hard" });
  });

  it("mixes in generated questions from the lesson's templates when asked", async () => {
    const { bank } = await sources();
    const set = selectPracticeSet(filters({ lesson: "vpc-peering", count: "8", generated: "1" }), { bank, templates: listQuestionTemplates(), missed: new Set(), seed: 1 });
    const generated = set.refs.filter((r) => r.source === "generated");
    expect(generated).toHaveLength(2);
    const peeringTemplates = listQuestionTemplates().filter((t) => t.topic === "vpc-peering").map((t) => t.id);
    for (const r of generated) expect(r.source === "generated" && peeringTemplates.includes(r.templateId)).toBe(true);
  });

  it('"questions I missed" holds only the questions whose latest answer was wrong', async () => {
    const { bank } = await sources();
    const [a, b] = bank;
    const missed = new Set([`bank:${a?.id}`, "generated:peering-not-transitive/7"]);
    const set = selectPracticeSet(filters({ missed: "1", generated: "1", count: "10" }), { bank, templates: listQuestionTemplates(), missed, seed: 5 });
    expect(set.refs.map(questionKey).sort()).toEqual([...missed].sort());
    expect(set.refs.map(questionKey)).not.toContain(`bank:${b?.id}`);
  });

  it("refuses settings it cannot use with messages a person can act on", () => {
    const bad = parsePracticeFilters({ count: "500", domain: "9", lesson: "../etc" });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message).join("; ");
    expect(messages).toContain("at most 50 questions");
    expect(messages).toContain("the domain is 1, 2, 3 or 4");
    expect(parsePracticeFilters({ count: ["5", "9"], lesson: "" }).data).toMatchObject({ count: 5, lesson: undefined, missed: false });
  });
});

describe("questions", () => {
  it("keep correct flags and explanations out of the view and grade all-or-nothing on the server", async () => {
    const src = await sources();
    const multiple = src.bank.find((q) => q.response === "multiple");
    if (!multiple) throw new Error("the bank has multiple-response questions");
    const loaded = loadQuestion({ source: "bank", id: multiple.id }, src);
    if (!loaded.ok) throw new Error(loaded.error);
    const view = JSON.stringify(loaded.question.view);
    expect(view).not.toMatch(/"correct"|explanation/);
    for (const o of multiple.options) expect(view).not.toContain(o.explanation);
    const key = loaded.question.grade([]).correctOptionIds;
    expect(key).toHaveLength(loaded.question.view.choose);
    expect(loaded.question.grade(key).correct).toBe(true);
    expect(loaded.question.grade(key.slice(0, 1)).correct).toBe(false);
    const feedback = loaded.question.grade(key.slice(0, 1));
    expect(feedback.options.every((o) => o.explanation.length >= 30)).toBe(true);
    expect(feedback.lessonHref).toBe(`/lessons/${multiple.lesson}#${multiple.section}`);
  });

  it("rebuild generated questions from their key and grade them with the evaluator's key", async () => {
    const src = await sources();
    const loaded = loadQuestion({ source: "generated", templateId: "peering-not-transitive", seed: 7 }, src);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.question.view.key).toBe("generated:peering-not-transitive/7");
    expect(JSON.stringify(loaded.question.view.options)).not.toMatch(/"correct"|explanation/);
    const { correctOptionIds } = loaded.question.grade([]);
    expect(loaded.question.grade(correctOptionIds).correct).toBe(true);
    expect(loaded.question.card).toMatchObject({ kind: "template", id: "peering-not-transitive" });
  });

  it("read keys strictly", () => {
    expect(parseQuestionKey("bank:peering-transitive-routing")).toEqual({ source: "bank", id: "peering-transitive-routing" });
    expect(parseQuestionKey("generated:nat-gateway-placement/12")).toEqual({ source: "generated", templateId: "nat-gateway-placement", seed: 12 });
    expect(parseQuestionKey("lesson-check:subnets/q1")).toEqual({ source: "lesson-check", lesson: "subnets", id: "q1" });
    for (const bad of ["bank:../x", "generated:x/-1", "lesson-check:subnets", "other:1", ""]) expect(parseQuestionKey(bad)).toBeNull();
  });
});
