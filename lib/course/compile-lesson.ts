import { bundleMDX } from "mdx-bundler";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeHighlight from "rehype-highlight";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { LessonContentError, type LessonSource } from "./lessons";
import { extractToc, type TocEntry } from "./toc";

export { extractToc, type TocEntry };

export type CompiledLesson = { code: string; toc: TocEntry[] };

// esbuild is memory-hungry: compile one lesson at a time.
let queue: Promise<unknown> = Promise.resolve();

// Lesson pages are rendered per request (the CSP nonce, docs/decisions/007-security-headers-and-csp.md),
// but a lesson's source only changes with a deploy: each is compiled once per process and kept.
// Keyed by slug with the source it was compiled from, so `next dev` recompiles an edited lesson.
const compiled = new Map<string, { body: string; result: Promise<CompiledLesson> }>();

/** The lesson compiled by mdx-bundler: on first use in this process, then from memory. */
export function compileLesson(lesson: LessonSource): Promise<CompiledLesson> {
  const cached = compiled.get(lesson.slug);
  if (cached && cached.body === lesson.body) return cached.result;
  const result = queue.then(() => compileNow(lesson));
  queue = result.catch(() => undefined);
  compiled.set(lesson.slug, { body: lesson.body, result });
  // A failed compilation is not kept: the next request tries again (and shows the error again).
  result.catch(() => {
    if (compiled.get(lesson.slug)?.result === result) compiled.delete(lesson.slug);
  });
  return result;
}

async function compileNow(lesson: LessonSource): Promise<CompiledLesson> {
  try {
    const { code } = await bundleMDX({
      source: lesson.body,
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypeSlug,
          [rehypeAutolinkHeadings, { behavior: "append", properties: { className: ["heading-anchor"], ariaHidden: true, tabIndex: -1 }, content: { type: "text", value: "#" } }],
          [rehypeHighlight, { detect: false, ignoreMissing: true }],
        ];
        return options;
      },
    });
    return { code, toc: extractToc(lesson.body) };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error);
    throw new LessonContentError(lesson.file, null, `the MDX does not compile: ${detail}`);
  }
}
