import { analyze, flowLogRecords, selectAcceleratorEndpoint, trafficMirrorCopies, type AcceleratorSelection, type FlowLogRecord, type MirroredPacket, type Topology } from "@/lib/network";
import type { AcceleratorView, Probe } from "./scenario";

export type Hop = { id: string; note: string };
export type ProbeVerdict = {
  probe: Probe;
  status: "reachable" | "blocked" | "error";
  explanations: { code: string; message: string; componentId?: string }[];
  forward: Hop[];
  returnPath: Hop[];
  /** Every resource the forward and return paths touch, for highlighting the diagram. */
  pathIds: string[];
  /** The records the topology's flow logs write for this traffic (version 2, default format). */
  flowLogRecords: FlowLogRecord[];
  /** The copies the topology's Traffic Mirroring sessions make of this traffic. */
  mirroredCopies: MirroredPacket[];
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
      return { probe, status: "error", explanations: [{ code: "BAD_QUERY", message: result.error }], forward: [], returnPath: [], pathIds: [], flowLogRecords: [], mirroredCopies: [] };
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
      flowLogRecords: flowLogRecords(topology, result),
      mirroredCopies: trafficMirrorCopies(topology, result),
    };
  } catch (error) {
    // The evaluator returns results for expected outcomes; reaching here is a bug, shown rather than crashing the lesson.
    return { probe, status: "error", explanations: [{ code: "EVALUATOR_ERROR", message: error instanceof Error ? error.message : String(error) }], forward: [], returnPath: [], pathIds: [], flowLogRecords: [], mirroredCopies: [] };
  }
}

export type AcceleratorRouting = {
  client: { label: string; region: string };
  selection: AcceleratorSelection;
};

export type AcceleratorOutcome = {
  /** Each endpoint with a health check, and whether its probe is reachable. */
  health: { endpointId: string; probe: string; healthy: boolean }[];
  routing: AcceleratorRouting[];
};

/**
 * Where the accelerator sends each client: the endpoints' health follows their probes'
 * verdicts, then the evaluator's Global Accelerator rules (traffic dials, failover, fail-open)
 * choose the group and endpoints.
 */
export function evaluateAccelerator(topology: Topology, view: AcceleratorView, verdicts: ProbeVerdict[]): AcceleratorOutcome {
  const reachable = new Map(verdicts.map((v) => [v.probe.label, v.status === "reachable"]));
  const health = view.healthChecks.map((check) => ({ endpointId: check.endpointId, probe: check.probe, healthy: reachable.get(check.probe) ?? false }));
  const state = new Map(health.map((h) => [h.endpointId, h.healthy ? ("HEALTHY" as const) : ("UNHEALTHY" as const)]));
  const observed: Topology = {
    ...topology,
    accelerators: topology.accelerators.map((a) =>
      a.acceleratorArn !== view.acceleratorArn
        ? a
        : {
            ...a,
            listeners: a.listeners.map((l) => ({
              ...l,
              endpointGroups: l.endpointGroups.map((g) => ({
                ...g,
                endpointDescriptions: g.endpointDescriptions.map((e) => ({ ...e, healthState: state.get(e.endpointId) ?? e.healthState })),
              })),
            })),
          },
    ),
  };
  const routing = view.clients.map((client) => ({
    client,
    selection: selectAcceleratorEndpoint(observed, { acceleratorArn: view.acceleratorArn, protocol: view.protocol, port: view.port, clientRegion: client.region }),
  }));
  return { health, routing };
}
