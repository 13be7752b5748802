import type { ReactNode } from "react";
import { layoutTopology, type Diagram } from "@/lib/course/topology-diagram";
import type { Topology } from "@/lib/network";

/** The height a diagram's frame reserves, so nothing below it moves when the drawing arrives. */
export function frameHeight(diagram: Diagram): number {
  return Math.min(Math.max(diagram.height + 40, 220), 520);
}

export const DRAWING = <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Drawing the diagram…</p>;

/**
 * The frame a topology diagram is drawn in: a figure with its caption, sized from the layout.
 * No directive: the server renders it empty (`StaticTopologyFigure`), the browser draws React
 * Flow inside it (components/topology-figure.tsx).
 */
export function DiagramFrame({ height, label, children }: { height: number; label: string; children: ReactNode }) {
  return (
    <figure className="my-4" aria-label={label}>
      {/* Sized by an SVG's height attribute rather than a style attribute: the CSP allows no
          inline style attributes (docs/decisions/007-security-headers-and-csp.md). */}
      <div className="relative rounded-lg border border-slate-200 dark:border-slate-800">
        <svg aria-hidden="true" focusable="false" className="block" width="1" height={height} />
        <div className="absolute inset-0">{children}</div>
      </div>
      <figcaption className="mt-1 text-sm text-slate-600 dark:text-slate-400">{label}</figcaption>
    </figure>
  );
}

/** A diagram's frame as the server sends it: the right size, drawn once the widget loads. */
export function StaticTopologyFigure({ topology, label }: { topology: Topology; label: string }) {
  return (
    <DiagramFrame height={frameHeight(layoutTopology(topology))} label={label}>
      {DRAWING}
    </DiagramFrame>
  );
}
