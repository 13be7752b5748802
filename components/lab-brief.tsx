import { Callout } from "./mdx-components";
import { MdxContent } from "./mdx-content";

/** A lab's brief, compiled by mdx-bundler and rendered on the server; briefs use only `<Callout>`. */
export function LabBrief({ code }: { code: string }) {
  return <MdxContent code={code} components={{ Callout }} />;
}
