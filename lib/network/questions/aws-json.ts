import type { AnalysisSuccess } from "./analyze";
import type { AclRuleDetail, ComponentRef, Explanation, PacketHeader, PathComponent, RouteTableRouteDetail, SecurityGroupRuleDetail, TransitGatewayRouteDetail } from "./path-component";

/**
 * The analysis as one element of `aws ec2 describe-network-insights-analyses`
 * output: AWS's PascalCase field names (EC2 API Reference: NetworkInsightsAnalysis,
 * PathComponent, Explanation, AnalysisComponent). `Message` on explanations
 * and `Note` on components are ours: the plain-English story.
 */

type Json = Record<string, unknown>;

function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function component(ref: ComponentRef | undefined): Json | undefined {
  return ref ? compact({ Id: ref.id, Arn: ref.arn, Name: ref.name }) : undefined;
}

function range(r: { from: number; to: number } | undefined): Json | undefined {
  return r ? { From: r.from, To: r.to } : undefined;
}

function packetHeader(h: PacketHeader | undefined): Json | undefined {
  if (!h) return undefined;
  return compact({
    Protocol: h.protocol,
    SourceAddresses: h.sourceAddresses,
    DestinationAddresses: h.destinationAddresses,
    SourcePortRanges: h.sourcePortRanges.length > 0 ? h.sourcePortRanges.map(range) : undefined,
    DestinationPortRanges: h.destinationPortRanges.length > 0 ? h.destinationPortRanges.map(range) : undefined,
  });
}

function aclRule(r: AclRuleDetail | undefined): Json | undefined {
  if (!r) return undefined;
  return compact({ Cidr: r.cidr, Egress: r.egress, PortRange: range(r.portRange), Protocol: r.protocol, RuleAction: r.ruleAction, RuleNumber: r.ruleNumber === "*" ? 32767 : r.ruleNumber });
}

function sgRule(r: SecurityGroupRuleDetail | undefined): Json | undefined {
  if (!r) return undefined;
  return compact({ Cidr: r.cidr, Direction: r.direction, SecurityGroupId: r.securityGroupId, PortRange: range(r.portRange), PrefixListId: r.prefixListId, Protocol: r.protocol });
}

function routeTableRoute(r: RouteTableRouteDetail | undefined): Json | undefined {
  if (!r) return undefined;
  return compact({
    DestinationCidr: r.destinationCidr,
    DestinationPrefixListId: r.destinationPrefixListId,
    EgressOnlyInternetGatewayId: r.egressOnlyInternetGatewayId,
    GatewayId: r.gatewayId,
    InstanceId: r.instanceId,
    NatGatewayId: r.natGatewayId,
    NetworkInterfaceId: r.networkInterfaceId,
    Origin: r.origin,
    TransitGatewayId: r.transitGatewayId,
    VpcPeeringConnectionId: r.vpcPeeringConnectionId,
    CarrierGatewayId: r.carrierGatewayId,
    State: r.state,
  });
}

function tgwRoute(r: TransitGatewayRouteDetail | undefined): Json | undefined {
  if (!r) return undefined;
  return compact({ DestinationCidr: r.destinationCidr, PrefixListId: r.prefixListId, State: r.state, RouteOrigin: r.routeOrigin, AttachmentId: r.attachmentId, ResourceId: r.resourceId, ResourceType: r.resourceType });
}

function pathComponent(c: PathComponent): Json {
  return compact({
    SequenceNumber: c.sequenceNumber,
    Component: component(c.component),
    AttachedTo: component(c.attachedTo),
    Vpc: component(c.vpc),
    Subnet: component(c.subnet),
    AclRule: aclRule(c.aclRule),
    SecurityGroupRule: sgRule(c.securityGroupRule),
    RouteTableRoute: routeTableRoute(c.routeTableRoute),
    TransitGateway: component(c.transitGateway),
    TransitGatewayRouteTableRoute: tgwRoute(c.transitGatewayRouteTableRoute),
    InboundHeader: packetHeader(c.inboundHeader),
    OutboundHeader: packetHeader(c.outboundHeader),
    ElasticLoadBalancerListener: c.loadBalancerListener ? compact({ Id: c.loadBalancerListener.listenerArn, Arn: c.loadBalancerListener.listenerArn, LoadBalancerPort: c.loadBalancerListener.port }) : undefined,
    Note: c.note,
  });
}

function explanation(e: Explanation): Json {
  return compact({
    ExplanationCode: e.explanationCode,
    Direction: e.direction,
    Component: component(e.component),
    Acl: e.component.type === "network-acl" ? component(e.component) : undefined,
    AclRule: aclRule(e.aclRule),
    SecurityGroups: e.securityGroups?.map((g) => component(g)),
    RouteTable: component(e.routeTable),
    RouteTableRoute: routeTableRoute(e.routeTableRoute),
    TransitGatewayRouteTable: component(e.transitGatewayRouteTable),
    Subnet: component(e.subnet),
    Vpc: component(e.vpc),
    Address: e.packetField?.address,
    Port: e.packetField?.port,
    Protocols: e.packetField?.protocol ? [e.packetField.protocol] : undefined,
    Message: e.message,
    Documentation: e.documentation,
  });
}

export function toNetworkInsightsAnalysisJson(result: AnalysisSuccess): Json {
  return {
    Status: "succeeded",
    NetworkPathFound: result.networkPathFound,
    ForwardPathComponents: result.forwardPathComponents.map(pathComponent),
    ReturnPathComponents: result.returnPathComponents.map(pathComponent),
    Explanations: result.explanations.map(explanation),
  };
}
