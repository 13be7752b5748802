import { formatIp, isIpv6 } from "../../ip";
import { type IndexedInterface } from "../../model/indexed-topology";
import { ICMP, type Packet, TCP, UDP, protocolName } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type TraceContext, type TraceEnd, add, block, header, nameOf, reached, subnetRef, vpcRef } from "./context";
import { subnetEgress } from "./route-table";

/**
 * NAT gateways: source translation out, replies back, nothing initiated from outside.
 */

/** A NAT gateway translates the source of connections from inside and admits none initiated from outside. */
export function natGateway(ctx: TraceContext, natId: string, iface: IndexedInterface, p: Packet): TraceEnd {
  const index = ctx.index;
  const nat = index.natGateways.get(natId);
  const ref: ComponentRef = { id: natId, type: "nat-gateway", ...nameOf(nat?.tags) };
  if (!nat || nat.state !== "available") return block(ctx, "BAD_STATE", ref, `NAT gateway ${natId} is not available (state ${nat?.state ?? "missing"}).`, { documentation: DOCS.natGateway });
  const base = { component: ref, hop: natId, subnet: subnetRef(index, nat.subnetId), vpc: vpcRef(index, nat.vpcId) };
  if (!ctx.reply) {
    if (isIpv6(p.srcIp)) {
      add(ctx, () => ({ ...base, inboundHeader: header(p), note: `The IPv6 packet reaches NAT gateway ${natId}.` }));
      return block(ctx, "UNSUPPORTED_COMPONENT", ref, `NAT gateways translate IPv6 only for NAT64 (to 64:ff9b::/96), which the evaluator does not model; IPv6 instances reach the internet through an egress-only internet gateway.`, { documentation: DOCS.natGateway });
    }
    if (iface.privateIps.includes(p.dstIp)) {
      add(ctx, () => ({ ...base, inboundHeader: header(p), note: `The packet is addressed to NAT gateway ${natId} itself.` }));
      return block(ctx, "NAT_GATEWAY_NO_INBOUND", ref, `NAT gateway ${natId} only carries connections started from inside the VPC; it admits no connection initiated from outside, so a packet addressed to it is dropped.`, { direction: "ingress", documentation: DOCS.natGateway });
    }
    if (p.protocol !== TCP && p.protocol !== UDP && p.protocol !== ICMP) {
      add(ctx, () => ({ ...base, inboundHeader: header(p), note: `The packet reaches NAT gateway ${natId}.` }));
      return block(ctx, "NAT_GATEWAY_PROTOCOL", ref, `NAT gateway ${natId} translates only TCP, UDP and ICMP; it drops ${protocolName(p.protocol)} packets.`, { direction: "ingress", documentation: DOCS.natGateway });
    }
    const q: Packet = { ...p, srcIp: iface.primaryIp };
    ctx.session.nat.set(natId, { srcIp: p.srcIp, srcPort: p.srcPort });
    add(ctx, () => ({ ...base, inboundHeader: header(p), outboundHeader: header(q), note: `NAT gateway ${natId} (${nat.connectivityType}) replaces the source ${formatIp(p.srcIp)} with its own address ${formatIp(q.srcIp)}.` }));
    return subnetEgress(ctx, nat.subnetId, q, iface);
  }
  if (reached(ctx, natId) && iface.privateIps.includes(p.dstIp)) {
    add(ctx, () => ({ ...base, inboundHeader: header(p), note: `The reply reaches NAT gateway ${natId}.` }));
    return { kind: "accepted", resume: (c, reply) => subnetEgress(c, nat.subnetId, reply, iface) };
  }
  const original = ctx.session.nat.get(natId);
  if (!original || !iface.privateIps.includes(p.dstIp)) {
    add(ctx, () => ({ ...base, inboundHeader: header(p), note: `The packet reaches NAT gateway ${natId}.` }));
    return block(ctx, "NAT_GATEWAY_NO_INBOUND", ref, `NAT gateway ${natId} has no connection this packet belongs to, so it drops it.`, { direction: "ingress", documentation: DOCS.natGateway });
  }
  const q: Packet = { ...p, dstIp: original.srcIp, dstPort: original.srcPort };
  add(ctx, () => ({ ...base, inboundHeader: header(p), outboundHeader: header(q), note: `NAT gateway ${natId} matches the reply to its connection and sends it back to ${formatIp(q.dstIp)}.` }));
  return subnetEgress(ctx, nat.subnetId, q, iface);
}
