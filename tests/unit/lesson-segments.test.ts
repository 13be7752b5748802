import { describe, expect, it } from "vitest";
import { lessonSegments } from "@/components/lesson-content";
import { compileLesson } from "@/lib/course/compile-lesson";
import { loadLessonSources, type LessonSource } from "@/lib/course/lessons";
import { scenarioNamesIn } from "@/lib/course/scenario";
import { loadScenarios } from "@/lib/course/scenarios";
import { gradeLessonCheck, publicQuiz } from "@/lib/progress/lesson-check";

// Lessons reach the browser as static HTML with their live scenarios as islands between the
// runs of prose (components/lesson-content.tsx, docs/decisions/010-lesson-pages-hydrate-only-islands.md).

describe("every lesson, split for the browser", async () => {
  const lessons = await loadLessonSources();
  it.each(lessons.map((l) => [l.slug, l] as const))("%s: prose as HTML, each scenario an island in the source's order", async (_slug, lesson) => {
    const { code, toc } = await compileLesson(lesson);
    const names = scenarioNamesIn(lesson.body);
    const segments = lessonSegments(code, await loadScenarios(names));
    expect(segments.filter((s) => s.kind === "scenario").map((s) => (s.kind === "scenario" ? s.name : ""))).toEqual(names);
    expect(segments.some((s) => s.kind === "missing")).toBe(false);
    const prose = segments.flatMap((s) => (s.kind === "html" ? [s.html] : [])).join("");
    // Headings keep the ids the table of contents links to; no widget markup hides in the prose.
    expect(toc.length).toBeGreaterThan(0);
    for (const entry of toc) expect(prose).toContain(`id="${entry.id}"`);
    expect(prose).not.toContain("data-scenario=");
    for (const s of segments) {
      if (s.kind !== "scenario") continue;
      // The widget's first frame: its controls and the initial verdict of every probe.
      expect(s.html).toContain(`data-scenario="${s.name}"`);
      expect(s.html.match(/data-verdict="/g)?.length).toBe(s.scenario.probes.length);
    }
  });
});

describe("a lesson that breaks the rules", () => {
  const lesson = (body: string): LessonSource => ({ slug: "broken", file: "content/lessons/99-broken.mdx", body, title: "Broken", order: 99, summary: "x", estimatedMinutes: 1, objectives: [], quiz: [] }) as unknown as LessonSource;

  it("names a scenario placed inside another element", async () => {
    const { code } = await compileLesson(lesson('Text.\n\n<Callout>\n\n<Scenario name="nat-gateway-egress" />\n\n</Callout>\n'));
    expect(() => lessonSegments(code, {})).toThrow('<Scenario name="nat-gateway-egress" /> must stand on its own line at the top level of a lesson');
  });

  it("shows a missing scenario as an alert in the page, not a crash", async () => {
    const { code } = await compileLesson(lesson('Text.\n\n<Scenario name="no-such-scenario" />\n'));
    const segments = lessonSegments(code, {});
    expect(segments.map((s) => s.kind)).toEqual(["html", "missing"]);
    expect(segments[1]?.html).toContain("is missing from content/scenarios");
  });

  it("escapes text, so prose cannot inject markup", async () => {
    const { code } = await compileLesson(lesson("A &lt;script&gt; in text and `<b>code</b>`.\n"));
    const [segment] = lessonSegments(code, {});
    expect(segment?.html).not.toContain("<script>");
    expect(segment?.html).toContain("&lt;b&gt;code&lt;/b&gt;");
  });
});

describe("the lesson check in the browser", async () => {
  const [lesson] = await loadLessonSources();
  it("is sent without its key or explanations, which arrive only with the grade", () => {
    if (!lesson) throw new Error("no lessons");
    const sent = JSON.stringify(publicQuiz(lesson.quiz));
    for (const q of lesson.quiz) for (const o of q.options) expect(sent).not.toContain(o.explanation);
    expect(sent).not.toContain('"correct"');
    const graded = gradeLessonCheck(lesson.quiz, {});
    expect(graded.results[0]?.explanations).toEqual(lesson.quiz[0]?.options.map((o) => o.explanation));
  });
});
