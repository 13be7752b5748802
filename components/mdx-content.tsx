import { getMDXComponent } from "mdx-bundler/client/jsx";
import * as React from "react";
import * as ReactDOM from "react-dom";
import * as jsxRuntime from "react/jsx-runtime";

type MdxComponents = Record<string, React.ComponentType<never>>;
type MdxComponent = React.ComponentType<{ components?: MdxComponents }>;

// mdx-bundler's output is a function body that gets React from its caller. Evaluating it
// here, on the server, renders lessons and briefs to HTML; evaluating it in the browser would
// need 'unsafe-eval' in the Content-Security-Policy (docs/decisions/007-security-headers-and-csp.md).
// The React passed in is the one Next bundles for server components.
const jsxGlobals = { React, ReactDOM, _jsx_runtime: jsxRuntime };

// Compiled code changes only with a deploy (or an edit, under `next dev`): evaluate each once.
const evaluated = new Map<string, MdxComponent>();

function mdxComponentFor(code: string): MdxComponent {
  let component = evaluated.get(code);
  if (!component) {
    component = getMDXComponent(code, jsxGlobals) as MdxComponent;
    evaluated.set(code, component);
  }
  return component;
}

/** Server-renders MDX compiled by mdx-bundler, with the components its source uses (`<Callout>`, `<Scenario>`). */
export function MdxContent({ code, components }: { code: string; components: MdxComponents }) {
  const Component = mdxComponentFor(code);
  return <Component components={components} />;
}
