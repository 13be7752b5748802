import { bundleMDX } from "mdx-bundler";
import rehypeHighlight from "rehype-highlight";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { LabContentError } from "./load-labs";
import type { Lab } from "./types";

// esbuild is memory-hungry: compile one brief at a time (as lessons do).
let queue: Promise<unknown> = Promise.resolve();

/** Compile a lab's brief with mdx-bundler; render the code with `getMDXComponent` and `{ Callout }`. */
export function compileLabBrief(lab: Lab): Promise<{ code: string }> {
  const run = queue.then(() => compileNow(lab));
  queue = run.catch(() => undefined);
  return run;
}

async function compileNow(lab: Lab): Promise<{ code: string }> {
  try {
    const { code } = await bundleMDX({
      source: lab.briefSource,
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug, [rehypeHighlight, { detect: false, ignoreMissing: true }]];
        return options;
      },
    });
    return { code };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error);
    throw new LabContentError(`content/labs/${String(lab.order).padStart(2, "0")}-${lab.slug}/brief.mdx`, null, `the MDX does not compile: ${detail}`);
  }
}
