import { type LearnedRoute, cloudHubOverlap, directConnectGatewaysOf, isVpnUp, lookupVpnGatewayRoute, networksOfVpn, vpnProblem } from "../../forwarding/vpn";
import { formatIp, parseCidr, cidrContains } from "../../ip";
import { vpcContains } from "../../model/indexed-topology";
import { type OnPremisesNetwork } from "../../model/topology";
import { type Packet } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type Entry, type Resume, type TraceContext, type TraceEnd, add, block, guard, nameOf, reached, vpcRef } from "./context";
import { deliverLocal, routeFromTable } from "./route-table";

/**
 * Virtual private gateways, Site-to-Site VPN and CloudHub, and on-premises networks.
 */

export function onPremises(ctx: TraceContext, networks: OnPremisesNetwork[], p: Packet, back: Resume): TraceEnd {
  const network = networks.find((n) => n.cidrBlocks.some((c) => {
    const prefix = parseCidr(c);
    return prefix !== undefined && cidrContains(prefix, p.dstIp);
  }));
  if (network) {
    add(ctx, () => ({ component: { id: network.id, type: "on-premises-network", ...(network.name ? { name: network.name } : {}) }, hop: network.id, note: `The packet reaches the on-premises network ${network.name ?? network.id}.` }));
    if (reached(ctx, network.id) || (ctx.target.ip === p.dstIp && ctx.reply)) return { kind: "accepted", resume: back };
  }
  return { kind: "exits-network", resume: back };
}

/** Out through a virtual private gateway: its own route choice among VPN connections and Direct Connect. */
export function vpnGatewayEgress(ctx: TraceContext, vgwId: string, vpcId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const vgw = index.vpnGateways.get(vgwId);
  const ref: ComponentRef = { id: vgwId, type: "vpn-gateway", ...nameOf(vgw?.tags) };
  if (!vgw) return block(ctx, "BAD_STATE_ROUTE", ref, `Virtual private gateway ${vgwId} is not in the topology: the route to it is a blackhole.`);
  if (!vgw.vpcAttachments.some((a) => a.vpcId === vpcId && a.state === "attached")) return block(ctx, "BAD_STATE_ATTACHMENT", ref, `Virtual private gateway ${vgwId} is not attached to ${vpcId}.`, { documentation: DOCS.vpnRouting });
  add(ctx, () => ({ component: ref, hop: vgwId, vpc: vpcRef(index, vpcId), note: `The packet reaches virtual private gateway ${vgwId}.` }));
  if (reached(ctx, vgwId)) return { kind: "accepted", resume: (c, reply) => vpnGatewayIngress(c, vgwId, reply, undefined) };
  return vpnGatewayRouteOut(ctx, vgwId, p, undefined, (c, reply) => vpnGatewayIngress(c, vgwId, reply, undefined));
}

export function vpnGatewayRouteOut(ctx: TraceContext, vgwId: string, p: Packet, incoming: LearnedRoute["source"] | undefined, back: Resume): TraceEnd {
  const index = ctx.index;
  const ref: ComponentRef = { id: vgwId, type: "vpn-gateway" };
  const sameConnection = (r: LearnedRoute) =>
    incoming !== undefined &&
    ((incoming.kind === "direct-connect" && r.source.kind === "direct-connect" && r.source.virtualInterface === incoming.virtualInterface) ||
      (incoming.kind !== "direct-connect" && r.source.kind !== "direct-connect" && r.source.vpnConnection === incoming.vpnConnection));
  const route = lookupVpnGatewayRoute(index, vgwId, p.dstIp, sameConnection);
  if (!route) {
    const down = (index.vpnConnectionsOfGateway.get(vgwId) ?? []).find((v) => !isVpnUp(v) && (v.routes.some((r) => { const q = parseCidr(r.destinationCidrBlock); return q && cidrContains(q, p.dstIp); }) || networksOfVpn(index, v).some((n) => n.cidrBlocks.some((c) => { const q = parseCidr(c); return q && cidrContains(q, p.dstIp); }))));
    if (down) return block(ctx, "BAD_STATE_VPN", { id: down.vpnConnectionId, type: "vpn-connection" }, `VPN connection ${down.vpnConnectionId} would carry ${formatIp(p.dstIp)}, but it carries no traffic: ${vpnProblem(down) ?? "it is down"}.`, { documentation: DOCS.vpnRouting });
    return block(ctx, "NO_ROUTE_TO_DESTINATION", ref, `Virtual private gateway ${vgwId} has no VPN or Direct Connect route to ${formatIp(p.dstIp)}.`, { documentation: DOCS.vpnRouting });
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
  add(ctx, () => ({ component: via, note: `Virtual private gateway ${vgwId} sends it over ${via.id} (${route.source.kind === "direct-connect" ? "Direct Connect, BGP" : route.source.kind === "vpn-static" ? "VPN static route" : "VPN, BGP"} route ${route.cidr}).` }));
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
  add(ctx, () => ({ component: ref, hop: vgwId, note: `The packet enters AWS at virtual private gateway ${vgwId}.` }));
  const vpcId = vgw.vpcAttachments.find((a) => a.state === "attached")?.vpcId;
  if (vpcId && vpcContains(index, vpcId, p.dstIp)) {
    const entry: Entry = { kind: "gateway", via: "vpn-gateway", id: vgwId };
    const edge = index.edgeRouteTable.get(vgwId);
    if (edge) return routeFromTable(ctx, edge, vpcId, p, entry);
    return deliverLocal(ctx, vpcId, p, entry, true);
  }
  return vpnGatewayRouteOut(ctx, vgwId, p, incoming, (c, reply) => vpnGatewayIngress(c, vgwId, reply, undefined));
}

export function startFromVpnGatewaySide(ctx: TraceContext, vgwId: string, p: Packet): TraceEnd {
  return vpnGatewayIngress(ctx, vgwId, p, undefined);
}

export { directConnectGatewaysOf };
