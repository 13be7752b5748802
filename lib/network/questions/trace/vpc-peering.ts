import { lookupRoute } from "../../forwarding/route-table";
import { formatIp, parseCidr, cidrContains, cidrsOverlap } from "../../ip";
import { type Packet } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type TraceContext, type TraceEnd, add, block, guard, nameOf, reached } from "./context";
import { deliverLocal } from "./route-table";

/**
 * VPC peering connections.
 */

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
  add(ctx, () => ({ component: ref, note: `The packet crosses peering connection ${pcxId}.` }));
  ctx.crossings.push({ kind: "peering", id: pcxId });
  if (pcx.status !== "active") return block(ctx, "BAD_STATE", ref, `Peering connection ${pcxId} is ${pcx.status}, not active, so it carries no traffic.`, { documentation: DOCS.peering });
  const side = pcx.requesterVpcInfo.vpcId === fromVpcId ? pcx.accepterVpcInfo : pcx.accepterVpcInfo.vpcId === fromVpcId ? pcx.requesterVpcInfo : undefined;
  if (!side) return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Peering connection ${pcxId} does not connect ${fromVpcId}.`, { documentation: DOCS.peering });
  const peerPrefixes = index.vpcPrefixes.get(side.vpcId) ?? [side.cidrBlock, ...side.cidrBlockSet.map((c) => c.cidrBlock)].flatMap((c) => (c ? [parseCidr(c)] : [])).filter((x) => x !== undefined);
  const ownPrefixes = index.vpcPrefixes.get(fromVpcId) ?? [];
  for (const a of ownPrefixes) {
    for (const b of peerPrefixes) {
      if (cidrsOverlap(a, b)) {
        return block(ctx, "PEERING_OVERLAPPING_CIDRS", ref, `${fromVpcId} and ${side.vpcId} have overlapping CIDR blocks (${formatIp(a.network)}/${a.length} and ${formatIp(b.network)}/${b.length}); AWS does not route between peered VPCs whose ranges overlap.`, { documentation: DOCS.peering });
      }
    }
  }
  if (reached(ctx, pcxId)) return { kind: "accepted", resume: (c, reply) => peeringReturn(c, pcxId, fromVpcId, reply) };
  if (!peerPrefixes.some((q) => cidrContains(q, p.dstIp))) {
    const main = index.mainRouteTable.get(side.vpcId);
    const onward = main ? lookupRoute(index, main, p.dstIp) : undefined;
    if (onward?.target.kind === "vpc-peering-connection") {
      return block(ctx, "PEERING_NOT_TRANSITIVE", ref, `${formatIp(p.dstIp)} is not in ${side.vpcId}. Peering is not transitive: ${side.vpcId} will not pass traffic from ${fromVpcId} on to another peering connection (${onward.target.id}). Peer the two VPCs directly or use a transit gateway.`, { documentation: DOCS.peering });
    }
    return block(ctx, "EDGE_TO_EDGE_ROUTING", ref, `${formatIp(p.dstIp)} is not in ${side.vpcId}. Traffic from a peer can only reach addresses inside ${side.vpcId}; it cannot use ${side.vpcId}'s internet gateway, NAT device, VPN, Direct Connect or gateway endpoints (no edge-to-edge routing).`, { documentation: DOCS.peering });
  }
  if (!index.vpcs.has(side.vpcId)) return { kind: "exits-network", resume: (c, reply) => peeringReturn(c, pcxId, fromVpcId, reply) };
  return deliverLocal(ctx, side.vpcId, p, { kind: "gateway", via: "peering", id: pcxId }, true);
}

export function peeringReturn(ctx: TraceContext, pcxId: string, vpcId: string, p: Packet): TraceEnd {
  add(ctx, () => ({ component: { id: pcxId, type: "vpc-peering-connection" }, note: `The reply crosses peering connection ${pcxId}.` }));
  return deliverLocal(ctx, vpcId, p, { kind: "gateway", via: "peering", id: pcxId }, true);
}

export function startFromPeering(ctx: TraceContext, pcxId: string, intoVpcId: string, p: Packet): TraceEnd {
  add(ctx, () => ({ component: { id: pcxId, type: "vpc-peering-connection" }, note: `The packet arrives over peering connection ${pcxId}.` }));
  return deliverLocal(ctx, intoVpcId, p, { kind: "gateway", via: "peering", id: pcxId }, true);
}
