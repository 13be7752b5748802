"use client";

import { Background, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { memo, useMemo } from "react";
import type { Diagram, DiagramKind } from "@/lib/course/topology-diagram";

type BoxData = { label: string; detail?: string; kind: DiagramKind; highlighted: boolean; dimmed: boolean };

const kindStyle: Record<DiagramKind, string> = {
  vpc: "border-sky-500 bg-sky-50/60 dark:bg-sky-950/40",
  subnet: "border-emerald-500 bg-emerald-50/70 dark:bg-emerald-950/40",
  instance: "border-slate-400 bg-white dark:bg-slate-800",
  nat: "border-amber-500 bg-amber-50 dark:bg-amber-950",
  endpoint: "border-violet-500 bg-violet-50 dark:bg-violet-950",
  gateway: "border-orange-500 bg-orange-50 dark:bg-orange-950",
  internet: "border-slate-500 bg-slate-100 dark:bg-slate-800",
  service: "border-pink-500 bg-pink-50 dark:bg-pink-950",
  peering: "border-cyan-500 bg-cyan-50 dark:bg-cyan-950",
  transit: "border-indigo-500 bg-indigo-50 dark:bg-indigo-950",
  vpn: "border-teal-500 bg-teal-50 dark:bg-teal-950",
  onprem: "border-stone-500 bg-stone-100 dark:bg-stone-800",
  directconnect: "border-fuchsia-500 bg-fuchsia-50 dark:bg-fuchsia-950",
  loadbalancer: "border-lime-500 bg-lime-50 dark:bg-lime-950",
};

const Box = memo(function Box({ data }: NodeProps<Node<BoxData>>) {
  const container = data.kind === "vpc" || data.kind === "subnet";
  return (
    <div
      className={`h-full w-full rounded-md border-2 px-2 py-1 text-[11px] leading-tight text-slate-900 dark:text-slate-100 ${kindStyle[data.kind]} ${data.highlighted ? "ring-4 ring-sky-400 dark:ring-sky-300" : ""} ${data.dimmed ? "opacity-50" : ""}`}
    >
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      <div className={`truncate font-semibold ${container ? "text-xs" : ""}`}>{data.label}</div>
      {data.detail ? <div className="truncate text-slate-600 dark:text-slate-300">{data.detail}</div> : null}
      <Handle type="source" position={Position.Bottom} className="!opacity-0" isConnectable={false} />
    </div>
  );
});

const nodeTypes = { box: Box };

/**
 * React Flow's drawing of a laid-out topology; `highlight` marks the resources on a path and
 * `onSelectNode` (the lab editor) is called with the id of a clicked box. Loaded on demand by
 * `topology-figure.tsx`, so React Flow stays out of the JavaScript a page needs to start.
 */
export function TopologyCanvas({ diagram, highlight, onSelectNode }: { diagram: Diagram; highlight?: ReadonlySet<string>; onSelectNode?: (id: string) => void }) {
  const { nodes, edges } = useMemo(() => {
    const lit = (id: string) => Boolean(highlight?.has(id) || highlight?.has(id.split("@")[0] ?? id));
    const nodes: Node<BoxData>[] = diagram.nodes.map((n) => ({
      id: n.id,
      type: "box",
      position: { x: n.x, y: n.y },
      parentId: n.parentId,
      extent: n.parentId ? ("parent" as const) : undefined,
      draggable: false,
      selectable: false,
      focusable: false,
      style: { width: n.width, height: n.height },
      zIndex: n.kind === "vpc" ? 0 : n.kind === "subnet" ? 1 : 2,
      data: { label: n.label, detail: n.detail, kind: n.kind, highlighted: lit(n.id), dimmed: Boolean(highlight && highlight.size > 0 && !lit(n.id) && n.kind !== "vpc" && n.kind !== "subnet") },
    }));
    const edges: Edge[] = diagram.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.label,
      focusable: false,
      animated: Boolean(highlight?.has(e.source) && highlight.has(e.target)),
      style: { strokeWidth: 2 },
    }));
    return { nodes, edges };
  }, [diagram, highlight]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      colorMode="system"
      fitView
      fitViewOptions={{ padding: 0.08 }}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      onNodeClick={onSelectNode ? (_, node) => onSelectNode(node.id) : undefined}
      panOnScroll={false}
      zoomOnScroll={false}
      preventScrolling={false}
      minZoom={0.2}
    >
      <Background gap={24} size={1} />
    </ReactFlow>
  );
}
