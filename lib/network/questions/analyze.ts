import { z } from "zod";
import { addressInCidr, formatIp, isIpv6, parseIp, parseCidr, cidrContains, type Ip } from "../ip";
import { indexTopology, subnetOfIp, type IndexedInterface, type IndexedTopology } from "../model/indexed-topology";
import { parseTopology, type Topology, type TopologyIssue } from "../model/topology";
import { protocolName, reversePacket, type Packet } from "../packet";
import { dispositionOfBlock, type BlockKind, type Disposition } from "./explanations";
import type { ComponentRef, Explanation, PathComponent } from "./path-component";
import {
  clientVpn,
  header,
  hopOf,
  interfaceEgress,
  interfaceRef,
  internetGatewayIngress,
  onTheInternet,
  startFromGatewayEndpoint,
  startFromOnPremises,
  startFromPeering,
  startFromVpcRouter,
  startFromVpnGatewaySide,
  subnetEgress,
  transitGatewayRoute,
  type InterfaceEvent,
  type Session,
  type Target,
  type TraceContext,
  type TraceEnd,
} from "./trace/index";

/**
 * `analyze`: follow one packet from a source to a destination and its reply
 * back, as Reachability Analyzer does from configuration alone.
 * https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html
 */

/** The internet address used when a query starts at the internet without a `sourceIp` (TEST-NET-3, RFC 5737). */
export const DEFAULT_INTERNET_SOURCE = "203.0.113.10";
/** For IPv6 queries (documentation prefix, RFC 3849). */
export const DEFAULT_INTERNET_SOURCE_V6 = "2001:db8:ffff::10";
/** The internet address used for an internet-bound destination without a `destinationIp` (TEST-NET-2). */
export const DEFAULT_INTERNET_DESTINATION = "198.51.100.20";
export const DEFAULT_INTERNET_DESTINATION_V6 = "2001:db8:ffff::20";
/** Forward TCP/UDP packets leave from this port unless `sourcePort` says otherwise: the first of the ephemeral range 49152–65535. */
export const DEFAULT_SOURCE_PORT = 49152;

const ipAddress = z.string().refine((s) => parseIp(s) !== undefined, { message: 'expected an IP address like "10.0.1.25" or "2600:1f18::25"' });

export const analysisQuerySchema = z
  .strictObject({
    /** Instance, network interface, subnet, VPC, internet gateway ("internet" for any internet address), VPC endpoint, VPN gateway, transit gateway, peering connection, NAT gateway, Client VPN endpoint, on-premises network, Direct Connect VIF or gateway, VPN connection, load balancer ARN. */
    source: z.string().min(1),
    /** Any id `source` accepts, "internet", or an AWS service name (`com.amazonaws.us-east-1.s3`); may be left out when `destinationIp` is given. */
    destination: z.string().min(1).optional(),
    /** "tcp", "udp", "icmp", "all", or an IP protocol number ("0" is a bare IP packet). */
    protocol: z.union([z.enum(["tcp", "udp", "icmp", "all", "TCP", "UDP", "ICMP"]), z.string().regex(/^-1$|^[0-9]{1,3}$/), z.number().int().min(-1).max(255)]).default("tcp"),
    destinationPort: z.number().int().min(0).max(65535).optional(),
    sourcePort: z.number().int().min(0).max(65535).optional(),
    /** IPv4 or IPv6; an IPv6 address makes the whole query IPv6. */
    sourceIp: ipAddress.optional(),
    destinationIp: ipAddress.optional(),
    /** Client VPN sources: the user's directory groups, for authorization rules limited to a group. */
    clientVpnGroups: z.array(z.string().min(1)).optional(),
  })
  .refine((q) => q.destination !== undefined || q.destinationIp !== undefined, { message: "give a destination, a destinationIp, or both", path: ["destination"] });

export type AnalysisQuery = z.input<typeof analysisQuerySchema>;

export interface ResolvedQuery {
  source: ComponentRef;
  destination: ComponentRef | undefined;
  protocol: string;
  sourceIp: string;
  destinationIp: string;
  sourcePort: number | undefined;
  destinationPort: number | undefined;
}

export interface TrafficEvent {
  path: "forward" | "return";
  networkInterfaceId: string;
  vpcId: string;
  subnetId: string;
  direction: "ingress" | "egress";
  action: "ACCEPT" | "REJECT";
  protocol: number;
  sourceIp: string;
  destinationIp: string;
  sourcePort: number | undefined;
  destinationPort: number | undefined;
}

export interface AnalysisSuccess {
  ok: true;
  networkPathFound: boolean;
  forwardPathComponents: PathComponent[];
  returnPathComponents: PathComponent[];
  explanations: Explanation[];
  /** How the forward packet ended, in Batfish's vocabulary. */
  forwardDisposition: Disposition;
  /** How the reply ended (absent when the forward packet was blocked). */
  returnDisposition: Disposition | undefined;
  /** For a blocked path: the kind of block and on which leg. */
  blockKind: BlockKind | undefined;
  blockedOn: "forward" | "return" | undefined;
  query: ResolvedQuery;
  /** Each time the packet or its reply left or entered a network interface (for flow logs and Traffic Mirroring). */
  trafficEvents: TrafficEvent[];
}

export type AnalysisErrorCode = "INVALID_TOPOLOGY" | "INVALID_QUERY" | "UNKNOWN_SOURCE" | "UNKNOWN_DESTINATION" | "UNSUPPORTED_QUERY";

export interface AnalysisFailure {
  ok: false;
  errorCode: AnalysisErrorCode;
  /** What was wrong with the query, in a sentence. */
  error: string;
  /** For an invalid topology: each problem with its path, e.g. `subnets.2.cidrBlock`. */
  issues?: TopologyIssue[];
}

export type AnalysisResult = AnalysisSuccess | AnalysisFailure;

type Start = { ref: ComponentRef; ids: string[]; srcIp: Ip; vpcId: string | undefined; run: (ctx: TraceContext, p: Packet) => TraceEnd; ways?: (p: Packet) => ((ctx: TraceContext) => TraceEnd)[] };
type Destination = { ref: ComponentRef | undefined; ids: string[]; ip: Ip };

function fail(errorCode: AnalysisErrorCode, error: string): AnalysisFailure {
  return { ok: false, errorCode, error };
}

function protocolNumber(protocol: string | number): number {
  if (typeof protocol === "number") return protocol;
  switch (protocol.toLowerCase()) {
    case "tcp":
      return 6;
    case "udp":
      return 17;
    case "icmp":
      return 1;
    case "all":
      return -1;
    default:
      return Number(protocol);
  }
}

function firstUsable(cidr: string | undefined, offset = 10): Ip | undefined {
  const p = cidr ? parseCidr(cidr) : undefined;
  return p ? addressInCidr(p, offset) : undefined;
}

function pickInterface(ifaces: IndexedInterface[], ip: Ip | undefined): IndexedInterface | undefined {
  return (ip !== undefined ? ifaces.find((i) => i.privateIps.includes(ip)) : undefined) ?? ifaces[0];
}

function resolveSource(index: IndexedTopology, source: string, sourceIp: Ip | undefined, destinationHint: string | undefined, v6: boolean): Start | AnalysisFailure {
  const t = index.topology;
  const ifaceStart = (iface: IndexedInterface, ref: ComponentRef, ids: string[]): Start | AnalysisFailure => {
    const own = sourceIp !== undefined && iface.privateIps.includes(sourceIp) ? sourceIp : v6 ? iface.privateIps.find((ip) => isIpv6(ip)) : iface.primaryIp;
    if (own === undefined) return fail("INVALID_QUERY", `${ref.id} has no IPv6 address, so it cannot send this IPv6 packet.`);
    const srcIp = own;
    return {
      ref,
      ids: [...ids, iface.id],
      srcIp,
      vpcId: iface.vpcId,
      run: (ctx, p) => {
        ctx.components.push({ sequenceNumber: 1, component: ref, hop: hopOf(iface), outboundHeader: header(p), subnet: { id: iface.subnetId, type: "subnet" }, vpc: { id: iface.vpcId, type: "vpc" }, note: `${ref.id} sends ${protocolName(p.protocol)} from ${formatIp(p.srcIp)} to ${formatIp(p.dstIp)}.` });
        return interfaceEgress(ctx, iface, p);
      },
    };
  };
  if (source === "internet") {
    const srcIp = sourceIp ?? (parseIp(v6 ? DEFAULT_INTERNET_SOURCE_V6 : DEFAULT_INTERNET_SOURCE) as Ip);
    const ref: ComponentRef = { id: "internet", type: "internet" };
    return {
      ref,
      ids: ["internet"],
      srcIp,
      vpcId: undefined,
      run: (ctx, p) => {
        ctx.components.push({ sequenceNumber: 1, component: ref, hop: "internet", outboundHeader: header(p), note: `A host on the internet (${formatIp(p.srcIp)}) sends to ${formatIp(p.dstIp)}.` });
        return onTheInternet(ctx, p);
      },
    };
  }
  if (source.startsWith("i-")) {
    const ifaces = index.interfacesOfInstance.get(source);
    if (!ifaces || ifaces.length === 0) return index.instances.has(source) ? fail("UNKNOWN_SOURCE", `Instance ${source} has no network interface (give it a subnetId and privateIpAddress).`) : fail("UNKNOWN_SOURCE", `No instance ${source} in the topology.`);
    const iface = pickInterface(ifaces, sourceIp);
    if (!iface) return fail("UNKNOWN_SOURCE", `Instance ${source} has no network interface.`);
    return ifaceStart(iface, interfaceRef(index, iface), [source]);
  }
  if (source.startsWith("eni-")) {
    const iface = index.interfaces.get(source);
    if (!iface) return fail("UNKNOWN_SOURCE", `No network interface ${source} in the topology.`);
    return ifaceStart(iface, { id: source, type: "network-interface" }, [source, ...(iface.ownerId ? [iface.ownerId] : [])]);
  }
  if (source.startsWith("nat-")) {
    const iface = index.natGatewayInterface.get(source);
    if (!iface) return fail("UNKNOWN_SOURCE", `No NAT gateway ${source} in the topology.`);
    return ifaceStart(iface, { id: source, type: "nat-gateway" }, [source]);
  }
  if (source.startsWith("arn:") && index.loadBalancers.has(source)) {
    const iface = index.loadBalancerInterfaces.get(source)?.[0];
    if (!iface) return fail("UNKNOWN_SOURCE", `Load balancer ${source} has no node (no availability zone with a subnet).`);
    return ifaceStart(iface, interfaceRef(index, iface), [source]);
  }
  if (source.startsWith("subnet-")) {
    const subnet = index.subnets.get(source);
    const prefix = index.subnetPrefix.get(source);
    if (!subnet || !prefix) return fail("UNKNOWN_SOURCE", `No subnet ${source} in the topology.`);
    const prefix6 = index.subnetPrefix6.get(source);
    if (v6 && sourceIp === undefined && !prefix6) return fail("INVALID_QUERY", `Subnet ${source} has no IPv6 CIDR block.`);
    const srcIp = sourceIp ?? addressInCidr(v6 && prefix6 ? prefix6 : prefix, 4);
    const ref: ComponentRef = { id: source, type: "subnet" };
    return { ref, ids: [source], srcIp, vpcId: subnet.vpcId, run: (ctx, p) => subnetEgress(ctx, source, p, undefined) };
  }
  if (source.startsWith("vpc-")) {
    const vpc = index.vpcs.get(source);
    if (!vpc) return fail("UNKNOWN_SOURCE", `No VPC ${source} in the topology.`);
    const srcIp = sourceIp ?? (firstUsable(vpc.cidrBlock, 1) as Ip);
    const ref: ComponentRef = { id: source, type: "vpc" };
    return {
      ref,
      ids: [source],
      srcIp,
      vpcId: source,
      run: (ctx, p) => {
        ctx.components.push({ sequenceNumber: 1, component: ref, hop: source, note: `The packet starts at the router of ${source}.` });
        return startFromVpcRouter(ctx, source, p);
      },
    };
  }
  if (source.startsWith("igw-")) {
    const igw = index.internetGateways.get(source);
    if (!igw) return fail("UNKNOWN_SOURCE", `No internet gateway ${source} in the topology.`);
    const srcIp = sourceIp ?? (parseIp(v6 ? DEFAULT_INTERNET_SOURCE_V6 : DEFAULT_INTERNET_SOURCE) as Ip);
    const ref: ComponentRef = { id: source, type: "internet-gateway" };
    return {
      ref,
      ids: [source, "internet"],
      srcIp,
      vpcId: igw.attachments[0]?.vpcId,
      run: (ctx, p) => {
        ctx.components.push({ sequenceNumber: 1, component: { id: "internet", type: "internet" }, hop: "internet", outboundHeader: header(p), note: `A host on the internet (${formatIp(p.srcIp)}) sends to ${formatIp(p.dstIp)} through ${source}.` });
        return internetGatewayIngress(ctx, source, p);
      },
    };
  }
  if (source.startsWith("vgw-")) {
    const vgw = index.vpnGateways.get(source);
    if (!vgw) return fail("UNKNOWN_SOURCE", `No virtual private gateway ${source} in the topology.`);
    const behind = (index.vpnConnectionsOfGateway.get(source) ?? []).flatMap((v) => index.onPremisesOfCustomerGateway.get(v.customerGatewayId) ?? []);
    const srcIp = sourceIp ?? firstUsable(behind[0]?.cidrBlocks[0]) ?? (parseIp("192.168.0.10") as Ip);
    return { ref: { id: source, type: "vpn-gateway" }, ids: [source], srcIp, vpcId: vgw.vpcAttachments[0]?.vpcId, run: (ctx, p) => startFromVpnGatewaySide(ctx, source, p) };
  }
  if (source.startsWith("tgw-") && !source.startsWith("tgw-attach-") && !source.startsWith("tgw-rtb-")) {
    const tables = [...(index.tgwRouteTablesOfTgw.get(source) ?? [])].sort((a, b) => a.transitGatewayRouteTableId.localeCompare(b.transitGatewayRouteTableId));
    if (!index.transitGateways.has(source) && tables.length === 0) return fail("UNKNOWN_SOURCE", `No transit gateway ${source} in the topology.`);
    const firstVpc = (index.tgwAttachmentsOfTgw.get(source) ?? []).find((a) => a.resourceType === "vpc" && (destinationHint === undefined || !index.vpcs.has(destinationHint)))?.resourceId;
    const srcIp = sourceIp ?? firstUsable(firstVpc ? index.vpcs.get(firstVpc)?.cidrBlock : undefined) ?? (parseIp("100.64.0.10") as Ip);
    return {
      ref: { id: source, type: "transit-gateway" },
      ids: [source],
      srcIp,
      vpcId: undefined,
      run: (ctx, p) => {
        const table = tables[0];
        if (!table) return onTheInternet(ctx, p);
        return transitGatewayRoute(ctx, source, table, p);
      },
    };
  }
  if (source.startsWith("pcx-")) {
    const pcx = index.peerings.get(source);
    if (!pcx) return fail("UNKNOWN_SOURCE", `No peering connection ${source} in the topology.`);
    return {
      ref: { id: source, type: "vpc-peering-connection" },
      ids: [source],
      srcIp: sourceIp ?? firstUsable(index.vpcs.get(pcx.requesterVpcInfo.vpcId)?.cidrBlock ?? pcx.requesterVpcInfo.cidrBlock) ?? 0n,
      vpcId: undefined,
      run: (ctx, p) => {
        const into = [pcx.accepterVpcInfo.vpcId, pcx.requesterVpcInfo.vpcId].find((v) => (index.vpcPrefixes.get(v) ?? []).some((q) => cidrContains(q, p.dstIp))) ?? pcx.accepterVpcInfo.vpcId;
        return startFromPeering(ctx, source, into, p);
      },
    };
  }
  if (source.startsWith("vpce-")) {
    const endpoint = index.vpcEndpoints.get(source);
    if (!endpoint) return fail("UNKNOWN_SOURCE", `No VPC endpoint ${source} in the topology.`);
    if (endpoint.vpcEndpointType === "Gateway") {
      const service = t.awsServices.find((s) => s.serviceName === endpoint.serviceName);
      const fromList = service?.prefixListId ? index.prefixListPrefixes.get(service.prefixListId)?.[0] : undefined;
      const srcIp = sourceIp ?? (service?.cidrBlocks[0] ? firstUsable(service.cidrBlocks[0]) : fromList ? addressInCidr(fromList, 10) : undefined) ?? (parseIp("52.216.0.10") as Ip);
      return { ref: { id: source, type: "vpc-endpoint" }, ids: [source, endpoint.serviceName], srcIp, vpcId: endpoint.vpcId, run: (ctx, p) => startFromGatewayEndpoint(ctx, source, endpoint.vpcId, p) };
    }
    const ifaces = [...index.interfaces.values()].filter((i) => i.kind === "vpc-endpoint" && i.ownerId === source);
    const iface = pickInterface(ifaces, sourceIp);
    if (!iface) return fail("UNKNOWN_SOURCE", `Endpoint ${source} has no network interface.`);
    return ifaceStart(iface, { id: source, type: "vpc-endpoint" }, [source]);
  }
  if (source.startsWith("cvpn-endpoint-")) {
    const endpoint = index.clientVpnEndpoints.get(source);
    if (!endpoint) return fail("UNKNOWN_SOURCE", `No Client VPN endpoint ${source} in the topology.`);
    const srcIp = sourceIp ?? (firstUsable(endpoint.clientCidrBlock, 2) as Ip);
    const ref: ComponentRef = { id: source, type: "client-vpn-endpoint" };
    return {
      ref,
      ids: [source],
      srcIp,
      vpcId: endpoint.vpcId,
      run: (ctx, p) => {
        ctx.components.push({ sequenceNumber: 1, component: { id: `client:${formatIp(p.srcIp)}`, type: "client-vpn-endpoint", name: "Client VPN client" }, outboundHeader: header(p), note: `A Client VPN client (${formatIp(p.srcIp)}) sends to ${formatIp(p.dstIp)}.` });
        return clientVpn(ctx, source, p);
      },
    };
  }
  const onPremisesStart = (networkIds: string[], only: { virtualInterfaceId?: string; vpnConnectionId?: string } | undefined, ref: ComponentRef): Start | AnalysisFailure => {
    const networks = networkIds.map((id) => index.onPremisesNetworks.get(id)).filter((n) => n !== undefined);
    const network = networks[0];
    if (!network) return fail("UNKNOWN_SOURCE", `No on-premises network reaches AWS through ${ref.id} (list it in an onPremisesNetworks entry).`);
    const srcIp = sourceIp ?? (firstUsable(network.cidrBlocks[0]) as Ip);
    const ways = (p: Packet) => startFromOnPremises(index, network, p, only);
    return {
      ref,
      ids: [ref.id, network.id],
      srcIp,
      vpcId: undefined,
      ways,
      run: (ctx, p) => ways(p)[0]?.(ctx) ?? onTheInternet(ctx, p),
    };
  };
  if (source.startsWith("onprem-")) {
    if (!index.onPremisesNetworks.has(source)) return fail("UNKNOWN_SOURCE", `No on-premises network ${source} in the topology.`);
    return onPremisesStart([source], undefined, { id: source, type: "on-premises-network" });
  }
  if (source.startsWith("dxvif-")) {
    return onPremisesStart((index.onPremisesOfVirtualInterface.get(source) ?? []).map((n) => n.id), { virtualInterfaceId: source }, { id: source, type: "direct-connect-virtual-interface" });
  }
  if (source.startsWith("vpn-")) {
    const vpn = index.vpnConnections.get(source);
    if (!vpn) return fail("UNKNOWN_SOURCE", `No VPN connection ${source} in the topology.`);
    return onPremisesStart((index.onPremisesOfCustomerGateway.get(vpn.customerGatewayId) ?? []).map((n) => n.id), { vpnConnectionId: source }, { id: source, type: "vpn-connection" });
  }
  if (source.startsWith("cgw-")) {
    return onPremisesStart((index.onPremisesOfCustomerGateway.get(source) ?? []).map((n) => n.id), undefined, { id: source, type: "customer-gateway" });
  }
  if (index.directConnectGateways.has(source)) {
    const vifs = index.virtualInterfacesOfGateway.get(source) ?? [];
    const networks = vifs.flatMap((v) => index.onPremisesOfVirtualInterface.get(v.virtualInterfaceId) ?? []).map((n) => n.id);
    return onPremisesStart(networks, undefined, { id: source, type: "direct-connect-gateway" });
  }
  return fail("UNKNOWN_SOURCE", `Unknown source "${source}": give the id of an instance, network interface, subnet, VPC, internet gateway, VPC endpoint, VPN gateway, transit gateway, peering connection, NAT gateway, Client VPN endpoint, on-premises network, Direct Connect VIF, VPN connection or load balancer, or "internet".`);
}

/** The address an analysis sends to when its destination is an interface (or what owns one). */
function ifaceDestination(q: { index: IndexedTopology; destinationIp: Ip | undefined; v6: boolean; fromOutside: boolean }, iface: IndexedInterface, ids: string[]): Destination | AnalysisFailure {
  const ref = interfaceRef(q.index, iface);
  if (q.destinationIp !== undefined) return { ref, ids: [...ids, iface.id], ip: q.destinationIp };
  if (q.v6) {
    // IPv6 addresses are the same inside and outside the VPC: no public address to pick.
    const own = iface.privateIps.find((ip) => isIpv6(ip));
    if (own === undefined) return fail("INVALID_QUERY", `${ref.id} has no IPv6 address.`);
    return { ref, ids: [...ids, iface.id], ip: own };
  }
  // From the internet, an interface is reached at its public address when it has one.
  const ip = q.fromOutside ? (iface.publicIpByPrivate.get(iface.primaryIp) ?? iface.primaryIp) : iface.primaryIp;
  return { ref, ids: [...ids, iface.id], ip };
}

function resolveDestination(index: IndexedTopology, destination: string | undefined, destinationIp: Ip | undefined, start: Start, v6: boolean): Destination | AnalysisFailure {
  const fromOutside = start.ref.type === "internet" || start.ref.type === "internet-gateway";
  if (destination === undefined) {
    if (destinationIp === undefined) return fail("INVALID_QUERY", "Give a destination or a destinationIp.");
    return { ref: undefined, ids: [], ip: destinationIp };
  }
  if (destination === "internet") return { ref: { id: "internet", type: "internet" }, ids: ["internet"], ip: destinationIp ?? (parseIp(v6 ? DEFAULT_INTERNET_DESTINATION_V6 : DEFAULT_INTERNET_DESTINATION) as Ip) };
  if (destination.startsWith("i-")) {
    const iface = pickInterface(index.interfacesOfInstance.get(destination) ?? [], destinationIp);
    if (!iface) return fail("UNKNOWN_DESTINATION", index.instances.has(destination) ? `Instance ${destination} has no network interface.` : `No instance ${destination} in the topology.`);
    return ifaceDestination({ index, destinationIp, v6, fromOutside }, iface, [destination]);
  }
  if (destination.startsWith("eni-")) {
    const iface = index.interfaces.get(destination);
    if (!iface) return fail("UNKNOWN_DESTINATION", `No network interface ${destination} in the topology.`);
    return ifaceDestination({ index, destinationIp, v6, fromOutside }, iface, [destination, ...(iface.ownerId ? [iface.ownerId] : [])]);
  }
  if (destination.startsWith("nat-")) {
    const iface = index.natGatewayInterface.get(destination);
    if (!iface) return fail("UNKNOWN_DESTINATION", `No NAT gateway ${destination} in the topology.`);
    return ifaceDestination({ index, destinationIp, v6, fromOutside }, iface, [destination]);
  }
  if (destination.startsWith("arn:") && index.loadBalancers.has(destination)) {
    const nodes = index.loadBalancerInterfaces.get(destination) ?? [];
    const node = nodes.find((n) => n.vpcId === start.vpcId && subnetOfIp(index, n.vpcId, n.primaryIp)?.availabilityZone !== undefined) ?? nodes[0];
    if (!node) return fail("UNKNOWN_DESTINATION", `Load balancer ${destination} has no node.`);
    return ifaceDestination({ index, destinationIp, v6, fromOutside }, node, [destination]);
  }
  if (destination.startsWith("subnet-")) {
    const prefix = index.subnetPrefix.get(destination);
    if (!prefix) return fail("UNKNOWN_DESTINATION", `No subnet ${destination} in the topology.`);
    const prefix6 = index.subnetPrefix6.get(destination);
    if (v6 && destinationIp === undefined && !prefix6) return fail("INVALID_QUERY", `Subnet ${destination} has no IPv6 CIDR block.`);
    return { ref: { id: destination, type: "subnet" }, ids: [destination], ip: destinationIp ?? addressInCidr(v6 && prefix6 ? prefix6 : prefix, 4) };
  }
  if (destination.startsWith("igw-")) {
    if (!index.internetGateways.has(destination)) return fail("UNKNOWN_DESTINATION", `No internet gateway ${destination} in the topology.`);
    return { ref: { id: destination, type: "internet-gateway" }, ids: [destination], ip: destinationIp ?? (parseIp(v6 ? DEFAULT_INTERNET_DESTINATION_V6 : DEFAULT_INTERNET_DESTINATION) as Ip) };
  }
  if (destination.startsWith("vgw-")) {
    if (!index.vpnGateways.has(destination)) return fail("UNKNOWN_DESTINATION", `No virtual private gateway ${destination} in the topology.`);
    const behind = (index.vpnConnectionsOfGateway.get(destination) ?? []).flatMap((v) => index.onPremisesOfCustomerGateway.get(v.customerGatewayId) ?? []);
    const ip = destinationIp ?? firstUsable(behind[0]?.cidrBlocks[0]);
    if (ip === undefined) return fail("INVALID_QUERY", `Give a destinationIp: no on-premises network behind ${destination} says which address to send to.`);
    return { ref: { id: destination, type: "vpn-gateway" }, ids: [destination], ip };
  }
  if (destination.startsWith("tgw-") && !destination.startsWith("tgw-attach-") && !destination.startsWith("tgw-rtb-")) {
    if (!index.transitGateways.has(destination) && !index.tgwAttachmentsOfTgw.has(destination)) return fail("UNKNOWN_DESTINATION", `No transit gateway ${destination} in the topology.`);
    const other = (index.tgwAttachmentsOfTgw.get(destination) ?? []).find((a) => a.resourceType === "vpc" && a.resourceId !== start.vpcId)?.resourceId;
    const ip = destinationIp ?? firstUsable(other ? index.vpcs.get(other)?.cidrBlock : undefined);
    if (ip === undefined) return fail("INVALID_QUERY", `Give a destinationIp: transit gateway ${destination} has no other attached VPC to pick an address from.`);
    return { ref: { id: destination, type: "transit-gateway" }, ids: [destination], ip };
  }
  if (destination.startsWith("pcx-")) {
    const pcx = index.peerings.get(destination);
    if (!pcx) return fail("UNKNOWN_DESTINATION", `No peering connection ${destination} in the topology.`);
    const peer = pcx.requesterVpcInfo.vpcId === start.vpcId ? pcx.accepterVpcInfo : pcx.requesterVpcInfo;
    const ip = destinationIp ?? firstUsable(index.vpcs.get(peer.vpcId)?.cidrBlock ?? peer.cidrBlock);
    if (ip === undefined) return fail("INVALID_QUERY", `Give a destinationIp for peering connection ${destination}.`);
    return { ref: { id: destination, type: "vpc-peering-connection" }, ids: [destination], ip };
  }
  if (destination.startsWith("vpce-")) {
    const endpoint = index.vpcEndpoints.get(destination);
    if (!endpoint) return fail("UNKNOWN_DESTINATION", `No VPC endpoint ${destination} in the topology.`);
    if (endpoint.vpcEndpointType === "Gateway") {
      const service = index.topology.awsServices.find((s) => s.serviceName === endpoint.serviceName);
      const list = service?.prefixListId ?? index.topology.routeTables.flatMap((r) => r.routes).find((r) => r.gatewayId === destination && r.destinationPrefixListId)?.destinationPrefixListId;
      const prefix = list ? index.prefixListPrefixes.get(list)?.[0] : service?.cidrBlocks[0] ? parseCidr(service.cidrBlocks[0]) : undefined;
      const ip = destinationIp ?? (prefix ? addressInCidr(prefix, 10) : undefined);
      if (ip === undefined) return fail("INVALID_QUERY", `Give a destinationIp: the service of gateway endpoint ${destination} has no address ranges in the topology (add its prefix list).`);
      return { ref: { id: destination, type: "vpc-endpoint" }, ids: [destination], ip };
    }
    const ifaces = [...index.interfaces.values()].filter((i) => i.kind === "vpc-endpoint" && i.ownerId === destination);
    const iface = ifaces.find((i) => i.vpcId === start.vpcId && destinationIp === undefined) ?? pickInterface(ifaces, destinationIp);
    if (!iface) return fail("UNKNOWN_DESTINATION", `Endpoint ${destination} has no network interface.`);
    return ifaceDestination({ index, destinationIp, v6, fromOutside }, iface, [destination]);
  }
  if (destination.startsWith("onprem-")) {
    const network = index.onPremisesNetworks.get(destination);
    if (!network) return fail("UNKNOWN_DESTINATION", `No on-premises network ${destination} in the topology.`);
    return { ref: { id: destination, type: "on-premises-network" }, ids: [destination], ip: destinationIp ?? (firstUsable(network.cidrBlocks[0]) as Ip) };
  }
  if (destination.startsWith("com.amazonaws.")) {
    // Private DNS: with an interface endpoint for the service in the source's VPC, the service name resolves to the endpoint.
    // https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns
    const endpoint = index.topology.vpcEndpoints.find((e) => e.serviceName === destination && e.vpcEndpointType === "Interface" && e.privateDnsEnabled && e.vpcId === start.vpcId);
    if (endpoint) {
      const iface = [...index.interfaces.values()].find((i) => i.kind === "vpc-endpoint" && i.ownerId === endpoint.vpcEndpointId);
      if (iface) return { ref: { id: endpoint.vpcEndpointId, type: "vpc-endpoint" }, ids: [endpoint.vpcEndpointId, destination, iface.id], ip: iface.primaryIp };
    }
    const service = index.topology.awsServices.find((s) => s.serviceName === destination);
    const prefix = service?.cidrBlocks[0] ? parseCidr(service.cidrBlocks[0]) : service?.prefixListId ? index.prefixListPrefixes.get(service.prefixListId)?.[0] : undefined;
    if (!prefix) return fail("UNKNOWN_DESTINATION", `No address ranges for ${destination} in the topology (add it to awsServices).`);
    return { ref: { id: destination, type: "aws-service" }, ids: [destination], ip: destinationIp ?? addressInCidr(prefix, 10) };
  }
  return fail("UNKNOWN_DESTINATION", `Unknown destination "${destination}": give the id of an instance, network interface, subnet, internet gateway, VPC endpoint, VPN gateway, transit gateway, peering connection, NAT gateway, on-premises network or load balancer, "internet", an AWS service name, or only a destinationIp.`);
}

function newContext(index: IndexedTopology, reply: boolean, target: Target, session: Session, packet: Packet, clientVpnGroups: readonly string[] = [], record = true): TraceContext {
  return { index, reply, target, session, components: [], events: [], lastPacket: packet, steps: 0, decisions: [], clientVpnGroups, crossings: [], record };
}

function dispositionOf(end: TraceEnd): Disposition {
  if (end.kind === "accepted") return "ACCEPTED";
  if (end.kind === "exits-network") return "EXITS_NETWORK";
  return dispositionOfBlock(end.explanation.blockKind);
}

function renumber(components: PathComponent[]): PathComponent[] {
  return components.map((c, i) => ({ ...c, sequenceNumber: i + 1 }));
}

function events(list: InterfaceEvent[], path: "forward" | "return"): TrafficEvent[] {
  return list.map((e) => ({
    path,
    networkInterfaceId: e.iface.id,
    vpcId: e.iface.vpcId,
    subnetId: e.iface.subnetId,
    direction: e.direction,
    action: e.action,
    protocol: e.packet.protocol,
    sourceIp: formatIp(e.packet.srcIp),
    destinationIp: formatIp(e.packet.dstIp),
    sourcePort: e.packet.srcPort,
    destinationPort: e.packet.dstPort,
  }));
}

/**
 * Analyse one path. Never throws for bad input: unknown ids and invalid
 * queries come back as `{ ok: false, error }`.
 */
export function analyze(topology: Topology, query: AnalysisQuery): AnalysisResult {
  const parsed = analysisQuerySchema.safeParse(query);
  if (!parsed.success) {
    return fail("INVALID_QUERY", parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "query"}: ${i.message}`).join("; "));
  }
  return analyzeIndexed(indexTopology(topology), parsed.data);
}

/**
 * Analyse unvalidated input (a JSON file, an editor's state): the topology is
 * validated first and its problems come back with their zod paths.
 */
export function analyzeTopologyInput(input: unknown, query: AnalysisQuery): AnalysisResult {
  const parsed = parseTopology(input);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    return { ok: false, errorCode: "INVALID_TOPOLOGY", error: `The topology is invalid: ${first ? `${first.path}: ${first.message}` : "unknown problem"}${parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : ""}.`, issues: parsed.issues };
  }
  return analyze(parsed.topology, query);
}

/**
 * `record: false` skips describing the path (components and their notes):
 * the verdict, the explanation and the dispositions are the same, the
 * component lists come back (nearly) empty. For matrices.
 */
export function analyzeIndexed(index: IndexedTopology, q: z.output<typeof analysisQuerySchema>, options: { record?: boolean } = {}): AnalysisResult {
  const record = options.record ?? true;
  const sourceIp = q.sourceIp !== undefined ? parseIp(q.sourceIp) : undefined;
  const destinationIp = q.destinationIp !== undefined ? parseIp(q.destinationIp) : undefined;
  const v6 = (sourceIp !== undefined && isIpv6(sourceIp)) || (destinationIp !== undefined && isIpv6(destinationIp));
  const start = resolveSource(index, q.source, sourceIp, q.destination, v6);
  if ("ok" in start) return start;
  const destination = resolveDestination(index, q.destination, destinationIp, start, v6);
  if ("ok" in destination) return destination;
  if (isIpv6(start.srcIp) !== isIpv6(destination.ip)) {
    return fail("INVALID_QUERY", `The source address ${formatIp(start.srcIp)} and the destination address ${formatIp(destination.ip)} are of different families (IPv4 and IPv6); give both of the same kind.`);
  }

  const protocol = protocolNumber(q.protocol);
  const ported = protocol === 6 || protocol === 17;
  const packet: Packet = {
    srcIp: start.srcIp,
    dstIp: destination.ip,
    protocol,
    srcPort: ported ? (q.sourcePort ?? DEFAULT_SOURCE_PORT) : undefined,
    dstPort: ported ? q.destinationPort : undefined,
  };
  const resolved: ResolvedQuery = {
    source: start.ref,
    destination: destination.ref,
    protocol: protocolName(protocol),
    sourceIp: formatIp(packet.srcIp),
    destinationIp: formatIp(packet.dstIp),
    sourcePort: packet.srcPort,
    destinationPort: packet.dstPort,
  };

  // A source may have several ways in (on premises over Direct Connect or VPN): the first that works is the path.
  const target: Target = { ids: new Set(destination.ids), ip: destination.ip };
  const ways = start.ways ? start.ways(packet) : [(ctx: TraceContext) => start.run(ctx, packet)];
  if (ways.length === 0) {
    return fail("UNSUPPORTED_QUERY", `${start.ref.id} has no way into the modelled network (no VPN connection or Direct Connect virtual interface).`);
  }
  const attempts = ways.map((way) => {
    const session: Session = { nat: new Map(), loadBalancer: new Map(), clientVpn: new Map(), egressOnly: new Map() };
    const ctx = newContext(index, false, target, session, packet, q.clientVpnGroups, record);
    return { ctx, end: way(ctx), session };
  });

  let best: AnalysisSuccess | undefined;
  for (const attempt of attempts) {
    const result = finish(index, attempt.ctx, attempt.end, attempt.session, start, resolved);
    if (result.networkPathFound) return result;
    best ??= result;
  }
  return best as AnalysisSuccess;
}

function finish(index: IndexedTopology, ctx: TraceContext, end: TraceEnd, session: Session, start: Start, resolved: ResolvedQuery): AnalysisSuccess {
  const forwardPathComponents = renumber(ctx.components);
  const forwardEvents = ctx.record ? events(ctx.events, "forward") : [];
  if (end.kind === "blocked") {
    return {
      ok: true,
      networkPathFound: false,
      forwardPathComponents,
      returnPathComponents: [],
      explanations: [end.explanation],
      forwardDisposition: dispositionOf(end),
      returnDisposition: undefined,
      blockKind: end.explanation.blockKind,
      blockedOn: "forward",
      query: resolved,
      trafficEvents: forwardEvents,
    };
  }
  const reply = reversePacket(ctx.lastPacket);
  const replyTarget: Target = { ids: new Set(start.ids), ip: start.srcIp };
  const back = newContext(index, true, replyTarget, session, reply, [], ctx.record);
  back.forwardCrossings = ctx.crossings;
  // The reply starts where the forward packet ended.
  const last = ctx.components[ctx.components.length - 1];
  if (last && ctx.record) back.components.push({ sequenceNumber: 1, component: last.component, ...(last.hop !== undefined ? { hop: last.hop } : {}), ...(last.vpc ? { vpc: last.vpc } : {}), ...(last.subnet ? { subnet: last.subnet } : {}), outboundHeader: header(reply), note: `${last.component.id} replies to ${formatIp(reply.dstIp)}.` });
  const replyEnd = end.resume(back, reply);
  const found = replyEnd.kind !== "blocked";
  return {
    ok: true,
    networkPathFound: found,
    forwardPathComponents,
    returnPathComponents: renumber(back.components),
    explanations: replyEnd.kind === "blocked" ? [replyEnd.explanation] : [],
    forwardDisposition: dispositionOf(end),
    returnDisposition: dispositionOf(replyEnd),
    blockKind: replyEnd.kind === "blocked" ? replyEnd.explanation.blockKind : undefined,
    blockedOn: replyEnd.kind === "blocked" ? "return" : undefined,
    query: resolved,
    trafficEvents: ctx.record ? [...forwardEvents, ...events(back.events, "return")] : [],
  };
}

/** The ids along a path, one per hop (consecutive repeats merged), as hop-by-hop traces list them. */
export function pathHops(components: PathComponent[]): string[] {
  const hops: string[] = [];
  for (const c of components) if (c.hop !== undefined && hops[hops.length - 1] !== c.hop) hops.push(c.hop);
  return hops;
}
