import { describeSecurityGroupRule, evaluateSecurityGroups } from "../filters/security-group";
import { evaluateNetworkAcl } from "../filters/network-acl";
import { evaluateEndpointPolicy } from "../filters/endpoint-policy";
import { lookupRoute, type CompiledRoute } from "../forwarding/route-table";
import { associatedRouteTable, lookupTgwRoute, tgwAttachment } from "../forwarding/transit-gateway";
import { cloudHubOverlap, directConnectGatewaysOf, directConnectRoutes, isVpnUp, lookupVpnGatewayRoute, networksOfVpn, type LearnedRoute } from "../forwarding/vpn";
import { formatIpv4, maskOf, parseIpv4Cidr, prefixContains, prefixesOverlap } from "../ip";
import { subnetOfIp, vpcContains, type IndexedInterface, type IndexedTopology } from "../model/indexed-topology";
import type { OnPremisesNetwork, RouteTable, TransitGatewayAttachment, TransitGatewayRouteTable } from "../model/topology";
import { hasPorts, ICMP, protocolName, TCP, UDP, type Packet } from "../packet";
import { blockKindOf, type ExplanationCode } from "./explanations";
import type { ComponentRef, Explanation, PacketHeader, PathComponent, RouteTableRouteDetail } from "./path-component";

/**
 * The hop-by-hop walk of one packet through the model, forward or as the
 * reply. Each function handles one kind of place the packet can be (leaving
 * an interface, a subnet, a route table, a gateway…), records a path
 * component, and hands the packet on; it ends accepted, leaving the network,
 * or blocked with one explanation.
 */

export interface Target {
  /** Component ids whose arrival counts as reaching the destination. */
  ids: ReadonlySet<string>;
  /** The destination address, when the destination is an address or an addressable resource. */
  ip: number | undefined;
}

/** State a forward trace leaves for its reply: address translations to undo. */
export interface Session {
  nat: Map<string, { srcIp: number; srcPort: number | undefined }>;
  loadBalancer: Map<string, { clientIp: number; clientPort: number | undefined; listenerIp: number; listenerPort: number | undefined; viaEndpoint?: { iface: IndexedInterface; clientIp: number; clientPort: number | undefined; endpointIp: number } }>;
  clientVpn: Map<string, { clientIp: number }>;
}

export interface InterfaceEvent {
  iface: IndexedInterface;
  direction: "ingress" | "egress";
  packet: Packet;
  action: "ACCEPT" | "REJECT";
}

export type Resume = (ctx: TraceContext, reply: Packet) => TraceEnd;

export type TraceEnd =
  | { kind: "accepted"; resume: Resume }
  | { kind: "exits-network"; resume: Resume }
  | { kind: "blocked"; explanation: Explanation };

export interface TraceContext {
  index: IndexedTopology;
  reply: boolean;
  target: Target;
  session: Session;
  components: PathComponent[];
  events: InterfaceEvent[];
  lastPacket: Packet;
  steps: number;
  visited: Set<string>;
}

type Entry = { kind: "subnet"; subnetId: string } | { kind: "gateway"; via: "internet-gateway" | "vpn-gateway" | "transit-gateway" | "peering" | "vpc-endpoint" | "vpc"; id: string };

const DOCS = {
  routeTables: "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
  securityGroups: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
  networkAcls: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
  internetGateway: "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
  natGateway: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
  natInstance: "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html",
  peering: "https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations",
  gatewayEndpoints: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
  endpointPolicies: "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html",
  tgwRouteTables: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html",
  vpnRouting: "https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html",
  cloudHub: "https://docs.aws.amazon.com/vpn/latest/s2svpn/VPN_CloudHub.html",
  clientVpnAuth: "https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/cvpn-working-rules.html",
  directConnect: "https://docs.aws.amazon.com/directconnect/latest/UserGuide/direct-connect-gateways-intro.html",
  carrierGateway: "https://docs.aws.amazon.com/vpc/latest/userguide/Carrier_Gateway.html",
  elb: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
  crossZone: "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#cross-zone-load-balancing",
} as const;

const MAX_STEPS = 64;

// ---------------------------------------------------------------- helpers

export function header(p: Packet): PacketHeader {
  const ports = (port: number | undefined) => (port === undefined || !hasPorts(p.protocol) ? [] : [{ from: port, to: port }]);
  return {
    protocol: protocolName(p.protocol),
    sourceAddresses: [formatIpv4(p.srcIp)],
    destinationAddresses: [formatIpv4(p.dstIp)],
    sourcePortRanges: ports(p.srcPort),
    destinationPortRanges: ports(p.dstPort),
  };
}

function add(ctx: TraceContext, component: Omit<PathComponent, "sequenceNumber">): void {
  ctx.components.push({ sequenceNumber: ctx.components.length + 1, ...component });
}

function block(
  ctx: TraceContext,
  code: ExplanationCode,
  component: ComponentRef,
  message: string,
  extra: Partial<Omit<Explanation, "explanationCode" | "blockKind" | "component" | "message">> = {},
): TraceEnd {
  const explanation: Explanation = {
    explanationCode: code,
    blockKind: blockKindOf(code, extra.direction),
    component,
    message,
    packetField: { address: formatIpv4(ctx.lastPacket.dstIp), ...(ctx.lastPacket.dstPort !== undefined ? { port: ctx.lastPacket.dstPort } : {}), protocol: protocolName(ctx.lastPacket.protocol) },
    ...extra,
  };
  return { kind: "blocked", explanation };
}

function vpcRef(index: IndexedTopology, vpcId: string): ComponentRef {
  return { id: vpcId, type: "vpc", ...nameOf(index.vpcs.get(vpcId)?.tags) };
}

function subnetRef(index: IndexedTopology, subnetId: string): ComponentRef {
  return { id: subnetId, type: "subnet", ...nameOf(index.subnets.get(subnetId)?.tags) };
}

function nameOf(tags: { key: string; value: string }[] | undefined): { name?: string } {
  const name = tags?.find((t) => t.key === "Name")?.value;
  return name ? { name } : {};
}

export function interfaceRef(index: IndexedTopology, iface: IndexedInterface): ComponentRef {
  switch (iface.kind) {
    case "instance":
      return iface.ownerId ? { id: iface.ownerId, type: "instance", ...nameOf(index.instances.get(iface.ownerId)?.tags) } : { id: iface.id, type: "network-interface" };
    case "nat-gateway":
      return { id: iface.ownerId ?? iface.id, type: "nat-gateway" };
    case "vpc-endpoint":
      return { id: iface.ownerId ?? iface.id, type: "vpc-endpoint" };
    case "load-balancer": {
      const lb = iface.ownerId ? index.loadBalancers.get(iface.ownerId) : undefined;
      return lb ? { id: lb.loadBalancerArn, arn: lb.loadBalancerArn, name: lb.loadBalancerName, type: "load-balancer" } : { id: iface.id, type: "network-interface" };
    }
    case "client-vpn":
      return { id: iface.ownerId ?? iface.id, type: "client-vpn-endpoint" };
    default:
      return { id: iface.id, type: "network-interface" };
  }
}

function routeDetail(r: CompiledRoute): RouteTableRouteDetail {
  const route = r.route;
  const detail: RouteTableRouteDetail = { origin: route.origin, state: route.state };
  if (route.destinationPrefixListId) detail.destinationPrefixListId = route.destinationPrefixListId;
  else detail.destinationCidr = r.destination;
  if (route.gatewayId) detail.gatewayId = route.gatewayId;
  if (route.natGatewayId) detail.natGatewayId = route.natGatewayId;
  if (route.instanceId) detail.instanceId = route.instanceId;
  if (route.networkInterfaceId) detail.networkInterfaceId = route.networkInterfaceId;
  if (route.vpcPeeringConnectionId) detail.vpcPeeringConnectionId = route.vpcPeeringConnectionId;
  if (route.transitGatewayId) detail.transitGatewayId = route.transitGatewayId;
  if (route.egressOnlyInternetGatewayId) detail.egressOnlyInternetGatewayId = route.egressOnlyInternetGatewayId;
  if (route.carrierGatewayId) detail.carrierGatewayId = route.carrierGatewayId;
  if (route.vpcEndpointId) detail.gatewayId = route.vpcEndpointId;
  return detail;
}

function targetText(r: CompiledRoute): string {
  return r.target.kind === "local" ? "local" : `${r.target.kind.replace(/-/g, " ")} ${r.target.id}`;
}

function guard(ctx: TraceContext, node: string, p: Packet): TraceEnd | undefined {
  ctx.lastPacket = p;
  ctx.steps += 1;
  const key = `${node}|${p.srcIp}|${p.dstIp}|${p.srcPort ?? ""}|${p.dstPort ?? ""}`;
  if (ctx.steps > MAX_STEPS || ctx.visited.has(key)) {
    return block(ctx, "ROUTING_LOOP", { id: node, type: node.startsWith("tgw-") ? "transit-gateway" : "route-table" }, `The packet comes back to ${node} with the same addresses: the routes form a loop, so it never arrives.`);
  }
  ctx.visited.add(key);
  return undefined;
}

/** A translation changed the destination address: the destination is now the translated address. */
function retarget(ctx: TraceContext, from: number, to: number): void {
  if (ctx.target.ip === from) ctx.target = { ...ctx.target, ip: to };
}

function reached(ctx: TraceContext, id: string): boolean {
  return ctx.target.ids.has(id);
}

// ---------------------------------------------------------------- interfaces

/** A packet leaves an interface: its security groups' outbound rules (not for replies: groups are stateful), then its subnet. */
export function interfaceEgress(ctx: TraceContext, iface: IndexedInterface, p: Packet): TraceEnd {
  const loop = guard(ctx, `out:${iface.id}`, p);
  if (loop) return loop;
  const ref = interfaceRef(ctx.index, iface);
  if (!iface.usable) {
    return block(ctx, "BAD_STATE", ref, `${ref.id} is not running, so it sends nothing.`, { documentation: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html" });
  }
  if (!ctx.reply) {
    const verdict = evaluateSecurityGroups(ctx.index, iface, "egress", p, ctx.index.interfacesByIp.get(p.dstIp) ?? []);
    if (!verdict.allowed) {
      ctx.events.push({ iface, direction: "egress", packet: p, action: "REJECT" });
      return block(
        ctx,
        "ENI_SG_RULES_MISMATCH",
        { id: verdict.groupIds[0] ?? iface.id, type: "security-group" },
        `No outbound rule of ${verdict.groupIds.join(", ")} on ${ref.id} allows ${protocolName(p.protocol)}${hasPorts(p.protocol) ? ` port ${p.dstPort}` : ""} to ${formatIpv4(p.dstIp)}. Security groups deny whatever no rule allows.`,
        { direction: "egress", securityGroups: verdict.groupIds.map((id) => ({ id, type: "security-group" as const })), subnet: subnetRef(ctx.index, iface.subnetId), vpc: vpcRef(ctx.index, iface.vpcId), documentation: DOCS.securityGroups },
      );
    }
    if (verdict.rule) {
      add(ctx, { component: { id: verdict.rule.securityGroupId, type: "security-group" }, hop: hopOf(iface), securityGroupRule: verdict.rule, note: `${describeSecurityGroupRule(verdict.rule)}.` });
    }
  }
  ctx.events.push({ iface, direction: "egress", packet: p, action: "ACCEPT" });
  return subnetEgress(ctx, iface.subnetId, p, iface);
}

export function hopOf(iface: IndexedInterface): string {
  return iface.kind === "other" || iface.kind === "transit-gateway" ? iface.id : (iface.ownerId ?? iface.id);
}

/** The packet arrives at an interface in its subnet. `middlebox`: it is addressed elsewhere and was routed here. */
function interfaceIngress(ctx: TraceContext, iface: IndexedInterface, p: Packet, middlebox: boolean): TraceEnd {
  const loop = guard(ctx, `in:${iface.id}`, p);
  if (loop) return loop;
  const index = ctx.index;
  const ref = interfaceRef(index, iface);
  if (!iface.usable) return block(ctx, "BAD_STATE", ref, `${ref.id} is not running, so nothing receives the packet.`);
  if (iface.kind === "nat-gateway" && iface.ownerId) return natGateway(ctx, iface.ownerId, iface, p);

  const ownsDestination = iface.privateIps.includes(p.dstIp);
  if (middlebox && !ownsDestination && iface.sourceDestCheck) {
    ctx.events.push({ iface, direction: "ingress", packet: p, action: "REJECT" });
    return block(
      ctx,
      "SOURCE_DEST_CHECK_ENABLED",
      ref,
      `A route sends the packet to ${ref.id}, but its source/destination check is on, so it drops traffic not addressed to itself. A NAT instance or appliance needs the check disabled.`,
      { direction: "ingress", documentation: DOCS.natInstance },
    );
  }
  if (!ctx.reply) {
    const verdict = evaluateSecurityGroups(index, iface, "ingress", p, index.interfacesByIp.get(p.srcIp) ?? []);
    if (!verdict.allowed) {
      ctx.events.push({ iface, direction: "ingress", packet: p, action: "REJECT" });
      add(ctx, { component: ref, hop: hopOf(iface), inboundHeader: header(p), subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId), note: `The packet reaches ${ref.id}, whose security groups decide whether to let it in.` });
      return block(
        ctx,
        "ENI_SG_RULES_MISMATCH",
        { id: verdict.groupIds[0] ?? iface.id, type: "security-group" },
        `No inbound rule of ${verdict.groupIds.join(", ")} on ${ref.id} allows ${protocolName(p.protocol)}${hasPorts(p.protocol) ? ` port ${p.dstPort}` : ""} from ${formatIpv4(p.srcIp)}. Security groups deny whatever no rule allows.`,
        { direction: "ingress", securityGroups: verdict.groupIds.map((id) => ({ id, type: "security-group" as const })), subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId), documentation: DOCS.securityGroups },
      );
    }
    if (verdict.rule) add(ctx, { component: { id: verdict.rule.securityGroupId, type: "security-group" }, hop: hopOf(iface), securityGroupRule: verdict.rule, note: `${describeSecurityGroupRule(verdict.rule)}.` });
  }
  ctx.events.push({ iface, direction: "ingress", packet: p, action: "ACCEPT" });

  if (iface.kind === "load-balancer" && iface.ownerId && ownsDestination) return loadBalancer(ctx, iface.ownerId, iface, p);
  if (iface.kind === "vpc-endpoint" && iface.ownerId && ownsDestination) return interfaceEndpoint(ctx, iface.ownerId, iface, p);
  if (iface.kind === "client-vpn" && iface.ownerId && ownsDestination && ctx.reply) return clientVpnReturn(ctx, iface.ownerId, iface, p);

  // A NAT instance: the reply to a connection it translated.
  const natSession = ctx.session.nat.get(iface.id);
  if (ctx.reply && ownsDestination && natSession) {
    const q: Packet = { ...p, dstIp: natSession.srcIp, dstPort: natSession.srcPort };
    add(ctx, { component: ref, hop: hopOf(iface), inboundHeader: header(p), outboundHeader: header(q), subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId), note: `${ref.id} (NAT instance) translates the reply back to ${formatIpv4(q.dstIp)}.` });
    return interfaceEgress(ctx, iface, q);
  }

  if (middlebox && !ownsDestination) {
    // Forwarding appliance or NAT instance: it masquerades when its own subnet sends the destination to an internet gateway.
    const rt = index.routeTableOfSubnet.get(iface.subnetId);
    const onward = rt ? lookupRoute(index, rt, p.dstIp) : undefined;
    const masquerade = !ctx.reply && onward?.target.kind === "internet-gateway";
    const q: Packet = masquerade ? { ...p, srcIp: iface.primaryIp } : p;
    if (masquerade) ctx.session.nat.set(iface.id, { srcIp: p.srcIp, srcPort: p.srcPort });
    add(ctx, {
      component: ref,
      hop: hopOf(iface),
      inboundHeader: header(p),
      outboundHeader: header(q),
      subnet: subnetRef(index, iface.subnetId),
      vpc: vpcRef(index, iface.vpcId),
      note: masquerade ? `${ref.id} acts as a NAT instance: it replaces the source address with its own, ${formatIpv4(q.srcIp)}.` : `${ref.id} forwards the packet (source/destination check disabled).`,
    });
    return interfaceEgress(ctx, iface, q);
  }

  add(ctx, { component: ref, hop: hopOf(iface), inboundHeader: header(p), subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId), note: `${ref.id} receives the packet.` });
  if (!ownsDestination) {
    return block(ctx, "NO_DESTINATION_OWNER", ref, `${ref.id} received a packet for ${formatIpv4(p.dstIp)}, which is not one of its addresses.`);
  }
  if (ctx.target.ip !== undefined && ctx.target.ip !== p.dstIp && !reached(ctx, ref.id) && !reached(ctx, iface.id)) {
    return block(ctx, "NO_DESTINATION_OWNER", ref, `The packet reached ${ref.id}, not the destination ${formatIpv4(ctx.target.ip)}.`);
  }
  return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
}

// ---------------------------------------------------------------- subnets and route tables

/** Leaving a subnet: its network ACL's outbound rules, then its route table. Traffic within a subnet crosses neither. */
export function subnetEgress(ctx: TraceContext, subnetId: string, p: Packet, from: IndexedInterface | undefined): TraceEnd {
  const index = ctx.index;
  const subnet = index.subnets.get(subnetId);
  if (!subnet) return block(ctx, "BAD_STATE", { id: subnetId, type: "subnet" }, `Subnet ${subnetId} is not in the topology.`);
  const prefix = index.subnetPrefix.get(subnetId);
  if (prefix && prefixContains(prefix, p.dstIp)) {
    const owner = index.interfaceByPrivateIp.get(subnet.vpcId)?.get(p.dstIp);
    const rt = index.routeTableOfSubnet.get(subnetId);
    const route = rt ? lookupRoute(index, rt, p.dstIp) : undefined;
    if (owner && owner !== from && (!route || route.target.kind === "local")) return interfaceIngress(ctx, owner, p, false);
  }
  const acl = evaluateNetworkAcl(index, subnetId, true, p);
  if (acl.acl && acl.rule) {
    const aclRef: ComponentRef = { id: acl.acl.networkAclId, type: "network-acl" };
    if (!acl.allowed) {
      if (from) ctx.events.push({ iface: from, direction: "egress", packet: p, action: "REJECT" });
      return block(
        ctx,
        "SUBNET_ACL_RESTRICTION",
        aclRef,
        `Network ACL ${acl.acl.networkAclId} of ${subnetId} denies the packet leaving the subnet (outbound rule ${acl.rule.ruleNumber}${acl.rule.ruleNumber === "*" ? ": nothing matched, so the default rule denies" : ""}). ACLs are stateless: replies need their own outbound rule for the ephemeral ports.`,
        { direction: "egress", aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), documentation: DOCS.networkAcls },
      );
    }
    add(ctx, { component: aclRef, hop: subnetId, aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), note: `Outbound rule ${acl.rule.ruleNumber} of ${acl.acl.networkAclId} allows the packet to leave ${subnetId}.` });
  } else {
    add(ctx, { component: subnetRef(index, subnetId), hop: subnetId, vpc: vpcRef(index, subnet.vpcId), note: `The packet leaves ${subnetId}.` });
  }
  if (reached(ctx, subnetId) && ctx.reply) return { kind: "accepted", resume: (c, reply) => subnetEgress(c, subnetId, reply, undefined) };
  const rt = index.routeTableOfSubnet.get(subnetId);
  if (!rt) {
    return block(ctx, "NO_ROUTE_TO_DESTINATION", subnetRef(index, subnetId), `${subnetId} has no route table (no association and no main table in the topology), so nothing routes the packet.`, { documentation: DOCS.routeTables });
  }
  return routeFromTable(ctx, rt, subnet.vpcId, p, { kind: "subnet", subnetId });
}

/** The VPC router looks up the destination in a route table: longest prefix, then route priority. */
function routeFromTable(ctx: TraceContext, rt: RouteTable, vpcId: string, p: Packet, entry: Entry): TraceEnd {
  const loop = guard(ctx, rt.routeTableId, p);
  if (loop) return loop;
  const index = ctx.index;
  const rtRef: ComponentRef = { id: rt.routeTableId, type: "route-table", ...nameOf(rt.tags) };
  const route = lookupRoute(index, rt, p.dstIp);
  if (!route) {
    return block(ctx, "NO_ROUTE_TO_DESTINATION", rtRef, `Route table ${rt.routeTableId} has no route that matches ${formatIpv4(p.dstIp)}, so the VPC router drops the packet.`, {
      routeTable: rtRef,
      vpc: vpcRef(index, vpcId),
      documentation: DOCS.routeTables,
    });
  }
  const detail = routeDetail(route);
  if (route.target.kind === "transit-gateway" && route.route.state === "active") {
    const dropped = transitGatewayZoneBlock(ctx, route.target.id, vpcId, entry);
    if (dropped) return dropped;
  }
  add(ctx, { component: rtRef, hop: vpcId, routeTableRoute: detail, vpc: vpcRef(index, vpcId), note: `Route table ${rt.routeTableId}: the most specific route for ${formatIpv4(p.dstIp)} is ${route.destination} → ${targetText(route)}.` });
  if (route.route.state === "blackhole") {
    return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route ${route.destination} in ${rt.routeTableId} is a blackhole (its target no longer exists), so the packet is dropped.`, { routeTable: rtRef, routeTableRoute: detail, documentation: DOCS.routeTables });
  }
  const fromOutside = entry.kind === "gateway" && entry.via !== "vpc" ? entry : undefined;
  const target = route.target;
  switch (target.kind) {
    case "local":
      return deliverLocal(ctx, vpcId, p, entry, false);
    case "internet-gateway": {
      const igw = index.internetGateways.get(target.id);
      if (!igw) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: a route to a deleted gateway is a blackhole.`, { routeTable: rtRef, routeTableRoute: detail });
      if (fromOutside && fromOutside.via === "vpn-gateway") {
        return block(ctx, "EDGE_TO_EDGE_ROUTING", { id: target.id, type: "internet-gateway" }, `Traffic that entered ${vpcId} through ${fromOutside.id} cannot leave through its internet gateway: a VPC does not relay traffic between its gateways (edge-to-edge routing).`, { documentation: DOCS.peering });
      }
      return internetGatewayEgress(ctx, target.id, vpcId, p);
    }
    case "nat-gateway": {
      const nat = index.natGateways.get(target.id);
      const iface = index.natGatewayInterface.get(target.id);
      if (!nat || !iface) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: the route is a blackhole.`, { routeTable: rtRef, routeTableRoute: detail });
      return deliverToInterface(ctx, iface, p, entry, true);
    }
    case "instance":
    case "network-interface": {
      const iface = target.kind === "instance" ? index.interfacesOfInstance.get(target.id)?.[0] : index.interfaces.get(target.id);
      if (!iface) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: the route is a blackhole.`, { routeTable: rtRef, routeTableRoute: detail });
      return deliverToInterface(ctx, iface, p, entry, true);
    }
    case "vpc-peering-connection":
      return peering(ctx, target.id, vpcId, p);
    case "transit-gateway":
      return transitGatewayFromVpc(ctx, target.id, vpcId, p, entry);
    case "virtual-private-gateway":
      return vpnGatewayEgress(ctx, target.id, vpcId, p);
    case "vpc-endpoint":
      return gatewayEndpoint(ctx, target.id, vpcId, p, fromOutside);
    case "carrier-gateway":
      return carrierGatewayEgress(ctx, target.id, vpcId, p);
    case "egress-only-internet-gateway":
      return block(ctx, "UNSUPPORTED_COMPONENT", { id: target.id, type: "egress-only-internet-gateway" }, `An egress-only internet gateway carries IPv6 only; this analysis follows IPv4 packets.`);
    case "unsupported":
      return block(ctx, "UNSUPPORTED_COMPONENT", rtRef, `The route targets ${target.id}, a kind of target the evaluator does not model (local gateways, Cloud WAN).`);
    default:
      return target satisfies never;
  }
}

/** The VPC router delivers to the subnet holding the destination (the local route). */
function deliverLocal(ctx: TraceContext, vpcId: string, p: Packet, entry: Entry, announce: boolean): TraceEnd {
  const index = ctx.index;
  if (announce) {
    const prefix = (index.vpcPrefixes.get(vpcId) ?? []).find((q) => prefixContains(q, p.dstIp));
    add(ctx, {
      component: vpcRef(index, vpcId),
      hop: vpcId,
      vpc: vpcRef(index, vpcId),
      ...(prefix ? { routeTableRoute: { destinationCidr: `${formatIpv4(prefix.network)}/${prefix.length}`, gatewayId: "local", origin: "CreateRouteTable", state: "active" } } : {}),
      note: `The router of ${vpcId} delivers the packet within the VPC (local route).`,
    });
  }
  if (!vpcContains(index, vpcId, p.dstIp)) {
    return block(ctx, "NO_ROUTE_TO_DESTINATION", vpcRef(index, vpcId), `${formatIpv4(p.dstIp)} is not inside ${vpcId}'s CIDR blocks, and traffic that arrives from outside is only delivered inside the VPC.`, { vpc: vpcRef(index, vpcId), documentation: DOCS.routeTables });
  }
  const subnet = subnetOfIp(index, vpcId, p.dstIp);
  if (!subnet) {
    return block(ctx, "NO_SUBNET_FOR_ADDRESS", vpcRef(index, vpcId), `${formatIpv4(p.dstIp)} is inside ${vpcId} but in none of its subnets, so the local route has nowhere to deliver it.`, { vpc: vpcRef(index, vpcId), documentation: DOCS.routeTables });
  }
  return subnetIngress(ctx, subnet.subnetId, p, entry, undefined);
}

function deliverToInterface(ctx: TraceContext, iface: IndexedInterface, p: Packet, entry: Entry, middlebox: boolean): TraceEnd {
  return subnetIngress(ctx, iface.subnetId, p, entry, { iface, middlebox });
}

/** Entering a subnet: its network ACL's inbound rules, then the interface that owns the address. */
function subnetIngress(ctx: TraceContext, subnetId: string, p: Packet, entry: Entry, to: { iface: IndexedInterface; middlebox: boolean } | undefined): TraceEnd {
  const index = ctx.index;
  const subnet = index.subnets.get(subnetId);
  if (!subnet) return block(ctx, "BAD_STATE", { id: subnetId, type: "subnet" }, `Subnet ${subnetId} is not in the topology.`);
  const sameSubnet = entry.kind === "subnet" && entry.subnetId === subnetId;
  if (!sameSubnet) {
    const acl = evaluateNetworkAcl(index, subnetId, false, p);
    if (acl.acl && acl.rule) {
      const aclRef: ComponentRef = { id: acl.acl.networkAclId, type: "network-acl" };
      if (!acl.allowed) {
        return block(
          ctx,
          "SUBNET_ACL_RESTRICTION",
          aclRef,
          `Network ACL ${acl.acl.networkAclId} of ${subnetId} denies the packet entering the subnet (inbound rule ${acl.rule.ruleNumber}${acl.rule.ruleNumber === "*" ? ": nothing matched, so the default rule denies" : ""}). ACLs are stateless: replies need their own rule for the ephemeral ports.`,
          { direction: "ingress", aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), documentation: DOCS.networkAcls },
        );
      }
      add(ctx, { component: aclRef, hop: subnetId, aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), note: `Inbound rule ${acl.rule.ruleNumber} of ${acl.acl.networkAclId} lets the packet into ${subnetId}.` });
    } else {
      add(ctx, { component: subnetRef(index, subnetId), hop: subnetId, vpc: vpcRef(index, subnet.vpcId), note: `The packet enters ${subnetId}.` });
    }
  }
  if (reached(ctx, subnetId) && !to) return { kind: "accepted", resume: (c, reply) => subnetEgress(c, subnetId, reply, undefined) };
  if (to) return interfaceIngress(ctx, to.iface, p, to.middlebox);
  const owner = index.interfaceByPrivateIp.get(subnet.vpcId)?.get(p.dstIp);
  if (!owner) {
    return block(ctx, "NO_DESTINATION_OWNER", subnetRef(index, subnetId), `No network interface in ${subnetId} has the address ${formatIpv4(p.dstIp)}, so nothing receives the packet.`, { subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId) });
  }
  return interfaceIngress(ctx, owner, p, false);
}

// ---------------------------------------------------------------- internet gateway, carrier gateway, the internet

/** Out through an internet gateway: it swaps the private source address for the interface's public or Elastic IP (1:1 NAT). */
function internetGatewayEgress(ctx: TraceContext, igwId: string, vpcId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const igw = index.internetGateways.get(igwId);
  const ref: ComponentRef = { id: igwId, type: "internet-gateway", ...nameOf(igw?.tags) };
  if (!igw || !igw.attachments.some((a) => a.vpcId === vpcId && (a.state === "available" || a.state === "attached"))) {
    return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Internet gateway ${igwId} is not attached to ${vpcId}, so the route to it leads nowhere.`, { vpc: vpcRef(index, vpcId), documentation: DOCS.internetGateway });
  }
  const sender = index.interfaceByPrivateIp.get(vpcId)?.get(p.srcIp);
  const publicIp = sender?.publicIpByPrivate.get(p.srcIp);
  if (publicIp === undefined) {
    add(ctx, { component: ref, hop: igwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), note: `The packet reaches internet gateway ${igwId}.` });
    return block(
      ctx,
      "NO_PUBLIC_IP_ADDRESS",
      ref,
      `${formatIpv4(p.srcIp)}${sender ? ` (${interfaceRef(index, sender).id})` : ""} has no public or Elastic IP address. An internet gateway only translates addresses that have one, so the packet cannot reach the internet. Use a NAT gateway for private instances.`,
      { direction: "ingress", vpc: vpcRef(index, vpcId), documentation: DOCS.internetGateway },
    );
  }
  const q: Packet = { ...p, srcIp: publicIp };
  add(ctx, { component: ref, hop: igwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(q), note: `Internet gateway ${igwId} translates the source ${formatIpv4(p.srcIp)} to its public address ${formatIpv4(publicIp)}.` });
  if (reached(ctx, igwId)) return { kind: "accepted", resume: (c, reply) => internetGatewayIngress(c, igwId, reply) };
  return onTheInternet(ctx, q);
}

/** A packet on the internet (or AWS's public network): to a public address in the topology, an AWS service, or out. */
export function onTheInternet(ctx: TraceContext, p: Packet): TraceEnd {
  const loop = guard(ctx, "internet", p);
  if (loop) return loop;
  const index = ctx.index;
  const owner = index.publicIpOwner.get(p.dstIp);
  if (owner) {
    const igw = index.internetGatewayOfVpc.get(owner.iface.vpcId);
    if (!igw) return block(ctx, "NO_ROUTE_TO_DESTINATION", { id: "internet", type: "internet" }, `${formatIpv4(p.dstIp)} belongs to ${interfaceRef(index, owner.iface).id}, but its VPC ${owner.iface.vpcId} has no internet gateway, so the internet cannot reach it.`, { documentation: DOCS.internetGateway });
    return internetGatewayIngress(ctx, igw.internetGatewayId, p);
  }
  const carrier = index.carrierIpOwner.get(p.dstIp);
  if (carrier) {
    if (!ctx.reply) {
      return block(ctx, "CARRIER_GATEWAY_NO_INBOUND", { id: carrier.iface.vpcId, type: "carrier-gateway" }, `${formatIpv4(p.dstIp)} is a carrier IP in a Wavelength Zone. A carrier gateway admits no connection initiated from the internet, only from the carrier network.`, { direction: "ingress", documentation: DOCS.carrierGateway });
    }
    const q: Packet = { ...p, dstIp: carrier.privateIp };
    add(ctx, { component: { id: "carrier-network", type: "internet" }, hop: "internet", inboundHeader: header(p), outboundHeader: header(q), note: `The carrier gateway translates the reply to ${formatIpv4(q.dstIp)}.` });
    return deliverLocal(ctx, carrier.iface.vpcId, q, { kind: "gateway", via: "internet-gateway", id: "carrier" }, true);
  }
  const service = index.awsServiceTable.lookup(p.dstIp)?.values[0];
  if (service) {
    add(ctx, { component: { id: service.serviceName, type: "aws-service" }, hop: "aws-service", note: `The packet reaches ${service.serviceName} over AWS's public network.` });
    if (reached(ctx, service.serviceName) || (ctx.reply && ctx.target.ip === p.dstIp)) return { kind: "accepted", resume: (c, reply) => onTheInternet(c, reply) };
    return { kind: "exits-network", resume: (c, reply) => onTheInternet(c, reply) };
  }
  if (isPrivateAddress(p.dstIp)) {
    add(ctx, { component: { id: "internet", type: "internet" }, hop: "internet", note: `The packet is on the internet.` });
    return block(ctx, "INTERNET_UNROUTABLE_ADDRESS", { id: "internet", type: "internet" }, `${formatIpv4(p.dstIp)} is a private address: the internet does not route it, so a private address is only reachable from inside its network.`);
  }
  add(ctx, { component: { id: "internet", type: "internet" }, hop: "internet", note: `The packet travels on the internet to ${formatIpv4(p.dstIp)}.` });
  if (reached(ctx, "internet") || (ctx.reply && ctx.target.ip === p.dstIp)) return { kind: "accepted", resume: (c, reply) => onTheInternet(c, reply) };
  return { kind: "exits-network", resume: (c, reply) => onTheInternet(c, reply) };
}

const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map((c) => parseIpv4Cidr(c)).filter((x) => x !== undefined);

function isPrivateAddress(ip: number): boolean {
  return PRIVATE_RANGES.some((p) => prefixContains(p, ip));
}

/** In through an internet gateway: public address → private address, then the gateway's edge route table or the local route. */
export function internetGatewayIngress(ctx: TraceContext, igwId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const igw = index.internetGateways.get(igwId);
  const ref: ComponentRef = { id: igwId, type: "internet-gateway", ...nameOf(igw?.tags) };
  const vpcId = igw?.attachments.find((a) => a.state === "available" || a.state === "attached")?.vpcId;
  if (!igw || !vpcId) return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Internet gateway ${igwId} is not attached to a VPC.`, { documentation: DOCS.internetGateway });
  const owner = index.publicIpOwner.get(p.dstIp);
  if (!owner || owner.iface.vpcId !== vpcId) {
    add(ctx, { component: ref, hop: igwId, vpc: vpcRef(index, vpcId), note: `The packet reaches internet gateway ${igwId}.` });
    return block(ctx, "NO_PUBLIC_IP_ADDRESS", ref, `No interface in ${vpcId} has the public address ${formatIpv4(p.dstIp)}, so internet gateway ${igwId} has nothing to translate it to. Instances need a public or Elastic IP to be reached from the internet.`, { direction: "ingress", vpc: vpcRef(index, vpcId), documentation: DOCS.internetGateway });
  }
  const q: Packet = { ...p, dstIp: owner.privateIp };
  retarget(ctx, p.dstIp, q.dstIp);
  add(ctx, { component: ref, hop: igwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(q), note: `Internet gateway ${igwId} translates the destination ${formatIpv4(p.dstIp)} to the private address ${formatIpv4(q.dstIp)}.` });
  const entry: Entry = { kind: "gateway", via: "internet-gateway", id: igwId };
  const edge = index.edgeRouteTable.get(igwId);
  if (edge) return routeFromTable(ctx, edge, vpcId, q, entry);
  return deliverLocal(ctx, vpcId, q, entry, true);
}

function carrierGatewayEgress(ctx: TraceContext, cagwId: string, vpcId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const cagw = index.carrierGateways.get(cagwId);
  const ref: ComponentRef = { id: cagwId, type: "carrier-gateway" };
  if (!cagw || cagw.vpcId !== vpcId || cagw.state !== "available") return block(ctx, "BAD_STATE", ref, `Carrier gateway ${cagwId} is not available in ${vpcId}.`, { documentation: DOCS.carrierGateway });
  const sender = index.interfaceByPrivateIp.get(vpcId)?.get(p.srcIp);
  const carrierIp = sender?.carrierIpByPrivate.get(p.srcIp);
  if (carrierIp === undefined) {
    return block(ctx, "NO_PUBLIC_IP_ADDRESS", ref, `${formatIpv4(p.srcIp)} has no carrier IP address, so carrier gateway ${cagwId} cannot translate it. Wavelength instances need a carrier IP to reach the carrier network.`, { direction: "ingress", documentation: DOCS.carrierGateway });
  }
  const q: Packet = { ...p, srcIp: carrierIp };
  add(ctx, { component: ref, hop: cagwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(q), note: `Carrier gateway ${cagwId} translates the source to the carrier IP ${formatIpv4(carrierIp)}.` });
  if (reached(ctx, cagwId)) return { kind: "accepted", resume: (c, reply) => carrierReply(c, cagwId, vpcId, reply, sender) };
  add(ctx, { component: { id: "carrier-network", type: "internet" }, hop: "internet", note: `The packet leaves through the carrier network.` });
  if (reached(ctx, "internet")) return { kind: "accepted", resume: (c, reply) => carrierReply(c, cagwId, vpcId, reply, sender) };
  return { kind: "exits-network", resume: (c, reply) => carrierReply(c, cagwId, vpcId, reply, sender) };
}

function carrierReply(ctx: TraceContext, cagwId: string, vpcId: string, p: Packet, sender: IndexedInterface | undefined): TraceEnd {
  const privateIp = sender ? [...sender.carrierIpByPrivate].find(([, c]) => c === p.dstIp)?.[0] : undefined;
  const q: Packet = privateIp !== undefined ? { ...p, dstIp: privateIp } : p;
  add(ctx, { component: { id: cagwId, type: "carrier-gateway" }, hop: cagwId, inboundHeader: header(p), outboundHeader: header(q), note: `Carrier gateway ${cagwId} admits the reply and translates it back to ${formatIpv4(q.dstIp)}.` });
  return deliverLocal(ctx, vpcId, q, { kind: "gateway", via: "internet-gateway", id: cagwId }, true);
}

// ---------------------------------------------------------------- NAT gateway

/** A NAT gateway translates the source of connections from inside and admits none initiated from outside. */
function natGateway(ctx: TraceContext, natId: string, iface: IndexedInterface, p: Packet): TraceEnd {
  const index = ctx.index;
  const nat = index.natGateways.get(natId);
  const ref: ComponentRef = { id: natId, type: "nat-gateway", ...nameOf(nat?.tags) };
  if (!nat || nat.state !== "available") return block(ctx, "BAD_STATE", ref, `NAT gateway ${natId} is not available (state ${nat?.state ?? "missing"}).`, { documentation: DOCS.natGateway });
  const base = { component: ref, hop: natId, subnet: subnetRef(index, nat.subnetId), vpc: vpcRef(index, nat.vpcId) };
  if (!ctx.reply) {
    if (iface.privateIps.includes(p.dstIp)) {
      add(ctx, { ...base, inboundHeader: header(p), note: `The packet is addressed to NAT gateway ${natId} itself.` });
      return block(ctx, "NAT_GATEWAY_NO_INBOUND", ref, `NAT gateway ${natId} only carries connections started from inside the VPC; it admits no connection initiated from outside, so a packet addressed to it is dropped.`, { direction: "ingress", documentation: DOCS.natGateway });
    }
    if (p.protocol !== TCP && p.protocol !== UDP && p.protocol !== ICMP) {
      add(ctx, { ...base, inboundHeader: header(p), note: `The packet reaches NAT gateway ${natId}.` });
      return block(ctx, "NAT_GATEWAY_PROTOCOL", ref, `NAT gateway ${natId} translates only TCP, UDP and ICMP; it drops ${protocolName(p.protocol)} packets.`, { direction: "ingress", documentation: DOCS.natGateway });
    }
    const q: Packet = { ...p, srcIp: iface.primaryIp };
    ctx.session.nat.set(natId, { srcIp: p.srcIp, srcPort: p.srcPort });
    add(ctx, { ...base, inboundHeader: header(p), outboundHeader: header(q), note: `NAT gateway ${natId} (${nat.connectivityType}) replaces the source ${formatIpv4(p.srcIp)} with its own address ${formatIpv4(q.srcIp)}.` });
    return subnetEgress(ctx, nat.subnetId, q, iface);
  }
  const original = ctx.session.nat.get(natId);
  if (!original || !iface.privateIps.includes(p.dstIp)) {
    add(ctx, { ...base, inboundHeader: header(p), note: `The packet reaches NAT gateway ${natId}.` });
    return block(ctx, "NAT_GATEWAY_NO_INBOUND", ref, `NAT gateway ${natId} has no connection this packet belongs to, so it drops it.`, { direction: "ingress", documentation: DOCS.natGateway });
  }
  const q: Packet = { ...p, dstIp: original.srcIp, dstPort: original.srcPort };
  add(ctx, { ...base, inboundHeader: header(p), outboundHeader: header(q), note: `NAT gateway ${natId} matches the reply to its connection and sends it back to ${formatIpv4(q.dstIp)}.` });
  return subnetEgress(ctx, nat.subnetId, q, iface);
}

// ---------------------------------------------------------------- VPC peering

/**
 * A peering connection delivers only to addresses inside the peer VPC: no
 * transitive peering, no edge-to-edge routing, and no overlapping CIDR blocks.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations
 */
export function peering(ctx: TraceContext, pcxId: string, fromVpcId: string, p: Packet): TraceEnd {
  const loop = guard(ctx, pcxId, p);
  if (loop) return loop;
  const index = ctx.index;
  const pcx = index.peerings.get(pcxId);
  const ref: ComponentRef = { id: pcxId, type: "vpc-peering-connection", ...nameOf(pcx?.tags) };
  if (!pcx) return block(ctx, "BAD_STATE_ROUTE", ref, `Peering connection ${pcxId} is not in the topology: the route to it is a blackhole.`);
  add(ctx, { component: ref, note: `The packet crosses peering connection ${pcxId}.` });
  if (pcx.status !== "active") return block(ctx, "BAD_STATE", ref, `Peering connection ${pcxId} is ${pcx.status}, not active, so it carries no traffic.`, { documentation: DOCS.peering });
  const side = pcx.requesterVpcInfo.vpcId === fromVpcId ? pcx.accepterVpcInfo : pcx.accepterVpcInfo.vpcId === fromVpcId ? pcx.requesterVpcInfo : undefined;
  if (!side) return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Peering connection ${pcxId} does not connect ${fromVpcId}.`, { documentation: DOCS.peering });
  const peerPrefixes = index.vpcPrefixes.get(side.vpcId) ?? [side.cidrBlock, ...side.cidrBlockSet.map((c) => c.cidrBlock)].flatMap((c) => (c ? [parseIpv4Cidr(c)] : [])).filter((x) => x !== undefined);
  const ownPrefixes = index.vpcPrefixes.get(fromVpcId) ?? [];
  for (const a of ownPrefixes) {
    for (const b of peerPrefixes) {
      if (prefixesOverlap(a, b)) {
        return block(ctx, "PEERING_OVERLAPPING_CIDRS", ref, `${fromVpcId} and ${side.vpcId} have overlapping CIDR blocks (${formatIpv4(a.network)}/${a.length} and ${formatIpv4(b.network)}/${b.length}); AWS does not route between peered VPCs whose ranges overlap.`, { documentation: DOCS.peering });
      }
    }
  }
  if (reached(ctx, pcxId)) return { kind: "accepted", resume: (c, reply) => peeringReturn(c, pcxId, fromVpcId, reply) };
  if (!peerPrefixes.some((q) => prefixContains(q, p.dstIp))) {
    const main = index.mainRouteTable.get(side.vpcId);
    const onward = main ? lookupRoute(index, main, p.dstIp) : undefined;
    if (onward?.target.kind === "vpc-peering-connection") {
      return block(ctx, "PEERING_NOT_TRANSITIVE", ref, `${formatIpv4(p.dstIp)} is not in ${side.vpcId}. Peering is not transitive: ${side.vpcId} will not pass traffic from ${fromVpcId} on to another peering connection (${onward.target.id}). Peer the two VPCs directly or use a transit gateway.`, { documentation: DOCS.peering });
    }
    return block(ctx, "EDGE_TO_EDGE_ROUTING", ref, `${formatIpv4(p.dstIp)} is not in ${side.vpcId}. Traffic from a peer can only reach addresses inside ${side.vpcId}; it cannot use ${side.vpcId}'s internet gateway, NAT device, VPN, Direct Connect or gateway endpoints (no edge-to-edge routing).`, { documentation: DOCS.peering });
  }
  if (!index.vpcs.has(side.vpcId)) return { kind: "exits-network", resume: (c, reply) => peeringReturn(c, pcxId, fromVpcId, reply) };
  return deliverLocal(ctx, side.vpcId, p, { kind: "gateway", via: "peering", id: pcxId }, true);
}

function peeringReturn(ctx: TraceContext, pcxId: string, vpcId: string, p: Packet): TraceEnd {
  add(ctx, { component: { id: pcxId, type: "vpc-peering-connection" }, note: `The reply crosses peering connection ${pcxId}.` });
  return deliverLocal(ctx, vpcId, p, { kind: "gateway", via: "peering", id: pcxId }, true);
}

// ---------------------------------------------------------------- transit gateway

/**
 * Traffic reaches a transit gateway only from zones where its VPC attachment has a subnet;
 * the packet is dropped in the source subnet.
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html
 */
function transitGatewayZoneBlock(ctx: TraceContext, tgwId: string, vpcId: string, entry: Entry): TraceEnd | undefined {
  if (entry.kind !== "subnet") return undefined;
  const index = ctx.index;
  const attachment = (index.tgwAttachmentsByResource.get(`${tgwId}|${vpcId}`) ?? []).find((a) => a.resourceType === "vpc");
  if (!attachment) return undefined;
  const zone = index.subnets.get(entry.subnetId)?.availabilityZone;
  const zones = attachment.subnetIds.map((s) => index.subnets.get(s)?.availabilityZone);
  if (zone === undefined || zones.length === 0 || zones.some((z) => z === undefined) || zones.includes(zone)) return undefined;
  return block(ctx, "TGW_NO_ATTACHMENT_IN_ZONE", { id: attachment.transitGatewayAttachmentId, type: "transit-gateway-attachment" }, `${entry.subnetId} is in ${zone}, but attachment ${attachment.transitGatewayAttachmentId} has no subnet in that zone. A transit gateway is reachable only from zones where its VPC attachment has a subnet.`, { subnet: subnetRef(index, entry.subnetId), documentation: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html" });
}

function transitGatewayFromVpc(ctx: TraceContext, tgwId: string, vpcId: string, p: Packet, _entry: Entry): TraceEnd {
  const index = ctx.index;
  const ref: ComponentRef = { id: tgwId, type: "transit-gateway" };
  if (!index.transitGateways.has(tgwId) && !index.tgwAttachmentsOfTgw.has(tgwId)) return block(ctx, "BAD_STATE_ROUTE", ref, `Transit gateway ${tgwId} is not in the topology: the route to it is a blackhole.`);
  const attachment = (index.tgwAttachmentsByResource.get(`${tgwId}|${vpcId}`) ?? []).find((a) => a.resourceType === "vpc");
  if (!attachment) return block(ctx, "TGW_NOT_ATTACHED", ref, `${vpcId} routes to transit gateway ${tgwId} but has no attachment to it, so the packet cannot enter it.`, { documentation: DOCS.tgwRouteTables });
  return transitGateway(ctx, tgwId, attachment, p);
}

/** Inside a transit gateway: the route table associated with the ingress attachment decides. */
export function transitGateway(ctx: TraceContext, tgwId: string, ingress: TransitGatewayAttachment, p: Packet): TraceEnd {
  const loop = guard(ctx, tgwId, p);
  if (loop) return loop;
  const index = ctx.index;
  const tgw = index.transitGateways.get(tgwId);
  const ref: ComponentRef = { id: tgwId, type: "transit-gateway", ...nameOf(tgw?.tags) };
  if (tgw && tgw.state !== "available") return block(ctx, "BAD_STATE", ref, `Transit gateway ${tgwId} is ${tgw.state}.`);
  const attachmentRef: ComponentRef = { id: ingress.transitGatewayAttachmentId, type: "transit-gateway-attachment" };
  if (ingress.state !== "available") return block(ctx, "BAD_STATE_ATTACHMENT", attachmentRef, `Attachment ${ingress.transitGatewayAttachmentId} is ${ingress.state}, not available.`, { documentation: DOCS.tgwRouteTables });
  if (reached(ctx, tgwId)) {
    add(ctx, { component: ref, hop: tgwId, attachedTo: attachmentRef, note: `The packet reaches transit gateway ${tgwId}.` });
    const table = associatedRouteTable(index, tgwId, ingress.transitGatewayAttachmentId);
    return { kind: "accepted", resume: (c, reply) => (table ? transitGatewayRoute(c, tgwId, table, reply) : block(c, "TGW_RTB_NOT_ASSOCIATED", ref, `No route table is associated with ${ingress.transitGatewayAttachmentId}.`)) };
  }
  const table = associatedRouteTable(index, tgwId, ingress.transitGatewayAttachmentId);
  if (!table) {
    add(ctx, { component: ref, hop: tgwId, attachedTo: attachmentRef, note: `The packet enters transit gateway ${tgwId} through ${ingress.transitGatewayAttachmentId}.` });
    return block(ctx, "TGW_RTB_NOT_ASSOCIATED", attachmentRef, `Attachment ${ingress.transitGatewayAttachmentId} is associated with no transit gateway route table, so the transit gateway has no routes for traffic entering through it.`, { documentation: DOCS.tgwRouteTables });
  }
  return transitGatewayRoute(ctx, tgwId, table, p, ingress.transitGatewayAttachmentId);
}

export function transitGatewayRoute(ctx: TraceContext, tgwId: string, table: TransitGatewayRouteTable, p: Packet, ingressId?: string): TraceEnd {
  const index = ctx.index;
  const ref: ComponentRef = { id: tgwId, type: "transit-gateway" };
  const tableRef: ComponentRef = { id: table.transitGatewayRouteTableId, type: "transit-gateway-route-table" };
  const route = lookupTgwRoute(index, table, p.dstIp);
  if (!route) {
    add(ctx, { component: ref, hop: tgwId, ...(ingressId ? { attachedTo: { id: ingressId, type: "transit-gateway-attachment" as const } } : {}), note: `Transit gateway ${tgwId} looks up ${formatIpv4(p.dstIp)} in ${table.transitGatewayRouteTableId}.` });
    return block(ctx, "NO_ROUTE_TO_DESTINATION", tableRef, `Transit gateway route table ${table.transitGatewayRouteTableId} (associated with the attachment the packet came in through) has no route to ${formatIpv4(p.dstIp)}.`, { transitGatewayRouteTable: tableRef, documentation: DOCS.tgwRouteTables });
  }
  const detail = {
    ...(route.destination.startsWith("pl-") ? { prefixListId: route.destination } : { destinationCidr: route.destination }),
    state: route.state,
    routeOrigin: route.type,
    ...(route.attachmentId ? { attachmentId: route.attachmentId } : {}),
    ...(route.resourceId ? { resourceId: route.resourceId } : {}),
    ...(route.resourceType ? { resourceType: route.resourceType } : {}),
  };
  add(ctx, {
    component: ref,
    hop: tgwId,
    transitGateway: ref,
    transitGatewayRouteTableRoute: detail,
    ...(ingressId ? { attachedTo: { id: ingressId, type: "transit-gateway-attachment" as const } } : {}),
    note: `Transit gateway ${tgwId}, route table ${table.transitGatewayRouteTableId}: ${route.destination} → ${route.state === "blackhole" ? "blackhole" : `${route.attachmentId} (${route.resourceType} ${route.resourceId})`} (${route.type}).`,
  });
  if (route.state === "blackhole" || !route.attachmentId) {
    return block(ctx, "BAD_STATE_ROUTE", tableRef, `The matching route ${route.destination} in ${table.transitGatewayRouteTableId} is a blackhole route: the transit gateway drops the packet.`, { transitGatewayRouteTable: tableRef, documentation: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html#tgw-create-static-route" });
  }
  const egress = tgwAttachment(index, tgwId, route.attachmentId);
  const egressRef: ComponentRef = { id: route.attachmentId, type: "transit-gateway-attachment" };
  if (!egress || egress.state !== "available") return block(ctx, "BAD_STATE_ATTACHMENT", egressRef, `The route points to attachment ${route.attachmentId}, which is ${egress ? egress.state : "not in the topology"}.`);
  switch (egress.resourceType) {
    case "vpc": {
      const vpcId = egress.resourceId;
      const entry: Entry = { kind: "gateway", via: "transit-gateway", id: tgwId };
      // The packet enters the VPC at the attachment's interface and follows that subnet's route table.
      const destinationSubnet = subnetOfIp(index, vpcId, p.dstIp);
      const zone = destinationSubnet?.availabilityZone;
      const subnetId = egress.subnetIds.find((s) => zone !== undefined && index.subnets.get(s)?.availabilityZone === zone) ?? egress.subnetIds[0];
      const rt = subnetId ? index.routeTableOfSubnet.get(subnetId) : undefined;
      if (rt) return routeFromTable(ctx, rt, vpcId, p, entry);
      return deliverLocal(ctx, vpcId, p, entry, true);
    }
    case "peering":
    case "tgw-peering": {
      const peerId = egress.resourceId;
      const peerSide = tgwAttachment(index, peerId, egress.transitGatewayAttachmentId);
      if (!peerSide) return block(ctx, "BAD_STATE_ATTACHMENT", egressRef, `Peering attachment ${egress.transitGatewayAttachmentId} has no side on transit gateway ${peerId} in the topology.`);
      return transitGateway(ctx, peerId, peerSide, p);
    }
    case "vpn": {
      const vpn = index.vpnConnections.get(egress.resourceId);
      if (!vpn || !isVpnUp(vpn)) return block(ctx, "BAD_STATE_VPN", { id: egress.resourceId, type: "vpn-connection" }, `VPN connection ${egress.resourceId} is down (no tunnel up) or not available.`, { documentation: DOCS.vpnRouting });
      add(ctx, { component: { id: vpn.vpnConnectionId, type: "vpn-connection" }, note: `The packet goes through VPN connection ${vpn.vpnConnectionId}.` });
      return onPremises(ctx, networksOfVpn(index, vpn), p, (c, reply) => transitGatewayFromAttachment(c, tgwId, egress, reply));
    }
    case "direct-connect-gateway": {
      const networks = directConnectRoutes(index, egress.resourceId).flatMap((r) => r.networks);
      add(ctx, { component: { id: egress.resourceId, type: "direct-connect-gateway" }, hop: egress.resourceId, note: `The packet goes to Direct Connect gateway ${egress.resourceId}.` });
      return onPremises(ctx, networks, p, (c, reply) => transitGatewayFromAttachment(c, tgwId, egress, reply));
    }
    default:
      return block(ctx, "UNSUPPORTED_COMPONENT", egressRef, `Attachments of type ${egress.resourceType} are not modelled.`);
  }
}

function transitGatewayFromAttachment(ctx: TraceContext, tgwId: string, attachment: TransitGatewayAttachment, p: Packet): TraceEnd {
  return transitGateway(ctx, tgwId, attachment, p);
}

// ---------------------------------------------------------------- VPN, Direct Connect, on-premises

function onPremises(ctx: TraceContext, networks: OnPremisesNetwork[], p: Packet, back: Resume): TraceEnd {
  const network = networks.find((n) => n.cidrBlocks.some((c) => {
    const prefix = parseIpv4Cidr(c);
    return prefix !== undefined && prefixContains(prefix, p.dstIp);
  }));
  if (network) {
    add(ctx, { component: { id: network.id, type: "on-premises-network", ...(network.name ? { name: network.name } : {}) }, hop: network.id, note: `The packet reaches the on-premises network ${network.name ?? network.id}.` });
    if (reached(ctx, network.id) || (ctx.target.ip === p.dstIp && ctx.reply)) return { kind: "accepted", resume: back };
  }
  return { kind: "exits-network", resume: back };
}

/** Out through a virtual private gateway: its own route choice among VPN connections and Direct Connect. */
function vpnGatewayEgress(ctx: TraceContext, vgwId: string, vpcId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const vgw = index.vpnGateways.get(vgwId);
  const ref: ComponentRef = { id: vgwId, type: "vpn-gateway", ...nameOf(vgw?.tags) };
  if (!vgw) return block(ctx, "BAD_STATE_ROUTE", ref, `Virtual private gateway ${vgwId} is not in the topology: the route to it is a blackhole.`);
  if (!vgw.vpcAttachments.some((a) => a.vpcId === vpcId && a.state === "attached")) return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Virtual private gateway ${vgwId} is not attached to ${vpcId}.`, { documentation: DOCS.vpnRouting });
  add(ctx, { component: ref, hop: vgwId, vpc: vpcRef(index, vpcId), note: `The packet reaches virtual private gateway ${vgwId}.` });
  if (reached(ctx, vgwId)) return { kind: "accepted", resume: (c, reply) => vpnGatewayIngress(c, vgwId, reply, undefined) };
  return vpnGatewayRouteOut(ctx, vgwId, p, undefined, (c, reply) => vpnGatewayIngress(c, vgwId, reply, undefined));
}

function vpnGatewayRouteOut(ctx: TraceContext, vgwId: string, p: Packet, incoming: LearnedRoute["source"] | undefined, back: Resume): TraceEnd {
  const index = ctx.index;
  const ref: ComponentRef = { id: vgwId, type: "vpn-gateway" };
  const sameConnection = (r: LearnedRoute) =>
    incoming !== undefined &&
    ((incoming.kind === "direct-connect" && r.source.kind === "direct-connect" && r.source.virtualInterface === incoming.virtualInterface) ||
      (incoming.kind !== "direct-connect" && r.source.kind !== "direct-connect" && r.source.vpnConnection === incoming.vpnConnection));
  const route = lookupVpnGatewayRoute(index, vgwId, p.dstIp, sameConnection);
  if (!route) {
    const down = (index.vpnConnectionsOfGateway.get(vgwId) ?? []).find((v) => !isVpnUp(v) && (v.routes.some((r) => { const q = parseIpv4Cidr(r.destinationCidrBlock); return q && prefixContains(q, p.dstIp); }) || networksOfVpn(index, v).some((n) => n.cidrBlocks.some((c) => { const q = parseIpv4Cidr(c); return q && prefixContains(q, p.dstIp); }))));
    if (down) return block(ctx, "BAD_STATE_VPN", { id: down.vpnConnectionId, type: "vpn-connection" }, `VPN connection ${down.vpnConnectionId} would carry ${formatIpv4(p.dstIp)}, but it is down (both tunnels down or not available).`, { documentation: DOCS.vpnRouting });
    return block(ctx, "NO_ROUTE_TO_DESTINATION", ref, `Virtual private gateway ${vgwId} has no VPN or Direct Connect route to ${formatIpv4(p.dstIp)}.`, { documentation: DOCS.vpnRouting });
  }
  if (incoming && incoming.kind !== "direct-connect") {
    const from = networksOfVpn(index, incoming.vpnConnection);
    for (const a of from) {
      for (const b of route.networks) {
        const overlap = cloudHubOverlap(a, b);
        if (overlap) return block(ctx, "CLOUDHUB_OVERLAPPING_RANGES", ref, `VPN CloudHub relays between sites only when their ranges do not overlap: ${a.id} and ${b.id} overlap (${overlap}).`, { documentation: DOCS.cloudHub });
      }
    }
  }
  const via = route.source.kind === "direct-connect" ? { id: route.source.virtualInterface.virtualInterfaceId, type: "direct-connect-virtual-interface" as const } : { id: route.source.vpnConnection.vpnConnectionId, type: "vpn-connection" as const };
  add(ctx, { component: via, note: `Virtual private gateway ${vgwId} sends it over ${via.id} (${route.source.kind === "direct-connect" ? "Direct Connect, BGP" : route.source.kind === "vpn-static" ? "VPN static route" : "VPN, BGP"} route ${route.cidr}).` });
  return onPremises(ctx, route.networks, p, back);
}

/** In through a virtual private gateway (from on-premises): into the VPC, or on to another VPN site (CloudHub). */
export function vpnGatewayIngress(ctx: TraceContext, vgwId: string, p: Packet, incoming: LearnedRoute["source"] | undefined): TraceEnd {
  const loop = guard(ctx, vgwId, p);
  if (loop) return loop;
  const index = ctx.index;
  const vgw = index.vpnGateways.get(vgwId);
  const ref: ComponentRef = { id: vgwId, type: "vpn-gateway", ...nameOf(vgw?.tags) };
  if (!vgw || vgw.state !== "available") return block(ctx, "BAD_STATE", ref, `Virtual private gateway ${vgwId} is not available.`);
  add(ctx, { component: ref, hop: vgwId, note: `The packet enters AWS at virtual private gateway ${vgwId}.` });
  const vpcId = vgw.vpcAttachments.find((a) => a.state === "attached")?.vpcId;
  if (vpcId && vpcContains(index, vpcId, p.dstIp)) {
    const entry: Entry = { kind: "gateway", via: "vpn-gateway", id: vgwId };
    const edge = index.edgeRouteTable.get(vgwId);
    if (edge) return routeFromTable(ctx, edge, vpcId, p, entry);
    return deliverLocal(ctx, vpcId, p, entry, true);
  }
  return vpnGatewayRouteOut(ctx, vgwId, p, incoming, (c, reply) => vpnGatewayIngress(c, vgwId, reply, undefined));
}

// ---------------------------------------------------------------- endpoints

/** A gateway endpoint (S3, DynamoDB): reached only from its own VPC, through a prefix-list route, if its policy allows. */
function gatewayEndpoint(ctx: TraceContext, vpceId: string, vpcId: string, p: Packet, fromOutside: Extract<Entry, { kind: "gateway" }> | undefined): TraceEnd {
  const index = ctx.index;
  const endpoint = index.vpcEndpoints.get(vpceId);
  const ref: ComponentRef = { id: vpceId, type: "vpc-endpoint", ...nameOf(endpoint?.tags) };
  if (!endpoint) return block(ctx, "BAD_STATE_ROUTE", ref, `Endpoint ${vpceId} is not in the topology: the route to it is a blackhole.`);
  if (endpoint.vpcEndpointType !== "Gateway") return block(ctx, "UNSUPPORTED_COMPONENT", ref, `Routes to ${endpoint.vpcEndpointType} endpoints (${vpceId}) are not modelled.`);
  if (endpoint.vpcId !== vpcId) return block(ctx, "BAD_STATE_ROUTE", ref, `Gateway endpoint ${vpceId} belongs to ${endpoint.vpcId}, not ${vpcId}; a gateway endpoint serves only its own VPC.`, { documentation: DOCS.gatewayEndpoints });
  if (!/^available$/i.test(endpoint.state)) return block(ctx, "BAD_STATE", ref, `Gateway endpoint ${vpceId} is ${endpoint.state}.`);
  if (fromOutside) {
    return block(ctx, "EDGE_TO_EDGE_ROUTING", ref, `Traffic that entered ${vpcId} through ${fromOutside.id} cannot use gateway endpoint ${vpceId}: endpoint connections do not extend out of the VPC (VPN, peering, transit gateway or Direct Connect).`, { documentation: DOCS.gatewayEndpoints });
  }
  const policy = evaluateEndpointPolicy(endpoint.policyDocument);
  if (!policy.allowed) return block(ctx, "ENDPOINT_POLICY_DENY", ref, `Endpoint ${vpceId}: ${policy.reason}, so no request through it is allowed.`, { direction: "ingress", documentation: DOCS.endpointPolicies });
  add(ctx, { component: ref, hop: vpceId, vpc: vpcRef(index, vpcId), note: `Gateway endpoint ${vpceId} carries the packet to ${endpoint.serviceName} without leaving the AWS network.` });
  const back: Resume = (c, reply) => {
    add(c, { component: ref, hop: vpceId, vpc: vpcRef(c.index, vpcId), note: `The reply comes back from ${endpoint.serviceName} through gateway endpoint ${vpceId}.` });
    return deliverLocal(c, vpcId, reply, { kind: "gateway", via: "vpc-endpoint", id: vpceId }, true);
  };
  if (reached(ctx, vpceId) || reached(ctx, endpoint.serviceName)) return { kind: "accepted", resume: back };
  return { kind: "exits-network", resume: back };
}

/** An interface endpoint's network interface: the service, or — for a PrivateLink endpoint service — the provider's Network Load Balancer. */
function interfaceEndpoint(ctx: TraceContext, vpceId: string, iface: IndexedInterface, p: Packet): TraceEnd {
  const index = ctx.index;
  const endpoint = index.vpcEndpoints.get(vpceId);
  const ref: ComponentRef = { id: vpceId, type: "vpc-endpoint", ...nameOf(endpoint?.tags) };
  const base = { component: ref, hop: vpceId, subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId) };
  if (ctx.reply) {
    add(ctx, { ...base, note: `The reply reaches endpoint ${vpceId}.` });
    return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
  }
  if (endpoint && !/^available$/i.test(endpoint.state)) return block(ctx, "BAD_STATE", ref, `Endpoint ${vpceId} is ${endpoint.state} (a PrivateLink service may be waiting for acceptance).`, { documentation: "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#accept-reject-connection-requests" });
  const policy = evaluateEndpointPolicy(endpoint?.policyDocument);
  if (!policy.allowed) return block(ctx, "ENDPOINT_POLICY_DENY", ref, `Endpoint ${vpceId}: ${policy.reason}.`, { direction: "ingress", documentation: DOCS.endpointPolicies });
  add(ctx, { ...base, inboundHeader: header(p), note: `Interface endpoint ${vpceId} receives the packet for ${endpoint?.serviceName ?? "its service"}.` });
  const service = endpoint ? index.topology.vpcEndpointServices.find((s) => s.serviceName === endpoint.serviceName) : undefined;
  const nlbArn = service?.networkLoadBalancerArns[0];
  const nlbInterface = nlbArn ? index.loadBalancerInterfaces.get(nlbArn)?.[0] : undefined;
  if (reached(ctx, vpceId) || reached(ctx, iface.id) || !service || !nlbArn || !nlbInterface) {
    return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
  }
  // PrivateLink: the provider's Network Load Balancer receives the connection from the endpoint.
  add(ctx, { component: { id: service.serviceId, type: "vpc-endpoint-service", name: service.serviceName }, note: `PrivateLink carries the connection to endpoint service ${service.serviceId} behind ${nlbArn}.` });
  const q: Packet = { ...p, dstIp: nlbInterface.primaryIp };
  return loadBalancer(ctx, nlbArn, nlbInterface, q, { iface, clientIp: p.srcIp, clientPort: p.srcPort, endpointIp: p.dstIp });
}

// ---------------------------------------------------------------- load balancers

/** An ELBv2 load balancer node: a listener on the port, a target group, a healthy target, a new connection to it. */
function loadBalancer(ctx: TraceContext, lbArn: string, iface: IndexedInterface, p: Packet, viaEndpoint?: { iface: IndexedInterface; clientIp: number; clientPort: number | undefined; endpointIp: number }): TraceEnd {
  const index = ctx.index;
  const lb = index.loadBalancers.get(lbArn);
  const ref: ComponentRef = { id: lbArn, arn: lbArn, type: "load-balancer", ...(lb ? { name: lb.loadBalancerName } : {}) };
  const base = { component: ref, hop: lbArn, subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId) };
  if (!lb) return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
  if (ctx.reply) {
    const session = ctx.session.loadBalancer.get(lbArn);
    if (!session) return block(ctx, "NO_DESTINATION_OWNER", ref, `Load balancer ${lb.loadBalancerName} has no connection this reply belongs to.`);
    if (session.viaEndpoint) {
      const v = session.viaEndpoint;
      const q: Packet = { ...p, srcIp: v.endpointIp, dstIp: v.clientIp, dstPort: v.clientPort };
      add(ctx, { ...base, inboundHeader: header(p), outboundHeader: header(q), note: `${lb.loadBalancerName} returns the reply through PrivateLink to the endpoint.` });
      const endpointRef = interfaceRef(index, v.iface);
      add(ctx, { component: endpointRef, hop: hopOf(v.iface), subnet: subnetRef(index, v.iface.subnetId), vpc: vpcRef(index, v.iface.vpcId), outboundHeader: header(q), note: `Endpoint ${endpointRef.id} sends the reply to ${formatIpv4(q.dstIp)}.` });
      return interfaceEgress(ctx, v.iface, q);
    }
    const q: Packet = { ...p, srcIp: session.listenerIp, srcPort: session.listenerPort, dstIp: session.clientIp, dstPort: session.clientPort };
    add(ctx, { ...base, inboundHeader: header(p), outboundHeader: header(q), note: `${lb.loadBalancerName} returns the reply to the client ${formatIpv4(q.dstIp)}.` });
    return interfaceEgress(ctx, iface, q);
  }
  if (lb.state !== "active" && lb.state !== "active_impaired") return block(ctx, "BAD_STATE", ref, `Load balancer ${lb.loadBalancerName} is ${lb.state}.`);
  if (reached(ctx, lbArn)) {
    add(ctx, { ...base, inboundHeader: header(p), note: `Load balancer ${lb.loadBalancerName} receives the packet.` });
    return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
  }
  const listener = (index.listenersOfLoadBalancer.get(lbArn) ?? []).find((l) => l.port === p.dstPort);
  if (!listener || !hasPorts(p.protocol)) {
    add(ctx, { ...base, inboundHeader: header(p), note: `Load balancer ${lb.loadBalancerName} receives the packet.` });
    return block(ctx, "ELBV2_NO_LISTENER", ref, `Load balancer ${lb.loadBalancerName} has no listener on ${protocolName(p.protocol)} port ${p.dstPort ?? "(none)"}, so it refuses the connection.`, { direction: "ingress", documentation: DOCS.elb });
  }
  const forward = listener.defaultActions.find((a) => a.type === "forward");
  const groups = forward ? (forward.targetGroupArn ? [forward.targetGroupArn] : [...(forward.forwardConfig?.targetGroups ?? [])].sort((a, b) => b.weight - a.weight).map((g) => g.targetGroupArn)) : [];
  const group = groups.map((g) => index.targetGroups.get(g)).find((g) => g !== undefined);
  const listenerDetail = { listenerArn: listener.listenerArn, port: listener.port ?? 0, ...(listener.protocol ? { protocol: listener.protocol } : {}) };
  if (!group) {
    add(ctx, { ...base, inboundHeader: header(p), loadBalancerListener: listenerDetail, note: `Listener ${listener.port} of ${lb.loadBalancerName} matches.` });
    return block(ctx, "ELBV2_LISTENER_HAS_NO_TG", ref, `Listener ${listener.port} of ${lb.loadBalancerName} forwards to no target group in the topology.`, { documentation: DOCS.elb });
  }
  // Targets: healthy ones; when none is healthy the load balancer fails open to all of them.
  type Candidate = { id: string; iface: IndexedInterface; ip: number; port: number; zone: string | undefined };
  const all: (Candidate & { healthy: boolean })[] = [];
  for (const t of [...group.targets].sort((a, b) => a.id.localeCompare(b.id))) {
    const targetIface = group.targetType === "instance" ? index.interfacesOfInstance.get(t.id)?.[0] : undefined;
    const ip = targetIface ? targetIface.primaryIp : group.targetType === "ip" ? parseIpv4Cidr(`${t.id}/32`)?.network : undefined;
    if (ip === undefined) continue;
    const owner = targetIface ?? index.interfaceByPrivateIp.get(group.vpcId ?? lb.vpcId)?.get(ip);
    if (!owner) continue;
    all.push({ id: t.id, iface: owner, ip, port: t.port ?? group.port ?? p.dstPort ?? 0, zone: t.availabilityZone ?? index.subnets.get(owner.subnetId)?.availabilityZone, healthy: t.health === "healthy" });
  }
  const healthy = all.filter((c) => c.healthy);
  let candidates: Candidate[] = healthy.length > 0 ? healthy : all;
  if (candidates.length === 0) {
    add(ctx, { ...base, inboundHeader: header(p), loadBalancerListener: listenerDetail, note: `Listener ${listener.port} forwards to ${group.targetGroupName ?? group.targetGroupArn}.` });
    return block(ctx, "ELBV2_NO_HEALTHY_TARGET", { id: group.targetGroupArn, arn: group.targetGroupArn, type: "target-group" }, `Target group ${group.targetGroupName ?? group.targetGroupArn} has no registered target in the topology.`, { documentation: DOCS.elb });
  }
  const crossZone = lb.crossZoneLoadBalancing ?? lb.type === "application";
  const nodeZone = index.subnets.get(iface.subnetId)?.availabilityZone;
  if (!crossZone && nodeZone) {
    const local = candidates.filter((c) => c.zone === nodeZone || c.zone === "all");
    if (local.length === 0) {
      add(ctx, { ...base, inboundHeader: header(p), loadBalancerListener: listenerDetail, note: `Listener ${listener.port} forwards to ${group.targetGroupName ?? group.targetGroupArn}.` });
      return block(ctx, "ELB_NOT_CROSSZONE", ref, `The ${lb.loadBalancerName} node in ${nodeZone} can only send to targets in its own zone (cross-zone load balancing is off), and ${group.targetGroupName ?? "the target group"} has none there.`, { documentation: DOCS.crossZone });
    }
    candidates = local;
  }
  // Reachability Analyzer reports the shortest path: a target in the node's own subnet, then its zone.
  const nearness = (c: Candidate) => (c.iface.subnetId === iface.subnetId ? 0 : c.zone !== undefined && c.zone === nodeZone ? 1 : 2);
  candidates = [...candidates].sort((a, b) => nearness(a) - nearness(b));
  const wanted = candidates.find((c) => reached(ctx, c.id) || reached(ctx, c.iface.id) || ctx.target.ip === c.ip);
  const chosen = wanted ?? candidates[0];
  if (!chosen) return block(ctx, "ELBV2_NO_HEALTHY_TARGET", ref, `No target to send to.`);
  // A Network Load Balancer keeps the client's address for instance targets; otherwise the node's address is the source.
  const preserveClient = lb.type === "network" && group.targetType === "instance" && !viaEndpoint;
  const q: Packet = { ...p, srcIp: preserveClient ? p.srcIp : iface.primaryIp, dstIp: chosen.ip, dstPort: chosen.port };
  retarget(ctx, p.dstIp, q.dstIp);
  ctx.session.loadBalancer.set(lbArn, { clientIp: p.srcIp, clientPort: p.srcPort, listenerIp: p.dstIp, listenerPort: p.dstPort, ...(viaEndpoint ? { viaEndpoint } : {}) });
  add(ctx, {
    ...base,
    inboundHeader: header(p),
    outboundHeader: header(q),
    loadBalancerListener: listenerDetail,
    loadBalancerTarget: { id: chosen.id, address: formatIpv4(chosen.ip), port: chosen.port, ...(chosen.zone ? { availabilityZone: chosen.zone } : {}) },
    note: `Listener ${listener.port} of ${lb.loadBalancerName} forwards to target ${chosen.id} (${formatIpv4(chosen.ip)}:${chosen.port})${healthy.length === 0 ? ", failing open because no target is healthy" : ""}.`,
  });
  return interfaceEgress(ctx, iface, q);
}

// ---------------------------------------------------------------- Client VPN

/** A Client VPN client's packet: an authorization rule, a route to a target subnet, then out of the endpoint's interface there (source NAT). */
export function clientVpn(ctx: TraceContext, endpointId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const endpoint = index.clientVpnEndpoints.get(endpointId);
  const ref: ComponentRef = { id: endpointId, type: "client-vpn-endpoint" };
  if (!endpoint || endpoint.status !== "available") return block(ctx, "BAD_STATE", ref, `Client VPN endpoint ${endpointId} is not available.`);
  const longest = <T>(items: T[], cidr: (t: T) => string) =>
    items
      .map((item) => ({ item, prefix: parseIpv4Cidr(cidr(item)) }))
      .filter((x) => x.prefix !== undefined && prefixContains(x.prefix, p.dstIp))
      .sort((a, b) => (b.prefix?.length ?? 0) - (a.prefix?.length ?? 0))[0]?.item;
  const rule = longest(endpoint.authorizationRules.filter((r) => r.status === "active"), (r) => r.destinationCidr);
  if (!rule) {
    add(ctx, { component: ref, hop: endpointId, note: `The client's packet enters Client VPN endpoint ${endpointId}.` });
    return block(ctx, "CLIENT_VPN_NOT_AUTHORIZED", ref, `No authorization rule of ${endpointId} covers ${formatIpv4(p.dstIp)}, so clients are not allowed to reach it. Add an authorization rule for the destination network.`, { direction: "ingress", documentation: DOCS.clientVpnAuth });
  }
  const route = longest(endpoint.routes.filter((r) => r.status === "active"), (r) => r.destinationCidr);
  if (!route) {
    add(ctx, { component: ref, hop: endpointId, note: `The client's packet enters Client VPN endpoint ${endpointId}; authorization rule ${rule.destinationCidr} allows it.` });
    return block(ctx, "NO_ROUTE_TO_DESTINATION", ref, `Client VPN endpoint ${endpointId} has no route to ${formatIpv4(p.dstIp)}.`, { documentation: "https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/cvpn-working-routes.html" });
  }
  const iface = index.interfaces.get(`eni-of-${endpointId}-${route.targetSubnet}`);
  if (!iface) return block(ctx, "BAD_STATE_ATTACHMENT", ref, `The route ${route.destinationCidr} uses ${route.targetSubnet}, which is not an associated target network of ${endpointId}.`);
  const q: Packet = { ...p, srcIp: iface.primaryIp };
  ctx.session.clientVpn.set(endpointId, { clientIp: p.srcIp });
  add(ctx, { component: ref, hop: endpointId, inboundHeader: header(p), outboundHeader: header(q), subnet: subnetRef(index, route.targetSubnet), note: `Authorization rule ${rule.destinationCidr} allows the client; route ${route.destinationCidr} → ${route.targetSubnet}; the endpoint translates the source to ${formatIpv4(q.srcIp)}.` });
  return interfaceEgress(ctx, iface, q);
}

function clientVpnReturn(ctx: TraceContext, endpointId: string, iface: IndexedInterface, p: Packet): TraceEnd {
  const session = ctx.session.clientVpn.get(endpointId);
  const ref: ComponentRef = { id: endpointId, type: "client-vpn-endpoint" };
  if (!session) return block(ctx, "NO_DESTINATION_OWNER", ref, `Client VPN endpoint ${endpointId} has no connection this packet belongs to.`);
  const q: Packet = { ...p, dstIp: session.clientIp };
  add(ctx, { component: ref, hop: endpointId, inboundHeader: header(p), outboundHeader: header(q), note: `Client VPN endpoint ${endpointId} returns the reply to the client ${formatIpv4(q.dstIp)}.` });
  return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
}

// ---------------------------------------------------------------- entry points used by analyze

export function startFromVpcRouter(ctx: TraceContext, vpcId: string, p: Packet): TraceEnd {
  const main = ctx.index.mainRouteTable.get(vpcId);
  if (main) return routeFromTable(ctx, main, vpcId, p, { kind: "gateway", via: "vpc", id: vpcId });
  return deliverLocal(ctx, vpcId, p, { kind: "gateway", via: "vpc", id: vpcId }, true);
}

export function startFromPeering(ctx: TraceContext, pcxId: string, intoVpcId: string, p: Packet): TraceEnd {
  add(ctx, { component: { id: pcxId, type: "vpc-peering-connection" }, note: `The packet arrives over peering connection ${pcxId}.` });
  return deliverLocal(ctx, intoVpcId, p, { kind: "gateway", via: "peering", id: pcxId }, true);
}

export function startFromGatewayEndpoint(ctx: TraceContext, vpceId: string, vpcId: string, p: Packet): TraceEnd {
  add(ctx, { component: { id: vpceId, type: "vpc-endpoint" }, hop: vpceId, vpc: vpcRef(ctx.index, vpcId), note: `The packet comes from the service through gateway endpoint ${vpceId}.` });
  return deliverLocal(ctx, vpcId, p, { kind: "gateway", via: "vpc-endpoint", id: vpceId }, true);
}

/** From an on-premises network: over Direct Connect first, then VPN, the first way in that delivers. */
export function startFromOnPremises(index: IndexedTopology, network: OnPremisesNetwork, p: Packet, only?: { virtualInterfaceId?: string; vpnConnectionId?: string }): ((c: TraceContext) => TraceEnd)[] {
  const attempts: ((c: TraceContext) => TraceEnd)[] = [];
  for (const vifId of network.virtualInterfaceIds) {
    if (only && only.virtualInterfaceId !== vifId) continue;
    const vif = index.virtualInterfaces.get(vifId);
    if (!vif) continue;
    const enter = (c: TraceContext): TraceEnd => {
      add(c, { component: { id: network.id, type: "on-premises-network" }, hop: network.id, note: `The packet starts in ${network.name ?? network.id}.` });
      add(c, { component: { id: vif.virtualInterfaceId, type: "direct-connect-virtual-interface" }, note: `It crosses Direct Connect virtual interface ${vif.virtualInterfaceId} (${vif.virtualInterfaceType}).` });
      if (vif.virtualInterfaceState !== "available") return block(c, "BAD_STATE", { id: vif.virtualInterfaceId, type: "direct-connect-virtual-interface" }, `Virtual interface ${vif.virtualInterfaceId} is ${vif.virtualInterfaceState}.`, { documentation: DOCS.directConnect });
      const source: LearnedRoute["source"] = { kind: "direct-connect", virtualInterface: vif };
      if (vif.virtualGatewayId) return vpnGatewayIngress(c, vif.virtualGatewayId, p, source);
      if (vif.directConnectGatewayId) return directConnectGatewayIngress(c, vif.directConnectGatewayId, p, source);
      return block(c, "NO_ROUTE_TO_DESTINATION", { id: vif.virtualInterfaceId, type: "direct-connect-virtual-interface" }, `Virtual interface ${vif.virtualInterfaceId} ends on no gateway (a public VIF reaches only AWS public services).`);
    };
    attempts.push(enter);
  }
  for (const cgwId of network.customerGatewayIds) {
    for (const vpn of index.topology.vpnConnections.filter((v) => v.customerGatewayId === cgwId)) {
      if (only && only.vpnConnectionId !== vpn.vpnConnectionId) continue;
      attempts.push((c) => {
        add(c, { component: { id: network.id, type: "on-premises-network" }, hop: network.id, note: `The packet starts in ${network.name ?? network.id}.` });
        add(c, { component: { id: vpn.vpnConnectionId, type: "vpn-connection" }, note: `It goes through VPN connection ${vpn.vpnConnectionId}${vpn.options.enableAcceleration ? " (accelerated)" : ""}.` });
        if (!isVpnUp(vpn)) return block(c, "BAD_STATE_VPN", { id: vpn.vpnConnectionId, type: "vpn-connection" }, `VPN connection ${vpn.vpnConnectionId} is down: ${vpn.state !== "available" ? `it is ${vpn.state}` : "neither tunnel is up"}.`, { documentation: DOCS.vpnRouting });
        if (vpn.vpnGatewayId) return vpnGatewayIngress(c, vpn.vpnGatewayId, p, { kind: vpn.options.staticRoutesOnly ? "vpn-static" : "vpn-bgp", vpnConnection: vpn });
        const tgwId = vpn.transitGatewayId ?? "";
        const attachment = (index.tgwAttachmentsByResource.get(`${tgwId}|${vpn.vpnConnectionId}`) ?? [])[0];
        if (!attachment) return block(c, "TGW_NOT_ATTACHED", { id: tgwId, type: "transit-gateway" }, `VPN connection ${vpn.vpnConnectionId} has no attachment on ${tgwId}.`);
        return transitGateway(c, tgwId, attachment, p);
      });
    }
  }
  return attempts;
}

function directConnectGatewayIngress(ctx: TraceContext, dxgwId: string, p: Packet, source: LearnedRoute["source"]): TraceEnd {
  const index = ctx.index;
  const dxgw = index.directConnectGateways.get(dxgwId);
  const ref: ComponentRef = { id: dxgwId, type: "direct-connect-gateway" };
  if (!dxgw || dxgw.directConnectGatewayState !== "available") return block(ctx, "BAD_STATE", ref, `Direct Connect gateway ${dxgwId} is not available.`, { documentation: DOCS.directConnect });
  add(ctx, { component: ref, hop: dxgwId, note: `The packet reaches Direct Connect gateway ${dxgw.directConnectGatewayName ?? dxgwId}.` });
  for (const association of dxgw.associations) {
    if (association.associationState !== "associated") continue;
    const gw = association.associatedGateway;
    // On premises learns only the allowed prefixes of a transit gateway association.
    const allowed = association.allowedPrefixesToDirectConnectGateway.map((a) => parseIpv4Cidr(a.cidr)).filter((x) => x !== undefined);
    const permitted = allowed.length === 0 || allowed.some((q) => prefixContains(q, p.dstIp));
    if (gw.type === "virtualPrivateGateway") {
      const vgw = index.vpnGateways.get(gw.id);
      const vpcId = vgw?.vpcAttachments.find((a) => a.state === "attached")?.vpcId;
      if (vpcId && vpcContains(index, vpcId, p.dstIp) && permitted) return vpnGatewayIngress(ctx, gw.id, p, source);
    } else {
      const attachment = (index.tgwAttachmentsByResource.get(`${gw.id}|${dxgwId}`) ?? [])[0];
      if (!attachment) continue;
      if (!permitted) return block(ctx, "DX_PREFIX_NOT_ALLOWED", ref, `${formatIpv4(p.dstIp)} is not in the allowed prefixes of the association between ${dxgwId} and ${gw.id}, so on premises has no route to it.`, { documentation: "https://docs.aws.amazon.com/directconnect/latest/UserGuide/allowed-to-prefixes.html" });
      return transitGateway(ctx, gw.id, attachment, p);
    }
  }
  return block(ctx, "NO_ROUTE_TO_DESTINATION", ref, `Direct Connect gateway ${dxgwId} is associated with no gateway whose network holds ${formatIpv4(p.dstIp)}.`, { documentation: DOCS.directConnect });
}

export function startFromVpnGatewaySide(ctx: TraceContext, vgwId: string, p: Packet): TraceEnd {
  return vpnGatewayIngress(ctx, vgwId, p, undefined);
}

export { maskOf, directConnectGatewaysOf };
