"use client";

import dynamic from "next/dynamic";
import { useMemo } from "react";
import { layoutTopology } from "@/lib/course/topology-diagram";
import type { Topology } from "@/lib/network";
import { DiagramFrame, DRAWING, frameHeight } from "./diagram-frame";

// React Flow is the largest library a lesson uses (about 50 kB gzip): it loads only with a
// widget that is drawn, after the widget's controls and verdicts already work.
const TopologyCanvas = dynamic(() => import("./topology-diagram").then((m) => m.TopologyCanvas), {
  ssr: false,
  loading: () => DRAWING,
});

/**
 * A topology drawn from the evaluator's model, in a frame sized from its layout (so nothing
 * moves when the drawing arrives); `highlight` marks the resources on a path, `onSelectNode`
 * (the lab editor) is called with the id of a clicked box.
 */
export function TopologyDiagram({ topology, highlight, label, onSelectNode }: { topology: Topology; highlight?: ReadonlySet<string>; label: string; onSelectNode?: (id: string) => void }) {
  const diagram = useMemo(() => layoutTopology(topology), [topology]);
  return (
    <DiagramFrame height={frameHeight(diagram)} label={label}>
      <TopologyCanvas diagram={diagram} highlight={highlight} onSelectNode={onSelectNode} />
    </DiagramFrame>
  );
}
