import { formatIp, isIpv6, parseCidr, cidrContains, type Ip } from "../../ip";
import { type IndexedTopology } from "../../model/indexed-topology";
import { type Packet } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type Entry, type TraceContext, type TraceEnd, add, block, guard, header, interfaceRef, nameOf, reached, retarget, vpcRef } from "./context";
import { deliverLocal, routeFromTable } from "./route-table";

/**
 * Internet gateways (1:1 NAT of public and Elastic IPs) and the internet itself.
 */

/** Out through an internet gateway: it swaps the private source address for the interface's public or Elastic IP (1:1 NAT). */
export function internetGatewayEgress(ctx: TraceContext, igwId: string, vpcId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const igw = index.internetGateways.get(igwId);
  const ref: ComponentRef = { id: igwId, type: "internet-gateway", ...nameOf(igw?.tags) };
  if (!igw || !igw.attachments.some((a) => a.vpcId === vpcId && (a.state === "available" || a.state === "attached"))) {
    return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Internet gateway ${igwId} is not attached to ${vpcId}, so the route to it leads nowhere.`, { vpc: vpcRef(index, vpcId), documentation: DOCS.internetGateway });
  }
  const sender = index.interfaceByPrivateIp.get(vpcId)?.get(p.srcIp);
  if (isIpv6(p.srcIp)) {
    // IPv6 addresses in a VPC are public: the internet gateway forwards them unchanged.
    add(ctx, () => ({ component: ref, hop: igwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(p), note: `Internet gateway ${igwId} forwards the IPv6 packet unchanged (IPv6 addresses are public; there is no NAT).` }));
    if (reached(ctx, igwId)) return { kind: "accepted", resume: (c, reply) => internetGatewayIngress(c, igwId, reply) };
    return onTheInternet(ctx, p);
  }
  const publicIp = sender?.publicIpByPrivate.get(p.srcIp);
  if (publicIp === undefined) {
    add(ctx, () => ({ component: ref, hop: igwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), note: `The packet reaches internet gateway ${igwId}.` }));
    return block(
      ctx,
      "NO_PUBLIC_IP_ADDRESS",
      ref,
      sender?.kind === "nat-gateway" && sender.ownerId && index.natGateways.get(sender.ownerId)?.connectivityType === "private"
        ? `${sender.ownerId} is a private NAT gateway: it has no Elastic IP, so the internet gateway drops its traffic. Private NAT gateways connect to other VPCs and on-premises networks; use a public NAT gateway for the internet.`
        : `${formatIp(p.srcIp)}${sender ? ` (${interfaceRef(index, sender).id})` : ""} has no public or Elastic IP address. An internet gateway only translates addresses that have one, so the packet cannot reach the internet. Use a NAT gateway for private instances.`,
      { direction: "ingress", vpc: vpcRef(index, vpcId), documentation: DOCS.internetGateway },
    );
  }
  const q: Packet = { ...p, srcIp: publicIp };
  add(ctx, () => ({ component: ref, hop: igwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(q), note: `Internet gateway ${igwId} translates the source ${formatIp(p.srcIp)} to its public address ${formatIp(publicIp)}.` }));
  if (reached(ctx, igwId)) {
    ctx.lastPacket = q;
    return { kind: "accepted", resume: (c, reply) => internetGatewayIngress(c, igwId, reply) };
  }
  return onTheInternet(ctx, q);
}

/** A packet on the internet (or AWS's public network): to a public address in the topology, an AWS service, or out. */
export function onTheInternet(ctx: TraceContext, p: Packet): TraceEnd {
  const loop = guard(ctx, "internet", p);
  if (loop) return loop;
  const index = ctx.index;
  if (isIpv6(p.dstIp)) {
    const owner6 = index.interfacesByIp.get(p.dstIp)?.[0];
    if (owner6) return internetIpv6Inbound(ctx, owner6.vpcId, p);
  }
  const owner = index.publicIpOwner.get(p.dstIp);
  if (owner) {
    const igw = index.internetGatewayOfVpc.get(owner.iface.vpcId);
    if (!igw) return block(ctx, "NO_ROUTE_TO_DESTINATION", { id: "internet", type: "internet" }, `${formatIp(p.dstIp)} belongs to ${interfaceRef(index, owner.iface).id}, but its VPC ${owner.iface.vpcId} has no internet gateway, so the internet cannot reach it.`, { documentation: DOCS.internetGateway });
    return internetGatewayIngress(ctx, igw.internetGatewayId, p);
  }
  const carrier = index.carrierIpOwner.get(p.dstIp);
  if (carrier) {
    if (!ctx.reply) {
      const cagw = [...index.carrierGateways.values()].find((g) => g.vpcId === carrier.iface.vpcId);
      return block(ctx, "CARRIER_GATEWAY_NO_INBOUND", { id: cagw?.carrierGatewayId ?? carrier.iface.vpcId, type: "carrier-gateway" }, `${formatIp(p.dstIp)} is a carrier IP in a Wavelength Zone. A carrier gateway admits no connection initiated from the internet, only from the carrier network.`, { direction: "ingress", documentation: DOCS.carrierGateway });
    }
    const q: Packet = { ...p, dstIp: carrier.privateIp };
    add(ctx, () => ({ component: { id: "carrier-network", type: "internet" }, hop: "internet", inboundHeader: header(p), outboundHeader: header(q), note: `The carrier gateway translates the reply to ${formatIp(q.dstIp)}.` }));
    return deliverLocal(ctx, carrier.iface.vpcId, q, { kind: "gateway", via: "internet-gateway", id: "carrier" }, true);
  }
  const service = index.awsServiceTable.lookup(p.dstIp)?.values[0];
  if (service) {
    return atAwsService(ctx, p, { id: service.serviceName, type: "aws-service" }, `The packet reaches ${service.serviceName} over AWS's public network.`);
  }
  const range = awsIpRangeOf(index, p.dstIp);
  if (range?.kind === "service") {
    const label = `${range.named.length > 0 ? range.named.join(", ") : "AWS"} (${range.region})`;
    return atAwsService(ctx, p, { id: range.prefix, type: "aws-service", name: label }, `The packet reaches ${label} over AWS's public network: AWS lists ${range.prefix} for ${range.services.join(", ")} in its published address ranges.`);
  }
  if (range?.kind === "ec2") {
    const awsNetwork: ComponentRef = { id: "aws-network", type: "internet", name: "AWS network" };
    const where = `${range.prefix}, EC2 address space in ${range.region}${range.networkBorderGroup && range.networkBorderGroup !== range.region ? ` (network border group ${range.networkBorderGroup})` : ""}`;
    if (ctx.reply && ctx.target.ip === p.dstIp) {
      // The address sent the request, so something outside the topology holds it: the reply goes back to it.
      add(ctx, () => ({ component: awsNetwork, hop: "aws-network", note: `The reply travels on AWS's network to ${formatIp(p.dstIp)} (${where}), the address that sent the request.` }));
      return { kind: "accepted", resume: (c, reply) => onTheInternet(c, reply) };
    }
    add(ctx, () => ({ component: awsNetwork, hop: "aws-network", note: `The packet travels on AWS's network toward ${formatIp(p.dstIp)} (${where}).` }));
    return block(
      ctx,
      "UNASSIGNED_AWS_ADDRESS",
      awsNetwork,
      `${formatIp(p.dstIp)} is in ${where}, according to AWS's published IP address ranges, but no resource in this topology holds it, so AWS's network has nowhere to deliver the packet and drops it. The address may belong to another AWS account outside this topology: analyse with that account's resources too.`,
      { documentation: DOCS.awsIpRanges },
    );
  }
  if (isPrivateAddress(p.dstIp)) {
    add(ctx, () => ({ component: { id: "internet", type: "internet" }, hop: "internet", note: `The packet is on the internet.` }));
    return block(ctx, "INTERNET_UNROUTABLE_ADDRESS", { id: "internet", type: "internet" }, `${formatIp(p.dstIp)} is a private address: the internet does not route it, so a private address is only reachable from inside its network.`);
  }
  add(ctx, () => ({ component: { id: "internet", type: "internet" }, hop: "internet", note: `The packet travels on the internet to ${formatIp(p.dstIp)}.` }));
  if (reached(ctx, "internet") || (ctx.reply && ctx.target.ip === p.dstIp)) return { kind: "accepted", resume: (c, reply) => onTheInternet(c, reply) };
  return { kind: "exits-network", resume: (c, reply) => onTheInternet(c, reply) };
}

/** The packet is at an AWS public service: delivered if that is what was asked for (or the reply's sender), else it leaves the modelled network there. */
function atAwsService(ctx: TraceContext, p: Packet, component: ComponentRef, note: string): TraceEnd {
  add(ctx, () => ({ component, hop: "aws-service", note }));
  if (reached(ctx, component.id) || (ctx.reply && ctx.target.ip === p.dstIp)) return { kind: "accepted", resume: (c, reply) => onTheInternet(c, reply) };
  return { kind: "exits-network", resume: (c, reply) => onTheInternet(c, reply) };
}

/** Where AWS's published ranges place an address, if they do. */
export interface AwsIpRangeMatch {
  /** The most specific prefix holding the address, as AWS writes it. */
  prefix: string;
  region: string;
  networkBorderGroup: string | undefined;
  /** Every service AWS lists for the prefix (`AMAZON`, `EC2`, `S3`…). */
  services: string[];
  /** The services besides `AMAZON` and `EC2`. */
  named: string[];
  /** A public service's addresses, or EC2's: public IPs AWS assigns to resources. */
  kind: "service" | "ec2";
}

/**
 * The most specific prefix of AWS's ip-ranges.json holding an address, and what
 * it is. AWS lists each prefix once per service; `AMAZON` covers all of AWS's
 * space, so a prefix listed for another service than `AMAZON` and `EC2`, or for
 * `AMAZON` alone, is an AWS public service's, and one listed for `EC2` (and
 * nothing else but `AMAZON`) is EC2's address space, the public and Elastic IPs
 * AWS assigns to resources. Batfish makes the same split (AMAZON prefixes minus
 * the exclusively EC2 ones are AWS services).
 * https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html
 */
export function awsIpRangeOf(index: IndexedTopology, ip: Ip): AwsIpRangeMatch | undefined {
  const match = index.awsIpRangeTable.lookup(ip);
  const first = match?.values[0];
  if (!match || !first) return undefined;
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined))];
  const services = unique(match.values.map((r) => r.service));
  const named = services.filter((s) => s !== "AMAZON" && s !== "EC2");
  return {
    prefix: first.ipPrefix,
    region: unique(match.values.map((r) => r.region)).join(", "),
    networkBorderGroup: unique(match.values.map((r) => r.networkBorderGroup)).join(", ") || undefined,
    services,
    named,
    kind: named.length > 0 || !services.includes("EC2") ? "service" : "ec2",
  };
}

// RFC 1918, shared address space, and IPv6 unique-local and link-local ranges.
export const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "fe80::/10"].map((c) => parseCidr(c)).filter((x) => x !== undefined);

export function isPrivateAddress(ip: Ip): boolean {
  return PRIVATE_RANGES.some((p) => cidrContains(p, ip));
}

/** In through an internet gateway: public address → private address, then the gateway's edge route table or the local route. */
export function internetGatewayIngress(ctx: TraceContext, igwId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const igw = index.internetGateways.get(igwId);
  const ref: ComponentRef = { id: igwId, type: "internet-gateway", ...nameOf(igw?.tags) };
  const vpcId = igw?.attachments.find((a) => a.state === "available" || a.state === "attached")?.vpcId;
  if (!igw || !vpcId) return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Internet gateway ${igwId} is not attached to a VPC.`, { documentation: DOCS.internetGateway });
  if (isIpv6(p.dstIp)) {
    const entry6: Entry = { kind: "gateway", via: "internet-gateway", id: igwId };
    add(ctx, () => ({ component: ref, hop: igwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(p), note: `Internet gateway ${igwId} forwards the IPv6 packet into ${vpcId} unchanged.` }));
    const edge6 = index.edgeRouteTable.get(igwId);
    if (edge6) return routeFromTable(ctx, edge6, vpcId, p, entry6);
    return deliverLocal(ctx, vpcId, p, entry6, true);
  }
  const owner = index.publicIpOwner.get(p.dstIp);
  if (!owner || owner.iface.vpcId !== vpcId) {
    add(ctx, () => ({ component: ref, hop: igwId, vpc: vpcRef(index, vpcId), note: `The packet reaches internet gateway ${igwId}.` }));
    return block(ctx, "NO_PUBLIC_IP_ADDRESS", ref, `No interface in ${vpcId} has the public address ${formatIp(p.dstIp)}, so internet gateway ${igwId} has nothing to translate it to. Instances need a public or Elastic IP to be reached from the internet.`, { direction: "ingress", vpc: vpcRef(index, vpcId), documentation: DOCS.internetGateway });
  }
  const q: Packet = { ...p, dstIp: owner.privateIp };
  retarget(ctx, p.dstIp, q.dstIp);
  add(ctx, () => ({ component: ref, hop: igwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(q), note: `Internet gateway ${igwId} translates the destination ${formatIp(p.dstIp)} to the private address ${formatIp(q.dstIp)}.` }));
  const entry: Entry = { kind: "gateway", via: "internet-gateway", id: igwId };
  const edge = index.edgeRouteTable.get(igwId);
  if (edge) return routeFromTable(ctx, edge, vpcId, q, entry);
  return deliverLocal(ctx, vpcId, q, entry, true);
}

/** An IPv6 packet from the internet to an address in a VPC: in through the internet gateway, or — for a reply — the egress-only gateway it left through. */
function internetIpv6Inbound(ctx: TraceContext, vpcId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const egressOnly = ctx.reply ? ctx.session.egressOnly.get(vpcId) : undefined;
  if (egressOnly) return egressOnlyInternetGatewayIngress(ctx, egressOnly, vpcId, p);
  const igw = index.internetGatewayOfVpc.get(vpcId);
  if (igw) return internetGatewayIngress(ctx, igw.internetGatewayId, p);
  const eigw = index.egressOnlyInternetGatewayOfVpc.get(vpcId);
  if (eigw) {
    const ref: ComponentRef = { id: eigw.egressOnlyInternetGatewayId, type: "egress-only-internet-gateway", ...nameOf(eigw.tags) };
    add(ctx, () => ({ component: ref, hop: eigw.egressOnlyInternetGatewayId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), note: `The packet reaches egress-only internet gateway ${eigw.egressOnlyInternetGatewayId}.` }));
    return block(ctx, "EGRESS_ONLY_IGW_NO_INBOUND", ref, `${vpcId} reaches the IPv6 internet only through egress-only internet gateway ${eigw.egressOnlyInternetGatewayId}, which lets replies in but no connection started from the internet.`, { direction: "ingress", vpc: vpcRef(index, vpcId), documentation: DOCS.egressOnlyInternetGateway });
  }
  return block(ctx, "NO_ROUTE_TO_DESTINATION", { id: "internet", type: "internet" }, `${formatIp(p.dstIp)} is in ${vpcId}, which has no internet gateway, so the internet cannot reach it.`, { documentation: DOCS.internetGateway });
}

/** Out through an egress-only internet gateway: IPv6 only, no translation; it remembers the connection so the reply may come back. */
export function egressOnlyInternetGatewayEgress(ctx: TraceContext, eigwId: string, vpcId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const eigw = index.egressOnlyInternetGateways.get(eigwId);
  const ref: ComponentRef = { id: eigwId, type: "egress-only-internet-gateway", ...nameOf(eigw?.tags) };
  if (!eigw || !eigw.attachments.some((a) => a.vpcId === vpcId && (a.state === "available" || a.state === "attached"))) {
    return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Egress-only internet gateway ${eigwId} is not attached to ${vpcId}.`, { vpc: vpcRef(index, vpcId), documentation: DOCS.egressOnlyInternetGateway });
  }
  if (!isIpv6(p.dstIp)) return block(ctx, "UNSUPPORTED_COMPONENT", ref, `An egress-only internet gateway carries IPv6 traffic only; ${formatIp(p.dstIp)} is an IPv4 address.`, { documentation: DOCS.egressOnlyInternetGateway });
  add(ctx, () => ({ component: ref, hop: eigwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(p), note: `Egress-only internet gateway ${eigwId} lets the IPv6 connection out and will let its replies back in.` }));
  if (!ctx.reply) ctx.session.egressOnly.set(vpcId, eigwId);
  if (reached(ctx, eigwId)) return { kind: "accepted", resume: (c, reply) => egressOnlyInternetGatewayIngress(c, eigwId, vpcId, reply) };
  return onTheInternet(ctx, p);
}

function egressOnlyInternetGatewayIngress(ctx: TraceContext, eigwId: string, vpcId: string, p: Packet): TraceEnd {
  add(ctx, () => ({ component: { id: eigwId, type: "egress-only-internet-gateway" }, hop: eigwId, vpc: vpcRef(ctx.index, vpcId), inboundHeader: header(p), note: `Egress-only internet gateway ${eigwId} admits the reply to a connection that left through it.` }));
  return deliverLocal(ctx, vpcId, p, { kind: "gateway", via: "internet-gateway", id: eigwId }, true);
}
