import { describe, expect, it } from "vitest";
import { compileLesson } from "@/lib/course/compile-lesson";
import { evaluateAccelerator, evaluateProbes } from "@/lib/course/evaluate-probes";
import { loadLessonSources } from "@/lib/course/lessons";
import { allControlStates, applyControls, scenarioNamesIn } from "@/lib/course/scenario";
import { loadScenario } from "@/lib/course/scenarios";

const lessons = await loadLessonSources();

describe("the course content", () => {
  it("has the 21 lessons of the VPC deep dive, numbered 1 to 21", () => {
    expect(lessons.map((l) => l.order)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  describe.each(lessons.map((l) => [l.slug, l] as const))("lesson %s", (_slug, lesson) => {
    it("compiles with mdx-bundler", async () => {
      const compiled = await compileLesson(lesson);
      expect(compiled.code.length).toBeGreaterThan(500);
      expect(compiled.toc.map((t) => t.text)).toContain("Summary");
    });

    it("has at least one live scenario whose every control combination and probe evaluates", async () => {
      const names = scenarioNamesIn(lesson.body);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const scenario = await loadScenario(name);
        const verdictsByState = allControlStates(scenario).map((states) => {
          const outcome = applyControls(scenario, states);
          if (!outcome.ok) throw new Error(`${name}: ${outcome.error}`);
          const verdicts = evaluateProbes(outcome.topology, scenario.probes);
          if (scenario.accelerator) {
            for (const { client, selection } of evaluateAccelerator(outcome.topology, scenario.accelerator, verdicts).routing) {
              expect(selection.ok, `${name}: ${client.label}: ${selection.explanation}`).toBe(true);
            }
          }
          return verdicts;
        });
        for (const verdicts of verdictsByState) {
          for (const v of verdicts) expect(v.status, `${name}: ${v.probe.label}: ${v.explanations.map((e) => e.message).join("; ")}`).not.toBe("error");
        }
        if (scenario.controls.length > 0) {
          // A control that changes nothing teaches nothing: some probe must change its verdict.
          const signature = (vs: { status: string }[]) => vs.map((v) => v.status).join(",");
          expect(new Set(verdictsByState.map(signature)).size, `${name}: no control changes any probe`).toBeGreaterThan(1);
        }
      }
    });
  });
});
