/**
 * Results in the shape of AWS's `PathComponent` and `Explanation`
 * (EC2 API Reference), camelCased; `toNetworkInsightsAnalysisJson` turns
 * them into AWS's PascalCase JSON.
 */
import type { BlockKind, ExplanationCode } from "./explanations";

export type ComponentType =
  | "instance"
  | "network-interface"
  | "security-group"
  | "network-acl"
  | "route-table"
  | "vpc"
  | "subnet"
  | "internet-gateway"
  | "egress-only-internet-gateway"
  | "carrier-gateway"
  | "nat-gateway"
  | "vpc-endpoint"
  | "vpc-endpoint-service"
  | "vpc-peering-connection"
  | "transit-gateway"
  | "transit-gateway-attachment"
  | "transit-gateway-route-table"
  | "vpn-gateway"
  | "vpn-connection"
  | "customer-gateway"
  | "client-vpn-endpoint"
  | "direct-connect-virtual-interface"
  | "direct-connect-gateway"
  | "load-balancer"
  | "target-group"
  | "listener"
  | "internet"
  | "aws-service"
  | "on-premises-network";

export interface ComponentRef {
  id: string;
  type: ComponentType;
  arn?: string;
  name?: string;
}

export interface PacketHeader {
  protocol: string;
  sourceAddresses: string[];
  destinationAddresses: string[];
  sourcePortRanges: { from: number; to: number }[];
  destinationPortRanges: { from: number; to: number }[];
}

export interface RouteTableRouteDetail {
  destinationCidr?: string;
  destinationPrefixListId?: string;
  gatewayId?: string;
  natGatewayId?: string;
  instanceId?: string;
  networkInterfaceId?: string;
  vpcPeeringConnectionId?: string;
  transitGatewayId?: string;
  egressOnlyInternetGatewayId?: string;
  carrierGatewayId?: string;
  origin?: string;
  state?: string;
}

export interface SecurityGroupRuleDetail {
  direction: "ingress" | "egress";
  securityGroupId: string;
  protocol: string;
  cidr?: string;
  prefixListId?: string;
  referencedGroupId?: string;
  portRange?: { from: number; to: number };
}

export interface AclRuleDetail {
  ruleNumber: number | "*";
  ruleAction: "allow" | "deny";
  egress: boolean;
  protocol: string;
  cidr?: string;
  portRange?: { from: number; to: number };
}

export interface TransitGatewayRouteDetail {
  destinationCidr?: string;
  prefixListId?: string;
  state: string;
  routeOrigin: "static" | "propagated";
  attachmentId?: string;
  resourceId?: string;
  resourceType?: string;
}

export interface PathComponent {
  sequenceNumber: number;
  component: ComponentRef;
  /**
   * The node a hop-by-hop trace names for this step (an instance, a subnet,
   * a VPC router, a gateway); consecutive components may share it. Absent
   * for components a packet crosses without a routing decision (a peering connection).
   */
  hop?: string;
  vpc?: ComponentRef;
  subnet?: ComponentRef;
  attachedTo?: ComponentRef;
  routeTableRoute?: RouteTableRouteDetail;
  securityGroupRule?: SecurityGroupRuleDetail;
  aclRule?: AclRuleDetail;
  transitGateway?: ComponentRef;
  transitGatewayRouteTableRoute?: TransitGatewayRouteDetail;
  inboundHeader?: PacketHeader;
  outboundHeader?: PacketHeader;
  loadBalancerListener?: { listenerArn?: string; port: number; protocol?: string };
  loadBalancerTarget?: { id: string; address: string; port: number; availabilityZone?: string };
  /** One plain sentence: what happened to the packet here. */
  note: string;
}

export interface Explanation {
  explanationCode: ExplanationCode;
  blockKind: BlockKind;
  direction?: "ingress" | "egress";
  /** The resource that blocked the packet. */
  component: ComponentRef;
  vpc?: ComponentRef;
  subnet?: ComponentRef;
  routeTable?: ComponentRef;
  routeTableRoute?: RouteTableRouteDetail;
  securityGroups?: ComponentRef[];
  aclRule?: AclRuleDetail;
  transitGatewayRouteTable?: ComponentRef;
  packetField?: { address?: string; port?: number; protocol?: string };
  /** Rules that could have allowed the packet but name a prefix list the topology does not resolve. */
  unresolvedPrefixLists?: { prefixListId: string; usedBy: string }[];
  /** A sentence a learner understands: what blocked, and why. */
  message: string;
  /** The AWS documentation page for the rule. */
  documentation?: string;
}
