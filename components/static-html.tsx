import type { ReactNode } from "react";
import { staticMarkup } from "./static-markup";

/**
 * Markup the browser shows as it came from the server and React never hydrates node by node:
 * one `<div>` holding the HTML. For content without handlers (a lesson's prose, a widget's or
 * the lesson check's first frame); the components inside must be plain functions without hooks.
 */
export function StaticHtml({ children }: { children: ReactNode }) {
  return <div dangerouslySetInnerHTML={{ __html: staticMarkup(Array.isArray(children) ? children : [children]) }} />;
}
