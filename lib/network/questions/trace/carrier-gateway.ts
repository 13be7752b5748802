import { formatIp } from "../../ip";
import { type IndexedInterface } from "../../model/indexed-topology";
import { type Packet } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type TraceContext, type TraceEnd, add, block, header, reached, vpcRef } from "./context";
import { deliverLocal } from "./route-table";

/**
 * Carrier gateways of Wavelength Zones: carrier IPs out, replies in, no inbound
 * connection from the internet.
 */

export function carrierGatewayEgress(ctx: TraceContext, cagwId: string, vpcId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const cagw = index.carrierGateways.get(cagwId);
  const ref: ComponentRef = { id: cagwId, type: "carrier-gateway" };
  if (!cagw || cagw.vpcId !== vpcId || cagw.state !== "available") return block(ctx, "BAD_STATE", ref, `Carrier gateway ${cagwId} is not available in ${vpcId}.`, { documentation: DOCS.carrierGateway });
  const sender = index.interfaceByPrivateIp.get(vpcId)?.get(p.srcIp);
  const carrierIp = sender?.carrierIpByPrivate.get(p.srcIp);
  if (carrierIp === undefined) {
    return block(ctx, "NO_PUBLIC_IP_ADDRESS", ref, `${formatIp(p.srcIp)} has no carrier IP address, so carrier gateway ${cagwId} cannot translate it. Wavelength instances need a carrier IP to reach the carrier network.`, { direction: "ingress", documentation: DOCS.carrierGateway });
  }
  const q: Packet = { ...p, srcIp: carrierIp };
  add(ctx, () => ({ component: ref, hop: cagwId, vpc: vpcRef(index, vpcId), inboundHeader: header(p), outboundHeader: header(q), note: `Carrier gateway ${cagwId} translates the source to the carrier IP ${formatIp(carrierIp)}.` }));
  ctx.lastPacket = q;
  if (reached(ctx, cagwId)) return { kind: "accepted", resume: (c, reply) => carrierReply(c, cagwId, vpcId, reply, sender) };
  add(ctx, () => ({ component: { id: "carrier-network", type: "internet" }, hop: "internet", note: `The packet leaves through the carrier network.` }));
  if (reached(ctx, "internet")) return { kind: "accepted", resume: (c, reply) => carrierReply(c, cagwId, vpcId, reply, sender) };
  return { kind: "exits-network", resume: (c, reply) => carrierReply(c, cagwId, vpcId, reply, sender) };
}

export function carrierReply(ctx: TraceContext, cagwId: string, vpcId: string, p: Packet, sender: IndexedInterface | undefined): TraceEnd {
  const privateIp = sender ? [...sender.carrierIpByPrivate].find(([, c]) => c === p.dstIp)?.[0] : undefined;
  const q: Packet = privateIp !== undefined ? { ...p, dstIp: privateIp } : p;
  add(ctx, () => ({ component: { id: cagwId, type: "carrier-gateway" }, hop: cagwId, inboundHeader: header(p), outboundHeader: header(q), note: `Carrier gateway ${cagwId} admits the reply and translates it back to ${formatIp(q.dstIp)}.` }));
  return deliverLocal(ctx, vpcId, q, { kind: "gateway", via: "internet-gateway", id: cagwId }, true);
}
