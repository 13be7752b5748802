import { type Crossing } from "../../filters/security-group";
import { type CompiledRoute } from "../../forwarding/route-table";
import { formatIp, type Ip } from "../../ip";
import { type IndexedInterface, type IndexedTopology } from "../../model/indexed-topology";
import { type Packet, hasPorts, protocolName } from "../../packet";
import { type ExplanationCode, blockKindOf } from "../explanations";
import { type ComponentRef, type Explanation, type PacketHeader, type PathComponent, type RouteTableRouteDetail } from "../path-component";

/**
 * Shared pieces of the hop-by-hop trace: the context a packet carries, the
 * result of a trace, and the helpers every step uses to record a path
 * component or a block.
 */

export interface Target {
  /** Component ids whose arrival counts as reaching the destination. */
  ids: ReadonlySet<string>;
  /** The destination address, when the destination is an address or an addressable resource. */
  ip: Ip | undefined;
}

/** State a forward trace leaves for its reply: address translations to undo. */
export interface Session {
  nat: Map<string, { srcIp: Ip; srcPort: number | undefined }>;
  loadBalancer: Map<string, { clientIp: Ip; clientPort: number | undefined; listenerIp: Ip; listenerPort: number | undefined; nodeIp: Ip; targetIp: Ip; preservesClientIp: boolean; viaEndpoint?: { iface: IndexedInterface; clientIp: Ip; clientPort: number | undefined; endpointIp: Ip } }>;
  clientVpn: Map<string, { clientIp: Ip }>;
  /** VPC → the egress-only internet gateway an IPv6 connection left through (its replies come back through it). */
  egressOnly: Map<string, string>;
  /** Transit gateway attachment (appliance mode on) → the subnet (zone) the flow used, which its reply must use too. */
  applianceZone?: Map<string, string>;
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
  /** Client VPN: the directory groups the connected user belongs to (authorization rules for a group need one of them). */
  clientVpnGroups: readonly string[];
  /** The decision points passed, in order, to describe a loop. */
  decisions: Decision[];
  /** Peering connections, transit gateways and appliances the packet crossed, in order (security group references depend on them). */
  crossings: Crossing[];
  /** The Availability Zone the packet entered its last transit gateway in, when it came from a VPC. */
  tgwEntryZone?: string | undefined;
  /** Record path components and traffic events; a matrix that needs only verdicts turns it off. */
  record: boolean;
  /** On the reply: what the request crossed, to explain a reply that cannot follow it back. */
  forwardCrossings?: readonly Crossing[];
}

export type Entry =
  | { kind: "subnet"; subnetId: string }
  | {
      kind: "gateway";
      via: "internet-gateway" | "vpn-gateway" | "transit-gateway" | "peering" | "vpc-endpoint" | "vpc";
      id: string;
      /** A transit gateway's way in: the attachment, its subnet and the transit gateway route that chose it. */
      attachmentId?: string;
      subnetId?: string;
      tgwRoute?: { destination: string; attachmentId: string | undefined; routeTableId: string };
    };

export const DOCS = {
  routeTables: "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
  securityGroups: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
  networkAcls: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
  internetGateway: "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
  egressOnlyInternetGateway: "https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html",
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
  awsIpRanges: "https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html",
  elb: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
  crossZone: "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#cross-zone-load-balancing",
} as const;

export const MAX_STEPS = 64;

export function header(p: Packet): PacketHeader {
  const ports = (port: number | undefined) => (port === undefined || !hasPorts(p.protocol) ? [] : [{ from: port, to: port }]);
  return {
    protocol: protocolName(p.protocol),
    sourceAddresses: [formatIp(p.srcIp)],
    destinationAddresses: [formatIp(p.dstIp)],
    sourcePortRanges: ports(p.srcPort),
    destinationPortRanges: ports(p.dstPort),
  };
}

/**
 * Record a path component. It is described lazily: a matrix asks only for
 * verdicts (`record: false`), and skipping the descriptions (notes,
 * headers, rule details) is most of what makes its analyses cheap.
 */
export function add(ctx: TraceContext, component: () => Omit<PathComponent, "sequenceNumber">): void {
  if (!ctx.record) return;
  ctx.components.push({ sequenceNumber: ctx.components.length + 1, ...component() });
}

export function block(
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
    packetField: { address: formatIp(ctx.lastPacket.dstIp), ...(ctx.lastPacket.dstPort !== undefined ? { port: ctx.lastPacket.dstPort } : {}), protocol: protocolName(ctx.lastPacket.protocol) },
    ...extra,
  };
  return { kind: "blocked", explanation };
}

export function vpcRef(index: IndexedTopology, vpcId: string): ComponentRef {
  return { id: vpcId, type: "vpc", ...nameOf(index.vpcs.get(vpcId)?.tags) };
}

export function subnetRef(index: IndexedTopology, subnetId: string): ComponentRef {
  return { id: subnetId, type: "subnet", ...nameOf(index.subnets.get(subnetId)?.tags) };
}

export function nameOf(tags: { key: string; value: string }[] | undefined): { name?: string } {
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

export function routeDetail(r: CompiledRoute): RouteTableRouteDetail {
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

export function targetText(r: CompiledRoute): string {
  return r.target.kind === "local" ? "local" : `${r.target.kind.replace(/-/g, " ")} ${r.target.id}`;
}

/**
 * A packet that comes back to the same decision point with the same
 * addresses loops. `node` names the point: a route table, an interface, or a
 * transit gateway together with the attachment the packet entered through
 * (`tgw-1|tgw-attach-a`: an inspection VPC sends a packet back into the same
 * transit gateway through another attachment, which is not a loop). A path
 * passes a few dozen points at most, so they are kept in a list.
 */
export function guard(ctx: TraceContext, node: string, p: Packet, component?: ComponentRef, described?: () => string): TraceEnd | undefined {
  ctx.lastPacket = p;
  ctx.steps += 1;
  let first = -1;
  for (let i = 0; i < ctx.decisions.length; i += 1) {
    const d = ctx.decisions[i] as Decision;
    if (d.node === node && samePacket(d.packet, p)) {
      first = i;
      break;
    }
  }
  if (ctx.steps > MAX_STEPS || first >= 0) {
    const ref = component ?? { id: node, type: node.startsWith("tgw-") ? ("transit-gateway" as const) : ("route-table" as const) };
    // The routing decisions between the first visit and this one: the loop, as a person traces it.
    const cycle = first < 0 ? [] : [...ctx.decisions.slice(first).filter((d) => d.routing).map(labelOf), labelOf({ node, described })];
    const around = cycle.length > 2 ? ` after ${cycle.join(" → ")}` : "";
    return block(ctx, "ROUTING_LOOP", ref, `The packet comes back to ${labelOf({ node, described })} with the same addresses${around}: the routes form a loop, so it never arrives.`);
  }
  // No closure per call: guard runs at every hop of every analysis a matrix makes.
  ctx.decisions.push({ node, packet: p, described, routing: !node.startsWith("in:") && !node.startsWith("out:") });
  return undefined;
}

/** A decision as the loop guard keeps it; its label is told only when a loop is found. */
type Decision = { node: string; packet: Packet; described: (() => string) | undefined; routing: boolean };

function labelOf(d: { node: string; described: (() => string) | undefined }): string {
  return d.described ? d.described() : d.node;
}

function samePacket(a: Packet, b: Packet): boolean {
  return a === b || (a.srcIp === b.srcIp && a.dstIp === b.dstIp && a.srcPort === b.srcPort && a.dstPort === b.dstPort && a.protocol === b.protocol);
}

/** A translation changed the destination address: the destination is now the translated address. */
export function retarget(ctx: TraceContext, from: Ip, to: Ip): void {
  if (ctx.target.ip === from) ctx.target = { ...ctx.target, ip: to };
}

export function reached(ctx: TraceContext, id: string): boolean {
  return ctx.target.ids.has(id);
}

export function hopOf(iface: IndexedInterface): string {
  return iface.kind === "other" || iface.kind === "transit-gateway" ? iface.id : (iface.ownerId ?? iface.id);
}
