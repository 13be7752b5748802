import { analyze, type AnalysisQuery, type AnalysisResult, type Topology } from "@/lib/network";
import type { Counterexample } from "../types";

/** The packet fields every packet-shaped check shares. */
export type PacketSpec = {
  source: string;
  sourceIp?: string | undefined;
  destination?: string | undefined;
  destinationIp?: string | undefined;
  destinationEndpointService?: string | undefined;
  protocol: "tcp" | "udp" | "icmp" | "all";
  port?: number | undefined;
};

/** The VPC a source id lives in (instance, interface, subnet), for finding its interface endpoints. */
function vpcOfSource(topology: Topology, source: string): string | undefined {
  const subnetVpc = (subnetId: string | undefined) => topology.subnets.find((s) => s.subnetId === subnetId)?.vpcId;
  const instance = topology.instances.find((i) => i.instanceId === source);
  if (instance) return instance.vpcId ?? subnetVpc(instance.subnetId) ?? subnetVpc(topology.networkInterfaces.find((n) => n.attachment?.instanceId === source)?.subnetId);
  const eni = topology.networkInterfaces.find((n) => n.networkInterfaceId === source);
  if (eni) return eni.vpcId ?? subnetVpc(eni.subnetId);
  return subnetVpc(source);
}

/**
 * Turn `destinationEndpointService` into the concrete address of the
 * source VPC's interface endpoint for that service (the address a client
 * gets from the endpoint's DNS name). Fails with a sentence when there is none.
 */
export function resolvePacket(topology: Topology, p: PacketSpec): { ok: true; packet: PacketSpec } | { ok: false; error: string } {
  if (p.destinationEndpointService === undefined) return { ok: true, packet: p };
  const vpcId = vpcOfSource(topology, p.source);
  const endpoint = topology.vpcEndpoints.find((e) => e.vpcEndpointType === "Interface" && e.serviceName === p.destinationEndpointService && e.vpcId === vpcId);
  if (!endpoint) return { ok: false, error: `${vpcId ?? p.source} has no interface endpoint for ${p.destinationEndpointService}.` };
  const eni = topology.networkInterfaces.find((n) => endpoint.networkInterfaceIds.includes(n.networkInterfaceId) || (n.interfaceType === "vpc_endpoint" && endpoint.subnetIds.includes(n.subnetId) && n.description?.includes(endpoint.vpcEndpointId)));
  if (!eni) return { ok: false, error: `Interface endpoint ${endpoint.vpcEndpointId} has no network interface (list it in networkInterfaceIds).` };
  return { ok: true, packet: { ...p, destinationIp: eni.privateIpAddress, destinationEndpointService: undefined, ...(p.destination === undefined ? { destination: endpoint.vpcEndpointId } : {}) } };
}

export function toQuery(p: PacketSpec): AnalysisQuery {
  return {
    source: p.source,
    protocol: p.protocol,
    ...(p.sourceIp !== undefined ? { sourceIp: p.sourceIp } : {}),
    ...(p.destination !== undefined ? { destination: p.destination } : {}),
    ...(p.destinationIp !== undefined ? { destinationIp: p.destinationIp } : {}),
    ...(p.port !== undefined && (p.protocol === "tcp" || p.protocol === "udp") ? { destinationPort: p.port } : {}),
  };
}

/** "tcp/22 from internet to i-db (10.0.3.10)" */
export function describePacket(p: PacketSpec): string {
  const service = p.port !== undefined && (p.protocol === "tcp" || p.protocol === "udp") ? `${p.protocol.toUpperCase()} ${p.port}` : p.protocol === "all" ? "any protocol" : p.protocol.toUpperCase();
  const from = p.sourceIp ? `${p.source} (${p.sourceIp})` : p.source;
  const via = p.destinationEndpointService ? ` through the endpoint for ${p.destinationEndpointService}` : "";
  const to = (p.destination && p.destinationIp ? `${p.destination} (${p.destinationIp})` : (p.destination ?? p.destinationIp ?? "?")) + via;
  return `${service} from ${from} to ${to}`;
}

/** Never throws: an evaluator bug becomes a failed analysis the learner sees, not a crashed grade. */
export function analyzePacket(topology: Topology, p: PacketSpec): AnalysisResult {
  const resolved = resolvePacket(topology, p);
  if (!resolved.ok) return { ok: false, errorCode: "UNKNOWN_DESTINATION", error: resolved.error };
  try {
    return analyze(topology, toQuery(resolved.packet));
  } catch (error) {
    return { ok: false, errorCode: "UNSUPPORTED_QUERY", error: `The evaluator could not follow this packet (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** The first explanation's message, or a sentence for a path with none. */
export function blockMessage(result: AnalysisResult): string {
  if (!result.ok) return result.error;
  const first = result.explanations[0];
  if (first) return `${first.message}${result.blockedOn === "return" ? " (on the reply)" : ""}`;
  return result.networkPathFound ? "The packet and its reply get through." : "The packet does not get through.";
}

export function counterexampleOf(p: PacketSpec, result: AnalysisResult, what: string): Counterexample {
  const resolved = result.ok ? result.query : undefined;
  return {
    source: p.source,
    ...(resolved ? { sourceIp: resolved.sourceIp } : p.sourceIp ? { sourceIp: p.sourceIp } : {}),
    ...(p.destination !== undefined ? { destination: p.destination } : {}),
    ...(resolved ? { destinationIp: resolved.destinationIp } : p.destinationIp ? { destinationIp: p.destinationIp } : {}),
    protocol: p.protocol,
    ...(p.port !== undefined ? { destinationPort: p.port } : {}),
    description: `${describePacket(p)}: ${what}`,
    explanationCodes: result.ok ? result.explanations.map((e) => e.explanationCode) : [result.errorCode],
  };
}

/** The ids of the forward path, for "via …" in explanations. */
export function forwardHops(result: AnalysisResult): string[] {
  if (!result.ok) return [];
  const ids: string[] = [];
  for (const c of result.forwardPathComponents) if (ids[ids.length - 1] !== c.component.id) ids.push(c.component.id);
  return ids;
}
