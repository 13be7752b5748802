import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gradeLab, hintFor, loadLabs, type Lab } from "@/lib/labs";
import { checkSchema } from "@/lib/labs/lab-spec";
import { LAB_TESTS_DIR, readSolution, readWrongSolutions } from "./fixtures";

let labs: Lab[] = [];
beforeAll(async () => {
  labs = await loadLabs();
});

function graded(lab: Lab, topology: unknown) {
  const result = gradeLab(lab, topology);
  if (!result.ok) throw new Error(`${lab.slug}: ${result.error}`);
  return result;
}

describe("the course's labs", () => {
  it("has at least 12 labs, in order, each with a reference solution and at least one wrong solution", async () => {
    const all = await loadLabs();
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.map((l) => l.order)).toEqual([...all.map((l) => l.order)].sort((a, b) => a - b));
    const solutions = readdirSync(path.join(LAB_TESTS_DIR, "solutions")).map((f) => f.replace(/\.json$/, ""));
    expect(solutions.sort()).toEqual(all.map((l) => l.slug).sort());
    for (const lab of all) expect(readWrongSolutions(lab.slug).length, lab.slug).toBeGreaterThanOrEqual(1);
    const wrongFiles = readdirSync(path.join(LAB_TESTS_DIR, "wrong"));
    for (const file of wrongFiles) expect(all.some((l) => file.startsWith(`${l.slug}-`)), `${file} belongs to no lab`).toBe(true);
  });

  it("uses every kind of check somewhere in the course", async () => {
    const kinds = new Set((await loadLabs()).flatMap((l) => l.checks.map((c) => c.kind)));
    const all = checkSchema.options.map((o) => o.shape.kind.value);
    expect([...kinds].sort()).toEqual([...all].sort());
  });
});

describe.each(readdirSync(path.join(LAB_TESTS_DIR, "solutions")).map((f) => f.replace(/\.json$/, "")))("lab %s", (slug) => {
  const lab = () => {
    const found = labs.find((l) => l.slug === slug);
    if (!found) throw new Error(`no lab ${slug} in content/labs`);
    return found;
  };

  it("scores 100% with the reference solution", () => {
    const result = graded(lab(), readSolution(slug));
    expect(result.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.explanation}`)).toEqual([]);
    expect(result.percent).toBe(100);
  });

  it("scores less from the starting topology", () => {
    const result = graded(lab(), lab().start);
    expect(result.score).toBeLessThan(result.maxScore);
    expect(result.checks.some((c) => c.passed), "the start should not fail every check").toBe(true);
  });

  it("has ordered hints, revealed one per failed attempt", () => {
    expect(lab().hintCount).toBeGreaterThanOrEqual(2);
    expect(hintFor(lab(), 0)).toBeNull();
    expect(hintFor(lab(), 1)).toBeTypeOf("string");
    expect(hintFor(lab(), lab().hintCount + 1)).toBeNull();
  });

  describe.each(readWrongSolutions(slug).map((w) => [path.basename(w.file), w] as const))("wrong solution %s", (_name, wrong) => {
    it("loses exactly the checks it should, with an explanation and, for packets that got through, a counterexample", () => {
      const result = graded(lab(), wrong.topology);
      const lost = result.checks.filter((c) => !c.passed);
      expect(lost.map((c) => c.id).sort()).toEqual([...wrong.expectedLostChecks].sort());
      const weights = lost.reduce((sum, c) => sum + c.weight, 0);
      expect(result.score).toBe(result.maxScore - weights);
      for (const check of lost) {
        expect(check.earned).toBe(0);
        expect(check.explanation.length).toBeGreaterThan(10);
        if (check.kind === "must-not-reach" || check.kind === "least-privilege") {
          expect(check.counterexample, check.id).toBeDefined();
          expect(check.counterexample?.description).toMatch(/gets through|reached/);
        }
      }
    });
  });
});

describe("lab briefs", () => {
  it("every brief compiles with mdx-bundler and says what is given", { timeout: 120_000 }, async () => {
    const { compileLabBrief } = await import("@/lib/labs");
    for (const lab of await loadLabs()) {
      expect(lab.briefSource, lab.slug).toMatch(/## What is given/);
      const { code } = await compileLabBrief(lab);
      expect(code.length, lab.slug).toBeGreaterThan(100);
    }
  });
});

describe("reference solutions stay out of what ships", () => {
  it("no app, component or library source reads tests/labs", () => {
    const sources = ["app", "components", "lib"].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
        .map((f) => path.join(dir, f)),
    );
    expect(sources.length).toBeGreaterThan(20);
    const offenders = sources.filter((file) => /tests\/labs|solutions\//.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
