"use client";

import dynamic from "next/dynamic";
import { useMemo } from "react";
import { layoutTopology } from "@/lib/course/topology-diagram";
import type { Topology } from "@/lib/network";

// React Flow is the largest library a lesson uses (about 50 kB gzip): it loads after the page
// is interactive, so a widget's controls and verdicts work before the drawing arrives.
const TopologyCanvas = dynamic(() => import("./topology-diagram").then((m) => m.TopologyCanvas), {
  ssr: false,
  loading: () => <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Drawing the diagram…</p>,
});

/**
 * A topology drawn from the evaluator's model, in a frame sized from its layout (so nothing
 * moves when the drawing arrives); `highlight` marks the resources on a path, `onSelectNode`
 * (the lab editor) is called with the id of a clicked box.
 */
export function TopologyDiagram({ topology, highlight, label, onSelectNode }: { topology: Topology; highlight?: ReadonlySet<string>; label: string; onSelectNode?: (id: string) => void }) {
  const diagram = useMemo(() => layoutTopology(topology), [topology]);
  const height = Math.min(Math.max(diagram.height + 40, 220), 520);
  return (
    <figure className="my-4" aria-label={label}>
      {/* Sized by an SVG's height attribute rather than a style attribute: the CSP allows no
          inline style attributes (docs/decisions/007-security-headers-and-csp.md). */}
      <div className="relative rounded-lg border border-slate-200 dark:border-slate-800">
        <svg aria-hidden="true" focusable="false" className="block" width="1" height={height} />
        <div className="absolute inset-0">
          <TopologyCanvas diagram={diagram} highlight={highlight} onSelectNode={onSelectNode} />
        </div>
      </div>
      <figcaption className="mt-1 text-sm text-slate-600 dark:text-slate-400">{label}</figcaption>
    </figure>
  );
}
