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
  Vpcs: { command: "aws ec2 describe-vpcs", schema: ec2.vpcSchema, into: "vpcs" },
  Subnets: { command: "aws ec2 describe-subnets", schema: ec2.subnetSchema, into: "subnets" },
  RouteTables: { command: "aws ec2 describe-route-tables", schema: ec2.routeTableSchema, into: "routeTables" },
  InternetGateways: { command: "aws ec2 describe-internet-gateways", schema: ec2.internetGatewaySchema, into: "internetGateways" },
  EgressOnlyInternetGateways: { command: "aws ec2 describe-egress-only-internet-gateways", schema: ec2.egressOnlyInternetGatewaySchema, into: "egressOnlyInternetGateways" },
  CarrierGateways: { command: "aws ec2 describe-carrier-gateways", schema: ec2.carrierGatewaySchema, into: "carrierGateways" },
  NatGateways: { command: "aws ec2 describe-nat-gateways", schema: ec2.natGatewaySchema, into: "natGateways" },
  SecurityGroups: { command: "aws ec2 describe-security-groups", schema: ec2.securityGroupSchema, into: "securityGroups" },
  NetworkAcls: { command: "aws ec2 describe-network-acls", schema: ec2.networkAclSchema, into: "networkAcls" },
  NetworkInterfaces: { command: "aws ec2 describe-network-interfaces", schema: ec2.networkInterfaceSchema, into: "networkInterfaces" },
  Reservations: { command: "aws ec2 describe-instances", schema: ec2.reservationSchema, into: "reservations" },
  Addresses: { command: "aws ec2 describe-addresses", schema: ec2.addressSchema, into: "addresses" },
  VpcPeeringConnections: { command: "aws ec2 describe-vpc-peering-connections", schema: ec2.vpcPeeringConnectionSchema, into: "vpcPeeringConnections" },
  VpcEndpoints: { command: "aws ec2 describe-vpc-endpoints", schema: ec2.vpcEndpointSchema, into: "vpcEndpoints" },
  // `PrefixLists` is printed by two commands, told apart element by element (see addSnapshotDocument).
  PrefixLists: { command: "aws ec2 describe-prefix-lists", schema: ec2.prefixListSchema, into: "prefixLists" },
  AvailabilityZones: { command: "aws ec2 describe-availability-zones", schema: ec2.availabilityZoneSchema, into: "availabilityZones" },
  TransitGateways: { command: "aws ec2 describe-transit-gateways", schema: tgw.transitGatewaySchema, into: "transitGateways" },
  TransitGatewayAttachments: { command: "aws ec2 describe-transit-gateway-attachments", schema: tgw.transitGatewayAttachmentSchema, into: "transitGatewayAttachments" },
  TransitGatewayVpcAttachments: { command: "aws ec2 describe-transit-gateway-vpc-attachments", schema: tgw.transitGatewayVpcAttachmentSchema, into: "transitGatewayVpcAttachments" },
  TransitGatewayPeeringAttachments: {
    command: "aws ec2 describe-transit-gateway-peering-attachments",
    schema: tgw.transitGatewayPeeringAttachmentSchema,
    into: "transitGatewayPeeringAttachments",
  },
  TransitGatewayRouteTables: { command: "aws ec2 describe-transit-gateway-route-tables", schema: tgw.transitGatewayRouteTableSchema, into: "transitGatewayRouteTables" },
  // Batfish's collector: a list of wrapped `search-transit-gateway-routes` outputs.
  TransitGatewayStaticRoutes: { command: "Batfish's search-transit-gateway-routes collection", schema: tgw.transitGatewayRouteTableRoutesSchema, into: "transitGatewayRoutes" },
  // Batfish's collector: a list of wrapped `get-transit-gateway-route-table-propagations` outputs.
  TransitGatewayPropagations: {
    command: "Batfish's get-transit-gateway-route-table-propagations collection",
    schema: tgw.transitGatewayRouteTablePropagationsSchema,
    into: "transitGatewayPropagations",
  },
  VpnGateways: { command: "aws ec2 describe-vpn-gateways", schema: vpn.vpnGatewaySchema, into: "vpnGateways" },
  CustomerGateways: { command: "aws ec2 describe-customer-gateways", schema: vpn.customerGatewaySchema, into: "customerGateways" },
  VpnConnections: { command: "aws ec2 describe-vpn-connections", schema: vpn.vpnConnectionSchema, into: "vpnConnections" },
  LoadBalancers: { command: "aws elbv2 describe-load-balancers", schema: elbv2.loadBalancerSchema, into: "loadBalancers" },
  TargetGroups: { command: "aws elbv2 describe-target-groups", schema: elbv2.targetGroupSchema, into: "targetGroups" },
  Listeners: { command: "aws elbv2 describe-listeners", schema: elbv2.listenerSchema, into: "listeners" },
  // Batfish's collector: listeners, target health and attributes grouped per load balancer / target group.
  LoadBalancerListeners: { command: "Batfish's describe-listeners collection", schema: elbv2.loadBalancerListenersSchema, into: "loadBalancerListeners" },
  LoadBalancerTargetHealth: { command: "Batfish's describe-target-health collection", schema: elbv2.targetGroupHealthSchema, into: "targetHealth" },
  LoadBalancerAttributes: { command: "Batfish's describe-load-balancer-attributes collection", schema: elbv2.loadBalancerAttributesSchema, into: "loadBalancerAttributes" },
  ServiceConfigurations: { command: "aws ec2 describe-vpc-endpoint-service-configurations", schema: ec2.serviceConfigurationSchema, into: "serviceConfigurations" },
  FlowLogs: { command: "aws ec2 describe-flow-logs", schema: monitoring.flowLogSchema, into: "flowLogs" },
  TrafficMirrorTargets: { command: "aws ec2 describe-traffic-mirror-targets", schema: monitoring.trafficMirrorTargetSchema, into: "trafficMirrorTargets" },
  TrafficMirrorFilters: { command: "aws ec2 describe-traffic-mirror-filters", schema: monitoring.trafficMirrorFilterSchema, into: "trafficMirrorFilters" },
  TrafficMirrorSessions: { command: "aws ec2 describe-traffic-mirror-sessions", schema: monitoring.trafficMirrorSessionSchema, into: "trafficMirrorSessions" },
  ClientVpnEndpoints: { command: "aws ec2 describe-client-vpn-endpoints", schema: clientVpn.clientVpnEndpointSchema, into: "clientVpnEndpoints" },
  ClientVpnTargetNetworks: { command: "aws ec2 describe-client-vpn-target-networks", schema: clientVpn.clientVpnTargetNetworkSchema, into: "clientVpnTargetNetworks" },
  AuthorizationRules: { command: "aws ec2 describe-client-vpn-authorization-rules", schema: clientVpn.clientVpnAuthorizationRuleSchema, into: "clientVpnAuthorizationRules" },
  connections: { command: "aws directconnect describe-connections", schema: dx.connectionSchema, into: "directConnectConnections" },
  virtualInterfaces: { command: "aws directconnect describe-virtual-interfaces", schema: dx.virtualInterfaceSchema, into: "virtualInterfaces" },
  directConnectGateways: { command: "aws directconnect describe-direct-connect-gateways", schema: dx.directConnectGatewaySchema, into: "directConnectGateways" },
  directConnectGatewayAssociations: { command: "aws directconnect describe-direct-connect-gateway-associations", schema: dx.directConnectGatewayAssociationSchema, into: "directConnectGatewayAssociations" },
  Accelerators: { command: "aws globalaccelerator list-accelerators", schema: ga.acceleratorSchema, into: "accelerators" },
  EndpointGroups: { command: "aws globalaccelerator list-endpoint-groups", schema: ga.endpointGroupSchema, into: "endpointGroups" },
} as const;

/**
 * Outputs recognised but not needed: `describe-vpc-endpoint-services` is
 * AWS's catalogue of services, not resources of the account.
 */
const knownUnusedKeys = new Set(["ServiceDetails", "ServiceNames"]);

/**
 * Outputs that carry no id of their own subject. Each is read either wrapped
 * with the id beside it (`{"TransitGatewayRouteTableId": …, "Routes": […]}`,
 * recognised by the pair of keys, as Batfish's collector writes them), or
 * exactly as the CLI prints it when the file's name holds the id
 * (`search-transit-gateway-routes.tgw-rtb-0123456789abcdef0.json`; see
 * `subjectFromPath`).
 */
const wrappedOutputs = [
  {
    keys: ["TransitGatewayRouteTableId", "Routes"],
    subject: "transit-gateway-route-table",
    command: "aws ec2 search-transit-gateway-routes",
    schema: tgw.transitGatewayRouteTableRoutesSchema,
    into: "transitGatewayRoutes",
  },
  {
    keys: ["TransitGatewayRouteTableId", "TransitGatewayRouteTablePropagations"],
    subject: "transit-gateway-route-table",
    command: "aws ec2 get-transit-gateway-route-table-propagations",
    schema: tgw.transitGatewayRouteTablePropagationsSchema,
    into: "transitGatewayPropagations",
  },
  {
    keys: ["TransitGatewayRouteTableId", "Associations"],
    subject: "transit-gateway-route-table",
    command: "aws ec2 get-transit-gateway-route-table-associations",
    schema: tgw.transitGatewayRouteTableAssociationsSchema,
    into: "transitGatewayAssociations",
  },
  {
    keys: ["PrefixListId", "Entries"],
    subject: "prefix-list",
    command: "aws ec2 get-managed-prefix-list-entries",
    schema: ec2.managedPrefixListEntriesSchema,
    into: "managedPrefixListEntries",
  },
  {
    keys: ["TargetGroupArn", "TargetHealthDescriptions"],
    subject: "target-group",
    command: "aws elbv2 describe-target-health",
    schema: elbv2.targetGroupHealthSchema,
    into: "targetHealth",
  },
  {
    keys: ["LoadBalancerArn", "Attributes"],
    subject: "load-balancer",
    command: "aws elbv2 describe-load-balancer-attributes",
    schema: elbv2.loadBalancerAttributesSchema,
    into: "loadBalancerAttributes",
  },
] as const;

type SubjectKind = (typeof wrappedOutputs)[number]["subject"];

/** Keys that are part of every paged AWS output and say nothing about resources. */
const bookkeepingKeys = new Set(["NextToken", "nextToken", "ResponseMetadata", "Marker", "NextMarker", "AdditionalRoutesAvailable"]);

/** What a file name must hold for each subject, and an example. */
const subjectPatterns: Record<SubjectKind, { test: (token: string) => boolean; example: string; what: string }> = {
  "transit-gateway-route-table": { test: (t) => /^tgw-rtb-[A-Za-z0-9][A-Za-z0-9-]*$/.test(t), example: "tgw-rtb-0123456789abcdef0", what: "transit gateway route table id" },
  "prefix-list": { test: (t) => /^pl-[A-Za-z0-9][A-Za-z0-9-]*$/.test(t), example: "pl-0123456789abcdef0", what: "prefix list id" },
  "target-group": {
    test: (t) => /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]*:[0-9]*:targetgroup\/[^/]+\/[^/]+$/.test(t),
    example: "arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Atargetgroup%2Fweb%2F0123456789abcdef",
    what: "target group ARN",
  },
  "load-balancer": {
    test: (t) => /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]*:[0-9]*:loadbalancer\/.+$/.test(t),
    example: "arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Aloadbalancer%2Fnet%2Fweb%2F0123456789abcdef",
    what: "load balancer ARN",
  },
};

function decodeToken(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/**
 * The subject a file's path names, for an output that lacks its subject's id:
 * the path is cut at `/`, `\` and `.`, and the piece that is a transit gateway
 * route table id, a prefix list id or a (percent-encoded) ELB ARN is the
 * subject. The file's own name is searched first, then its folders, nearest
 * first, so `get-managed-prefix-list-entries.pl-0abc.json`,
 * `get-managed-prefix-list-entries/pl-0abc.json` and
 * `pl-0abc/get-managed-prefix-list-entries.2.json` all name `pl-0abc`.
 */
export function subjectFromPath(path: string, kind: SubjectKind): { subject: string } | { problem: string } | undefined {
  const segments = path.split(/[\\/]/).filter(Boolean).reverse();
  for (const segment of segments) {
    const found = [...new Set(segment.split(".").map(decodeToken).filter((t) => subjectPatterns[kind].test(t)))];
    if (found.length === 1) return { subject: found[0] as string };
    if (found.length > 1) return { problem: `its name holds ${found.length} ${subjectPatterns[kind].what}s (${found.join(", ")}), so it does not say which one the output belongs to` };
  }
  return undefined;
}

/**
 * The name under which the capture script saves an output that lacks its
 * subject's id: `search-transit-gateway-routes.tgw-rtb-0abc`; an ARN is
 * percent-encoded (`:` → `%3A`, `/` → `%2F`) so it fits in a file name.
 * `.json` is added by whoever writes the file.
 */
export function subjectFileName(command: string, subject: string): string {
  return `${command}.${subject.replace(/%/g, "%25").replace(/:/g, "%3A").replace(/\//g, "%2F")}`;
}

function needsSubjectHint(output: (typeof wrappedOutputs)[number]): string {
  const [subjectKey, key] = output.keys;
  const pattern = subjectPatterns[output.subject];
  const command = output.command.replace(/^aws [a-z0-9]+ /, "");
  const encoded = pattern.what.endsWith("ARN") ? ", the ARN percent-encoded: : as %3A, / as %2F" : "";
  return `${output.command} output does not say which ${output.subject.replace(/-/g, " ")} it belongs to: name the file after it (${command}.${pattern.example}.json${encoded}) or wrap it as {"${subjectKey}": "…", "${key}": […]}`;
}

type ListKey = keyof typeof listKeys;
type Into = (typeof listKeys)[ListKey]["into"] | (typeof wrappedOutputs)[number]["into"] | "clientVpnRoutes" | "acceleratorListeners" | "awsIpRanges" | "managedPrefixLists";

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
  snapshot.managedPrefixLists = [];
  snapshot.awsIpRanges = [];
  return snapshot as AwsSnapshot;
}

/** One AWS output found in a document, and how many elements of it were read. */
export type SnapshotOutputRead = {
  /** The CLI command that prints it (`aws ec2 describe-vpcs`), or the collector that wrote it. */
  command: string;
  /** Its top-level key (`Vpcs`). */
  key: string;
  /** Elements read (invalid elements are left out and reported as errors). */
  count: number;
  /** For outputs without their subject's id: the subject, from the wrapper or the file's name. */
  subject?: string;
};

export type SnapshotMessages = {
  errors: string[];
  warnings: string[];
  /** How many AWS outputs the document held (recognised keys or wrapped outputs). */
  outputs: number;
  /** What was read, per output. */
  read: SnapshotOutputRead[];
  /** The `NextToken` of a page of a paginated output (`--max-items`), when the document is one. */
  nextToken?: string;
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
 * Validate a list output element by element: the valid elements are kept,
 * each invalid one is reported (file and JSON path) and left out, so one bad
 * element does not discard its neighbours. A value that is not a list at all
 * (AWS also sends `null` for an empty list) is reported as a whole.
 */
function readList<T>(schema: z.ZodType<T>, value: unknown, file: string, key: string, errors: string[]): T[] | undefined {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    errors.push(`${file}: ${formatJsonPath([key])}: expected a list, received ${typeof value}`);
    return undefined;
  }
  const out: T[] = [];
  value.forEach((element, n) => {
    const parsed = schema.safeParse(element);
    if (parsed.success) out.push(parsed.data);
    else errors.push(...formatIssues(file, [key, n], parsed.error));
  });
  return out;
}

/**
 * Add one parsed JSON document to the snapshot. Every recognised top-level
 * key is validated element by element; unknown keys are reported as warnings
 * and skipped; malformed elements are reported as errors naming the file and
 * the JSON path, and left out while the rest is read.
 */
export function addSnapshotDocument(
  snapshot: AwsSnapshot,
  document: unknown,
  origin: SnapshotOrigin,
): SnapshotMessages {
  const messages: SnapshotMessages = { errors: [], warnings: [], outputs: 0, read: [] };
  const file = origin.file;
  if (!isPlainObject(document)) {
    messages.warnings.push(`${file}: not an AWS describe-* output (expected a JSON object at the top); ignored`);
    return messages;
  }
  const store = snapshot as unknown as Record<Into, Located<unknown>[]>;
  // EC2, ELB (NextMarker) and Global Accelerator spell it in PascalCase, Direct Connect in camelCase.
  const nextToken = [document.NextToken, document.nextToken, document.NextMarker].find((t) => typeof t === "string" && t !== "");
  if (typeof nextToken === "string") messages.nextToken = nextToken;

  // AWS's ip-ranges.json: one document, its own keys (syncToken, createDate, prefixes, ipv6_prefixes).
  if (ipRanges.isIpRangesDocument(document)) {
    messages.outputs += 1;
    const parsed = ipRanges.ipRangesSchema.safeParse(document);
    if (!parsed.success) messages.errors.push(...formatIssues(file, [], parsed.error));
    else {
      store.awsIpRanges.push({ value: parsed.data, origin });
      messages.read.push({ command: "ip-ranges.json", key: "prefixes", count: parsed.data.prefixes.length + parsed.data.ipv6_prefixes.length });
    }
    return messages;
  }

  // An output without its subject's id: wrapped with it, or named by the file.
  const wrapped = wrappedOutputs.find(({ keys }) => keys[1] in document && (keys[0] in document || !(keys[1] === "Routes" && isClientVpnRoutes(document.Routes))));
  if (wrapped) {
    const [subjectKey, key] = wrapped.keys;
    let subject = typeof document[subjectKey] === "string" ? (document[subjectKey] as string) : undefined;
    if (subject === undefined && !(subjectKey in document)) {
      const named = subjectFromPath(file, wrapped.subject);
      const list = document[key];
      if ((!named || "problem" in named) && (list === null || (Array.isArray(list) && list.length === 0))) {
        // Nothing to place: an empty output needs no subject (describe-client-vpn-routes of an endpoint
        // without routes prints the same `{"Routes": []}` as search-transit-gateway-routes).
        messages.outputs += 1;
        messages.read.push({ command: /client-vpn/.test(file) ? "aws ec2 describe-client-vpn-routes" : wrapped.command, key, count: 0 });
        return messages;
      }
      if (named && "problem" in named) {
        messages.warnings.push(`${file}: ${wrapped.command} output: ${named.problem}; ignored`);
        return messages;
      }
      if (!named) {
        messages.warnings.push(`${file}: ${needsSubjectHint(wrapped)}; ignored`);
        return messages;
      }
      subject = named.subject;
    }
    messages.outputs += 1;
    const { [key]: list, ...rest } = document;
    const header = wrapped.schema.safeParse({ ...rest, [subjectKey]: subject ?? document[subjectKey], [key]: [] });
    if (!header.success) {
      messages.errors.push(...formatIssues(file, [], header.error));
      return messages;
    }
    const elements = readList(listElementSchema(wrapped.schema, key), list, file, key, messages.errors);
    if (elements === undefined) return messages;
    store[wrapped.into].push({ value: { ...header.data, [key]: elements }, origin });
    messages.read.push({ command: wrapped.command, key, count: elements.length, ...(subject !== undefined ? { subject } : {}) });
    if (key === "Routes" && document.AdditionalRoutesAvailable === true) {
      // search-transit-gateway-routes returns at most --max-results routes and says when there are more.
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SearchTransitGatewayRoutes.html
      messages.warnings.push(`${file}: search-transit-gateway-routes says more routes are available than it returned (AdditionalRoutesAvailable) for ${subject ?? "this table"}: run it again with --max-results 1000, or split the search with --filters (e.g. Name=route-search.subnet-of-match,Values=10.0.0.0/8), and add the outputs`);
    }
    return messages;
  }

  for (const [key, value] of Object.entries(document)) {
    if (bookkeepingKeys.has(key)) continue;
    // `elbv2 describe-listeners` and `globalaccelerator list-listeners` share the key
    // `Listeners`; Global Accelerator's carry its ARNs and no load balancer.
    if (key === "Listeners" && Array.isArray(value) && value.length > 0 && value.every((l) => isPlainObject(l) && !("LoadBalancerArn" in l) && String(l.ListenerArn).startsWith("arn:aws:globalaccelerator:"))) {
      messages.outputs += 1;
      const elements = readList(ga.acceleratorListenerSchema, value, file, key, messages.errors);
      if (elements === undefined) continue;
      for (const element of elements) store.acceleratorListeners.push({ value: element, origin });
      messages.read.push({ command: "aws globalaccelerator list-listeners", key, count: elements.length });
      continue;
    }
    // describe-prefix-lists (AWS-managed lists with their Cidrs) and describe-managed-prefix-lists
    // (every managed list, no entries) both print `PrefixLists`; only the first has `Cidrs`.
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_PrefixList.html
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ManagedPrefixList.html
    if (key === "PrefixLists" && Array.isArray(value)) {
      messages.outputs += 1;
      let plain = 0;
      let managed = 0;
      value.forEach((element, n) => {
        const isManaged = isPlainObject(element) && !("Cidrs" in element);
        const parsed = (isManaged ? ec2.managedPrefixListSchema : ec2.prefixListSchema).safeParse(element);
        if (!parsed.success) {
          messages.errors.push(...formatIssues(file, [key, n], parsed.error));
          return;
        }
        if (isManaged) {
          store.managedPrefixLists.push({ value: parsed.data, origin });
          managed += 1;
        } else {
          store.prefixLists.push({ value: parsed.data, origin });
          plain += 1;
        }
      });
      if (plain > 0 || managed === 0) messages.read.push({ command: "aws ec2 describe-prefix-lists", key, count: plain });
      if (managed > 0) messages.read.push({ command: "aws ec2 describe-managed-prefix-lists", key, count: managed });
      continue;
    }
    if (key in listKeys) {
      messages.outputs += 1;
      const { schema, into, command } = listKeys[key as ListKey];
      const elements = readList(schema as z.ZodType, value, file, key, messages.errors);
      if (elements === undefined) continue;
      for (const element of elements) store[into].push({ value: element, origin });
      messages.read.push({ command, key, count: elements.length });
      continue;
    }
    if (knownUnusedKeys.has(key)) {
      messages.outputs += 1;
      messages.read.push({ command: "aws ec2 describe-vpc-endpoint-services", key, count: 0 });
      continue;
    }
    // `describe-client-vpn-routes` and `search-transit-gateway-routes` share the key
    // `Routes`; Client VPN routes name their endpoint, transit gateway routes do not.
    if (key === "Routes" && isClientVpnRoutes(value)) {
      messages.outputs += 1;
      const elements = readList(clientVpn.clientVpnRouteSchema, value, file, key, messages.errors);
      if (elements === undefined) continue;
      for (const element of elements) store.clientVpnRoutes.push({ value: element, origin });
      messages.read.push({ command: "aws ec2 describe-client-vpn-routes", key, count: elements.length });
      continue;
    }
    messages.warnings.push(`${file}: top-level key "${key}" is not an AWS output this reader knows; ignored`);
  }
  return messages;
}

/** Client VPN routes name their endpoint; an empty list is read as a transit gateway's (it adds nothing either way). */
function isClientVpnRoutes(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((r) => isPlainObject(r) && "ClientVpnEndpointId" in r);
}

/** The schema of one element of a wrapped output's list. */
function listElementSchema(schema: z.ZodObject, key: string): z.ZodType {
  const field = schema.shape[key];
  // Wrapped lists are `awsList(element)`: a nullish array piped through a transform.
  const element = findArrayElement(field);
  if (!element) throw new Error(`snapshot: ${key} is not a list in its wrapped schema`);
  return element;
}

function findArrayElement(type: unknown): z.ZodType | undefined {
  if (type instanceof z.ZodArray) return type.element as z.ZodType;
  if (type instanceof z.ZodPipe) return findArrayElement(type.in) ?? findArrayElement(type.out);
  if (type instanceof z.ZodOptional || type instanceof z.ZodNullable) return findArrayElement(type.unwrap());
  return undefined;
}

/**
 * Pages of one paginated output (`--max-items` writes a `NextToken` into all
 * but the last page) are read as they come and merged; a page whose output no
 * other file holds is missing its next page, and is reported.
 */
export function paginationWarnings(documents: readonly { file: string; messages: SnapshotMessages }[]): string[] {
  const warnings: string[] = [];
  for (const { file, messages } of documents) {
    if (messages.nextToken === undefined) continue;
    const keys = messages.read.map((r) => `${r.key}${r.subject ? `@${r.subject}` : ""}`);
    const continued = documents.some((other) => other.file !== file && other.messages.read.some((r) => keys.includes(`${r.key}${r.subject ? `@${r.subject}` : ""}`)));
    if (!continued) {
      const commands = [...new Set(messages.read.map((r) => r.command))].join(", ") || "its output";
      warnings.push(`${file}: is one page of ${commands} (it holds a NextToken) and no other file continues it: run the command again with --starting-token (or without --max-items, so the CLI fetches every page) and add the output`);
    }
  }
  return warnings;
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
