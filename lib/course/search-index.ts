import { extractToc } from "./toc";
import type { LessonSource } from "./lessons";

/** One searchable section of a lesson: the text under one `##` heading (or the introduction). */
export type SearchDocument = { id: string; slug: string; lessonTitle: string; heading: string; anchor: string; text: string };

/** Markdown and MDX reduced to the words a learner would search for. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*/g, " "))
    .replace(/<Scenario[^>]*\/>/g, " ")
    .replace(/<\/?[A-Z][^>]*>/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/[`*_>#|]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits every lesson at its `##` headings, so a hit links straight to the section. */
export function buildSearchDocuments(lessons: LessonSource[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const lesson of lessons) {
    const toc = extractToc(lesson.body).filter((t) => t.depth === 2);
    const sections = lesson.body.split(/^##\s+.*$/m);
    sections.forEach((section, i) => {
      const heading = i === 0 ? "Introduction" : (toc[i - 1]?.text ?? "");
      const anchor = i === 0 ? "" : (toc[i - 1]?.id ?? "");
      const text = plainText(section);
      if (!text) return;
      documents.push({ id: `${lesson.slug}#${anchor || "intro"}`, slug: lesson.slug, lessonTitle: lesson.title, heading, anchor, text: i === 0 ? `${lesson.summary} ${text}` : text });
    });
  }
  return documents;
}
