import { cidrContains, parseIp, parseCidr } from "../ip";
import type { Topology, TrafficMirrorFilterRule } from "../model/topology";
import type { AnalysisSuccess, TrafficEvent } from "./analyze";

/**
 * Which Traffic Mirroring sessions copy the analysed traffic: a session on
 * the interface, whose filter's rules for that direction accept the packet
 * (rule-number order, first match decides, no match means not mirrored).
 * When several sessions on one interface accept it, the one with the lowest
 * session number mirrors it. Only packets the interface accepted are counted.
 * https://docs.aws.amazon.com/vpc/latest/mirroring/traffic-mirroring-filters.html
 * https://docs.aws.amazon.com/vpc/latest/mirroring/traffic-mirroring-session.html
 */

export interface MirroredPacket {
  trafficMirrorSessionId: string;
  trafficMirrorTargetId: string;
  /** Where the copy goes: an interface, a Network Load Balancer or a Gateway Load Balancer endpoint. */
  targetResourceId: string | undefined;
  networkInterfaceId: string;
  path: "forward" | "return";
  direction: "ingress" | "egress";
  ruleNumber: number;
  sourceIp: string;
  destinationIp: string;
}

function inCidr(cidr: string, ipText: string): boolean {
  const p = parseCidr(cidr);
  const ip = parseIp(ipText);
  return p !== undefined && ip !== undefined && cidrContains(p, ip);
}

function matches(rule: TrafficMirrorFilterRule, event: TrafficEvent): boolean {
  if (rule.protocol !== undefined && rule.protocol !== event.protocol) return false;
  if (!inCidr(rule.sourceCidrBlock, event.sourceIp) || !inCidr(rule.destinationCidrBlock, event.destinationIp)) return false;
  const inRange = (r: { fromPort: number; toPort: number } | undefined, port: number | undefined) => r === undefined || (port !== undefined && port >= r.fromPort && port <= r.toPort);
  return inRange(rule.sourcePortRange, event.sourcePort) && inRange(rule.destinationPortRange, event.destinationPort);
}

export function trafficMirrorCopies(topology: Topology, result: AnalysisSuccess): MirroredPacket[] {
  if (topology.trafficMirrorSessions.length === 0) return [];
  const filters = new Map(topology.trafficMirrorFilters.map((f) => [f.trafficMirrorFilterId, f]));
  const targets = new Map(topology.trafficMirrorTargets.map((t) => [t.trafficMirrorTargetId, t]));
  const copies: MirroredPacket[] = [];
  for (const event of result.trafficEvents) {
    if (event.action !== "ACCEPT") continue;
    const sessions = topology.trafficMirrorSessions.filter((s) => s.networkInterfaceId === event.networkInterfaceId).sort((a, b) => a.sessionNumber - b.sessionNumber);
    for (const session of sessions) {
      const filter = filters.get(session.trafficMirrorFilterId);
      const rules = [...((event.direction === "ingress" ? filter?.ingressFilterRules : filter?.egressFilterRules) ?? [])].sort((a, b) => a.ruleNumber - b.ruleNumber);
      const rule = rules.find((r) => matches(r, event));
      if (!rule || rule.ruleAction !== "accept") continue;
      const target = targets.get(session.trafficMirrorTargetId);
      copies.push({
        trafficMirrorSessionId: session.trafficMirrorSessionId,
        trafficMirrorTargetId: session.trafficMirrorTargetId,
        targetResourceId: target?.networkInterfaceId ?? target?.networkLoadBalancerArn ?? target?.gatewayLoadBalancerEndpointId,
        networkInterfaceId: event.networkInterfaceId,
        path: event.path,
        direction: event.direction,
        ruleNumber: rule.ruleNumber,
        sourceIp: event.sourceIp,
        destinationIp: event.destinationIp,
      });
      break;
    }
  }
  return copies;
}
