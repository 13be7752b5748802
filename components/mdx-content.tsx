import { getMDXComponent } from "mdx-bundler/client/jsx";
import type { ReactElement, ReactNode } from "react";
import { StaticHtml } from "./static-html";
import { staticReact } from "./static-markup";

export type MdxComponents = Record<string, (props: never) => ReactNode>;
type MdxFunction = (props: { components?: MdxComponents }) => ReactElement<{ children?: ReactNode }>;

// mdx-bundler's output is a function body that gets React from its caller. Evaluating it
// here, on the server, renders lessons and briefs to HTML; evaluating it in the browser would
// need 'unsafe-eval' in the Content-Security-Policy (docs/decisions/007-security-headers-and-csp.md).
// It gets the React that renders static markup (components/static-markup.ts): MDX becomes an
// HTML string, which the browser shows without hydrating it element by element.
// Compiled code changes only with a deploy (or an edit, under `next dev`): evaluate each once.
const evaluated = new Map<string, MdxFunction>();

function mdxFunctionFor(code: string): MdxFunction {
  let component = evaluated.get(code);
  if (!component) {
    const { React, ReactDOM, jsxRuntime } = staticReact();
    component = getMDXComponent(code, { React, ReactDOM, _jsx_runtime: jsxRuntime }) as unknown as MdxFunction;
    evaluated.set(code, component);
  }
  return component;
}

/** MDX's top-level blocks (headings, paragraphs, tables, components), in order. */
export function mdxBlocks(code: string, components: MdxComponents): ReactNode[] {
  const { React } = staticReact();
  const root = mdxFunctionFor(code)({ components });
  // MDX returns its blocks as one fragment (or, with a layout, a single element).
  return root.type === React.Fragment ? React.Children.toArray(root.props.children) : [root];
}

/** Server-renders MDX compiled by mdx-bundler (a lab brief: `<Callout>` only) as static HTML. */
export function MdxContent({ code, components }: { code: string; components: MdxComponents }) {
  return <StaticHtml>{mdxBlocks(code, components)}</StaticHtml>;
}
