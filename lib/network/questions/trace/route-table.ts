import { evaluateNetworkAcl } from "../../filters/network-acl";
import { lookupRoute } from "../../forwarding/route-table";
import { formatIp, cidrContains } from "../../ip";
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
    add(ctx, { component: aclRef, hop: subnetId, aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), note: `Outbound rule ${acl.rule.ruleNumber} of ${acl.acl.networkAclId} allows the packet to leave ${subnetId}.` });
  } else {
    add(ctx, { component: subnetRef(index, subnetId), hop: subnetId, vpc: vpcRef(index, subnet.vpcId), note: `The packet leaves ${subnetId}.` });
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
    return block(ctx, "NO_ROUTE_TO_DESTINATION", rtRef, `Route table ${rt.routeTableId} has no route that matches ${formatIp(p.dstIp)}, so the VPC router drops the packet.`, {
      routeTable: rtRef,
      vpc: vpcRef(index, vpcId),
      documentation: DOCS.routeTables,
    });
  }
  const detail = routeDetail(route);
  if (route.target.kind === "transit-gateway" && route.route.state === "active") {
    const dropped = transitGatewayZoneBlock(ctx, route.target.id, vpcId, entry);
    if (dropped) return dropped;
  }
  add(ctx, { component: rtRef, hop: vpcId, routeTableRoute: detail, vpc: vpcRef(index, vpcId), note: `Route table ${rt.routeTableId}: the most specific route for ${formatIp(p.dstIp)} is ${route.destination} → ${targetText(route)}.` });
  // A reply to a query that started at the VPC router is home once the router has it.
  if (ctx.reply && reached(ctx, vpcId)) return { kind: "accepted", resume: (c, reply) => startFromVpcRouter(c, vpcId, reply) };
  if (route.route.state === "blackhole") {
    return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route ${route.destination} in ${rt.routeTableId} is a blackhole (its target no longer exists), so the packet is dropped.`, { routeTable: rtRef, routeTableRoute: detail, documentation: DOCS.routeTables });
  }
  const fromOutside = entry.kind === "gateway" && entry.via !== "vpc" ? entry : undefined;
  const target = route.target;
  switch (target.kind) {
    case "local":
      return deliverLocal(ctx, vpcId, p, entry, false);
    case "internet-gateway": {
      const igw = index.internetGateways.get(target.id);
      if (!igw) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: a route to a deleted gateway is a blackhole.`, { routeTable: rtRef, routeTableRoute: detail });
      if (fromOutside && fromOutside.via === "vpn-gateway") {
        return block(ctx, "EDGE_TO_EDGE_ROUTING", { id: target.id, type: "internet-gateway" }, `Traffic that entered ${vpcId} through ${fromOutside.id} cannot leave through its internet gateway: a VPC does not relay traffic between its gateways (edge-to-edge routing).`, { documentation: DOCS.peering });
      }
      return internetGatewayEgress(ctx, target.id, vpcId, p);
    }
    case "nat-gateway": {
      const nat = index.natGateways.get(target.id);
      const iface = index.natGatewayInterface.get(target.id);
      if (!nat || !iface) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: the route is a blackhole.`, { routeTable: rtRef, routeTableRoute: detail });
      return deliverToInterface(ctx, iface, p, entry, true);
    }
    case "instance":
    case "network-interface": {
      const iface = target.kind === "instance" ? index.interfacesOfInstance.get(target.id)?.[0] : index.interfaces.get(target.id);
      if (!iface) return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route targets ${target.id}, which is not in the topology: the route is a blackhole.`, { routeTable: rtRef, routeTableRoute: detail });
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
        return block(ctx, "BAD_STATE_ROUTE", rtRef, `The route ${route.destination} → ${target.id} is not a prefix-list route; a gateway endpoint is reached only through its service's prefix list.`, { routeTable: rtRef, routeTableRoute: detail, documentation: DOCS.gatewayEndpoints });
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

/** The VPC router delivers to the subnet holding the destination (the local route). */
export function deliverLocal(ctx: TraceContext, vpcId: string, p: Packet, entry: Entry, announce: boolean): TraceEnd {
  const index = ctx.index;
  if (announce) {
    const prefix = (index.vpcPrefixes.get(vpcId) ?? []).find((q) => cidrContains(q, p.dstIp));
    add(ctx, {
      component: vpcRef(index, vpcId),
      hop: vpcId,
      vpc: vpcRef(index, vpcId),
      ...(prefix ? { routeTableRoute: { destinationCidr: `${formatIp(prefix.network)}/${prefix.length}`, gatewayId: "local", origin: "CreateRouteTable", state: "active" } } : {}),
      note: `The router of ${vpcId} delivers the packet within the VPC (local route).`,
    });
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
      add(ctx, { component: aclRef, hop: subnetId, aclRule: acl.rule, subnet: subnetRef(index, subnetId), vpc: vpcRef(index, subnet.vpcId), note: `Inbound rule ${acl.rule.ruleNumber} of ${acl.acl.networkAclId} lets the packet into ${subnetId}.` });
    } else {
      add(ctx, { component: subnetRef(index, subnetId), hop: subnetId, vpc: vpcRef(index, subnet.vpcId), note: `The packet enters ${subnetId}.` });
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
