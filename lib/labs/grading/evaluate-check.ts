import { flowLogRecords, reachabilityMatrix, type AnalysisResult, type Topology } from "@/lib/network";
import type { Check } from "../lab-spec";
import type { Counterexample } from "../types";
import { analyzePacket, blockMessage, counterexampleOf, describePacket, forwardHops, toQuery, type PacketSpec } from "./packet";
import { onPremisesCidrs, overlappingPairs, routeTableOfSubnet, vpcCidrs, withResourcesDown } from "./topology-facts";

export type CheckOutcome = { passed: boolean; explanation: string; counterexample?: Counterexample };

const pass = (explanation: string): CheckOutcome => ({ passed: true, explanation });
const failWith = (explanation: string, counterexample?: Counterexample): CheckOutcome => ({ passed: false, explanation, ...(counterexample ? { counterexample } : {}) });

/** Grade one check against a valid topology. Pure; never throws for a learner's mistake. */
export function evaluateCheck(topology: Topology, check: Check): CheckOutcome {
  switch (check.kind) {
    case "must-reach":
      return mustReach(topology, check);
    case "must-not-reach":
      return mustNotReach(topology, check);
    case "no-internet-gateway-route":
      return noInternetGatewayRoute(topology, check.subnetIds);
    case "uses-gateway-endpoint":
      return usesGatewayEndpoint(topology, check);
    case "max-nat-gateways":
      return maxNatGateways(topology, check.max, check.vpcId);
    case "no-open-port":
      return noOpenPort(topology, check);
    case "cidrs-do-not-overlap":
      return cidrsDoNotOverlap(topology, check.vpcIds, check.includeOnPremises);
    case "interface-endpoint-private-dns":
      return interfaceEndpointPrivateDns(topology, check.vpcId, check.serviceName);
    case "route-propagation":
      return routePropagation(topology, check.subnetIds, check.vpnGatewayId);
    case "flow-log-captures":
      return flowLogCaptures(topology, check);
    case "least-privilege":
      return leastPrivilege(topology, check);
    default:
      return check satisfies never;
  }
}

function downNote(ids: string[]): string {
  return ids.length > 0 ? ` with ${ids.join(" and ")} down` : "";
}

function mustReach(topology: Topology, check: Extract<Check, { kind: "must-reach" }>): CheckOutcome {
  const { topology: failed } = withResourcesDown(topology, check.assumeDown);
  const result = analyzePacket(failed, check);
  const when = downNote(check.assumeDown);
  if (!result.ok || !result.networkPathFound) {
    return failWith(`${describePacket(check)} does not get through${when}. ${blockMessage(result)}`, counterexampleOf(check, result, `blocked${when}`));
  }
  const missing = check.through.filter((w) => !result.forwardPathComponents.some((c) => ("id" in w ? c.component.id === w.id : c.component.type === w.type)));
  const hops = forwardHops(result).join(" → ");
  if (missing.length > 0) {
    const wanted = missing.map((w) => ("id" in w ? w.id : `a ${w.type.replaceAll("-", " ")}`)).join(" and ");
    return failWith(`${describePacket(check)} gets through${when}, but not through ${wanted}: it goes ${hops}.`, counterexampleOf(check, result, `takes the wrong path (${hops})`));
  }
  return pass(`${describePacket(check)} gets through${when}: ${hops}.`);
}

function mustNotReach(topology: Topology, check: Extract<Check, { kind: "must-not-reach" }>): CheckOutcome {
  const { topology: failed } = withResourcesDown(topology, check.assumeDown);
  const result = analyzePacket(failed, check);
  const when = downNote(check.assumeDown);
  if (result.ok && result.networkPathFound) {
    const hops = forwardHops(result).join(" → ");
    return failWith(`${describePacket(check)} gets through${when} (${hops}) and should not.`, counterexampleOf(check, result, `reached the destination (${hops})`));
  }
  if (!result.ok && (result.errorCode === "UNKNOWN_SOURCE" || result.errorCode === "UNKNOWN_DESTINATION")) {
    // Deleting a resource is not blocking traffic to it: the check needs the resource to exist.
    return failWith(`${result.error} The check needs it to exist and to refuse this traffic.`);
  }
  return pass(`${describePacket(check)} is blocked${when}. ${blockMessage(result)}`);
}

function noInternetGatewayRoute(topology: Topology, subnetIds: string[]): CheckOutcome {
  const problems: string[] = [];
  for (const subnetId of subnetIds) {
    if (!topology.subnets.some((s) => s.subnetId === subnetId)) {
      problems.push(`subnet ${subnetId} is missing`);
      continue;
    }
    const table = routeTableOfSubnet(topology, subnetId);
    const igwRoutes = table?.routes.filter((r) => r.state === "active" && r.gatewayId?.startsWith("igw-")) ?? [];
    for (const r of igwRoutes) problems.push(`${subnetId} uses ${table?.routeTableId}, which sends ${r.destinationCidrBlock ?? r.destinationPrefixListId ?? r.destinationIpv6CidrBlock} to ${r.gatewayId}`);
  }
  if (problems.length > 0) return failWith(`A private subnet is one whose route table has no route to an internet gateway: ${problems.join("; ")}.`);
  return pass(`None of ${subnetIds.join(", ")} has a route to an internet gateway.`);
}

function usesGatewayEndpoint(topology: Topology, check: Extract<Check, { kind: "uses-gateway-endpoint" }>): CheckOutcome {
  const packet: PacketSpec = { source: check.source, destination: check.serviceName, protocol: "tcp", port: check.port };
  const result = analyzePacket(topology, packet);
  if (!result.ok || !result.networkPathFound) return failWith(`${describePacket(packet)} does not get through. ${blockMessage(result)}`, counterexampleOf(packet, result, "blocked"));
  const gatewayEndpoints = new Set(topology.vpcEndpoints.filter((e) => e.vpcEndpointType === "Gateway").map((e) => e.vpcEndpointId));
  const used = result.forwardPathComponents.find((c) => gatewayEndpoints.has(c.component.id));
  const hops = forwardHops(result).join(" → ");
  if (!used) return failWith(`${describePacket(packet)} gets through, but not through a gateway endpoint: it goes ${hops}.`, counterexampleOf(packet, result, `avoids the gateway endpoint (${hops})`));
  return pass(`${describePacket(packet)} goes through gateway endpoint ${used.component.id}: ${hops}.`);
}

function maxNatGateways(topology: Topology, max: number, vpcId: string | undefined): CheckOutcome {
  const live = topology.natGateways.filter((n) => (vpcId === undefined || n.vpcId === vpcId) && n.state !== "deleted" && n.state !== "deleting" && n.state !== "failed");
  const where = vpcId ? ` in ${vpcId}` : "";
  if (live.length > max) return failWith(`${live.length} NAT gateway${live.length === 1 ? "" : "s"}${where} (${live.map((n) => n.natGatewayId).join(", ")}); at most ${max} allowed.`);
  return pass(`${live.length} NAT gateway${live.length === 1 ? "" : "s"}${where}, at most ${max} allowed.`);
}

function coversPort(rule: { ipProtocol: string; fromPort?: number | undefined; toPort?: number | undefined }, protocol: "tcp" | "udp", port: number): boolean {
  const p = rule.ipProtocol.toLowerCase();
  if (p === "-1" || p === "all") return true;
  const number = protocol === "tcp" ? "6" : "17";
  if (p !== protocol && p !== number) return false;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return (from === -1 && to === -1) || (from <= port && port <= to);
}

function noOpenPort(topology: Topology, check: Extract<Check, { kind: "no-open-port" }>): CheckOutcome {
  const anywhere = check.cidr === "0.0.0.0/0";
  const offenders = topology.securityGroups.filter((sg) =>
    sg.ipPermissions.some((rule) => coversPort(rule, check.protocol, check.port) && (rule.ipRanges.some((r) => r.cidrIp === check.cidr) || (anywhere && rule.ipv6Ranges.some((r) => r.cidrIpv6 === "::/0")))),
  );
  const what = `${check.protocol.toUpperCase()} ${check.port} from ${check.cidr}`;
  if (offenders.length > 0) {
    const first = offenders[0];
    const exposed = first ? topology.instances.find((i) => i.securityGroupIds.includes(first.groupId))?.instanceId ?? topology.networkInterfaces.find((n) => n.securityGroupIds.includes(first.groupId))?.networkInterfaceId : undefined;
    const counterexample: Counterexample | undefined = first
      ? {
          source: "internet",
          ...(exposed ? { destination: exposed } : {}),
          protocol: check.protocol,
          destinationPort: check.port,
          description: `An inbound rule of ${first.groupId} admits ${what}${exposed ? `: any address may open port ${check.port} on ${exposed} as far as the group is concerned` : ""}.`,
          explanationCodes: [],
        }
      : undefined;
    return failWith(`Security group${offenders.length > 1 ? "s" : ""} ${offenders.map((o) => o.groupId).join(", ")} allow${offenders.length > 1 ? "" : "s"} ${what}.`, counterexample);
  }
  return pass(`No security group allows ${what}.`);
}

function cidrsDoNotOverlap(topology: Topology, vpcIds: string[] | undefined, includeOnPremises: boolean): CheckOutcome {
  const blocks = [...vpcCidrs(topology, vpcIds), ...(includeOnPremises ? onPremisesCidrs(topology) : [])];
  const pairs = overlappingPairs(blocks);
  if (pairs.length > 0) return failWith(`Overlapping ranges: ${pairs.map(([a, b]) => `${a.owner} ${a.cidr} and ${b.owner} ${b.cidr}`).join("; ")}.`);
  return pass(`No two of the ${blocks.length} ranges overlap.`);
}

function interfaceEndpointPrivateDns(topology: Topology, vpcId: string, serviceName: string): CheckOutcome {
  const endpoints = topology.vpcEndpoints.filter((e) => e.vpcId === vpcId && e.serviceName === serviceName && e.vpcEndpointType === "Interface");
  if (endpoints.length === 0) return failWith(`${vpcId} has no interface endpoint for ${serviceName}.`);
  const good = endpoints.find((e) => e.privateDnsEnabled && ["Available", "available"].includes(e.state));
  if (!good) return failWith(`The interface endpoint for ${serviceName} in ${vpcId} (${endpoints.map((e) => e.vpcEndpointId).join(", ")}) does not have private DNS enabled, so the service's default name still resolves to its public addresses.`);
  return pass(`${good.vpcEndpointId} serves ${serviceName} in ${vpcId} with private DNS, so the default name resolves to the endpoint.`);
}

function routePropagation(topology: Topology, subnetIds: string[], vpnGatewayId: string | undefined): CheckOutcome {
  const problems: string[] = [];
  for (const subnetId of subnetIds) {
    const table = routeTableOfSubnet(topology, subnetId);
    if (!table) {
      problems.push(`${subnetId} has no route table`);
      continue;
    }
    const gateways = table.propagatingVgws.map((g) => g.gatewayId);
    if (vpnGatewayId ? !gateways.includes(vpnGatewayId) : gateways.length === 0) problems.push(`${table.routeTableId} (used by ${subnetId}) does not propagate routes from ${vpnGatewayId ?? "a virtual private gateway"}`);
  }
  if (problems.length > 0) return failWith(`${problems.join("; ")}.`);
  return pass(`The route tables of ${subnetIds.join(", ")} learn routes from ${vpnGatewayId ?? "the virtual private gateway"} by propagation.`);
}

function flowLogCaptures(topology: Topology, check: Extract<Check, { kind: "flow-log-captures" }>): CheckOutcome {
  const result = analyzePacket(topology, check);
  if (!result.ok) return failWith(result.error, counterexampleOf(check, result, "could not be analysed"));
  const record = flowLogRecords(topology, result).find((r) => r.action === check.action);
  const logOf = (id: string) => topology.flowLogs.find((f) => f.flowLogId === id);
  if (record) {
    const log = logOf(record.flowLogId);
    return pass(`${record.flowLogId} (on ${log?.resourceId}, ${log?.trafficType}) records ${record.direction} on ${record.networkInterfaceId} for ${describePacket(check)}: "${record.line}".`);
  }
  const events = result.trafficEvents.filter((e) => e.action === check.action);
  if (events.length === 0) {
    const seen = result.trafficEvents.map((e) => `${e.action} ${e.direction} on ${e.networkInterfaceId}`).join(", ");
    return failWith(`${describePacket(check)} produces no ${check.action} record at any network interface${seen ? ` (only ${seen})` : ""}. ${blockMessage(result)}`, counterexampleOf(check, result, `no ${check.action} record`));
  }
  const where = events.map((e) => `${e.direction} on ${e.networkInterfaceId} (${e.subnetId}, ${e.vpcId})`).join("; ");
  return failWith(`${describePacket(check)} is ${check.action === "ACCEPT" ? "accepted" : "rejected"} ${where}, but no active flow log on that interface, subnet or VPC records ${check.action} traffic.`, counterexampleOf(check, result, `${check.action} not recorded`));
}

function endpointOf(e: string | { id: string; ip: string }): { id: string; ip?: string } {
  return typeof e === "string" ? { id: e } : e;
}

function leastPrivilege(topology: Topology, check: Extract<Check, { kind: "least-privilege" }>): CheckOutcome {
  const packets: PacketSpec[] = [];
  for (const s of check.sources.map(endpointOf)) {
    for (const d of check.destinations.map(endpointOf)) {
      if (s.id === d.id) continue;
      for (const service of check.services) {
        const allowed = check.allowed.some(
          (a) => a.source === s.id && a.destination === d.id && (a.protocol === undefined || a.protocol === service.protocol) && (a.port === undefined || a.port === service.port),
        );
        if (!allowed) packets.push({ source: s.id, destination: d.id, protocol: service.protocol, port: service.port, ...(s.ip ? { sourceIp: s.ip } : {}), ...(d.ip ? { destinationIp: d.ip } : {}) });
      }
    }
  }
  // One evaluator matrix over every packet the brief does not allow: the topology is indexed once.
  let entries: { packet: PacketSpec; result: AnalysisResult }[];
  try {
    entries = reachabilityMatrix(topology, packets.map(toQuery)).map((entry, i) => ({ packet: packets[i] as PacketSpec, result: entry.result }));
  } catch {
    entries = packets.map((packet) => ({ packet, result: analyzePacket(topology, packet) }));
  }
  const open = entries.filter((e) => e.result.ok && e.result.networkPathFound);
  const first = open[0];
  if (first) {
    const list = open.slice(0, 4).map((o) => describePacket(o.packet)).join("; ");
    return failWith(
      `${open.length} of ${packets.length} packets the brief does not allow get through: ${list}${open.length > 4 ? "; …" : ""}.`,
      counterexampleOf(first.packet, first.result, `gets through (${forwardHops(first.result).join(" → ")}) but the brief does not allow it`),
    );
  }
  return pass(`All ${packets.length} packets the brief does not allow are blocked.`);
}
