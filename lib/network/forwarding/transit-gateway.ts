import { AddressTable, formatCidr, parseCidr, type Cidr, type Ip } from "../ip";
import { compiledCache, type IndexedTopology } from "../model/indexed-topology";
import type { TransitGatewayAttachment, TransitGatewayRouteTable } from "../model/topology";
import { directConnectRoutes, isVpnUp, vpnRoutes } from "./vpn";

/**
 * Transit gateway routing: the route table associated with the ingress
 * attachment decides; static, propagated and blackhole routes.
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html
 */

export interface CompiledTgwRoute {
  routeTableId: string;
  destination: string;
  prefix: Cidr;
  /** The prefix list the route comes from (a prefix list reference). */
  prefixListId: string | undefined;
  type: "static" | "propagated";
  state: "active" | "blackhole";
  /** Target attachment id; none for a blackhole route. */
  attachmentId: string | undefined;
  resourceType: string | undefined;
  resourceId: string | undefined;
  priority: number;
}

/**
 * Between routes for the same prefix: static routes, then routes of a
 * prefix list reference, then propagated routes from VPCs, Direct Connect
 * gateways, Connect, and VPN.
 * https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview
 */
function propagatedPriority(resourceType: string | undefined): number {
  switch (resourceType) {
    case "vpc":
      return 10;
    case "direct-connect-gateway":
      return 11;
    case "connect":
      return 12;
    case "vpn":
      return 13;
    default:
      return 14;
  }
}

export function tgwAttachment(index: IndexedTopology, tgwId: string, attachmentId: string): TransitGatewayAttachment | undefined {
  return index.tgwAttachments.get(`${tgwId}|${attachmentId}`);
}

export function compileTgwRouteTable(index: IndexedTopology, table: TransitGatewayRouteTable): AddressTable<CompiledTgwRoute> {
  const cache = compiledCache<TransitGatewayRouteTable, AddressTable<CompiledTgwRoute>>(index, "tgw-rtb");
  const cached = cache.get(table);
  if (cached) return cached;
  const out = new AddressTable<CompiledTgwRoute>();
  const seen = new Set<string>();
  const tgwId = table.transitGatewayId;
  for (const r of table.routes) {
    if (r.state !== "active" && r.state !== "blackhole") continue;
    const target = r.transitGatewayAttachments[0];
    const attachment = target ? tgwAttachment(index, tgwId, target.transitGatewayAttachmentId) : undefined;
    const prefixes = r.destinationCidrBlock ? [parseCidr(r.destinationCidrBlock)] : (index.prefixListPrefixes.get(r.prefixListId ?? "") ?? []);
    for (const p of prefixes) {
      if (!p) continue;
      const destination = r.destinationCidrBlock ?? r.prefixListId ?? "";
      seen.add(`${r.type}|${destination}|${target?.transitGatewayAttachmentId ?? ""}`);
      out.add(p, {
        routeTableId: table.transitGatewayRouteTableId,
        destination,
        prefix: p,
        prefixListId: r.prefixListId,
        type: r.type,
        state: r.state,
        attachmentId: target?.transitGatewayAttachmentId,
        resourceType: target?.resourceType ?? attachment?.resourceType,
        resourceId: target?.resourceId ?? attachment?.resourceId,
        priority: r.type === "static" ? (r.prefixListId ? 1 : 0) : propagatedPriority(target?.resourceType ?? attachment?.resourceType),
      });
    }
  }
  // Propagations add the routes each attachment advertises: a VPC's CIDR blocks,
  // a VPN's static or BGP routes, a Direct Connect gateway's on-premises ranges.
  // Peering attachments do not propagate (static routes only).
  for (const p of table.propagations) {
    if (p.state !== "enabled") continue;
    const attachment = tgwAttachment(index, tgwId, p.transitGatewayAttachmentId);
    if (!attachment || attachment.state !== "available") continue;
    const advertised: { cidr: string; prefix: Cidr }[] = [];
    if (attachment.resourceType === "vpc") {
      for (const prefix of index.vpcPrefixes.get(attachment.resourceId) ?? []) advertised.push({ cidr: cidrText(prefix), prefix });
    } else if (attachment.resourceType === "vpn") {
      const vpn = index.vpnConnections.get(attachment.resourceId);
      if (vpn && isVpnUp(vpn)) for (const r of vpnRoutes(index, vpn)) advertised.push({ cidr: r.cidr, prefix: r.prefix });
    } else if (attachment.resourceType === "direct-connect-gateway") {
      for (const r of directConnectRoutes(index, attachment.resourceId)) advertised.push({ cidr: r.cidr, prefix: r.prefix });
    }
    for (const a of advertised) {
      if (seen.has(`propagated|${a.cidr}|${attachment.transitGatewayAttachmentId}`)) continue;
      seen.add(`propagated|${a.cidr}|${attachment.transitGatewayAttachmentId}`);
      out.add(a.prefix, {
        routeTableId: table.transitGatewayRouteTableId,
        destination: a.cidr,
        prefix: a.prefix,
        prefixListId: undefined,
        type: "propagated",
        state: "active",
        attachmentId: attachment.transitGatewayAttachmentId,
        resourceType: attachment.resourceType,
        resourceId: attachment.resourceId,
        priority: propagatedPriority(attachment.resourceType),
      });
    }
  }
  cache.set(table, out);
  return out;
}

function cidrText(p: Cidr): string {
  return formatCidr(p);
}

export function lookupTgwRoute(index: IndexedTopology, table: TransitGatewayRouteTable, ip: Ip): CompiledTgwRoute | undefined {
  const match = compileTgwRouteTable(index, table).lookup(ip);
  if (!match) return undefined;
  let best: CompiledTgwRoute | undefined;
  for (const r of match.values) if (!best || r.priority < best.priority) best = r;
  return best;
}

/** The route table associated with the attachment a packet enters the transit gateway through. */
export function associatedRouteTable(index: IndexedTopology, tgwId: string, attachmentId: string): TransitGatewayRouteTable | undefined {
  const id = index.tgwAssociation.get(`${tgwId}|${attachmentId}`);
  return id ? index.tgwRouteTables.get(id) : undefined;
}
