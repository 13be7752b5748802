import { createRequire } from "node:module";
import path from "node:path";
import type * as ReactModule from "react";
import type { ReactNode } from "react";
import type * as ReactDOMModule from "react-dom";
import type * as ReactDOMServer from "react-dom/server";
import type * as JsxRuntime from "react/jsx-runtime";

/**
 * React's own server renderer, for markup the browser never needs React for: a lesson's prose
 * and a widget's first frame are sent as HTML inside `dangerouslySetInnerHTML`, so React
 * hydrates one element for each piece instead of every paragraph, table row and code token
 * (docs/decisions/010-lesson-pages-hydrate-only-islands.md).
 *
 * Server components run under React's "react-server" build, whose `react-dom/server` refuses to
 * load; the renderer and the React it renders with are the app's own node_modules copies, loaded
 * with Node's require so the bundler leaves them alone. Components written for the page (the
 * lesson's `<Callout>`, the scenario view) are plain functions without hooks, so either React
 * can call them; the elements both Reacts create are the same plain objects.
 */
export type StaticReact = {
  React: typeof ReactModule;
  ReactDOM: typeof ReactDOMModule;
  jsxRuntime: typeof JsxRuntime;
  renderToStaticMarkup: typeof ReactDOMServer.renderToStaticMarkup;
};

let loaded: StaticReact | undefined;

export function staticReact(): StaticReact {
  if (!loaded) {
    const requireFromApp = createRequire(path.join(process.cwd(), "package.json"));
    loaded = {
      React: requireFromApp("react") as typeof ReactModule,
      ReactDOM: requireFromApp("react-dom") as typeof ReactDOMModule,
      jsxRuntime: requireFromApp("react/jsx-runtime") as typeof JsxRuntime,
      renderToStaticMarkup: (requireFromApp("react-dom/server") as typeof ReactDOMServer).renderToStaticMarkup,
    };
  }
  return loaded;
}

/** Renders nodes to HTML with React's server renderer: no hydration needed in the browser. */
export function staticMarkup(nodes: ReactNode[]): string {
  const { React, renderToStaticMarkup } = staticReact();
  return renderToStaticMarkup(React.createElement(React.Fragment, null, ...nodes));
}
