import { associatedRouteTable, lookupTgwRoute, tgwAttachment } from "../../forwarding/transit-gateway";
import { directConnectRoutes, isVpnUp, networksOfVpn } from "../../forwarding/vpn";
import { formatCidr, formatIp } from "../../ip";
import { compiledCache, type IndexedTopology, subnetOfIp } from "../../model/indexed-topology";
import { type TransitGatewayAttachment, type TransitGatewayRouteTable } from "../../model/topology";
import { type Packet } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type Entry, type TraceContext, type TraceEnd, add, block, guard, nameOf, reached, subnetRef } from "./context";
import { deliverLocal, routeFromTable } from "./route-table";
import { onPremises } from "./vpn";

/**
 * Transit gateways: attachments, associated route tables, peering between gateways.
 */

/**
 * Traffic reaches a transit gateway only from zones where its VPC attachment has a subnet;
 * the packet is dropped in the source subnet.
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html
 */
export function transitGatewayZoneBlock(ctx: TraceContext, tgwId: string, vpcId: string, entry: Entry): TraceEnd | undefined {
  if (entry.kind !== "subnet") return undefined;
  const index = ctx.index;
  const attachment = (index.tgwAttachmentsByResource.get(`${tgwId}|${vpcId}`) ?? []).find((a) => a.resourceType === "vpc");
  if (!attachment) return undefined;
  const zone = index.subnets.get(entry.subnetId)?.availabilityZone;
  const zones = attachmentZones(index, attachment);
  if (zone === undefined || zones.length === 0 || zones.includes(undefined) || zones.includes(zone)) return undefined;
  return block(ctx, "TGW_NO_ATTACHMENT_IN_ZONE", { id: attachment.transitGatewayAttachmentId, type: "transit-gateway-attachment" }, `${entry.subnetId} is in ${zone}, but attachment ${attachment.transitGatewayAttachmentId} has no subnet in that zone. A transit gateway is reachable only from zones where its VPC attachment has a subnet.`, { subnet: subnetRef(index, entry.subnetId), documentation: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html" });
}

/** The zone of each of an attachment's subnets, in order (undefined for a subnet not in the topology), compiled once per index. */
function attachmentZones(index: IndexedTopology, attachment: TransitGatewayAttachment): (string | undefined)[] {
  const cache = compiledCache<TransitGatewayAttachment, (string | undefined)[]>(index, "tgw-attachment-zones");
  let zones = cache.get(attachment);
  if (!zones) cache.set(attachment, (zones = attachment.subnetIds.map((s) => index.subnets.get(s)?.availabilityZone)));
  return zones;
}

function subnetInZone(attachment: TransitGatewayAttachment, zones: (string | undefined)[], zone: string | undefined): string | undefined {
  return zone === undefined ? undefined : attachment.subnetIds[zones.indexOf(zone)];
}

export function transitGatewayFromVpc(ctx: TraceContext, tgwId: string, vpcId: string, p: Packet, entry: Entry): TraceEnd {
  const index = ctx.index;
  const ref: ComponentRef = { id: tgwId, type: "transit-gateway" };
  if (!index.transitGateways.has(tgwId) && !index.tgwAttachmentsOfTgw.has(tgwId)) return block(ctx, "BAD_STATE_ROUTE", ref, `Transit gateway ${tgwId} is not in the topology: the route to it is a blackhole.`);
  const attachment = (index.tgwAttachmentsByResource.get(`${tgwId}|${vpcId}`) ?? []).find((a) => a.resourceType === "vpc");
  if (!attachment) return block(ctx, "TGW_NOT_ATTACHED", ref, `${vpcId} routes to transit gateway ${tgwId} but has no attachment to it, so the packet cannot enter it.`, { documentation: DOCS.tgwRouteTables });
  // The packet enters through the attachment's interface in its own zone, and the transit gateway keeps
  // that zone on the way out when it can (Availability Zone affinity).
  const from = entry.kind === "subnet" ? entry.subnetId : entry.subnetId;
  ctx.tgwEntryZone = from ? index.subnets.get(from)?.availabilityZone : undefined;
  return transitGateway(ctx, tgwId, attachment, p);
}

/**
 * The attachment subnet (one per zone) through which the transit gateway
 * sends a packet into a VPC. By default the transit gateway keeps the zone
 * the packet entered it in, when the attachment has a subnet there; with
 * appliance mode on the attachment, both directions of a flow use the zone
 * chosen for the request, so a stateful appliance sees the whole flow.
 * https://docs.aws.amazon.com/prescriptive-guidance/latest/inline-traffic-inspection-third-party-appliances/transit-gateway-asymmetric-routing.html
 * https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-az-overview
 */
function egressSubnet(ctx: TraceContext, egress: TransitGatewayAttachment, p: Packet): string | undefined {
  const index = ctx.index;
  const zones = attachmentZones(index, egress);
  const remembered = ctx.session.applianceZone?.get(egress.transitGatewayAttachmentId);
  if (egress.applianceModeSupport === "enable" && ctx.reply && remembered && egress.subnetIds.includes(remembered)) return remembered;
  const chosen =
    subnetInZone(egress, zones, ctx.tgwEntryZone) ??
    subnetInZone(egress, zones, subnetOfIp(index, egress.resourceId, p.dstIp)?.availabilityZone) ??
    egress.subnetIds[0];
  if (egress.applianceModeSupport === "enable" && !ctx.reply && chosen) {
    ctx.session.applianceZone ??= new Map();
    ctx.session.applianceZone.set(egress.transitGatewayAttachmentId, chosen);
  }
  return chosen;
}

/** Inside a transit gateway: the route table associated with the ingress attachment decides. */
export function transitGateway(ctx: TraceContext, tgwId: string, ingress: TransitGatewayAttachment, p: Packet): TraceEnd {
  const index = ctx.index;
  const tgw = index.transitGateways.get(tgwId);
  const ref: ComponentRef = { id: tgwId, type: "transit-gateway", ...nameOf(tgw?.tags) };
  const table = associatedRouteTable(index, tgwId, ingress.transitGatewayAttachmentId);
  const loop = guard(ctx, `${tgwId}|${ingress.transitGatewayAttachmentId}`, p, ref, () => `transit gateway ${tgwId} through attachment ${ingress.transitGatewayAttachmentId}${table ? ` (route table ${table.transitGatewayRouteTableId})` : ""}`);
  if (loop) return loop;
  if (tgw && tgw.state !== "available") return block(ctx, "BAD_STATE", ref, `Transit gateway ${tgwId} is ${tgw.state}.`);
  const attachmentRef: ComponentRef = { id: ingress.transitGatewayAttachmentId, type: "transit-gateway-attachment" };
  ctx.crossings.push({ kind: "transit-gateway", transitGatewayId: tgwId, ingressAttachmentId: ingress.transitGatewayAttachmentId });
  if (ingress.state !== "available") return block(ctx, "BAD_STATE_ATTACHMENT", attachmentRef, `Attachment ${ingress.transitGatewayAttachmentId} is ${ingress.state}, not available.`, { documentation: DOCS.tgwRouteTables });
  if (reached(ctx, tgwId)) {
    add(ctx, () => ({ component: ref, hop: tgwId, attachedTo: attachmentRef, note: `The packet reaches transit gateway ${tgwId}.` }));
    return { kind: "accepted", resume: (c, reply) => (table ? transitGatewayRoute(c, tgwId, table, reply) : block(c, "TGW_RTB_NOT_ASSOCIATED", ref, `No route table is associated with ${ingress.transitGatewayAttachmentId}.`)) };
  }
  if (!table) {
    add(ctx, () => ({ component: ref, hop: tgwId, attachedTo: attachmentRef, note: `The packet enters transit gateway ${tgwId} through ${ingress.transitGatewayAttachmentId}.` }));
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
    add(ctx, () => ({ component: ref, hop: tgwId, ...(ingressId ? { attachedTo: { id: ingressId, type: "transit-gateway-attachment" as const } } : {}), note: `Transit gateway ${tgwId} looks up ${formatIp(p.dstIp)} in ${table.transitGatewayRouteTableId}.` }));
    const unresolved = table.routes.filter((r) => r.prefixListId !== undefined && r.destinationCidrBlock === undefined && !index.prefixListPrefixes.has(r.prefixListId));
    const lists = unresolved.map((r) => ({ prefixListId: r.prefixListId as string, usedBy: `${table.transitGatewayRouteTableId} route ${r.prefixListId} → ${r.transitGatewayAttachments[0]?.transitGatewayAttachmentId ?? "blackhole"}` }));
    const why = lists.map((l) => ` Route ${l.prefixListId} → ${l.usedBy.split(" → ")[1]} names prefix list ${l.prefixListId}, whose entries are not in the topology (capture them with get-managed-prefix-list-entries); if it holds ${formatIp(p.dstIp)}, that route carries the packet.`).join("");
    return block(ctx, "NO_ROUTE_TO_DESTINATION", tableRef, `Transit gateway route table ${table.transitGatewayRouteTableId} (associated with the attachment the packet came in through) has no route to ${formatIp(p.dstIp)}.${why}`, {
      transitGatewayRouteTable: tableRef,
      ...(lists.length > 0 ? { unresolvedPrefixLists: lists } : {}),
      documentation: DOCS.tgwRouteTables,
    });
  }
  const detail = {
    ...(route.prefixListId ? { prefixListId: route.prefixListId } : {}),
    // A prefix list reference's route: the entry that matched.
    destinationCidr: route.destination.startsWith("pl-") ? formatCidr(route.prefix) : route.destination,
    state: route.state,
    routeOrigin: route.type,
    ...(route.attachmentId ? { attachmentId: route.attachmentId } : {}),
    ...(route.resourceId ? { resourceId: route.resourceId } : {}),
    ...(route.resourceType ? { resourceType: route.resourceType } : {}),
  };
  add(ctx, () => ({
    component: ref,
    hop: tgwId,
    transitGateway: ref,
    transitGatewayRouteTableRoute: detail,
    ...(ingressId ? { attachedTo: { id: ingressId, type: "transit-gateway-attachment" as const } } : {}),
    note: `Transit gateway ${tgwId}, route table ${table.transitGatewayRouteTableId}: ${route.destination} → ${route.state === "blackhole" ? "blackhole" : `${route.attachmentId} (${route.resourceType} ${route.resourceId})`} (${route.type}).`,
  }));
  if (route.state === "blackhole" || !route.attachmentId) {
    return block(ctx, "BAD_STATE_ROUTE", tableRef, `The matching route ${route.destination} in ${table.transitGatewayRouteTableId} is a blackhole route: the transit gateway drops the packet.`, { transitGatewayRouteTable: tableRef, documentation: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html#tgw-create-static-route" });
  }
  const egress = tgwAttachment(index, tgwId, route.attachmentId);
  const egressRef: ComponentRef = { id: route.attachmentId, type: "transit-gateway-attachment" };
  if (!egress || egress.state !== "available") return block(ctx, "BAD_STATE_ATTACHMENT", egressRef, `The route points to attachment ${route.attachmentId}, which is ${egress ? egress.state : "not in the topology"}.`);
  switch (egress.resourceType) {
    case "vpc": {
      const vpcId = egress.resourceId;
      const crossing = ctx.crossings.at(-1);
      if (crossing?.kind === "transit-gateway" && crossing.transitGatewayId === tgwId) crossing.egressAttachmentId = egress.transitGatewayAttachmentId;
      // The packet enters the VPC at the attachment's interface and follows that subnet's route table.
      // https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html
      const subnetId = egressSubnet(ctx, egress, p);
      const entry: Entry = { kind: "gateway", via: "transit-gateway", id: tgwId, attachmentId: egress.transitGatewayAttachmentId, ...(subnetId ? { subnetId } : {}), tgwRoute: { destination: route.destination, attachmentId: route.attachmentId, routeTableId: table.transitGatewayRouteTableId } };
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
      add(ctx, () => ({ component: { id: vpn.vpnConnectionId, type: "vpn-connection" }, note: `The packet goes through VPN connection ${vpn.vpnConnectionId}.` }));
      return onPremises(ctx, networksOfVpn(index, vpn), p, (c, reply) => transitGatewayFromAttachment(c, tgwId, egress, reply));
    }
    case "direct-connect-gateway": {
      const networks = directConnectRoutes(index, egress.resourceId).flatMap((r) => r.networks);
      add(ctx, () => ({ component: { id: egress.resourceId, type: "direct-connect-gateway" }, hop: egress.resourceId, note: `The packet goes to Direct Connect gateway ${egress.resourceId}.` }));
      return onPremises(ctx, networks, p, (c, reply) => transitGatewayFromAttachment(c, tgwId, egress, reply));
    }
    default:
      return block(ctx, "UNSUPPORTED_COMPONENT", egressRef, `Attachments of type ${egress.resourceType} are not modelled.`);
  }
}

export function transitGatewayFromAttachment(ctx: TraceContext, tgwId: string, attachment: TransitGatewayAttachment, p: Packet): TraceEnd {
  return transitGateway(ctx, tgwId, attachment, p);
}
