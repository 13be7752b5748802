import jsonPatch, { type Operation } from "fast-json-patch";
import {
  analyze,
  flowLogRecords,
  topologySchema,
  pathHops,
  selectAcceleratorEndpoint,
  type AnalysisQuery,
  type AnalysisSuccess,
  type PathComponent,
  type Topology,
} from "@/lib/network";
import type { AcceleratorFlow, Change, Claim, FlowLogCapture, FlowOutcome, Flow, PacketFlow, Step } from "./types";

/**
 * The evaluator, asked the way questions ask it: one flow on one topology gives one outcome
 * (works, or the code and component that stop it), and a change is a JSON patch re-validated
 * by the topology schema.
 */

export function packetQuery(flow: PacketFlow): AnalysisQuery {
  const { kind: _kind, ...query } = flow;
  return query;
}

/** Analyse a packet flow; an invalid flow is a template bug, so it throws with the evaluator's reason. */
export function analyzePacket(topology: Topology, flow: PacketFlow): AnalysisSuccess {
  const result = analyze(topology, packetQuery(flow));
  if (!result.ok) throw new Error(`the evaluator refused the flow ${describeFlow(flow)}: ${result.errorCode}: ${result.error}`);
  return result;
}

function steps(components: PathComponent[], leg: Step["leg"]): Step[] {
  return components.map((c) => ({ id: c.component.id, type: c.component.type, leg, note: c.note }));
}

export function packetOutcome(result: AnalysisSuccess): FlowOutcome {
  const explanation = result.explanations[0];
  const hops = pathHops(result.forwardPathComponents);
  const returnHops = pathHops(result.returnPathComponents);
  const all = [...steps(result.forwardPathComponents, "forward"), ...steps(result.returnPathComponents, "return")];
  if (result.networkPathFound || !explanation) {
    return { works: true, message: `The request follows ${hops.join(" → ")} and the reply ${returnHops.join(" → ")}.`, hops, returnHops, steps: all };
  }
  return {
    works: false,
    code: explanation.explanationCode,
    blockedBy: explanation.component.id,
    ...(result.blockedOn ? { leg: result.blockedOn } : {}),
    ...(explanation.direction ? { direction: explanation.direction } : {}),
    message: explanation.message,
    ...(explanation.documentation ? { documentation: explanation.documentation } : {}),
    hops,
    returnHops,
    steps: all,
  };
}

function acceleratorOutcome(topology: Topology, flow: AcceleratorFlow): FlowOutcome {
  const selection = selectAcceleratorEndpoint(topology, { acceleratorArn: flow.acceleratorArn, protocol: flow.protocol, port: flow.port, clientRegion: flow.clientRegion });
  const client = `client near ${flow.clientRegion}`;
  const documentation = "https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints-endpoint-weights.html";
  if (!selection.ok) {
    return { works: false, code: selection.code, blockedBy: flow.acceleratorArn, leg: "forward", message: selection.explanation, documentation, hops: [client, flow.acceleratorArn], returnHops: [], steps: [{ id: flow.acceleratorArn, type: "accelerator", leg: "forward", note: selection.explanation }] };
  }
  const receivers = selection.endpoints.filter((e) => e.share > 0).map((e) => e.endpointId);
  const hops = [client, flow.acceleratorArn, selection.listenerArn, selection.endpointGroupArn, ...receivers];
  const groupSteps: Step[] = [
    { id: selection.listenerArn, type: "accelerator-listener", leg: "forward", note: `Listener ${selection.listenerArn} takes ${flow.protocol} port ${flow.port}.` },
    { id: selection.endpointGroupArn, type: "endpoint-group", leg: "forward", note: selection.explanation },
    ...selection.endpoints.map((e): Step => ({ id: e.endpointId, type: "accelerator-endpoint", leg: "forward", note: `${e.endpointId} (weight ${e.weight}) receives ${Math.round(e.share * 100)}% of the group's connections${selection.failOpen ? " (fail-open)" : ""}.` })),
  ];
  const message = `${selection.explanation} Connections go to ${receivers.join(", ")} in ${selection.endpointGroupRegion}.`;
  if (receivers.includes(flow.endpointId)) return { works: true, message, hops, returnHops: [], steps: groupSteps };
  return { works: false, code: "OTHER_ENDPOINT_GROUP", blockedBy: selection.endpointGroupArn, leg: "forward", message, documentation, hops, returnHops: [], steps: groupSteps };
}

export function evaluateFlow(topology: Topology, flow: Flow): FlowOutcome {
  return flow.kind === "packet" ? packetOutcome(analyzePacket(topology, flow)) : acceleratorOutcome(topology, flow);
}

/** The lines the flow log `capture.flowLogId` writes for a packet flow (request and reply). */
export function flowLogLines(topology: Topology, flow: PacketFlow, capture: FlowLogCapture): string[] {
  const records = flowLogRecords(topology, analyzePacket(topology, flow), { start: capture.start, end: capture.end, packets: capture.packets, bytes: capture.bytes });
  return records.filter((r) => r.flowLogId === capture.flowLogId).map((r) => r.line);
}

export type ChangeResult = { ok: true; topology: Topology } | { ok: false; error: string };

type Collection = Exclude<keyof Topology, "schemaVersion" | "name" | "description">;
const isCollection = (topology: Topology, key: string): key is Collection => key in topology && Array.isArray(topology[key as keyof Topology]);

/**
 * Apply a change and validate what it touched with the evaluator's schema. Only the
 * collections the patch names are copied and re-parsed (the schema checks each collection on
 * its own), so a question can try several changes on one topology cheaply; the result is a
 * new object, so the evaluator indexes it afresh.
 */
export function applyChange(topology: Topology, change: Change): ChangeResult {
  const touched = new Set<Collection>();
  for (const op of change.patch) {
    const key = op.path.split("/")[1] ?? "";
    if (!isCollection(topology, key)) return { ok: false, error: `the patch path ${op.path} does not name a collection of the topology` };
    touched.add(key);
  }
  const copy: Record<string, unknown> = { ...topology };
  for (const key of touched) copy[key] = structuredClone(topology[key]);
  try {
    for (const op of change.patch) jsonPatch.applyOperation(copy, op as Operation, true, true);
  } catch (error) {
    return { ok: false, error: `the patch does not apply: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
  const parsed = topologySchema.safeParse(Object.fromEntries([...touched].map((key) => [key, copy[key]])));
  if (!parsed.success) return { ok: false, error: `the changed topology is invalid: ${parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; ")}` };
  const result: Topology = { ...topology };
  for (const key of touched) Object.assign(result, { [key]: parsed.data[key] });
  return { ok: true, topology: result };
}

/** Does the claim match what the evaluator found? */
export function claimHolds(claim: Claim, outcome: FlowOutcome): boolean {
  if (claim.works) return outcome.works && claim.via.every((id) => outcome.steps.some((s) => s.id === id) || outcome.hops.includes(id));
  return !outcome.works && outcome.blockedBy === claim.blockedBy && (claim.leg === undefined || claim.leg === outcome.leg);
}

export function describeFlow(flow: Flow): string {
  if (flow.kind === "accelerator") return `a client near ${flow.clientRegion} to ${flow.protocol} port ${flow.port} of ${flow.acceleratorArn}`;
  const to = flow.destination ?? flow.destinationIp ?? "?";
  const address = flow.destination && flow.destinationIp ? ` (${flow.destinationIp})` : "";
  const port = flow.destinationPort !== undefined ? ` port ${flow.destinationPort}` : "";
  return `${flow.source}${flow.sourceIp ? ` (${flow.sourceIp})` : ""} to ${to}${address} on ${flow.protocol.toUpperCase()}${port}`;
}
