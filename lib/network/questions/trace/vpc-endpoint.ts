import { evaluateEndpointPolicy } from "../../filters/endpoint-policy";
import { evaluateSecurityGroups } from "../../filters/security-group";
import { formatIp } from "../../ip";
import { type IndexedInterface } from "../../model/indexed-topology";
import { type Packet, hasPorts, protocolName } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type Entry, type Resume, type TraceContext, type TraceEnd, add, block, header, nameOf, reached, subnetRef, vpcRef } from "./context";
import { loadBalancer } from "./load-balancer";
import { interfaceEgress } from "./network-interface";
import { deliverLocal } from "./route-table";

/**
 * VPC endpoints: gateway endpoints (S3, DynamoDB), interface endpoints and PrivateLink.
 */

/** A gateway endpoint (S3, DynamoDB): reached only from its own VPC, through a prefix-list route, if its policy allows. */
export function gatewayEndpoint(ctx: TraceContext, vpceId: string, vpcId: string, p: Packet, fromOutside: Extract<Entry, { kind: "gateway" }> | undefined): TraceEnd {
  const index = ctx.index;
  const endpoint = index.vpcEndpoints.get(vpceId);
  const ref: ComponentRef = { id: vpceId, type: "vpc-endpoint", ...nameOf(endpoint?.tags) };
  if (!endpoint) return block(ctx, "BAD_STATE_ROUTE", ref, `Endpoint ${vpceId} is not in the topology: the route to it is a blackhole.`);
  if (endpoint.vpcEndpointType !== "Gateway") return block(ctx, "UNSUPPORTED_COMPONENT", ref, `Routes to ${endpoint.vpcEndpointType} endpoints (${vpceId}) are not modelled.`);
  if (endpoint.vpcId !== vpcId) return block(ctx, "BAD_STATE_ROUTE", ref, `Gateway endpoint ${vpceId} belongs to ${endpoint.vpcId}, not ${vpcId}; a gateway endpoint serves only its own VPC.`, { documentation: DOCS.gatewayEndpoints });
  if (!/^available$/i.test(endpoint.state)) return block(ctx, "BAD_STATE", ref, `Gateway endpoint ${vpceId} is ${endpoint.state}.`);
  if (fromOutside) {
    return block(ctx, "EDGE_TO_EDGE_ROUTING", ref, `Traffic that entered ${vpcId} through ${fromOutside.id} cannot use gateway endpoint ${vpceId}: endpoint connections do not extend out of the VPC (VPN, peering, transit gateway or Direct Connect).`, { documentation: DOCS.gatewayEndpoints });
  }
  const policy = evaluateEndpointPolicy(endpoint.policyDocument);
  if (!policy.allowed) return block(ctx, "ENDPOINT_POLICY_DENY", ref, `Endpoint ${vpceId}: ${policy.reason}, so no request through it is allowed.`, { direction: "ingress", documentation: DOCS.endpointPolicies });
  add(ctx, () => ({ component: ref, hop: vpceId, vpc: vpcRef(index, vpcId), note: `Gateway endpoint ${vpceId} carries the packet to ${endpoint.serviceName} without leaving the AWS network.` }));
  const back: Resume = (c, reply) => {
    add(c, () => ({ component: ref, hop: vpceId, vpc: vpcRef(c.index, vpcId), note: `The reply comes back from ${endpoint.serviceName} through gateway endpoint ${vpceId}.` }));
    return deliverLocal(c, vpcId, reply, { kind: "gateway", via: "vpc-endpoint", id: vpceId }, true);
  };
  if (reached(ctx, vpceId) || reached(ctx, endpoint.serviceName)) return { kind: "accepted", resume: back };
  return { kind: "exits-network", resume: back };
}

/** An interface endpoint's network interface: the service, or — for a PrivateLink endpoint service — the provider's Network Load Balancer. */
export function interfaceEndpoint(ctx: TraceContext, vpceId: string, iface: IndexedInterface, p: Packet): TraceEnd {
  const index = ctx.index;
  const endpoint = index.vpcEndpoints.get(vpceId);
  const ref: ComponentRef = { id: vpceId, type: "vpc-endpoint", ...nameOf(endpoint?.tags) };
  const base = { component: ref, hop: vpceId, subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId) };
  if (ctx.reply) {
    add(ctx, () => ({ ...base, note: `The reply reaches endpoint ${vpceId}.` }));
    return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
  }
  if (endpoint && !/^available$/i.test(endpoint.state)) return block(ctx, "BAD_STATE", ref, `Endpoint ${vpceId} is ${endpoint.state} (a PrivateLink service may be waiting for acceptance).`, { documentation: "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#accept-reject-connection-requests" });
  const policy = evaluateEndpointPolicy(endpoint?.policyDocument);
  if (!policy.allowed) return block(ctx, "ENDPOINT_POLICY_DENY", ref, `Endpoint ${vpceId}: ${policy.reason}.`, { direction: "ingress", documentation: DOCS.endpointPolicies });
  add(ctx, () => ({ ...base, inboundHeader: header(p), note: `Interface endpoint ${vpceId} receives the packet for ${endpoint?.serviceName ?? "its service"}.` }));
  const service = endpoint ? index.topology.vpcEndpointServices.find((s) => s.serviceName === endpoint.serviceName) : undefined;
  const nlbArn = service?.networkLoadBalancerArns[0];
  const nlbInterface = nlbArn ? index.loadBalancerInterfaces.get(nlbArn)?.[0] : undefined;
  if (reached(ctx, vpceId) || reached(ctx, iface.id) || !service || !nlbArn || !nlbInterface) {
    return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
  }
  // PrivateLink: the provider's Network Load Balancer receives the connection from the endpoint.
  add(ctx, () => ({ component: { id: service.serviceId, type: "vpc-endpoint-service", name: service.serviceName }, note: `PrivateLink carries the connection to endpoint service ${service.serviceId} behind ${nlbArn}.` }));
  const q: Packet = { ...p, dstIp: nlbInterface.primaryIp };
  // A Network Load Balancer with security groups applies their inbound rules to PrivateLink traffic unless
  // EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic is off; the source they see is the client's private address.
  // https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html
  const lb = index.loadBalancers.get(nlbArn);
  if (lb && lb.securityGroupIds.length > 0 && lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic === "on") {
    // Group references cannot name the consumer's groups (another VPC, often another account): only addresses count.
    const verdict = evaluateSecurityGroups(index, nlbInterface, "ingress", q, []);
    if (!verdict.allowed) {
      return block(
        ctx,
        "ENI_SG_RULES_MISMATCH",
        { id: verdict.groupIds[0] ?? lb.loadBalancerArn, type: "security-group" },
        `No inbound rule of ${verdict.groupIds.join(", ")} on ${lb.loadBalancerName} allows ${protocolName(p.protocol)}${hasPorts(p.protocol) ? ` port ${p.dstPort}` : ""} from ${formatIp(p.srcIp)}, the client's private address. The Network Load Balancer applies its security groups to traffic from endpoint ${vpceId} because EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic is on (the default): allow the consumers' addresses, or turn the setting off.`,
        { direction: "ingress", securityGroups: verdict.groupIds.map((id) => ({ id, type: "security-group" as const })), documentation: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html" },
      );
    }
  }
  return loadBalancer(ctx, nlbArn, nlbInterface, q, { iface, clientIp: p.srcIp, clientPort: p.srcPort, endpointIp: p.dstIp });
}

export function startFromGatewayEndpoint(ctx: TraceContext, vpceId: string, vpcId: string, p: Packet): TraceEnd {
  add(ctx, () => ({ component: { id: vpceId, type: "vpc-endpoint" }, hop: vpceId, vpc: vpcRef(ctx.index, vpcId), note: `The packet comes from the service through gateway endpoint ${vpceId}.` }));
  return deliverLocal(ctx, vpcId, p, { kind: "gateway", via: "vpc-endpoint", id: vpceId }, true);
}
