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

export function compileLesson(lesson: LessonSource): Promise<CompiledLesson> {
  const run = queue.then(() => compileNow(lesson));
  queue = run.catch(() => undefined);
  return run;
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
