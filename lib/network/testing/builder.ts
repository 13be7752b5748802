import { parseTopology, type Topology, type TopologyInput } from "../model/topology";
import { viaAwsSnapshot } from "./to-aws-snapshot";

/**
 * A small readable builder for scenario topologies in tests and lesson
 * fixtures:
 *
 *   const t = network()
 *     .vpc("vpc-shop", "10.0.0.0/16")
 *     .subnet("subnet-web", "vpc-shop", "10.0.1.0/24")
 *     .internetGateway("igw-shop", "vpc-shop")
 *     .routeTable("rtb-web", "vpc-shop", { subnets: ["subnet-web"], routes: { "0.0.0.0/0": "igw-shop" } })
 *     .securityGroup("sg-web", { inbound: ["tcp 443 0.0.0.0/0"] })
 *     .instance("i-web", "subnet-web", "10.0.1.10", { groups: ["sg-web"], publicIp: "54.1.2.3" })
 *     .build();
 *
 * Rules are short strings: security group rules "tcp 443 0.0.0.0/0",
 * "udp 1000-2000 sg-other", "all * pl-s3"; ACL rules "100 allow in tcp 80 0.0.0.0/0".
 * Route targets are ids ("igw-…", "nat-…", "pcx-…", "tgw-…", "vgw-…",
 * "vpce-…", "eni-…", "i-…", "cagw-…", "local"); prefix "blackhole:" for a blackhole route.
 *
 * With `REACHABLE_SCENARIOS_VIA_SNAPSHOT=1` (the `scenarios-as-snapshots`
 * Vitest project), `build()` returns the topology after a round trip through
 * AWS's describe-* JSON and the snapshot reader (`viaAwsSnapshot`), so every
 * scenario also runs on a topology read from an AWS snapshot. A scenario that
 * needs something no AWS output can express says so with `onlyInModel(reason)`.
 */

/** Scenario tests run through AWS snapshots (see `vitest.config.ts`). */
export function scenariosViaSnapshot(): boolean {
  return typeof process !== "undefined" && process.env.REACHABLE_SCENARIOS_VIA_SNAPSHOT === "1";
}

type Draft = {
  [K in keyof TopologyInput]-?: NonNullable<TopologyInput[K]>;
};

type RouteInput = NonNullable<NonNullable<TopologyInput["routeTables"]>[number]["routes"]>[number];
type PermissionInput = NonNullable<NonNullable<TopologyInput["securityGroups"]>[number]["ipPermissions"]>[number];
type AclEntryInput = NonNullable<NonNullable<TopologyInput["networkAcls"]>[number]["entries"]>[number];

/** "0.0.0.0/0" → "igw-…" (or "pl-…", "blackhole:…") → a route. */
export function routeTo(destination: string, targetText: string): RouteInput {
  const blackhole = targetText.startsWith("blackhole:");
  const target = blackhole ? targetText.slice("blackhole:".length) : targetText;
  const route: RouteInput = destination.startsWith("pl-") ? { destinationPrefixListId: destination } : destination.includes(":") ? { destinationIpv6CidrBlock: destination } : { destinationCidrBlock: destination };
  if (blackhole) route.state = "blackhole";
  if (target === "local" || /^(igw|vgw|vpce)-/.test(target)) route.gatewayId = target;
  else if (target.startsWith("nat-")) route.natGatewayId = target;
  else if (target.startsWith("pcx-")) route.vpcPeeringConnectionId = target;
  else if (target.startsWith("tgw-")) route.transitGatewayId = target;
  else if (target.startsWith("eni-")) route.networkInterfaceId = target;
  else if (target.startsWith("i-")) route.instanceId = target;
  else if (target.startsWith("eigw-")) route.egressOnlyInternetGatewayId = target;
  else if (target.startsWith("cagw-")) route.carrierGatewayId = target;
  else throw new Error(`builder: unknown route target "${targetText}"`);
  return route;
}

/** "tcp 443 0.0.0.0/0" → an IpPermission. */
export function sgRule(text: string): PermissionInput {
  const [protocol = "", ports = "*", peer = ""] = text.trim().split(/\s+/);
  const ipProtocol = protocol === "all" ? "-1" : protocol;
  const permission: PermissionInput = { ipProtocol };
  if (ports !== "*" && ipProtocol !== "-1") {
    const [from, to] = ports.split("-").map(Number);
    permission.fromPort = from;
    permission.toPort = to ?? from;
  }
  if (peer.startsWith("sg-")) permission.userIdGroupPairs = [{ groupId: peer }];
  else if (peer.startsWith("pl-")) permission.prefixListIds = [{ prefixListId: peer }];
  else if (peer.includes(":")) permission.ipv6Ranges = [{ cidrIpv6: peer }];
  else permission.ipRanges = [{ cidrIp: peer }];
  return permission;
}

/** "100 allow in tcp 80 0.0.0.0/0" → a network ACL entry. */
export function aclRule(text: string): AclEntryInput {
  const [number = "", action = "", direction = "", protocol = "", ports = "*", cidr = ""] = text.trim().split(/\s+/);
  const protocolNumber = { all: "-1", tcp: "6", udp: "17", icmp: "1" }[protocol] ?? protocol;
  const entry: AclEntryInput = {
    ruleNumber: Number(number),
    ruleAction: action === "deny" ? "deny" : "allow",
    egress: direction === "out",
    protocol: protocolNumber,
    ...(cidr.includes(":") ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr }),
  };
  if (ports !== "*") {
    const [from, to] = ports.split("-").map(Number);
    entry.portRange = { from: from ?? 0, to: to ?? from ?? 0 };
  }
  return entry;
}

export class NetworkBuilder {
  private readonly draft: Partial<Draft> = {};
  private modelOnlyReason: string | undefined;

  /**
   * Build this scenario straight into the model even when scenarios run
   * through AWS snapshots, because it uses something no describe-* output
   * can express. Say what, in one line.
   */
  onlyInModel(reason: string): this {
    if (!reason.trim()) throw new Error("builder: onlyInModel needs a reason");
    this.modelOnlyReason = reason;
    return this;
  }

  private list<K extends keyof Draft>(key: K): Draft[K] {
    const existing = this.draft[key];
    if (existing) return existing;
    const created = [] as unknown as Draft[K];
    this.draft[key] = created;
    return created;
  }

  /** Add raw model resources for anything the shorthand does not cover. */
  with<K extends keyof Draft>(key: K, ...items: Draft[K] extends (infer T)[] ? T[] : never): this {
    (this.list(key) as unknown[]).push(...items);
    return this;
  }

  vpc(vpcId: string, cidrBlock: string, options: { secondary?: string[]; ipv6?: string; ownerId?: string; region?: string } = {}): this {
    this.list("vpcs").push({
      vpcId,
      cidrBlock,
      cidrBlockAssociationSet: (options.secondary ?? []).map((c) => ({ cidrBlock: c })),
      ipv6CidrBlockAssociationSet: options.ipv6 ? [{ ipv6CidrBlock: options.ipv6 }] : [],
      ...(options.ownerId ? { ownerId: options.ownerId } : {}),
      ...(options.region ? { region: options.region } : {}),
    });
    return this;
  }

  subnet(subnetId: string, vpcId: string, cidrBlock: string, options: { az?: string; ipv6?: string } = {}): this {
    this.list("subnets").push({ subnetId, vpcId, cidrBlock, ...(options.az ? { availabilityZone: options.az } : {}), ...(options.ipv6 ? { ipv6CidrBlock: options.ipv6 } : {}) });
    return this;
  }

  routeTable(routeTableId: string, vpcId: string, options: { subnets?: string[]; main?: boolean; edge?: string[]; routes?: Record<string, string>; propagatingVgws?: string[] } = {}): this {
    this.list("routeTables").push({
      routeTableId,
      vpcId,
      associations: [
        ...(options.main ? [{ main: true }] : []),
        ...(options.subnets ?? []).map((subnetId) => ({ subnetId })),
        ...(options.edge ?? []).map((gatewayId) => ({ gatewayId })),
      ],
      routes: Object.entries(options.routes ?? {}).map(([d, target]) => routeTo(d, target)),
      propagatingVgws: (options.propagatingVgws ?? []).map((gatewayId) => ({ gatewayId })),
    });
    return this;
  }

  internetGateway(internetGatewayId: string, vpcId?: string): this {
    this.list("internetGateways").push({ internetGatewayId, attachments: vpcId ? [{ vpcId }] : [] });
    return this;
  }

  egressOnlyInternetGateway(egressOnlyInternetGatewayId: string, vpcId: string): this {
    this.list("egressOnlyInternetGateways").push({ egressOnlyInternetGatewayId, attachments: [{ vpcId }] });
    return this;
  }

  natGateway(natGatewayId: string, subnetId: string, options: { privateIp: string; publicIp?: string; connectivity?: "public" | "private"; vpcId?: string }): this {
    const vpcId = options.vpcId ?? this.draft.subnets?.find((s) => s.subnetId === subnetId)?.vpcId ?? "vpc-unknown";
    this.list("natGateways").push({
      natGatewayId,
      vpcId,
      subnetId,
      connectivityType: options.connectivity ?? "public",
      natGatewayAddresses: [{ privateIp: options.privateIp, ...(options.publicIp ? { publicIp: options.publicIp } : {}) }],
    });
    return this;
  }

  securityGroup(groupId: string, options: { inbound?: string[]; outbound?: string[]; vpcId?: string } = {}): this {
    this.list("securityGroups").push({
      groupId,
      ...(options.vpcId ? { vpcId: options.vpcId } : {}),
      ipPermissions: (options.inbound ?? []).map(sgRule),
      ...(options.outbound ? { ipPermissionsEgress: options.outbound.map(sgRule) } : {}),
    });
    return this;
  }

  networkAcl(networkAclId: string, vpcId: string, options: { subnets?: string[]; rules?: string[]; isDefault?: boolean }): this {
    this.list("networkAcls").push({
      networkAclId,
      vpcId,
      isDefault: options.isDefault ?? false,
      associations: (options.subnets ?? []).map((subnetId) => ({ subnetId })),
      entries: (options.rules ?? []).map(aclRule),
    });
    return this;
  }

  instance(instanceId: string, subnetId: string, privateIpAddress: string, options: { groups?: string[]; publicIp?: string; ipv6?: string; sourceDestCheck?: boolean; state?: "running" | "stopped" } = {}): this {
    this.list("instances").push({
      instanceId,
      subnetId,
      privateIpAddress,
      ...(options.ipv6 ? { ipv6Address: options.ipv6 } : {}),
      securityGroupIds: options.groups ?? [],
      ...(options.publicIp ? { publicIpAddress: options.publicIp } : {}),
      ...(options.sourceDestCheck === false ? { sourceDestCheck: false } : {}),
      ...(options.state ? { state: options.state } : {}),
    });
    return this;
  }

  prefixList(prefixListId: string, cidrs: string[], name?: string): this {
    this.list("prefixLists").push({ prefixListId, entries: cidrs.map((cidr) => ({ cidr })), ...(name ? { prefixListName: name } : {}) });
    return this;
  }

  awsService(serviceName: string, cidrBlocks: string[], prefixListId?: string): this {
    this.list("awsServices").push({ serviceName, cidrBlocks, ...(prefixListId ? { prefixListId } : {}) });
    return this;
  }

  /** One prefix of AWS's ip-ranges.json, listed once per service as AWS lists it (`["AMAZON", "EC2"]`). */
  awsIpRange(ipPrefix: string, region: string, services: string[], networkBorderGroup: string = region): this {
    for (const service of services) this.list("awsIpRanges").push({ ipPrefix, region, networkBorderGroup, service });
    return this;
  }

  peering(vpcPeeringConnectionId: string, requesterVpcId: string, accepterVpcId: string, status: "active" | "pending-acceptance" = "active"): this {
    this.list("vpcPeeringConnections").push({ vpcPeeringConnectionId, status, requesterVpcInfo: { vpcId: requesterVpcId }, accepterVpcInfo: { vpcId: accepterVpcId } });
    return this;
  }

  transitGateway(transitGatewayId: string, options: { securityGroupReferencing?: "enable" | "disable" } = {}): this {
    this.list("transitGateways").push({
      transitGatewayId,
      options: { defaultRouteTableAssociation: "disable", defaultRouteTablePropagation: "disable", ...(options.securityGroupReferencing ? { securityGroupReferencingSupport: options.securityGroupReferencing } : {}) },
    });
    return this;
  }

  tgwAttachment(
    transitGatewayAttachmentId: string,
    transitGatewayId: string,
    resourceType: "vpc" | "vpn" | "direct-connect-gateway" | "peering",
    resourceId: string,
    options: { subnets?: string[]; routeTable?: string; applianceMode?: boolean; securityGroupReferencing?: "enable" | "disable" } = {},
  ): this {
    this.list("transitGatewayAttachments").push({
      transitGatewayAttachmentId,
      transitGatewayId,
      resourceType,
      resourceId,
      subnetIds: options.subnets ?? [],
      ...(options.routeTable ? { association: { transitGatewayRouteTableId: options.routeTable } } : {}),
      ...(options.applianceMode ? { applianceModeSupport: "enable" as const } : {}),
      ...(options.securityGroupReferencing ? { securityGroupReferencingSupport: options.securityGroupReferencing } : {}),
    });
    return this;
  }

  tgwRouteTable(transitGatewayRouteTableId: string, transitGatewayId: string, options: { propagations?: string[]; routes?: Record<string, string> } = {}): this {
    this.list("transitGatewayRouteTables").push({
      transitGatewayRouteTableId,
      transitGatewayId,
      propagations: (options.propagations ?? []).map((transitGatewayAttachmentId) => ({ transitGatewayAttachmentId })),
      // A "pl-…" destination is a prefix list reference: the routes of the list's entries.
      routes: Object.entries(options.routes ?? {}).map(([destination, target]) => {
        const to = destination.startsWith("pl-") ? { prefixListId: destination } : { destinationCidrBlock: destination };
        return target === "blackhole" ? { ...to, state: "blackhole" as const } : { ...to, transitGatewayAttachments: [{ transitGatewayAttachmentId: target }] };
      }),
    });
    return this;
  }

  vpnGateway(vpnGatewayId: string, vpcId: string): this {
    this.list("vpnGateways").push({ vpnGatewayId, vpcAttachments: [{ vpcId }] });
    return this;
  }

  /** A customer gateway, its on-premises network, and a VPN connection to a VGW or TGW. */
  site(id: string, cidrBlocks: string[], options: { customerGatewayId: string; vpnConnectionId: string; to: string; staticRoutes?: string[]; tunnels?: ("UP" | "DOWN")[] }): this {
    this.list("customerGateways").push({ customerGatewayId: options.customerGatewayId });
    const existing = this.draft.onPremisesNetworks?.find((n) => n.id === id);
    if (existing) existing.customerGatewayIds = [...(existing.customerGatewayIds ?? []), options.customerGatewayId];
    else this.list("onPremisesNetworks").push({ id, cidrBlocks, customerGatewayIds: [options.customerGatewayId] });
    this.list("vpnConnections").push({
      vpnConnectionId: options.vpnConnectionId,
      customerGatewayId: options.customerGatewayId,
      ...(options.to.startsWith("vgw-") ? { vpnGatewayId: options.to } : { transitGatewayId: options.to }),
      options: { staticRoutesOnly: options.staticRoutes !== undefined },
      routes: (options.staticRoutes ?? []).map((destinationCidrBlock) => ({ destinationCidrBlock })),
      vgwTelemetry: (options.tunnels ?? []).map((status) => ({ status })),
    });
    return this;
  }

  /** A Direct Connect connection and virtual interface from an on-premises network to a VGW or a Direct Connect gateway. */
  directConnect(id: string, cidrBlocks: string[], options: { connectionId: string; virtualInterfaceId: string; type: "private" | "transit" | "public"; to?: string }): this {
    if (!this.draft.directConnectConnections?.some((c) => c.connectionId === options.connectionId)) this.list("directConnectConnections").push({ connectionId: options.connectionId });
    this.list("virtualInterfaces").push({
      virtualInterfaceId: options.virtualInterfaceId,
      virtualInterfaceType: options.type,
      connectionId: options.connectionId,
      ...(options.to === undefined ? {} : options.to.startsWith("vgw-") ? { virtualGatewayId: options.to } : { directConnectGatewayId: options.to }),
    });
    const existing = this.draft.onPremisesNetworks?.find((n) => n.id === id);
    if (existing) existing.virtualInterfaceIds = [...(existing.virtualInterfaceIds ?? []), options.virtualInterfaceId];
    else this.list("onPremisesNetworks").push({ id, cidrBlocks, virtualInterfaceIds: [options.virtualInterfaceId] });
    return this;
  }

  /** A Direct Connect gateway associated with virtual private gateways or transit gateways. */
  directConnectGateway(directConnectGatewayId: string, associations: { gatewayId: string; allowedPrefixes?: string[] }[]): this {
    this.list("directConnectGateways").push({
      directConnectGatewayId,
      associations: associations.map((a) => ({
        associatedGateway: { id: a.gatewayId, type: a.gatewayId.startsWith("vgw-") ? ("virtualPrivateGateway" as const) : ("transitGateway" as const) },
        allowedPrefixesToDirectConnectGateway: (a.allowedPrefixes ?? []).map((cidr) => ({ cidr })),
      })),
    });
    return this;
  }

  build(): Topology {
    const result = parseTopology(this.draft);
    if (!result.ok) throw new Error(`builder produced an invalid topology: ${result.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    if (scenariosViaSnapshot() && this.modelOnlyReason === undefined) return viaAwsSnapshot(result.topology);
    return result.topology;
  }

  /** The plain input object, e.g. to write a JSON fixture. */
  toJSON(): TopologyInput {
    return structuredClone(this.draft);
  }
}

export function network(): NetworkBuilder {
  return new NetworkBuilder();
}
