import { formatIp, parseCidr, cidrContains } from "../../ip";
import { type IndexedInterface } from "../../model/indexed-topology";
import { type Packet } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type TraceContext, type TraceEnd, add, block, header, subnetRef } from "./context";
import { interfaceEgress } from "./network-interface";

/**
 * Client VPN endpoints: authorization rules, routes, source NAT into the target subnet.
 */

/** A Client VPN client's packet: an authorization rule, a route to a target subnet, then out of the endpoint's interface there (source NAT). */
export function clientVpn(ctx: TraceContext, endpointId: string, p: Packet): TraceEnd {
  const index = ctx.index;
  const endpoint = index.clientVpnEndpoints.get(endpointId);
  const ref: ComponentRef = { id: endpointId, type: "client-vpn-endpoint" };
  if (!endpoint || endpoint.status !== "available") return block(ctx, "BAD_STATE", ref, `Client VPN endpoint ${endpointId} is not available.`);
  const longest = <T>(items: T[], cidr: (t: T) => string) =>
    items
      .map((item) => ({ item, prefix: parseCidr(cidr(item)) }))
      .filter((x) => x.prefix !== undefined && cidrContains(x.prefix, p.dstIp))
      .sort((a, b) => (b.prefix?.length ?? 0) - (a.prefix?.length ?? 0))[0]?.item;
  // The most specific rule for the destination decides; a rule for a group admits only that group's users.
  // https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/cvpn-working-rules.html
  const rule = longest(endpoint.authorizationRules.filter((r) => r.status === "active"), (r) => r.destinationCidr);
  if (rule && !rule.accessAll && !(rule.groupId !== undefined && ctx.clientVpnGroups.includes(rule.groupId))) {
    add(ctx, () => ({ component: ref, hop: endpointId, note: `The client's packet enters Client VPN endpoint ${endpointId}.` }));
    return block(ctx, "CLIENT_VPN_NOT_AUTHORIZED", ref, `The authorization rule for ${rule.destinationCidr} on ${endpointId} admits only members of group ${rule.groupId ?? "(none)"}, and this user is not one.`, { direction: "ingress", documentation: DOCS.clientVpnAuth });
  }
  if (!rule) {
    add(ctx, () => ({ component: ref, hop: endpointId, note: `The client's packet enters Client VPN endpoint ${endpointId}.` }));
    return block(ctx, "CLIENT_VPN_NOT_AUTHORIZED", ref, `No authorization rule of ${endpointId} covers ${formatIp(p.dstIp)}, so clients are not allowed to reach it. Add an authorization rule for the destination network.`, { direction: "ingress", documentation: DOCS.clientVpnAuth });
  }
  const route = longest(endpoint.routes.filter((r) => r.status === "active"), (r) => r.destinationCidr);
  if (!route) {
    add(ctx, () => ({ component: ref, hop: endpointId, note: `The client's packet enters Client VPN endpoint ${endpointId}; authorization rule ${rule.destinationCidr} allows it.` }));
    return block(ctx, "NO_ROUTE_TO_DESTINATION", ref, `Client VPN endpoint ${endpointId} has no route to ${formatIp(p.dstIp)}.`, { documentation: "https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/cvpn-working-routes.html" });
  }
  const iface = index.interfaces.get(`eni-of-${endpointId}-${route.targetSubnet}`);
  if (!iface) return block(ctx, "BAD_STATE_ATTACHMENT", ref, `The route ${route.destinationCidr} uses ${route.targetSubnet}, which is not an associated target network of ${endpointId}.`);
  const q: Packet = { ...p, srcIp: iface.primaryIp };
  ctx.session.clientVpn.set(endpointId, { clientIp: p.srcIp });
  add(ctx, () => ({ component: ref, hop: endpointId, inboundHeader: header(p), outboundHeader: header(q), subnet: subnetRef(index, route.targetSubnet), note: `Authorization rule ${rule.destinationCidr} allows the client; route ${route.destinationCidr} → ${route.targetSubnet}; the endpoint translates the source to ${formatIp(q.srcIp)}.` }));
  return interfaceEgress(ctx, iface, q);
}

export function clientVpnReturn(ctx: TraceContext, endpointId: string, iface: IndexedInterface, p: Packet): TraceEnd {
  const session = ctx.session.clientVpn.get(endpointId);
  const ref: ComponentRef = { id: endpointId, type: "client-vpn-endpoint" };
  if (!session) return block(ctx, "NO_DESTINATION_OWNER", ref, `Client VPN endpoint ${endpointId} has no connection this packet belongs to.`);
  const q: Packet = { ...p, dstIp: session.clientIp };
  add(ctx, () => ({ component: ref, hop: endpointId, inboundHeader: header(p), outboundHeader: header(q), note: `Client VPN endpoint ${endpointId} returns the reply to the client ${formatIp(q.dstIp)}.` }));
  return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
}
