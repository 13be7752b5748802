import { z } from "zod";
import {
  clientVpnEndpointSchema,
  customerGatewaySchema,
  directConnectConnectionSchema,
  directConnectGatewaySchema,
  onPremisesNetworkSchema,
  transitGatewayAttachmentSchema,
  transitGatewayRouteTableSchema,
  transitGatewaySchema,
  virtualInterfaceSchema,
  vpcPeeringConnectionSchema,
  vpnConnectionSchema,
  vpnGatewaySchema,
} from "./connectivity";
import {
  acceleratorSchema,
  awsIpRangeSchema,
  awsServiceSchema,
  flowLogSchema,
  listenerSchema,
  loadBalancerSchema,
  targetGroupSchema,
  trafficMirrorFilterSchema,
  trafficMirrorSessionSchema,
  trafficMirrorTargetSchema,
  vpcEndpointSchema,
  vpcEndpointServiceSchema,
} from "./services";
import {
  addressSchema,
  carrierGatewaySchema,
  egressOnlyInternetGatewaySchema,
  instanceSchema,
  internetGatewaySchema,
  natGatewaySchema,
  networkAclSchema,
  networkInterfaceSchema,
  prefixListSchema,
  routeTableSchema,
  securityGroupSchema,
  subnetSchema,
  vpcSchema,
} from "./vpc";

const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

/**
 * A whole network: plain JSON, one array per resource type, each resource
 * keyed by its AWS id. Every collection defaults to `[]`, so a lesson
 * topology lists only what it uses.
 */
export const topologySchema = z.strictObject({
  schemaVersion: z.literal(1).default(1),
  name: z.string().optional(),
  description: z.string().optional(),

  vpcs: list(vpcSchema),
  subnets: list(subnetSchema),
  routeTables: list(routeTableSchema),
  internetGateways: list(internetGatewaySchema),
  egressOnlyInternetGateways: list(egressOnlyInternetGatewaySchema),
  carrierGateways: list(carrierGatewaySchema),
  natGateways: list(natGatewaySchema),
  /** Elastic IP addresses. */
  addresses: list(addressSchema),
  networkInterfaces: list(networkInterfaceSchema),
  instances: list(instanceSchema),
  securityGroups: list(securityGroupSchema),
  networkAcls: list(networkAclSchema),
  prefixLists: list(prefixListSchema),

  vpcEndpoints: list(vpcEndpointSchema),
  vpcEndpointServices: list(vpcEndpointServiceSchema),
  awsServices: list(awsServiceSchema),
  /** AWS's published public address ranges (ip-ranges.json), one entry per prefix and service. */
  awsIpRanges: list(awsIpRangeSchema),

  vpcPeeringConnections: list(vpcPeeringConnectionSchema),
  transitGateways: list(transitGatewaySchema),
  transitGatewayAttachments: list(transitGatewayAttachmentSchema),
  transitGatewayRouteTables: list(transitGatewayRouteTableSchema),

  vpnGateways: list(vpnGatewaySchema),
  customerGateways: list(customerGatewaySchema),
  vpnConnections: list(vpnConnectionSchema),
  onPremisesNetworks: list(onPremisesNetworkSchema),
  clientVpnEndpoints: list(clientVpnEndpointSchema),
  directConnectConnections: list(directConnectConnectionSchema),
  virtualInterfaces: list(virtualInterfaceSchema),
  directConnectGateways: list(directConnectGatewaySchema),

  loadBalancers: list(loadBalancerSchema),
  targetGroups: list(targetGroupSchema),
  listeners: list(listenerSchema),
  accelerators: list(acceleratorSchema),

  flowLogs: list(flowLogSchema),
  trafficMirrorTargets: list(trafficMirrorTargetSchema),
  trafficMirrorFilters: list(trafficMirrorFilterSchema),
  trafficMirrorSessions: list(trafficMirrorSessionSchema),
});

/** A validated topology, every default filled in. */
export type Topology = z.output<typeof topologySchema>;
/** What a person or the snapshot reader writes: optional collections and defaulted fields may be left out. */
export type TopologyInput = z.input<typeof topologySchema>;

export type Vpc = Topology["vpcs"][number];
export type Subnet = Topology["subnets"][number];
export type RouteTable = Topology["routeTables"][number];
export type Route = RouteTable["routes"][number];
export type InternetGateway = Topology["internetGateways"][number];
export type EgressOnlyInternetGateway = Topology["egressOnlyInternetGateways"][number];
export type CarrierGateway = Topology["carrierGateways"][number];
export type NatGateway = Topology["natGateways"][number];
export type Address = Topology["addresses"][number];
export type NetworkInterface = Topology["networkInterfaces"][number];
export type Instance = Topology["instances"][number];
export type SecurityGroup = Topology["securityGroups"][number];
export type IpPermission = SecurityGroup["ipPermissions"][number];
export type NetworkAcl = Topology["networkAcls"][number];
export type NetworkAclEntry = NetworkAcl["entries"][number];
export type PrefixList = Topology["prefixLists"][number];
export type VpcEndpoint = Topology["vpcEndpoints"][number];
export type VpcEndpointService = Topology["vpcEndpointServices"][number];
export type AwsService = Topology["awsServices"][number];
export type AwsIpRange = Topology["awsIpRanges"][number];
export type VpcPeeringConnection = Topology["vpcPeeringConnections"][number];
export type TransitGateway = Topology["transitGateways"][number];
export type TransitGatewayAttachment = Topology["transitGatewayAttachments"][number];
export type TransitGatewayRouteTable = Topology["transitGatewayRouteTables"][number];
export type TransitGatewayRoute = TransitGatewayRouteTable["routes"][number];
export type VpnGateway = Topology["vpnGateways"][number];
export type CustomerGateway = Topology["customerGateways"][number];
export type VpnConnection = Topology["vpnConnections"][number];
export type OnPremisesNetwork = Topology["onPremisesNetworks"][number];
export type ClientVpnEndpoint = Topology["clientVpnEndpoints"][number];
export type DirectConnectConnection = Topology["directConnectConnections"][number];
export type VirtualInterface = Topology["virtualInterfaces"][number];
export type DirectConnectGateway = Topology["directConnectGateways"][number];
export type LoadBalancer = Topology["loadBalancers"][number];
export type TargetGroup = Topology["targetGroups"][number];
export type Listener = Topology["listeners"][number];
export type Accelerator = Topology["accelerators"][number];
export type FlowLog = Topology["flowLogs"][number];
export type TrafficMirrorTarget = Topology["trafficMirrorTargets"][number];
export type TrafficMirrorFilter = Topology["trafficMirrorFilters"][number];
export type TrafficMirrorFilterRule = TrafficMirrorFilter["ingressFilterRules"][number];
export type TrafficMirrorSession = Topology["trafficMirrorSessions"][number];

export interface TopologyIssue {
  /** Dotted path into the topology, e.g. `subnets.2.cidrBlock`. */
  path: string;
  message: string;
}

export type ParseTopologyResult = { ok: true; topology: Topology } | { ok: false; issues: TopologyIssue[] };

/** Validate unknown input (a JSON file, an editor's state) into a topology; never throws. */
export function parseTopology(input: unknown): ParseTopologyResult {
  const parsed = topologySchema.safeParse(input);
  if (parsed.success) return { ok: true, topology: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map((p) => String(p)).join(".") || "(root)",
      message: issue.message,
    })),
  };
}
