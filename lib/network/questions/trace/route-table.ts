import { evaluateNetworkAcl } from "../../filters/network-acl";
import { lookupRoute } from "../../forwarding/route-table";
import { type Crossing } from "../../filters/security-group";
import { formatCidr, formatIp, cidrContains, type Cidr } from "../../ip";
import { type IndexedInterface, subnetOfIp, vpcContains } from "../../model/indexed-topology";
import { type RouteTable } from "../../model/topology";
import { type Packet } from "../../packet";
import { type ComponentRef } from "../path-component";
import { carrierGatewayEgress } from "./carrier-gateway";
import { DOCS, type Entry, type TraceContext, type TraceEnd, add, block, guard, nameOf, reached, routeDetail, subnetRef, targetText, vpcRef } from "./context";
import { egressOnlyInternetGatewayEgress, internetGatewayEgress } from "./internet-gateway";
import { interfaceIngress } from "./network-interface";
import { transitGatewayFromVpc, transitGatewayZoneBlock } from "./transit-gateway";
import { gatewayEndpoint } from "./vpc-endpoint";
import { peering } from "./vpc-peering";
import { vpnGatewayEgress } from "./vpn";

/**
 * Subnets and route tables: network ACLs at the subnet edge, the route table
 * lookup, and the local route that delivers inside the VPC.
 */

/**
 * Leaving a subnet: its network ACL's outbound rules, then its route table. Traffic within a subnet crosses neither.
 * The sending interface's outbound flow-log record is written here: a flow log records ACCEPT only
 * when both its security groups and its subnet's ACL let the packet through, REJECT otherwise
 * (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html, "action").
 */
export function subnetEgress(ctx: TraceContext, subnetId: string, p: Packet, from: IndexedInterface | undefined): TraceEnd {
  const index = ctx.index;
  const subnet = index.subnets.get(subnetId);
  if (!subnet) return block(ctx, "BAD_STATE", { id: subnetId, type: "subnet" }, `Subnet ${subnetId} is not in the topology.`);
  // NAT gateways' own interfaces are not given flow-log records by this model (see flow-logs.ts).
  const logged = from && from.kind !== "nat-gateway" ? from : undefined;
  const prefix = index.subnetPrefix.get(subnetId);
  if (prefix && cidrContains(prefix, p.dstIp)) {
    const owner = index.interfaceByPrivateIp.get(subnet.vpcId)?.get(p.dstIp);
    const rt = index.routeTableOfSubnet.get(subnetId);
    const route = rt ? lookupRoute(index, rt, p.dstIp) : undefined;
    if (owner && owner !== from && (!route || route.target.kind === "local")) {
      if (logged) ctx.events.push({ iface: logged, direction: "egress", packet: p, action: "ACCEPT" });
      return interfaceIngress(ctx, owner, p, false);
    }
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
    add(ctx, () => ({ component: aclRef, hop: subnetId, aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), note: `Outbound rule ${acl.rule.ruleNumber} of ${acl.acl.networkAclId} allows the packet to leave ${subnetId}.` }));
  } else {
    add(ctx, () => ({ component: subnetRef(index, subnetId), hop: subnetId, vpc: vpcRef(index, subnet.vpcId), note: `The packet leaves ${subnetId}.` }));
  }
  if (logged) ctx.events.push({ iface: logged, direction: "egress", packet: p, action: "ACCEPT" });
  if (reached(ctx, subnetId) && ctx.reply) return { kind: "accepted", resume: (c, reply) => subnetEgress(c, subnetId, reply, undefined) };
  const rt = index.routeTableOfSubnet.get(subnetId);
  if (!rt) {
    return block(ctx, "NO_ROUTE_TO_DESTINATION", subnetRef(index, subnetId), `${subnetId} has no route table (no association and no main table in the topology), so nothing routes the packet.`, { documentation: DOCS.routeTables });
  }
  return routeFromTable(ctx, rt, subnet.vpcId, p, { kind: "subnet", subnetId });
}

/** The VPC router looks up the destination in a route table: longest prefix, then route priority. */
export function routeFromTable(ctx: TraceContext, rt: RouteTable, vpcId: string, p: Packet, entry: Entry): TraceEnd {
  const loop = guard(ctx, rt.routeTableId, p);
  if (loop) return loop;
  const index = ctx.index;
  const rtRef: ComponentRef = { id: rt.routeTableId, type: "route-table", ...nameOf(rt.tags) };
  const route = lookupRoute(index, rt, p.dstIp);
  if (!route) {
    const unresolved = rt.routes.filter((r) => r.destinationPrefixListId !== undefined && !index.prefixListPrefixes.has(r.destinationPrefixListId));
    const lists = unresolved.map((r) => ({ prefixListId: r.destinationPrefixListId as string, usedBy: `${rt.routeTableId} route ${r.destinationPrefixListId} → ${routeTargetId(r)}` }));
    const why = lists.map((l) => ` Route ${l.prefixListId} → ${l.usedBy.split(" → ")[1]} names prefix list ${l.prefixListId}, whose entries are not in the topology (capture them with get-managed-prefix-list-entries); if it holds ${formatIp(p.dstIp)}, that route carries the packet.`).join("");
    return block(ctx, "NO_ROUTE_TO_DESTINATION", rtRef, `${noRouteSentence(ctx, rt, vpcId, p, entry)}${why}`, {
      routeTable: rtRef,
      vpc: vpcRef(index, vpcId),
      ...(lists.length > 0 ? { unresolvedPrefixLists: lists } : {}),
      documentation: entry.kind === "gateway" && entry.via === "transit-gateway" ? "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html" : DOCS.routeTables,
    });
  }
  if (route.target.kind === "transit-gateway" && route.route.state === "active") {
    const dropped = transitGatewayZoneBlock(ctx, route.target.id, vpcId, entry);
    if (dropped) return dropped;
  }
  add(ctx, () => ({ component: rtRef, hop: vpcId, routeTableRoute: routeDetail(route), vpc: vpcRef(index, vpcId), note: `Route table ${rt.routeTableId}: the most specific route for ${formatIp(p.dstIp)} is ${route.destination} → ${targetText(route)}.` }));
  // A reply to a query that started at the VPC router is home once the router has it.
  if (ctx.reply && reached(ctx, vpcId)) return { kind: "accepted", resume: (c, reply) => startFromVpcRouter(c, vpcId, reply) };
  if (route.route.state === "blackhole") {
    return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route ${route.destination} in ${rt.routeTableId} is a blackhole (its target no longer exists), so the packet is dropped.`, { routeTable: rtRef, routeTableRoute: routeDetail(route), documentation: DOCS.routeTables });
  }
  const fromOutside = entry.kind === "gateway" && entry.via !== "vpc" ? entry : undefined;
  const target = route.target;
  switch (target.kind) {
    case "local":
      return deliverLocal(ctx, vpcId, p, entry, false);
    case "internet-gateway": {
      const igw = index.internetGateways.get(target.id);
      if (!igw) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: a route to a deleted gateway is a blackhole.`, { routeTable: rtRef, routeTableRoute: routeDetail(route) });
      if (fromOutside && fromOutside.via === "vpn-gateway") {
        return block(ctx, "EDGE_TO_EDGE_ROUTING", { id: target.id, type: "internet-gateway" }, `Traffic that entered ${vpcId} through ${fromOutside.id} cannot leave through its internet gateway: a VPC does not relay traffic between its gateways (edge-to-edge routing).`, { documentation: DOCS.peering });
      }
      return internetGatewayEgress(ctx, target.id, vpcId, p);
    }
    case "nat-gateway": {
      const nat = index.natGateways.get(target.id);
      const iface = index.natGatewayInterface.get(target.id);
      if (!nat || !iface) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: the route is a blackhole.`, { routeTable: rtRef, routeTableRoute: routeDetail(route) });
      return deliverToInterface(ctx, iface, p, entry, true);
    }
    case "instance":
    case "network-interface": {
      const iface = target.kind === "instance" ? index.interfacesOfInstance.get(target.id)?.[0] : index.interfaces.get(target.id);
      if (!iface) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: the route is a blackhole.`, { routeTable: rtRef, routeTableRoute: routeDetail(route) });
      return deliverToInterface(ctx, iface, p, entry, true);
    }
    case "vpc-peering-connection":
      return peering(ctx, target.id, vpcId, p);
    case "transit-gateway":
      return transitGatewayFromVpc(ctx, target.id, vpcId, p, entry);
    case "virtual-private-gateway":
      return vpnGatewayEgress(ctx, target.id, vpcId, p);
    case "vpc-endpoint":
      // A gateway endpoint is reached through its service's prefix list, not a CIDR route.
      // https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html#gateway-endpoint-routing
      if (!route.route.destinationPrefixListId && index.vpcEndpoints.get(target.id)?.vpcEndpointType === "Gateway") {
        return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route ${route.destination} → ${target.id} is not a prefix-list route; a gateway endpoint is reached only through its service's prefix list.`, { routeTable: rtRef, routeTableRoute: routeDetail(route), documentation: DOCS.gatewayEndpoints });
      }
      return gatewayEndpoint(ctx, target.id, vpcId, p, fromOutside);
    case "carrier-gateway":
      return carrierGatewayEgress(ctx, target.id, vpcId, p);
    case "egress-only-internet-gateway":
      return egressOnlyInternetGatewayEgress(ctx, target.id, vpcId, p);
    case "unsupported":
      return block(ctx, "UNSUPPORTED_COMPONENT", rtRef, `The route targets ${target.id}, a kind of target the evaluator does not model (local gateways, Cloud WAN).`);
    default:
      return target satisfies never;
  }
}

function routeTargetId(r: RouteTable["routes"][number]): string {
  return r.gatewayId ?? r.natGatewayId ?? r.transitGatewayId ?? r.vpcPeeringConnectionId ?? r.networkInterfaceId ?? r.instanceId ?? r.egressOnlyInternetGatewayId ?? r.carrierGatewayId ?? r.vpcEndpointId ?? r.localGatewayId ?? r.coreNetworkArn ?? "?";
}

/**
 * Why a table has no route, said for the way the packet came: into a VPC
 * from a transit gateway (the attachment subnet's table must route what the
 * transit gateway sends, or the transit gateway route leads nowhere), or as a
 * reply that must go back the way the request came.
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html
 */
function noRouteSentence(ctx: TraceContext, rt: RouteTable, vpcId: string, p: Packet, entry: Entry): string {
  const index = ctx.index;
  const dst = formatIp(p.dstIp);
  if (entry.kind === "gateway" && entry.via === "transit-gateway") {
    const inVpc = vpcContains(index, vpcId, p.dstIp);
    return `Transit gateway ${entry.id} sent the packet for ${dst} into ${vpcId}${entry.attachmentId ? ` through attachment ${entry.attachmentId}` : ""}${entry.subnetId ? ` (its interface in ${entry.subnetId})` : ""}${entry.tgwRoute ? `, by its route ${entry.tgwRoute.destination} → ${entry.tgwRoute.attachmentId} in ${entry.tgwRoute.routeTableId}` : ""}; route table ${rt.routeTableId} of that subnet has no route that matches ${dst}${inVpc ? "" : `, and ${dst} is not in ${vpcId}`}, so the VPC router drops it. Give ${rt.routeTableId} a route for ${dst}, or point the transit gateway route at the attachment of the VPC that holds it.`;
  }
  const forward = ctx.reply ? ctx.forwardCrossings ?? [] : [];
  const hop = forward.find((c): c is Extract<Crossing, { kind: "transit-gateway" }> => c.kind === "transit-gateway" && c.egressAttachmentId !== undefined && index.tgwAttachments.get(`${c.transitGatewayId}|${c.egressAttachmentId}`)?.resourceId === vpcId);
  if (hop) {
    const home = [...index.vpcPrefixes.entries()].find(([, prefixes]) => prefixes.some((q) => cidrContains(q, p.dstIp)));
    const network = home ? ` (for example ${formatCidr((home[1].find((q) => cidrContains(q, p.dstIp)) as Cidr))}, ${home[0]})` : "";
    return `The reply to ${dst} cannot go back the way the request came: route table ${rt.routeTableId} has no route that matches ${dst}. It needs a route for ${dst}${network} to transit gateway ${hop.transitGatewayId}, the way the request entered ${vpcId} (attachment ${hop.egressAttachmentId}).`;
  }
  return `Route table ${rt.routeTableId} has no route that matches ${dst}, so the VPC router drops the packet.`;
}

/** The VPC router delivers to the subnet holding the destination (the local route). */
export function deliverLocal(ctx: TraceContext, vpcId: string, p: Packet, entry: Entry, announce: boolean): TraceEnd {
  const index = ctx.index;
  if (announce) {
    const prefix = (index.vpcPrefixes.get(vpcId) ?? []).find((q) => cidrContains(q, p.dstIp));
    add(ctx, () => ({
      component: vpcRef(index, vpcId),
      hop: vpcId,
      vpc: vpcRef(index, vpcId),
      ...(prefix ? { routeTableRoute: { destinationCidr: `${formatIp(prefix.network)}/${prefix.length}`, gatewayId: "local", origin: "CreateRouteTable", state: "active" } } : {}),
      note: `The router of ${vpcId} delivers the packet within the VPC (local route).`,
    }));
  }
  if (!vpcContains(index, vpcId, p.dstIp)) {
    return block(ctx, "NO_ROUTE_TO_DESTINATION", vpcRef(index, vpcId), `${formatIp(p.dstIp)} is not inside ${vpcId}'s CIDR blocks, and traffic that arrives from outside is only delivered inside the VPC.`, { vpc: vpcRef(index, vpcId), documentation: DOCS.routeTables });
  }
  const subnet = subnetOfIp(index, vpcId, p.dstIp);
  if (!subnet) {
    return block(ctx, "NO_SUBNET_FOR_ADDRESS", vpcRef(index, vpcId), `${formatIp(p.dstIp)} is inside ${vpcId} but in none of its subnets, so the local route has nowhere to deliver it.`, { vpc: vpcRef(index, vpcId), documentation: DOCS.routeTables });
  }
  return subnetIngress(ctx, subnet.subnetId, p, entry, undefined);
}

export function deliverToInterface(ctx: TraceContext, iface: IndexedInterface, p: Packet, entry: Entry, middlebox: boolean): TraceEnd {
  return subnetIngress(ctx, iface.subnetId, p, entry, { iface, middlebox });
}

/** Entering a subnet: its network ACL's inbound rules, then the interface that owns the address. */
export function subnetIngress(ctx: TraceContext, subnetId: string, p: Packet, entry: Entry, to: { iface: IndexedInterface; middlebox: boolean } | undefined): TraceEnd {
  const index = ctx.index;
  const subnet = index.subnets.get(subnetId);
  if (!subnet) return block(ctx, "BAD_STATE", { id: subnetId, type: "subnet" }, `Subnet ${subnetId} is not in the topology.`);
  const sameSubnet = entry.kind === "subnet" && entry.subnetId === subnetId;
  if (!sameSubnet) {
    const acl = evaluateNetworkAcl(index, subnetId, false, p);
    if (acl.acl && acl.rule) {
      const aclRef: ComponentRef = { id: acl.acl.networkAclId, type: "network-acl" };
      if (!acl.allowed) {
        // The receiving interface's flow log records the rejected packet (REJECT, ingress).
        const receiver = to?.iface ?? index.interfaceByPrivateIp.get(subnet.vpcId)?.get(p.dstIp);
        if (receiver && receiver.kind !== "nat-gateway") ctx.events.push({ iface: receiver, direction: "ingress", packet: p, action: "REJECT" });
        return block(
          ctx,
          "SUBNET_ACL_RESTRICTION",
          aclRef,
          `Network ACL ${acl.acl.networkAclId} of ${subnetId} denies the packet entering the subnet (inbound rule ${acl.rule.ruleNumber}${acl.rule.ruleNumber === "*" ? ": nothing matched, so the default rule denies" : ""}). ACLs are stateless: replies need their own rule for the ephemeral ports.`,
          { direction: "ingress", aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), documentation: DOCS.networkAcls },
        );
      }
      add(ctx, () => ({ component: aclRef, hop: subnetId, aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), note: `Inbound rule ${acl.rule.ruleNumber} of ${acl.acl.networkAclId} lets the packet into ${subnetId}.` }));
    } else {
      add(ctx, () => ({ component: subnetRef(index, subnetId), hop: subnetId, vpc: vpcRef(index, subnet.vpcId), note: `The packet enters ${subnetId}.` }));
    }
  }
  if (reached(ctx, subnetId) && !to) return { kind: "accepted", resume: (c, reply) => subnetEgress(c, subnetId, reply, undefined) };
  if (to) return interfaceIngress(ctx, to.iface, p, to.middlebox);
  const owner = index.interfaceByPrivateIp.get(subnet.vpcId)?.get(p.dstIp);
  if (!owner) {
    return block(ctx, "NO_DESTINATION_OWNER", subnetRef(index, subnetId), `No network interface in ${subnetId} has the address ${formatIp(p.dstIp)}, so nothing receives the packet.`, { subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId) });
  }
  return interfaceIngress(ctx, owner, p, false);
}

export function startFromVpcRouter(ctx: TraceContext, vpcId: string, p: Packet): TraceEnd {
  const main = ctx.index.mainRouteTable.get(vpcId);
  if (main) return routeFromTable(ctx, main, vpcId, p, { kind: "gateway", via: "vpc", id: vpcId });
  return deliverLocal(ctx, vpcId, p, { kind: "gateway", via: "vpc", id: vpcId }, true);
}
