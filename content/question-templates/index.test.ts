import { describe, expect, it } from "vitest";
import { loadLessonSources } from "@/lib/course/lessons";
import { extractToc } from "@/lib/course/toc";
import { domainOfTask } from "@/lib/questions/exam-guide";
import { QUESTION_KINDS } from "@/lib/questions/generated/types";
import { QUESTION_TEMPLATES } from "./index";

describe("the question template catalogue", () => {
  it("has at least 12 templates with unique ids, covering at least 8 lessons and all five kinds of question", () => {
    const ids = QUESTION_TEMPLATES.map((t) => t.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(QUESTION_TEMPLATES.map((t) => t.lesson)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(QUESTION_TEMPLATES.map((t) => t.kind))).toEqual(new Set(QUESTION_KINDS));
  });

  it("points every template at a real lesson and one of its ## or ### headings", async () => {
    const lessons = new Map((await loadLessonSources()).map((l) => [l.slug, l]));
    for (const t of QUESTION_TEMPLATES) {
      const lesson = lessons.get(t.lesson);
      expect(lesson, `${t.id}: lesson ${t.lesson}`).toBeDefined();
      const anchors = extractToc(lesson?.body ?? "").map((e) => e.id);
      expect(anchors, `${t.id}: section ${t.section}`).toContain(t.section);
    }
  });

  it("names an ANS-C01 task statement of the template's domain and AWS documentation pages", () => {
    for (const t of QUESTION_TEMPLATES) {
      expect(domainOfTask(t.task), t.id).toBe(t.domain);
      expect(t.docs.length, t.id).toBeGreaterThan(0);
      for (const url of t.docs) expect(url, t.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });
});
