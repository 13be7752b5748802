import { lookupRoute } from "../forwarding/route-table";
import { cidrsOverlap, parseCidr } from "../ip";
import type { IndexedTopology } from "../model/indexed-topology";
import type { Route } from "../model/topology";
import type { Finding } from "./finding";

/**
 * Routes that lead nowhere: blackholes, routes to peering connections that
 * are not active, to transit gateways the VPC is not attached to, to prefix
 * lists the snapshot cannot resolve; transit gateway routes to attachments
 * that are gone, into VPCs that neither hold nor route their range, and
 * blackholes.
 */

const ROUTE_DOCS = "https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html";
const TGW_DOCS = "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html";

function targetOf(r: Route): string {
  return r.gatewayId ?? r.natGatewayId ?? r.transitGatewayId ?? r.vpcPeeringConnectionId ?? r.networkInterfaceId ?? r.instanceId ?? r.egressOnlyInternetGatewayId ?? r.carrierGatewayId ?? r.vpcEndpointId ?? r.localGatewayId ?? r.coreNetworkArn ?? "?";
}

function destinationOf(r: Route): string {
  return r.destinationCidrBlock ?? r.destinationIpv6CidrBlock ?? r.destinationPrefixListId ?? "?";
}

export function routeTableFindings(index: IndexedTopology): Finding[] {
  const findings: Finding[] = [];
  for (const rt of index.topology.routeTables) {
    const tableRef = { id: rt.routeTableId, type: "route-table" as const };
    for (const r of rt.routes) {
      if (r.gatewayId === "local") continue;
      const evidence = { kind: "route" as const, routeTableId: rt.routeTableId, destination: destinationOf(r), target: targetOf(r), state: r.state };
      const route = `${rt.routeTableId} route ${evidence.destination} → ${evidence.target}`;
      if (r.state === "blackhole") {
        findings.push({ code: "ROUTE_BLACKHOLE", severity: "medium", resources: [tableRef], message: `${route} is a blackhole: its target no longer exists (deleted, or detached), so the route drops what it matches.`, evidence, documentation: ROUTE_DOCS });
        continue;
      }
      if (r.vpcPeeringConnectionId) {
        const pcx = index.peerings.get(r.vpcPeeringConnectionId);
        if (!pcx || pcx.status !== "active") {
          findings.push({
            code: "ROUTE_TO_INACTIVE_PEERING",
            severity: "medium",
            resources: [tableRef, { id: r.vpcPeeringConnectionId, type: "vpc-peering-connection" }],
            message: `${route} leads nowhere: ${r.vpcPeeringConnectionId} is ${pcx ? pcx.status : "not in the snapshot (deleted, or not captured)"}, and only an active peering connection carries traffic.`,
            evidence,
            documentation: "https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html",
          });
        }
      }
      if (r.transitGatewayId) {
        const attachment = (index.tgwAttachmentsByResource.get(`${r.transitGatewayId}|${rt.vpcId}`) ?? []).find((a) => a.resourceType === "vpc");
        if (!attachment || attachment.state !== "available") {
          findings.push({
            code: "ROUTE_TO_UNATTACHED_TRANSIT_GATEWAY",
            severity: "medium",
            resources: [tableRef, { id: r.transitGatewayId, type: "transit-gateway" }],
            message: `${route} leads nowhere: ${rt.vpcId} ${attachment ? `has attachment ${attachment.transitGatewayAttachmentId}, which is ${attachment.state}` : `has no attachment to ${r.transitGatewayId}${index.transitGateways.has(r.transitGatewayId) ? "" : " (the transit gateway is not in the snapshot)"}`}.`,
            evidence,
            documentation: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html",
          });
        }
      }
      if (r.destinationPrefixListId && !index.prefixListPrefixes.has(r.destinationPrefixListId)) {
        findings.push({
          code: "ROUTE_UNKNOWN_PREFIX_LIST",
          severity: "medium",
          resources: [tableRef, { id: r.destinationPrefixListId, type: "prefix-list" }],
          message: `${route} names prefix list ${r.destinationPrefixListId}, whose entries are not in the snapshot (capture them with get-managed-prefix-list-entries): the route matches no address in the analysis.`,
          evidence,
          documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html",
        });
      }
    }
  }
  return findings;
}

export function transitGatewayRouteFindings(index: IndexedTopology): Finding[] {
  const findings: Finding[] = [];
  for (const table of index.topology.transitGatewayRouteTables) {
    const tableRef = { id: table.transitGatewayRouteTableId, type: "transit-gateway-route-table" as const };
    for (const r of table.routes) {
      const destination = r.destinationCidrBlock ?? r.prefixListId ?? "?";
      const target = r.transitGatewayAttachments[0];
      const evidence = { kind: "transit-gateway-route" as const, routeTableId: table.transitGatewayRouteTableId, destination, target: target?.transitGatewayAttachmentId ?? "blackhole", state: r.state, type: r.type };
      const route = `${table.transitGatewayRouteTableId} route ${destination} → ${evidence.target}`;
      if (r.state === "blackhole" || !target) {
        // Often deliberate (isolating spokes), hence low.
        findings.push({ code: "TGW_ROUTE_BLACKHOLE", severity: "low", resources: [tableRef], message: `${route} drops what it matches (a blackhole route); deliberate isolation, or a route whose attachment was deleted.`, evidence, documentation: TGW_DOCS });
        continue;
      }
      if (r.prefixListId && !r.destinationCidrBlock && !index.prefixListPrefixes.has(r.prefixListId)) {
        findings.push({
          code: "TGW_ROUTE_UNKNOWN_PREFIX_LIST",
          severity: "medium",
          resources: [tableRef, { id: r.prefixListId, type: "prefix-list" }],
          message: `${route} names prefix list ${r.prefixListId}, whose entries are not in the snapshot: the route matches no address in the analysis.`,
          evidence,
          documentation: "https://docs.aws.amazon.com/vpc/latest/tgw/create-prefix-list-reference.html",
        });
      }
      const attachment = index.tgwAttachments.get(`${table.transitGatewayId}|${target.transitGatewayAttachmentId}`);
      if (!attachment || attachment.state !== "available") {
        findings.push({
          code: "TGW_ROUTE_TO_INACTIVE_ATTACHMENT",
          severity: "medium",
          resources: [tableRef, { id: target.transitGatewayAttachmentId, type: "transit-gateway-attachment" }],
          message: `${route} leads nowhere: ${target.transitGatewayAttachmentId} is ${attachment ? attachment.state : "not in the snapshot (deleted, or not captured)"}.`,
          evidence,
          documentation: TGW_DOCS,
        });
        continue;
      }
      if (attachment.resourceType !== "vpc" || !r.destinationCidrBlock) continue;
      const range = parseCidr(r.destinationCidrBlock);
      if (!range) continue;
      // Into a VPC, the packet follows the attachment subnets' route table: it must hold the range or route it on.
      // https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html
      const holds = [...index.subnetPrefix.entries(), ...index.subnetPrefix6.entries()].some(([subnetId, p]) => index.subnets.get(subnetId)?.vpcId === attachment.resourceId && cidrsOverlap(p, range));
      if (holds) continue;
      const onward = attachment.subnetIds.some((s) => {
        const rt = index.routeTableOfSubnet.get(s);
        const route = rt ? lookupRoute(index, rt, range.network) : undefined;
        return route !== undefined && route.target.kind !== "local";
      });
      if (onward) continue;
      findings.push({
        code: "TGW_ROUTE_NO_MATCHING_SUBNET",
        severity: "medium",
        resources: [tableRef, { id: attachment.transitGatewayAttachmentId, type: "transit-gateway-attachment" }, { id: attachment.resourceId, type: "vpc" }],
        message: `${route} sends ${destination} into ${attachment.resourceId}, which has no subnet in that range, and whose attachment subnets' route tables do not route it onward: the packets are dropped there.`,
        evidence,
        documentation: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html",
      });
    }
  }
  return findings;
}
