import { analyze, type Topology } from "@/lib/network";
import type { Probe } from "./scenario";

export type Hop = { id: string; note: string };
export type ProbeVerdict = {
  probe: Probe;
  status: "reachable" | "blocked" | "error";
  explanations: { code: string; message: string; componentId?: string }[];
  forward: Hop[];
  returnPath: Hop[];
  /** Every resource the forward and return paths touch, for highlighting the diagram. */
  pathIds: string[];
};

/** Runs every probe of a scenario through the evaluator; never throws, so a widget never crashes. */
export function evaluateProbes(topology: Topology, probes: Probe[]): ProbeVerdict[] {
  return probes.map((probe) => evaluateProbe(topology, probe));
}

export function evaluateProbe(topology: Topology, probe: Probe): ProbeVerdict {
  const { label: _label, ...query } = probe;
  try {
    const result = analyze(topology, query);
    if (!result.ok) {
      return { probe, status: "error", explanations: [{ code: "BAD_QUERY", message: result.error }], forward: [], returnPath: [], pathIds: [] };
    }
    const hops = (components: typeof result.forwardPathComponents): Hop[] => components.map((c) => ({ id: c.component.id, note: c.note }));
    const ids = new Set<string>();
    for (const c of [...result.forwardPathComponents, ...result.returnPathComponents]) {
      ids.add(c.component.id);
      if (c.subnet) ids.add(c.subnet.id);
      if (c.vpc) ids.add(c.vpc.id);
    }
    return {
      probe,
      status: result.networkPathFound ? "reachable" : "blocked",
      explanations: result.explanations.map((e) => ({ code: e.explanationCode, message: e.message, componentId: e.component.id })),
      forward: hops(result.forwardPathComponents),
      returnPath: hops(result.returnPathComponents),
      pathIds: [...ids],
    };
  } catch (error) {
    // The evaluator returns results for expected outcomes; reaching here is a bug, shown rather than crashing the lesson.
    return { probe, status: "error", explanations: [{ code: "EVALUATOR_ERROR", message: error instanceof Error ? error.message : String(error) }], forward: [], returnPath: [], pathIds: [] };
  }
}
