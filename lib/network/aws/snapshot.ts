import { z } from "zod";
import * as clientVpn from "./shapes/client-vpn";
import * as dx from "./shapes/direct-connect";
import * as ec2 from "./shapes/ec2";
import * as ga from "./shapes/global-accelerator";
import * as ipRanges from "./shapes/ip-ranges";
import * as monitoring from "./shapes/monitoring";
import * as elbv2 from "./shapes/elbv2";
import * as tgw from "./shapes/transit-gateway";
import * as vpn from "./shapes/vpn";

/**
 * An AWS snapshot: the validated contents of unmodified `aws ec2 describe-*`
 * (and `aws elbv2 describe-*`) JSON outputs, and of AWS's published
 * `ip-ranges.json`, before they become a topology.
 *
 * This file is pure (no `fs`) so the browser can read uploaded files too;
 * `read-snapshot.ts` walks folders in Node.
 */

/** Where a resource was read from: the file, and the Region/account its folder names. */
export type SnapshotOrigin = { file: string; region?: string; accountId?: string };
export type Located<T> = { value: T; origin: SnapshotOrigin };

/**
 * Each list-valued top-level key an AWS output can carry, the schema of one
 * element, and the snapshot field it fills. Wrapped outputs (commands whose
 * output lacks the id of the thing they describe) appear as lists of wrappers.
 */
const listKeys = {
  Vpcs: { schema: ec2.vpcSchema, into: "vpcs" },
  Subnets: { schema: ec2.subnetSchema, into: "subnets" },
  RouteTables: { schema: ec2.routeTableSchema, into: "routeTables" },
  InternetGateways: { schema: ec2.internetGatewaySchema, into: "internetGateways" },
  EgressOnlyInternetGateways: { schema: ec2.egressOnlyInternetGatewaySchema, into: "egressOnlyInternetGateways" },
  CarrierGateways: { schema: ec2.carrierGatewaySchema, into: "carrierGateways" },
  NatGateways: { schema: ec2.natGatewaySchema, into: "natGateways" },
  SecurityGroups: { schema: ec2.securityGroupSchema, into: "securityGroups" },
  NetworkAcls: { schema: ec2.networkAclSchema, into: "networkAcls" },
  NetworkInterfaces: { schema: ec2.networkInterfaceSchema, into: "networkInterfaces" },
  Reservations: { schema: ec2.reservationSchema, into: "reservations" },
  Addresses: { schema: ec2.addressSchema, into: "addresses" },
  VpcPeeringConnections: { schema: ec2.vpcPeeringConnectionSchema, into: "vpcPeeringConnections" },
  VpcEndpoints: { schema: ec2.vpcEndpointSchema, into: "vpcEndpoints" },
  PrefixLists: { schema: ec2.prefixListSchema, into: "prefixLists" },
  ManagedPrefixLists: { schema: ec2.managedPrefixListSchema, into: "managedPrefixLists" },
  AvailabilityZones: { schema: ec2.availabilityZoneSchema, into: "availabilityZones" },
  TransitGateways: { schema: tgw.transitGatewaySchema, into: "transitGateways" },
  TransitGatewayAttachments: { schema: tgw.transitGatewayAttachmentSchema, into: "transitGatewayAttachments" },
  TransitGatewayVpcAttachments: { schema: tgw.transitGatewayVpcAttachmentSchema, into: "transitGatewayVpcAttachments" },
  TransitGatewayPeeringAttachments: {
    schema: tgw.transitGatewayPeeringAttachmentSchema,
    into: "transitGatewayPeeringAttachments",
  },
  TransitGatewayRouteTables: { schema: tgw.transitGatewayRouteTableSchema, into: "transitGatewayRouteTables" },
  // Batfish's collector: a list of wrapped `search-transit-gateway-routes` outputs.
  TransitGatewayStaticRoutes: { schema: tgw.transitGatewayRouteTableRoutesSchema, into: "transitGatewayRoutes" },
  // Batfish's collector: a list of wrapped `get-transit-gateway-route-table-propagations` outputs.
  TransitGatewayPropagations: {
    schema: tgw.transitGatewayRouteTablePropagationsSchema,
    into: "transitGatewayPropagations",
  },
  VpnGateways: { schema: vpn.vpnGatewaySchema, into: "vpnGateways" },
  CustomerGateways: { schema: vpn.customerGatewaySchema, into: "customerGateways" },
  VpnConnections: { schema: vpn.vpnConnectionSchema, into: "vpnConnections" },
  LoadBalancers: { schema: elbv2.loadBalancerSchema, into: "loadBalancers" },
  TargetGroups: { schema: elbv2.targetGroupSchema, into: "targetGroups" },
  Listeners: { schema: elbv2.listenerSchema, into: "listeners" },
  // Batfish's collector: listeners, target health and attributes grouped per load balancer / target group.
  LoadBalancerListeners: { schema: elbv2.loadBalancerListenersSchema, into: "loadBalancerListeners" },
  LoadBalancerTargetHealth: { schema: elbv2.targetGroupHealthSchema, into: "targetHealth" },
  LoadBalancerAttributes: { schema: elbv2.loadBalancerAttributesSchema, into: "loadBalancerAttributes" },
  ServiceConfigurations: { schema: ec2.serviceConfigurationSchema, into: "serviceConfigurations" },
  FlowLogs: { schema: monitoring.flowLogSchema, into: "flowLogs" },
  TrafficMirrorTargets: { schema: monitoring.trafficMirrorTargetSchema, into: "trafficMirrorTargets" },
  TrafficMirrorFilters: { schema: monitoring.trafficMirrorFilterSchema, into: "trafficMirrorFilters" },
  TrafficMirrorSessions: { schema: monitoring.trafficMirrorSessionSchema, into: "trafficMirrorSessions" },
  ClientVpnEndpoints: { schema: clientVpn.clientVpnEndpointSchema, into: "clientVpnEndpoints" },
  ClientVpnTargetNetworks: { schema: clientVpn.clientVpnTargetNetworkSchema, into: "clientVpnTargetNetworks" },
  AuthorizationRules: { schema: clientVpn.clientVpnAuthorizationRuleSchema, into: "clientVpnAuthorizationRules" },
  connections: { schema: dx.connectionSchema, into: "directConnectConnections" },
  virtualInterfaces: { schema: dx.virtualInterfaceSchema, into: "virtualInterfaces" },
  directConnectGateways: { schema: dx.directConnectGatewaySchema, into: "directConnectGateways" },
  directConnectGatewayAssociations: { schema: dx.directConnectGatewayAssociationSchema, into: "directConnectGatewayAssociations" },
  Accelerators: { schema: ga.acceleratorSchema, into: "accelerators" },
  EndpointGroups: { schema: ga.endpointGroupSchema, into: "endpointGroups" },
} as const;

/**
 * Outputs recognised but not needed: `describe-vpc-endpoint-services` is
 * AWS's catalogue of services, not resources of the account.
 */
const knownUnusedKeys = new Set(["ServiceDetails", "ServiceNames"]);

/**
 * Outputs that carry no id of their own subject, read when the id is added
 * beside them: `{"TransitGatewayRouteTableId": …, "Routes": […]}` and so on.
 * Recognised by the pair of keys.
 */
const wrappedOutputs = [
  { keys: ["TransitGatewayRouteTableId", "Routes"], schema: tgw.transitGatewayRouteTableRoutesSchema, into: "transitGatewayRoutes" },
  {
    keys: ["TransitGatewayRouteTableId", "TransitGatewayRouteTablePropagations"],
    schema: tgw.transitGatewayRouteTablePropagationsSchema,
    into: "transitGatewayPropagations",
  },
  {
    keys: ["TransitGatewayRouteTableId", "Associations"],
    schema: tgw.transitGatewayRouteTableAssociationsSchema,
    into: "transitGatewayAssociations",
  },
  { keys: ["PrefixListId", "Entries"], schema: ec2.managedPrefixListEntriesSchema, into: "managedPrefixListEntries" },
  { keys: ["TargetGroupArn", "TargetHealthDescriptions"], schema: elbv2.targetGroupHealthSchema, into: "targetHealth" },
  { keys: ["LoadBalancerArn", "Attributes"], schema: elbv2.loadBalancerAttributesSchema, into: "loadBalancerAttributes" },
] as const;

/** Keys that are part of every paged AWS output and say nothing about resources. */
const bookkeepingKeys = new Set(["NextToken", "ResponseMetadata", "Marker", "NextMarker"]);

/** Outputs that cannot be placed without their subject's id: say how to wrap them. */
const needsWrapping: Record<string, string> = {
  Routes: 'search-transit-gateway-routes output needs its table id: wrap it as {"TransitGatewayRouteTableId": "tgw-rtb-…", "Routes": […]}',
  TransitGatewayRouteTablePropagations:
    'get-transit-gateway-route-table-propagations output needs its table id: wrap it as {"TransitGatewayRouteTableId": "tgw-rtb-…", "TransitGatewayRouteTablePropagations": […]}',
  Associations:
    'get-transit-gateway-route-table-associations output needs its table id: wrap it as {"TransitGatewayRouteTableId": "tgw-rtb-…", "Associations": […]}',
  Entries: 'get-managed-prefix-list-entries output needs its list id: wrap it as {"PrefixListId": "pl-…", "Entries": […]}',
  TargetHealthDescriptions:
    'describe-target-health output needs its target group: wrap it as {"TargetGroupArn": "arn:…", "TargetHealthDescriptions": […]}',
  Attributes:
    'describe-load-balancer-attributes output needs its load balancer: wrap it as {"LoadBalancerArn": "arn:…", "Attributes": […]}',
};

type ListKey = keyof typeof listKeys;
type Into = (typeof listKeys)[ListKey]["into"] | (typeof wrappedOutputs)[number]["into"] | "clientVpnRoutes" | "acceleratorListeners" | "awsIpRanges";

export type AwsSnapshot = {
  vpcs: Located<ec2.AwsVpc>[];
  subnets: Located<ec2.AwsSubnet>[];
  routeTables: Located<ec2.AwsRouteTable>[];
  internetGateways: Located<ec2.AwsInternetGateway>[];
  egressOnlyInternetGateways: Located<ec2.AwsEgressOnlyInternetGateway>[];
  carrierGateways: Located<ec2.AwsCarrierGateway>[];
  natGateways: Located<ec2.AwsNatGateway>[];
  securityGroups: Located<ec2.AwsSecurityGroup>[];
  networkAcls: Located<ec2.AwsNetworkAcl>[];
  networkInterfaces: Located<ec2.AwsNetworkInterface>[];
  reservations: Located<ec2.AwsReservation>[];
  addresses: Located<ec2.AwsAddress>[];
  vpcPeeringConnections: Located<ec2.AwsVpcPeeringConnection>[];
  vpcEndpoints: Located<ec2.AwsVpcEndpoint>[];
  prefixLists: Located<ec2.AwsPrefixList>[];
  managedPrefixLists: Located<ec2.AwsManagedPrefixList>[];
  managedPrefixListEntries: Located<ec2.AwsManagedPrefixListEntries>[];
  availabilityZones: Located<ec2.AwsAvailabilityZone>[];
  transitGateways: Located<tgw.AwsTransitGateway>[];
  transitGatewayAttachments: Located<tgw.AwsTransitGatewayAttachment>[];
  transitGatewayVpcAttachments: Located<tgw.AwsTransitGatewayVpcAttachment>[];
  transitGatewayPeeringAttachments: Located<tgw.AwsTransitGatewayPeeringAttachment>[];
  transitGatewayRouteTables: Located<tgw.AwsTransitGatewayRouteTable>[];
  transitGatewayRoutes: Located<tgw.AwsTransitGatewayRouteTableRoutes>[];
  transitGatewayPropagations: Located<tgw.AwsTransitGatewayRouteTablePropagations>[];
  transitGatewayAssociations: Located<tgw.AwsTransitGatewayRouteTableAssociations>[];
  vpnGateways: Located<vpn.AwsVpnGateway>[];
  customerGateways: Located<vpn.AwsCustomerGateway>[];
  vpnConnections: Located<vpn.AwsVpnConnection>[];
  loadBalancers: Located<elbv2.AwsLoadBalancer>[];
  targetGroups: Located<elbv2.AwsTargetGroup>[];
  listeners: Located<elbv2.AwsListener>[];
  loadBalancerListeners: Located<elbv2.AwsLoadBalancerListeners>[];
  targetHealth: Located<elbv2.AwsTargetGroupHealth>[];
  loadBalancerAttributes: Located<elbv2.AwsLoadBalancerAttributes>[];
  serviceConfigurations: Located<ec2.AwsServiceConfiguration>[];
  flowLogs: Located<monitoring.AwsFlowLog>[];
  trafficMirrorTargets: Located<monitoring.AwsTrafficMirrorTarget>[];
  trafficMirrorFilters: Located<monitoring.AwsTrafficMirrorFilter>[];
  trafficMirrorSessions: Located<monitoring.AwsTrafficMirrorSession>[];
  clientVpnEndpoints: Located<clientVpn.AwsClientVpnEndpoint>[];
  clientVpnTargetNetworks: Located<clientVpn.AwsClientVpnTargetNetwork>[];
  clientVpnAuthorizationRules: Located<clientVpn.AwsClientVpnAuthorizationRule>[];
  clientVpnRoutes: Located<clientVpn.AwsClientVpnRoute>[];
  directConnectConnections: Located<dx.AwsConnection>[];
  virtualInterfaces: Located<dx.AwsVirtualInterface>[];
  directConnectGateways: Located<dx.AwsDirectConnectGateway>[];
  directConnectGatewayAssociations: Located<dx.AwsDirectConnectGatewayAssociation>[];
  accelerators: Located<ga.AwsAccelerator>[];
  acceleratorListeners: Located<ga.AwsAcceleratorListener>[];
  endpointGroups: Located<ga.AwsEndpointGroup>[];
  /** AWS's published address ranges, one per ip-ranges.json file read. */
  awsIpRanges: Located<ipRanges.AwsIpRanges>[];
};

// Every registry entry must fill a field of AwsSnapshot, and every field must be filled by one.
type _EveryIntoIsAField = Into extends keyof AwsSnapshot ? true : never;
type _EveryFieldHasAnInto = keyof AwsSnapshot extends Into ? true : never;
const _registryCoversSnapshot: [_EveryIntoIsAField, _EveryFieldHasAnInto] = [true, true];

export function emptySnapshot(): AwsSnapshot {
  const snapshot: Partial<Record<Into, unknown[]>> = {};
  for (const { into } of Object.values(listKeys)) snapshot[into] = [];
  for (const { into } of wrappedOutputs) snapshot[into] = [];
  snapshot.clientVpnRoutes = [];
  snapshot.acceleratorListeners = [];
  snapshot.awsIpRanges = [];
  return snapshot as AwsSnapshot;
}

export type SnapshotMessages = {
  errors: string[];
  warnings: string[];
  /** How many AWS outputs the document held (recognised keys or wrapped outputs). */
  outputs: number;
};

/** `$.Vpcs[2].CidrBlock`: the JSON path of a zod issue, as a person reads it. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    return issue.message.replace(/^Invalid input: /, "");
  }
  return issue.message;
}

function formatIssues(file: string, prefix: readonly PropertyKey[], error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${formatJsonPath([...prefix, ...issue.path])}: ${describeIssue(issue)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Add one parsed JSON document to the snapshot. Every recognised top-level
 * key is validated; unknown keys are reported as warnings and skipped;
 * malformed data is reported as errors naming the file and the JSON path.
 */
export function addSnapshotDocument(
  snapshot: AwsSnapshot,
  document: unknown,
  origin: SnapshotOrigin,
): SnapshotMessages {
  const messages: SnapshotMessages = { errors: [], warnings: [], outputs: 0 };
  const file = origin.file;
  if (!isPlainObject(document)) {
    messages.warnings.push(`${file}: not an AWS describe-* output (expected a JSON object at the top); ignored`);
    return messages;
  }
  const store = snapshot as unknown as Record<Into, Located<unknown>[]>;

  // AWS's ip-ranges.json: one document, its own keys (syncToken, createDate, prefixes, ipv6_prefixes).
  if (ipRanges.isIpRangesDocument(document)) {
    messages.outputs += 1;
    const parsed = ipRanges.ipRangesSchema.safeParse(document);
    if (!parsed.success) messages.errors.push(...formatIssues(file, [], parsed.error));
    else store.awsIpRanges.push({ value: parsed.data, origin });
    return messages;
  }

  const wrapped = wrappedOutputs.find(({ keys }) => keys.every((key) => key in document));
  if (wrapped) {
    messages.outputs += 1;
    const parsed = wrapped.schema.safeParse(document);
    if (!parsed.success) messages.errors.push(...formatIssues(file, [], parsed.error));
    else store[wrapped.into].push({ value: parsed.data, origin });
    return messages;
  }

  for (const [key, value] of Object.entries(document)) {
    if (bookkeepingKeys.has(key)) continue;
    // `elbv2 describe-listeners` and `globalaccelerator list-listeners` share the key
    // `Listeners`; Global Accelerator's carry its ARNs and no load balancer.
    if (key === "Listeners" && Array.isArray(value) && value.length > 0 && value.every((l) => isPlainObject(l) && !("LoadBalancerArn" in l) && String(l.ListenerArn).startsWith("arn:aws:globalaccelerator:"))) {
      messages.outputs += 1;
      const parsed = z.array(ga.acceleratorListenerSchema).safeParse(value);
      if (!parsed.success) messages.errors.push(...formatIssues(file, [key], parsed.error));
      else for (const element of parsed.data) store.acceleratorListeners.push({ value: element, origin });
      continue;
    }
    if (key in listKeys) {
      messages.outputs += 1;
      const { schema, into } = listKeys[key as ListKey];
      const parsed = z.array(schema as z.ZodType).safeParse(value);
      if (!parsed.success) {
        messages.errors.push(...formatIssues(file, [key], parsed.error));
        continue;
      }
      for (const element of parsed.data) store[into].push({ value: element, origin });
      continue;
    }
    if (knownUnusedKeys.has(key)) {
      messages.outputs += 1;
      continue;
    }
    // `describe-client-vpn-routes` and `search-transit-gateway-routes` share the key
    // `Routes`; Client VPN routes name their endpoint, transit gateway routes do not.
    if (key === "Routes" && Array.isArray(value) && value.length > 0 && value.every((r) => isPlainObject(r) && "ClientVpnEndpointId" in r)) {
      messages.outputs += 1;
      const parsed = z.array(clientVpn.clientVpnRouteSchema).safeParse(value);
      if (!parsed.success) messages.errors.push(...formatIssues(file, [key], parsed.error));
      else for (const element of parsed.data) store.clientVpnRoutes.push({ value: element, origin });
      continue;
    }
    const hint = needsWrapping[key];
    messages.warnings.push(
      hint ? `${file}: ${hint}; ignored` : `${file}: top-level key "${key}" is not an AWS output this reader knows; ignored`,
    );
  }
  return messages;
}

/** Every top-level key the reader understands, for help texts and docs. */
export const knownTopLevelKeys: readonly string[] = [
  ...Object.keys(listKeys),
  ...wrappedOutputs.map(({ keys }) => `{${keys.join(", ")}}`),
  // AWS's ip-ranges.json.
  "syncToken",
];

const regionPattern = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$/;
const accountPattern = /^[0-9]{12}$/;

/**
 * Region and account named by a snapshot's folders, as Batfish lays them out:
 * `us-east-1/Vpcs.json` and `accounts/123456789012/us-east-1/Vpcs.json`.
 */
export function originFromRelativePath(relativePath: string): SnapshotOrigin {
  const segments = relativePath.split(/[\\/]/).filter(Boolean);
  const origin: SnapshotOrigin = { file: relativePath };
  segments.slice(0, -1).forEach((segment, index) => {
    if (regionPattern.test(segment)) origin.region = segment;
    if (accountPattern.test(segment) && (index === 0 || segments[index - 1] === "accounts" || !origin.accountId)) {
      origin.accountId = segment;
    }
  });
  return origin;
}
