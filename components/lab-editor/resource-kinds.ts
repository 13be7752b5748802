import { z } from "zod";
import { topologySchema } from "@/lib/network";
import { getIn, isJsonObject, type Json, type JsonObject } from "./document";

/**
 * What the editor knows about each collection of the evaluator's topology: its label, the
 * JSON Schema of one element (generated from the evaluator's own zod schema, so the forms
 * never drift from the model), its id field, and a starting value for "Add".
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | boolean | null)[];
  anyOf?: JsonSchema[];
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
};

export type Collection = Exclude<keyof typeof topologySchema.shape, "schemaVersion" | "name" | "description">;

const labels: Record<Collection, string> = {
  vpcs: "VPCs",
  subnets: "Subnets",
  routeTables: "Route tables",
  internetGateways: "Internet gateways",
  egressOnlyInternetGateways: "Egress-only internet gateways",
  carrierGateways: "Carrier gateways",
  natGateways: "NAT gateways",
  addresses: "Elastic IPs",
  networkInterfaces: "Network interfaces",
  instances: "Instances",
  securityGroups: "Security groups",
  networkAcls: "Network ACLs",
  prefixLists: "Prefix lists",
  vpcEndpoints: "VPC endpoints",
  vpcEndpointServices: "Endpoint services (PrivateLink)",
  awsServices: "AWS services",
  awsIpRanges: "AWS IP address ranges",
  vpcPeeringConnections: "Peering connections",
  transitGateways: "Transit gateways",
  transitGatewayAttachments: "TGW attachments",
  transitGatewayRouteTables: "TGW route tables",
  vpnGateways: "Virtual private gateways",
  customerGateways: "Customer gateways",
  vpnConnections: "Site-to-Site VPNs",
  onPremisesNetworks: "On-premises networks",
  clientVpnEndpoints: "Client VPN endpoints",
  directConnectConnections: "Direct Connect connections",
  virtualInterfaces: "Virtual interfaces (DX)",
  directConnectGateways: "Direct Connect gateways",
  loadBalancers: "Load balancers",
  targetGroups: "Target groups",
  listeners: "Listeners",
  accelerators: "Global Accelerators",
  flowLogs: "Flow logs",
  trafficMirrorTargets: "Traffic mirror targets",
  trafficMirrorFilters: "Traffic mirror filters",
  trafficMirrorSessions: "Traffic mirror sessions",
};

/** The collections in the order the editor lists them: the order of the model. */
export const collections = Object.keys(labels) as Collection[];

export function collectionLabel(c: Collection): string {
  return labels[c];
}

/** "Subnets" → "subnet", for button names ("Add subnet"). */
export function singularLabel(c: Collection): string {
  const custom: Partial<Record<Collection, string>> = {
    vpcs: "VPC",
    addresses: "Elastic IP",
    vpcEndpointServices: "endpoint service",
    awsServices: "AWS service",
    awsIpRanges: "AWS IP address range",
    virtualInterfaces: "virtual interface",
    accelerators: "Global Accelerator",
    onPremisesNetworks: "on-premises network",
    vpnConnections: "Site-to-Site VPN",
    networkAcls: "network ACL",
    transitGatewayAttachments: "TGW attachment",
    transitGatewayRouteTables: "TGW route table",
  };
  return custom[c] ?? labels[c].replace(/s$/, "").replace(/^([A-Z])(?=[a-z])/, (m) => m.toLowerCase());
}

const schemaCache = new Map<Collection, JsonSchema>();

/** JSON Schema (input side: defaults optional) of one element of a collection. */
export function elementSchema(c: Collection): JsonSchema {
  const cached = schemaCache.get(c);
  if (cached) return cached;
  const json = z.toJSONSchema(topologySchema.shape[c], { io: "input", unrepresentable: "any" }) as JsonSchema;
  const element = json.items ?? {};
  schemaCache.set(c, element);
  return element;
}

/** The field holding an element's id: the first field of every resource in the model. */
export function idKey(c: Collection): string {
  return Object.keys(elementSchema(c).properties ?? {})[0] ?? "id";
}

export function idOf(c: Collection, element: Json | undefined): string {
  const value = isJsonObject(element) ? element[idKey(c)] : undefined;
  return typeof value === "string" && value ? value : "(no id)";
}

export function nameTagOf(element: Json | undefined): string | undefined {
  const tags = isJsonObject(element) ? element.tags : undefined;
  if (!Array.isArray(tags)) return undefined;
  for (const t of tags) if (isJsonObject(t) && t.key === "Name" && typeof t.value === "string") return t.value;
  return undefined;
}

export function elementsOf(doc: Json, c: Collection): Json[] {
  const list = getIn(doc, [c]);
  return Array.isArray(list) ? list : [];
}

/** Finds the collection and index of the resource a diagram node stands for. */
export function locate(doc: Json, id: string): { collection: Collection; index: number } | null {
  const bare = id.split("@")[0] ?? id;
  for (const c of collections) {
    const index = elementsOf(doc, c).findIndex((e) => idOf(c, e) === bare);
    if (index >= 0) return { collection: c, index };
  }
  return null;
}

const idPrefix: Partial<Record<Collection, string>> = {
  vpcs: "vpc", subnets: "subnet", routeTables: "rtb", internetGateways: "igw", egressOnlyInternetGateways: "eigw",
  carrierGateways: "cagw", natGateways: "nat", addresses: "eipalloc", networkInterfaces: "eni", instances: "i",
  securityGroups: "sg", networkAcls: "acl", prefixLists: "pl", vpcEndpoints: "vpce", vpcEndpointServices: "vpce-svc",
  vpcPeeringConnections: "pcx", transitGateways: "tgw", transitGatewayAttachments: "tgw-attach", transitGatewayRouteTables: "tgw-rtb",
  vpnGateways: "vgw", customerGateways: "cgw", vpnConnections: "vpn", onPremisesNetworks: "onprem", clientVpnEndpoints: "cvpn-endpoint",
  directConnectConnections: "dxcon", virtualInterfaces: "dxvif", directConnectGateways: "dxgw", flowLogs: "fl",
  trafficMirrorTargets: "tmt", trafficMirrorFilters: "tmf", trafficMirrorSessions: "tms",
};

// Load balancers, their target groups and listeners, and accelerators are named by ARNs.
const arnOf: Partial<Record<Collection, (n: number) => string>> = {
  loadBalancers: (n) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/new-${n}/0123abcd`,
  targetGroups: (n) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/new-${n}/0123abcd`,
  listeners: (n) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/new-${n}/0123abcd/0123abcd`,
  accelerators: (n) => `arn:aws:globalaccelerator::123456789012:accelerator/new-${n}`,
};

/** An id not used yet in the collection: `subnet-new-1`, `subnet-new-2`, … */
export function freshId(doc: Json, c: Collection): string {
  const prefix = idPrefix[c] ?? c.toLowerCase();
  const taken = new Set(elementsOf(doc, c).map((e) => idOf(c, e)));
  for (let n = 1; ; n++) {
    const id = arnOf[c]?.(n) ?? `${prefix}-new-${n}`;
    if (!taken.has(id)) return id;
  }
}

function firstId(doc: Json, c: Collection): string {
  const first = elementsOf(doc, c)[0];
  return first === undefined ? "" : idOf(c, first);
}

/** A new element with its required fields filled in sensibly, so the form starts close to valid. */
export function newElement(doc: Json, c: Collection): JsonObject {
  const id = freshId(doc, c);
  const vpcId = firstId(doc, "vpcs");
  const subnetId = firstId(doc, "subnets");
  switch (c) {
    case "vpcs":
      return { vpcId: id, cidrBlock: "10.1.0.0/16", tags: [{ key: "Name", value: id }] };
    case "subnets":
      return { subnetId: id, vpcId, cidrBlock: "", availabilityZone: "us-east-1a", mapPublicIpOnLaunch: false, tags: [{ key: "Name", value: id }] };
    case "routeTables":
      return { routeTableId: id, vpcId, associations: [], routes: [] };
    case "internetGateways":
      return { internetGatewayId: id, attachments: vpcId ? [{ vpcId }] : [] };
    case "egressOnlyInternetGateways":
      return { egressOnlyInternetGatewayId: id, attachments: vpcId ? [{ vpcId }] : [] };
    case "natGateways":
      return { natGatewayId: id, vpcId, subnetId, connectivityType: "public" };
    case "instances":
      return { instanceId: id, subnetId, privateIpAddress: "", securityGroupIds: [], tags: [{ key: "Name", value: id }] };
    case "securityGroups":
      return { groupId: id, groupName: id, vpcId, ipPermissions: [] };
    case "networkAcls":
      return { networkAclId: id, vpcId, associations: [], entries: [] };
    case "vpcEndpoints":
      return { vpcEndpointId: id, vpcEndpointType: "Gateway", vpcId, serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: [] };
    case "vpcPeeringConnections":
      return { vpcPeeringConnectionId: id, requesterVpcInfo: { vpcId }, accepterVpcInfo: { vpcId: "" } };
    case "transitGateways":
      return { transitGatewayId: id };
    case "transitGatewayAttachments":
      return { transitGatewayAttachmentId: id, transitGatewayId: firstId(doc, "transitGateways"), resourceType: "vpc", resourceId: vpcId, subnetIds: subnetId ? [subnetId] : [] };
    case "transitGatewayRouteTables":
      return { transitGatewayRouteTableId: id, transitGatewayId: firstId(doc, "transitGateways"), associations: [], propagations: [], routes: [] };
    case "vpnGateways":
      return { vpnGatewayId: id, vpcAttachments: vpcId ? [{ vpcId }] : [] };
    case "customerGateways":
      return { customerGatewayId: id, ipAddress: "203.0.113.10", bgpAsn: "65000" };
    case "vpnConnections":
      return { vpnConnectionId: id, customerGatewayId: firstId(doc, "customerGateways"), vpnGatewayId: firstId(doc, "vpnGateways") };
    case "onPremisesNetworks":
      return { id, name: id, cidrBlocks: ["192.168.0.0/16"], customerGatewayIds: [] };
    case "awsServices":
      return { serviceName: "com.amazonaws.us-east-1.s3", cidrBlocks: [] };
    case "prefixLists":
      return { prefixListId: id, entries: [] };
    case "awsIpRanges":
      // One prefix of AWS's ip-ranges.json; its "id" is the prefix itself.
      return { ipPrefix: "54.184.0.0/13", region: "us-west-2", networkBorderGroup: "us-west-2", service: "EC2" };
    default: {
      // Everything else: the required fields, empty, for the form to point at.
      const schema = elementSchema(c);
      const element: JsonObject = {};
      for (const key of schema.required ?? []) element[key] = emptyValue(schema.properties?.[key]);
      element[idKey(c)] = id;
      return element;
    }
  }
}

/** An empty value of a schema's type, for new array items and required fields. */
export function emptyValue(schema: JsonSchema | undefined): Json {
  if (!schema) return "";
  if (schema.default !== undefined) return structuredClone(schema.default) as Json;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0] as Json;
  switch (type) {
    case "object": {
      const out: JsonObject = {};
      for (const key of schema.required ?? []) out[key] = emptyValue(schema.properties?.[key]);
      return out;
    }
    case "array":
      return [];
    case "boolean":
      return false;
    case "integer":
    case "number":
      return 0;
    default:
      return "";
  }
}

/** Which collections a field's value refers to, for suggestions as the learner types. */
const references: Record<string, Collection[]> = {
  vpcId: ["vpcs"],
  subnetId: ["subnets"],
  subnetIds: ["subnets"],
  targetNetworkId: ["subnets"],
  targetSubnet: ["subnets"],
  routeTableId: ["routeTables"],
  routeTableIds: ["routeTables"],
  gatewayId: ["internetGateways", "vpnGateways", "vpcEndpoints"],
  natGatewayId: ["natGateways"],
  instanceId: ["instances"],
  groupId: ["securityGroups"],
  securityGroupIds: ["securityGroups"],
  networkInterfaceId: ["networkInterfaces"],
  networkInterfaceIds: ["networkInterfaces"],
  vpcPeeringConnectionId: ["vpcPeeringConnections"],
  transitGatewayId: ["transitGateways"],
  transitGatewayAttachmentId: ["transitGatewayAttachments"],
  transitGatewayRouteTableId: ["transitGatewayRouteTables"],
  associationDefaultRouteTableId: ["transitGatewayRouteTables"],
  propagationDefaultRouteTableId: ["transitGatewayRouteTables"],
  vpnGatewayId: ["vpnGateways"],
  virtualGatewayId: ["vpnGateways"],
  customerGatewayId: ["customerGateways"],
  customerGatewayIds: ["customerGateways"],
  egressOnlyInternetGatewayId: ["egressOnlyInternetGateways"],
  carrierGatewayId: ["carrierGateways"],
  vpcEndpointId: ["vpcEndpoints"],
  serviceName: ["awsServices", "vpcEndpointServices"],
  prefixListId: ["prefixLists"],
  destinationPrefixListId: ["prefixLists"],
  resourceId: ["vpcs", "vpnConnections", "directConnectGateways", "transitGateways"],
  directConnectGatewayId: ["directConnectGateways"],
  connectionId: ["directConnectConnections"],
  virtualInterfaceIds: ["virtualInterfaces"],
  allocationId: ["addresses"],
};

/** The ids a field may refer to (plus "local" for a route's gateway). */
export function suggestionsFor(doc: Json, key: string): string[] {
  const targets = references[key];
  if (!targets) return [];
  const ids = targets.flatMap((c) => elementsOf(doc, c).map((e) => (c === "awsServices" || c === "vpcEndpointServices" ? stringField(e, "serviceName") : c === "prefixLists" ? idOf(c, e) : idOf(c, e))));
  if (key === "prefixListId" || key === "destinationPrefixListId") ids.push(...elementsOf(doc, "awsServices").map((e) => stringField(e, "prefixListId")));
  if (key === "gatewayId") ids.unshift("local");
  return [...new Set(ids.filter((id) => id && id !== "(no id)"))];
}

function stringField(element: Json, key: string): string {
  const value = isJsonObject(element) ? element[key] : undefined;
  return typeof value === "string" ? value : "";
}

export type Referrer = { collection: Collection; index: number; id: string; field: string };

/** Resources whose fields name `id` (a route's target, an association's subnet, …): how the selected resource is connected. */
export function referrersOf(doc: Json, id: string): Referrer[] {
  const found: Referrer[] = [];
  const visit = (value: Json, trail: string[], hit: (field: string) => void) => {
    if (value === id) hit(trail.join("."));
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...trail, String(i)], hit));
    else if (isJsonObject(value)) for (const [k, v] of Object.entries(value)) visit(v, [...trail, k], hit);
  };
  for (const c of collections) {
    elementsOf(doc, c).forEach((element, index) => {
      const own = idOf(c, element);
      if (own === id) return;
      visit(element, [], (field) => found.push({ collection: c, index, id: own, field }));
    });
  }
  return found;
}
