import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractToc } from "./toc";
import { listLessons, LessonContentError, parseLessonFile } from "./lessons";

const quiz = [1, 2, 3]
  .map(
    (n) => `  - id: q${n}
    prompt: "Question ${n}?"
    options:
      - { text: "Right", correct: true, explanation: "Because." }
      - { text: "Wrong", explanation: "Because not." }`,
  )
  .join("\n");

function lesson(front: string, body = "## First\n\nText.\n") {
  return `---\n${front}\nquiz:\n${quiz}\n---\n${body}`;
}

const good = `title: Route tables
summary: How a subnet's route table decides where each packet goes next.
order: 3
estimatedMinutes: 20
objectives: ["Read a route table"]`;

describe("parseLessonFile", () => {
  it("reads a valid lesson and takes its slug from the file name", () => {
    const parsed = parseLessonFile("content/lessons/03-route-tables.mdx", lesson(good));
    expect(parsed.slug).toBe("route-tables");
    expect(parsed.title).toBe("Route tables");
    expect(parsed.quiz).toHaveLength(3);
    expect(parsed.body).toContain("## First");
  });

  it("names the file and the field when the frontmatter is wrong", () => {
    const broken = good.replace("estimatedMinutes: 20", "estimatedMinutes: twenty");
    expect(() => parseLessonFile("content/lessons/03-route-tables.mdx", lesson(broken))).toThrowError(
      /^content\/lessons\/03-route-tables\.mdx: frontmatter field "estimatedMinutes": /,
    );
  });

  it("names a missing field", () => {
    const broken = good.replace(/^summary:.*$/m, "");
    const error = (() => {
      try {
        parseLessonFile("content/lessons/03-route-tables.mdx", lesson(broken));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LessonContentError);
    expect((error as LessonContentError).field).toBe("summary");
  });

  it("requires exactly one correct option per question", () => {
    const raw = lesson(good).replace('{ text: "Wrong", explanation', '{ text: "Wrong", correct: true, explanation');
    expect(() => parseLessonFile("content/lessons/03-route-tables.mdx", raw)).toThrowError(/field "quiz\.0\.options": exactly one option/);
  });

  it("rejects unknown fields, mismatched order and bad file names", () => {
    expect(() => parseLessonFile("content/lessons/03-route-tables.mdx", lesson(`${good}\nauthor: me`))).toThrowError(/03-route-tables\.mdx/);
    expect(() => parseLessonFile("content/lessons/04-route-tables.mdx", lesson(good))).toThrowError(/field "order": is 3 but the file name starts with 04/);
    expect(() => parseLessonFile("content/lessons/route tables.mdx", lesson(good))).toThrowError(/NN-kebab-slug\.mdx/);
  });

  it("reports broken YAML as such", () => {
    expect(() => parseLessonFile("content/lessons/03-route-tables.mdx", "---\ntitle: [unclosed\n---\nbody")).toThrowError(/not valid YAML/);
  });
});

describe("listLessons", () => {
  it("lists a folder's lessons in course order", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lessons-"));
    writeFileSync(path.join(dir, "03-route-tables.mdx"), lesson(good));
    writeFileSync(path.join(dir, "01-vpc.mdx"), lesson(good.replace("order: 3", "order: 1").replace("Route tables", "VPC")));
    const lessons = await listLessons(dir);
    expect(lessons.map((l) => l.slug)).toEqual(["vpc", "route-tables"]);
  });
});

describe("extractToc", () => {
  it("lists h2 and h3 headings with GitHub-style ids, skipping code blocks", () => {
    const toc = extractToc("## When to use it\n\n```bash\n## not a heading\n```\n\n### The `local` route\n## When to use it\n");
    expect(toc).toEqual([
      { depth: 2, text: "When to use it", id: "when-to-use-it" },
      { depth: 3, text: "The local route", id: "the-local-route" },
      { depth: 2, text: "When to use it", id: "when-to-use-it-1" },
    ]);
  });
});
