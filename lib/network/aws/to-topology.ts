import { parseTopology, type Topology, type TopologyInput } from "../model";
import type { AwsIpPermission, AwsRoute } from "./shapes/ec2";
import type { AwsTrafficMirrorFilter } from "./shapes/monitoring";
import type { AwsSnapshot, SnapshotOrigin } from "./snapshot";

/**
 * Turn an AWS snapshot (validated describe-* outputs) into the evaluator's
 * topology. AWS's PascalCase fields become the model's camelCase ones; values
 * outside the model's closed sets are dropped with a warning rather than
 * guessed; resources seen in several accounts' files (a shared transit
 * gateway, both sides of a peering connection) are kept once.
 */

/**
 * One message about the snapshot, with the file it is about (as the reader
 * was given it) so a page can list messages per file.
 */
export type SnapshotNote = {
  severity: "error" | "warning";
  /** The file that holds what the message is about; undefined when no one file does. */
  file: string | undefined;
  /** The message, without the file's name. */
  message: string;
  /** For a reference the snapshot cannot resolve: the prefix list it names. */
  prefixListId?: string;
};

export type SnapshotToTopologyResult =
  | { ok: true; topology: Topology; warnings: string[]; notes: SnapshotNote[] }
  | { ok: false; errors: string[]; warnings: string[]; notes: SnapshotNote[] };

export type SnapshotToTopologyOptions = {
  /**
   * What a resource the model refuses (a value AWS's shape allows but the
   * model does not) does: `fail` the whole snapshot (the CLI, tests), or is
   * `drop`ped with an error note while the rest becomes the topology (the
   * browser, where one bad file must not discard the good ones).
   */
  onInvalidResource?: "fail" | "drop";
};

function noteText(note: SnapshotNote): string {
  return note.file ? `${note.file}: ${note.message}` : note.message;
}

type Collection = Exclude<keyof TopologyInput, "schemaVersion" | "name" | "description">;
type Element<C extends Collection> = NonNullable<TopologyInput[C]>[number];

const regionPattern = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$/;
const accountPattern = /^[0-9]{12}$/;

/** `us-east-1a` → `us-east-1`; Local and Wavelength Zones (`us-east-1-wl1-bos-wlz-1`) too. */
export function regionOfZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  const match = /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9]+)/.exec(zone);
  return match?.[1];
}

function oneOf<const T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * `oneOf`, but a value in another case is the model's value too: the EC2 API
 * reference spells endpoint states `Deleting`, the CLI prints `deleting`.
 */
function oneOfAnyCase<const T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return oneOf(allowed, value) ?? (value === undefined ? undefined : allowed.find((a) => a.toLowerCase() === value.toLowerCase()));
}

function tagsOf(tags: { Key: string; Value?: string | undefined }[] | undefined) {
  return (tags ?? []).map((t) => ({ key: t.Key, value: t.Value ?? "" }));
}

class TopologyBuilder {
  readonly notes: SnapshotNote[] = [];
  private readonly input: Record<Collection, unknown[]> = {} as Record<Collection, unknown[]>;
  private readonly origins: Record<string, SnapshotOrigin[]> = {};
  private readonly seen = new Map<string, SnapshotOrigin>();

  /** Add a resource once per key; later copies (another account's view) are skipped. */
  add<C extends Collection>(collection: C, key: string, value: Element<C>, origin: SnapshotOrigin): boolean {
    const seenKey = `${collection}:${key}`;
    if (this.seen.has(seenKey)) return false;
    this.seen.set(seenKey, origin);
    (this.input[collection] ??= []).push(value);
    (this.origins[collection] ??= []).push(origin);
    return true;
  }

  has(collection: Collection, key: string): boolean {
    return this.seen.has(`${collection}:${key}`);
  }

  warn(origin: SnapshotOrigin | undefined, message: string, extra: Pick<SnapshotNote, "prefixListId"> = {}) {
    this.notes.push({ severity: "warning", file: origin?.file, message, ...extra });
  }

  /** The resources added so far, for checks across collections. */
  added<C extends Collection>(collection: C): { value: Element<C>; origin: SnapshotOrigin }[] {
    const values = (this.input[collection] ?? []) as Element<C>[];
    return values.map((value, n) => ({ value, origin: this.origins[collection]?.[n] as SnapshotOrigin }));
  }

  build(options: SnapshotToTopologyOptions = {}): SnapshotToTopologyResult {
    const warnings = () => this.notes.filter((n) => n.severity === "warning").map(noteText);
    // Each round drops the resources the model refused; a refused resource never comes back, so this ends.
    for (;;) {
      const parsed = parseTopology(this.input);
      if (parsed.ok) return { ok: true, topology: parsed.topology, warnings: warnings(), notes: this.notes };
      const located = parsed.issues.map((issue) => {
        const [collection, index, ...rest] = issue.path.split(".");
        const position = collection !== undefined && index !== undefined && /^[0-9]+$/.test(index) ? { collection: collection as Collection, index: Number(index) } : undefined;
        const origin = position ? this.origins[position.collection]?.[position.index] : undefined;
        const resource = position ? this.input[position.collection]?.[position.index] : undefined;
        const id = resource && typeof resource === "object" ? firstId(resource as Record<string, unknown>) : undefined;
        const what = id ?? (position ? `${position.collection}[${position.index}]` : "snapshot");
        return { position, note: { severity: "error" as const, file: origin?.file, message: `${what}: ${rest.join(".") || "(resource)"}: ${issue.message}` } };
      });
      if (options.onInvalidResource !== "drop" || located.some((l) => !l.position)) {
        const errors = located.map((l) => (l.note.file ? noteText(l.note) : `snapshot: ${l.note.message}`));
        return { ok: false, errors, warnings: warnings(), notes: [...this.notes, ...located.map((l) => l.note)] };
      }
      const drop = new Map<Collection, Set<number>>();
      for (const l of located) {
        if (!l.position) continue;
        const set = drop.get(l.position.collection) ?? new Set<number>();
        set.add(l.position.index);
        drop.set(l.position.collection, set);
      }
      for (const l of located) this.notes.push({ ...l.note, message: `${l.note.message}; left out` });
      for (const [collection, indexes] of drop) {
        this.input[collection] = (this.input[collection] ?? []).filter((_, n) => !indexes.has(n));
        this.origins[collection] = (this.origins[collection] ?? []).filter((_, n) => !indexes.has(n));
      }
    }
  }
}

function firstId(resource: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(resource)) {
    if (typeof value === "string" && (key.endsWith("Id") || key.endsWith("Arn"))) return value;
  }
  return undefined;
}

/** Owner and Region: the resource's own `OwnerId` first, then what its folder says. */
function placement(origin: SnapshotOrigin, ownerId: string | undefined, region: string | undefined) {
  const owner = ownerId && accountPattern.test(ownerId) ? ownerId : origin.accountId;
  const where = region ?? origin.region;
  return {
    ...(owner ? { ownerId: owner } : {}),
    ...(where && regionPattern.test(where) ? { region: where } : {}),
  };
}

type AwsTrafficMirrorFilterRule = AwsTrafficMirrorFilter["IngressFilterRules"][number];

type RouteInput = NonNullable<Element<"routeTables">["routes"]>[number];

/** One route as the model writes it, or why it cannot be kept. */
function mapRoute(route: AwsRoute): RouteInput | string {
  const destination = {
    ...(route.DestinationCidrBlock ? { destinationCidrBlock: route.DestinationCidrBlock } : {}),
    ...(route.DestinationIpv6CidrBlock ? { destinationIpv6CidrBlock: route.DestinationIpv6CidrBlock } : {}),
    ...(route.DestinationPrefixListId ? { destinationPrefixListId: route.DestinationPrefixListId } : {}),
  };
  const gatewayId = route.GatewayId;
  let gateway: { gatewayId?: string; vpcEndpointId?: string; localGatewayId?: string } = {};
  if (gatewayId !== undefined) {
    if (/^(local|(igw|vgw|vpce)-.+)$/.test(gatewayId)) gateway = { gatewayId };
    else if (gatewayId.startsWith("lgw-")) gateway = { localGatewayId: gatewayId };
    else return `route to ${JSON.stringify(gatewayId)} has a target the evaluator does not model`;
  }
  const state = oneOf(["active", "blackhole"], route.State);
  const origin = oneOf(["CreateRouteTable", "CreateRoute", "EnableVgwRoutePropagation"], route.Origin);
  return {
    ...destination,
    ...gateway,
    ...(route.NatGatewayId ? { natGatewayId: route.NatGatewayId } : {}),
    ...(route.InstanceId ? { instanceId: route.InstanceId } : {}),
    ...(route.NetworkInterfaceId ? { networkInterfaceId: route.NetworkInterfaceId } : {}),
    ...(route.VpcPeeringConnectionId ? { vpcPeeringConnectionId: route.VpcPeeringConnectionId } : {}),
    ...(route.TransitGatewayId ? { transitGatewayId: route.TransitGatewayId } : {}),
    ...(route.EgressOnlyInternetGatewayId ? { egressOnlyInternetGatewayId: route.EgressOnlyInternetGatewayId } : {}),
    ...(route.CarrierGatewayId ? { carrierGatewayId: route.CarrierGatewayId } : {}),
    ...(route.LocalGatewayId ? { localGatewayId: route.LocalGatewayId } : {}),
    ...(route.CoreNetworkArn ? { coreNetworkArn: route.CoreNetworkArn } : {}),
    ...(state ? { state } : {}),
    ...(origin ? { origin } : {}),
  };
}

function mapPermission(permission: AwsIpPermission) {
  return {
    ipProtocol: permission.IpProtocol,
    ...(permission.FromPort !== undefined ? { fromPort: permission.FromPort } : {}),
    ...(permission.ToPort !== undefined ? { toPort: permission.ToPort } : {}),
    ipRanges: permission.IpRanges.map((r) => ({ cidrIp: r.CidrIp, ...(r.Description ? { description: r.Description } : {}) })),
    ipv6Ranges: permission.Ipv6Ranges.map((r) => ({ cidrIpv6: r.CidrIpv6, ...(r.Description ? { description: r.Description } : {}) })),
    prefixListIds: permission.PrefixListIds.map((p) => ({ prefixListId: p.PrefixListId, ...(p.Description ? { description: p.Description } : {}) })),
    userIdGroupPairs: permission.UserIdGroupPairs.filter((pair) => pair.GroupId !== undefined).map((pair) => ({
      groupId: pair.GroupId as string,
      ...(pair.UserId ? { userId: pair.UserId } : {}),
      ...(pair.VpcId ? { vpcId: pair.VpcId } : {}),
      ...(pair.VpcPeeringConnectionId ? { vpcPeeringConnectionId: pair.VpcPeeringConnectionId } : {}),
      ...(pair.PeeringStatus ? { peeringStatus: pair.PeeringStatus } : {}),
      ...(pair.Description ? { description: pair.Description } : {}),
    })),
  };
}

type IpAssociation = { PublicIp?: string | undefined; CarrierIp?: string | undefined; AllocationId?: string | undefined; IpOwnerId?: string | undefined };

function mapAssociation(association: IpAssociation | undefined) {
  if (!association || (!association.PublicIp && !association.CarrierIp)) return undefined;
  return {
    ...(association.PublicIp ? { publicIp: association.PublicIp } : {}),
    ...(association.CarrierIp ? { carrierIp: association.CarrierIp } : {}),
    ...(association.AllocationId ? { allocationId: association.AllocationId } : {}),
    ...(association.IpOwnerId ? { ipOwnerId: association.IpOwnerId } : {}),
  };
}

/**
 * The entries of a managed prefix list from every get-managed-prefix-list-entries
 * output (pages) naming it, each CIDR once; undefined when none was captured.
 */
function managedPrefixListEntries(snapshot: AwsSnapshot, prefixListId: string): { cidr: string; description?: string }[] | undefined {
  const outputs = snapshot.managedPrefixListEntries.filter((e) => e.value.PrefixListId === prefixListId);
  if (outputs.length === 0) return undefined;
  const entries = new Map<string, { cidr: string; description?: string }>();
  for (const e of outputs.flatMap((o) => o.value.Entries)) {
    if (!entries.has(e.Cidr)) entries.set(e.Cidr, { cidr: e.Cidr, ...(e.Description ? { description: e.Description } : {}) });
  }
  return [...entries.values()];
}

/** Each element once, by key: pages of one output and copies of it in several accounts' folders repeat elements. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type PermissionInput = ReturnType<typeof mapPermission>;

/** "inbound tcp 443", "outbound all traffic", "inbound icmp type 8": a rule as a person names it. */
function describePermission(direction: "inbound" | "outbound", p: PermissionInput): string {
  const protocol = p.ipProtocol === "-1" ? "all traffic" : p.ipProtocol;
  const ports =
    p.ipProtocol === "-1" || p.fromPort === undefined || p.fromPort === -1
      ? ""
      : /^(icmp|icmpv6|1|58)$/.test(p.ipProtocol)
        ? ` type ${p.fromPort}${p.toPort !== undefined && p.toPort !== -1 ? ` code ${p.toPort}` : ""}`
        : ` ${p.fromPort === p.toPort || p.toPort === undefined ? p.fromPort : `${p.fromPort}-${p.toPort}`}`;
  return `${direction} ${protocol}${ports}`;
}

/**
 * Security group rules, route table routes and transit gateway routes that
 * name a prefix list the snapshot cannot resolve to its entries: each is
 * reported (the rule, its group or table, the list, and how to capture it),
 * because such a rule or route matches nothing in the evaluator.
 */
function reportUnresolvedPrefixLists(snapshot: AwsSnapshot, b: TopologyBuilder) {
  const resolved = (id: string) => b.has("prefixLists", id) || b.added("awsServices").some((s) => s.value.prefixListId === id);
  const why = (id: string) => {
    const listed = snapshot.managedPrefixLists.find((p) => p.value.PrefixListId === id);
    if (listed) {
      const name = listed.value.PrefixListName ? ` (${listed.value.PrefixListName})` : "";
      return `prefix list ${id}${name} is listed by describe-managed-prefix-lists, but its entries are not in the snapshot: capture them with "aws ec2 get-managed-prefix-list-entries --prefix-list-id ${id}" saved as get-managed-prefix-list-entries.${id}.json`;
    }
    return `prefix list ${id} is not in the snapshot (not in describe-managed-prefix-lists or describe-prefix-lists: deleted, shared from another account, or not captured); add its get-managed-prefix-list-entries output`;
  };
  for (const { value: g, origin } of b.added("securityGroups")) {
    for (const [direction, permissions] of [["inbound", g.ipPermissions], ["outbound", g.ipPermissionsEgress]] as const) {
      for (const p of (permissions ?? []) as PermissionInput[]) {
        for (const { prefixListId } of p.prefixListIds) {
          if (resolved(prefixListId)) continue;
          b.warn(origin, `${g.groupId} ${describePermission(direction, p)} ${direction === "inbound" ? "from" : "to"} ${prefixListId}: ${why(prefixListId)}. Until then this rule matches no address.`, { prefixListId });
        }
      }
    }
  }
  for (const { value: t, origin } of b.added("routeTables")) {
    for (const r of t.routes ?? []) {
      if (!r.destinationPrefixListId || resolved(r.destinationPrefixListId)) continue;
      const target = r.gatewayId ?? r.natGatewayId ?? r.transitGatewayId ?? r.vpcPeeringConnectionId ?? r.networkInterfaceId ?? r.instanceId ?? r.egressOnlyInternetGatewayId ?? r.carrierGatewayId ?? r.localGatewayId ?? r.coreNetworkArn ?? "?";
      b.warn(origin, `${t.routeTableId} route ${r.destinationPrefixListId} → ${target}: ${why(r.destinationPrefixListId)}. Until then this route matches no address.`, { prefixListId: r.destinationPrefixListId });
    }
  }
  for (const { value: t, origin } of b.added("transitGatewayRouteTables")) {
    for (const r of t.routes ?? []) {
      if (!r.prefixListId || r.destinationCidrBlock || resolved(r.prefixListId)) continue;
      const target = r.transitGatewayAttachments?.[0]?.transitGatewayAttachmentId ?? "blackhole";
      b.warn(origin, `${t.transitGatewayRouteTableId} route ${r.prefixListId} → ${target}: ${why(r.prefixListId)}. Until then this route matches no address.`, { prefixListId: r.prefixListId });
    }
  }
}

/** Regions of VPCs, learnt from their subnets' zones when the folders do not say. */
function vpcRegions(snapshot: AwsSnapshot): Map<string, string> {
  const regions = new Map<string, string>();
  for (const { value, origin } of snapshot.subnets) {
    const region = origin.region ?? regionOfZone(value.AvailabilityZone);
    if (region && !regions.has(value.VpcId)) regions.set(value.VpcId, region);
  }
  for (const { value, origin } of snapshot.vpcs) if (origin.region && !regions.has(value.VpcId)) regions.set(value.VpcId, origin.region);
  return regions;
}

/** Region of an ARN (`arn:aws:elasticloadbalancing:us-east-2:…`). */
function regionOfArn(arn: string): string | undefined {
  return arn.split(":")[3] || undefined;
}

export function snapshotToTopology(snapshot: AwsSnapshot, options: SnapshotToTopologyOptions = {}): SnapshotToTopologyResult {
  const b = new TopologyBuilder();
  const regionOfVpc = vpcRegions(snapshot);
  const inVpc = (origin: SnapshotOrigin, ownerId: string | undefined, vpcId: string | undefined) =>
    placement(origin, ownerId, origin.region ?? (vpcId ? regionOfVpc.get(vpcId) : undefined));

  for (const { value: v, origin } of snapshot.vpcs) {
    const associated = v.CidrBlockAssociationSet.filter((a) => !a.CidrBlockState || a.CidrBlockState.State === "associated");
    const cidrBlock = v.CidrBlock ?? associated[0]?.CidrBlock;
    if (!cidrBlock) {
      b.warn(origin, `${v.VpcId} has no IPv4 CIDR block; left out`);
      continue;
    }
    b.add("vpcs", v.VpcId, {
      vpcId: v.VpcId,
      cidrBlock,
      cidrBlockAssociationSet: associated.map((a) => ({ cidrBlock: a.CidrBlock, state: "associated" })),
      ipv6CidrBlockAssociationSet: v.Ipv6CidrBlockAssociationSet.filter(
        (a) => !a.Ipv6CidrBlockState || a.Ipv6CidrBlockState.State === "associated",
      ).map((a) => ({ ipv6CidrBlock: a.Ipv6CidrBlock, state: "associated" })),
      ...(oneOf(["available", "pending"], v.State) ? { state: oneOf(["available", "pending"], v.State) } : {}),
      isDefault: v.IsDefault ?? false,
      ...inVpc(origin, v.OwnerId, v.VpcId),
      tags: tagsOf(v.Tags),
    }, origin);
  }

  // describe-availability-zones names each zone's type (Wavelength and Local Zones).
  const zoneTypes = new Map<string, "availability-zone" | "local-zone" | "wavelength-zone">();
  for (const { value: z } of snapshot.availabilityZones) {
    const type = oneOf(["availability-zone", "local-zone", "wavelength-zone"], z.ZoneType);
    if (type && !zoneTypes.has(z.ZoneName)) zoneTypes.set(z.ZoneName, type);
  }
  for (const { value: s, origin } of snapshot.subnets) {
    if (!s.CidrBlock) {
      b.warn(origin, `${s.SubnetId} has no IPv4 CIDR block; left out`);
      continue;
    }
    const state = oneOf(["available", "pending"], s.State);
    b.add("subnets", s.SubnetId, {
      subnetId: s.SubnetId,
      vpcId: s.VpcId,
      cidrBlock: s.CidrBlock,
      ...(s.Ipv6CidrBlockAssociationSet[0] ? { ipv6CidrBlock: s.Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock } : {}),
      ...(s.AvailabilityZone ? { availabilityZone: s.AvailabilityZone } : {}),
      ...(s.AvailabilityZoneId ? { availabilityZoneId: s.AvailabilityZoneId } : {}),
      ...(s.AvailabilityZone && zoneTypes.has(s.AvailabilityZone) ? { zoneType: zoneTypes.get(s.AvailabilityZone) } : {}),
      mapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
      ...(state ? { state } : {}),
      ...placement(origin, s.OwnerId, origin.region ?? regionOfZone(s.AvailabilityZone)),
      tags: tagsOf(s.Tags),
    }, origin);
  }

  for (const { value: t, origin } of snapshot.routeTables) {
    const routes = [];
    for (const route of t.Routes) {
      const mapped = mapRoute(route);
      if (typeof mapped === "string") b.warn(origin, `${t.RouteTableId}: ${mapped}; route left out`);
      else routes.push(mapped);
    }
    const associations = t.Associations.filter((a) => !a.AssociationState || a.AssociationState.State === "associated").map((a) => ({
      ...(a.RouteTableAssociationId ? { routeTableAssociationId: a.RouteTableAssociationId } : {}),
      main: a.Main ?? false,
      ...(a.SubnetId ? { subnetId: a.SubnetId } : {}),
      ...(a.GatewayId ? { gatewayId: a.GatewayId } : {}),
    }));
    b.add("routeTables", t.RouteTableId, {
      routeTableId: t.RouteTableId,
      vpcId: t.VpcId,
      associations,
      routes,
      propagatingVgws: t.PropagatingVgws.map((p) => ({ gatewayId: p.GatewayId })),
      ...inVpc(origin, t.OwnerId, t.VpcId),
      tags: tagsOf(t.Tags),
    }, origin);
  }

  const attachmentStates = ["attaching", "attached", "available", "detaching", "detached"] as const;
  for (const { value: g, origin } of snapshot.internetGateways) {
    b.add("internetGateways", g.InternetGatewayId, {
      internetGatewayId: g.InternetGatewayId,
      attachments: g.Attachments.map((a) => ({ vpcId: a.VpcId, ...(oneOf(attachmentStates, a.State) ? { state: oneOf(attachmentStates, a.State) } : {}) })),
      ...inVpc(origin, g.OwnerId, g.Attachments[0]?.VpcId),
      tags: tagsOf(g.Tags),
    }, origin);
  }

  for (const { value: g, origin } of snapshot.egressOnlyInternetGateways) {
    b.add("egressOnlyInternetGateways", g.EgressOnlyInternetGatewayId, {
      egressOnlyInternetGatewayId: g.EgressOnlyInternetGatewayId,
      attachments: g.Attachments.map((a) => ({ vpcId: a.VpcId, ...(oneOf(attachmentStates, a.State) ? { state: oneOf(attachmentStates, a.State) } : {}) })),
      ...inVpc(origin, undefined, g.Attachments[0]?.VpcId),
      tags: tagsOf(g.Tags),
    }, origin);
  }

  for (const { value: g, origin } of snapshot.carrierGateways) {
    const state = oneOf(["pending", "available", "deleting", "deleted"], g.State);
    b.add("carrierGateways", g.CarrierGatewayId, {
      carrierGatewayId: g.CarrierGatewayId,
      vpcId: g.VpcId,
      ...(state ? { state } : {}),
      ...inVpc(origin, g.OwnerId, g.VpcId),
      tags: tagsOf(g.Tags),
    }, origin);
  }

  for (const { value: n, origin } of snapshot.natGateways) {
    const state = oneOf(["pending", "failed", "available", "deleting", "deleted"], n.State);
    const connectivityType = oneOf(["public", "private"], n.ConnectivityType);
    b.add("natGateways", n.NatGatewayId, {
      natGatewayId: n.NatGatewayId,
      vpcId: n.VpcId,
      subnetId: n.SubnetId,
      ...(connectivityType ? { connectivityType } : {}),
      ...(state ? { state } : {}),
      natGatewayAddresses: n.NatGatewayAddresses.map((a, index) => ({
        ...(a.AllocationId ? { allocationId: a.AllocationId } : {}),
        ...(a.NetworkInterfaceId ? { networkInterfaceId: a.NetworkInterfaceId } : {}),
        ...(a.PrivateIp ? { privateIp: a.PrivateIp } : {}),
        ...(a.PublicIp ? { publicIp: a.PublicIp } : {}),
        isPrimary: typeof a.IsPrimary === "boolean" ? a.IsPrimary : index === 0,
      })),
      ...inVpc(origin, undefined, n.VpcId),
      tags: tagsOf(n.Tags),
    }, origin);
  }

  for (const { value: a, origin } of snapshot.addresses) {
    if (!a.AllocationId || !a.PublicIp) {
      b.warn(origin, `Elastic IP ${a.PublicIp ?? "(no address)"} has no allocation id (EC2-Classic); left out`);
      continue;
    }
    b.add("addresses", a.AllocationId, {
      allocationId: a.AllocationId,
      publicIp: a.PublicIp,
      ...(a.AssociationId ? { associationId: a.AssociationId } : {}),
      ...(a.InstanceId ? { instanceId: a.InstanceId } : {}),
      ...(a.NetworkInterfaceId ? { networkInterfaceId: a.NetworkInterfaceId } : {}),
      ...(a.PrivateIpAddress ? { privateIpAddress: a.PrivateIpAddress } : {}),
      ...(a.CarrierIp ? { carrierIp: a.CarrierIp } : {}),
      ...(oneOf(["vpc", "standard"], a.Domain) ? { domain: oneOf(["vpc", "standard"], a.Domain) } : {}),
      ...(a.NetworkBorderGroup ? { networkBorderGroup: a.NetworkBorderGroup } : {}),
      ...placement(origin, a.NetworkInterfaceOwnerId, undefined),
      tags: tagsOf(a.Tags),
    }, origin);
  }

  const eniStatuses = ["available", "associated", "attaching", "in-use", "detaching"] as const;
  const eniAttachmentStatuses = ["attaching", "attached", "detaching", "detached"] as const;
  for (const { value: e, origin } of snapshot.networkInterfaces) {
    const privateIp = e.PrivateIpAddress ?? e.PrivateIpAddresses.find((p) => p.Primary)?.PrivateIpAddress;
    if (!e.SubnetId || !privateIp) {
      b.warn(origin, `${e.NetworkInterfaceId} has no subnet or private IP address; left out`);
      continue;
    }
    const status = oneOf(eniStatuses, e.Status);
    const attachmentStatus = oneOf(eniAttachmentStatuses, e.Attachment?.Status);
    const association = mapAssociation(e.Association);
    b.add("networkInterfaces", e.NetworkInterfaceId, {
      networkInterfaceId: e.NetworkInterfaceId,
      subnetId: e.SubnetId,
      ...(e.VpcId ? { vpcId: e.VpcId } : {}),
      ...(e.InterfaceType ? { interfaceType: e.InterfaceType } : {}),
      ...(e.Description ? { description: e.Description } : {}),
      privateIpAddress: privateIp,
      privateIpAddresses: e.PrivateIpAddresses.map((p) => {
        const pAssociation = mapAssociation(p.Association);
        return { privateIpAddress: p.PrivateIpAddress, primary: p.Primary ?? false, ...(pAssociation ? { association: pAssociation } : {}) };
      }),
      ipv6Addresses: e.Ipv6Addresses.map((a) => ({ ipv6Address: a.Ipv6Address })),
      ...(association ? { association } : {}),
      securityGroupIds: e.Groups.map((g) => g.GroupId),
      sourceDestCheck: e.SourceDestCheck ?? true,
      ...(e.Attachment
        ? {
            attachment: {
              ...(e.Attachment.InstanceId ? { instanceId: e.Attachment.InstanceId } : {}),
              ...(e.Attachment.InstanceOwnerId ? { instanceOwnerId: e.Attachment.InstanceOwnerId } : {}),
              ...(e.Attachment.DeviceIndex !== undefined ? { deviceIndex: e.Attachment.DeviceIndex } : {}),
              ...(attachmentStatus ? { status: attachmentStatus } : {}),
            },
          }
        : {}),
      ...(e.RequesterId ? { requesterId: e.RequesterId } : {}),
      requesterManaged: e.RequesterManaged ?? false,
      ...(status ? { status } : {}),
      ...placement(origin, e.OwnerId, origin.region ?? regionOfZone(e.AvailabilityZone)),
      tags: tagsOf(e.TagSet),
    }, origin);
  }

  const instanceStates = ["pending", "running", "shutting-down", "terminated", "stopping", "stopped"] as const;
  const describedInterfaces = new Set(snapshot.networkInterfaces.map((n) => n.value.NetworkInterfaceId));
  for (const { value: r, origin } of snapshot.reservations) {
    for (const i of r.Instances) {
      const state = oneOf(instanceStates, i.State?.Name);
      b.add("instances", i.InstanceId, {
        instanceId: i.InstanceId,
        ...(state ? { state } : {}),
        ...(i.SubnetId ? { subnetId: i.SubnetId } : {}),
        ...(i.VpcId ? { vpcId: i.VpcId } : {}),
        ...(i.PrivateIpAddress ? { privateIpAddress: i.PrivateIpAddress } : {}),
        ...(i.PublicIpAddress ? { publicIpAddress: i.PublicIpAddress } : {}),
        ...(i.Ipv6Address ? { ipv6Address: i.Ipv6Address } : {}),
        securityGroupIds: i.SecurityGroups.map((g) => g.GroupId),
        sourceDestCheck: i.SourceDestCheck ?? true,
        ...placement(origin, r.OwnerId, origin.region ?? regionOfZone(i.Placement?.AvailabilityZone)),
        tags: tagsOf(i.Tags),
      }, origin);
      // `describe-instances` repeats each instance's interfaces; use them when
      // `describe-network-interfaces` was not captured (or missed one).
      i.NetworkInterfaces.forEach((e) => {
        const subnetId = e.SubnetId ?? i.SubnetId;
        const privateIp = e.PrivateIpAddress ?? e.PrivateIpAddresses.find((p) => p.Primary)?.PrivateIpAddress;
        if (!subnetId || !privateIp || b.has("networkInterfaces", e.NetworkInterfaceId)) return;
        if (describedInterfaces.has(e.NetworkInterfaceId)) return;
        const association = mapAssociation(e.Association);
        b.add("networkInterfaces", e.NetworkInterfaceId, {
          networkInterfaceId: e.NetworkInterfaceId,
          subnetId,
          ...(e.VpcId ?? i.VpcId ? { vpcId: e.VpcId ?? i.VpcId } : {}),
          privateIpAddress: privateIp,
          privateIpAddresses: e.PrivateIpAddresses.map((p) => {
            const pAssociation = mapAssociation(p.Association);
            return { privateIpAddress: p.PrivateIpAddress, primary: p.Primary ?? false, ...(pAssociation ? { association: pAssociation } : {}) };
          }),
          ipv6Addresses: e.Ipv6Addresses.map((a) => ({ ipv6Address: a.Ipv6Address })),
          ...(association ? { association } : {}),
          securityGroupIds: e.Groups.map((g) => g.GroupId),
          sourceDestCheck: e.SourceDestCheck ?? i.SourceDestCheck ?? true,
          attachment: { instanceId: i.InstanceId, ...(e.Attachment?.DeviceIndex !== undefined ? { deviceIndex: e.Attachment.DeviceIndex } : {}) },
          ...placement(origin, r.OwnerId, origin.region ?? regionOfZone(i.Placement?.AvailabilityZone)),
        }, origin);
      });
    }
  }

  for (const { value: g, origin } of snapshot.securityGroups) {
    b.add("securityGroups", g.GroupId, {
      groupId: g.GroupId,
      ...(g.GroupName ? { groupName: g.GroupName } : {}),
      ...(g.Description ? { description: g.Description } : {}),
      ...(g.VpcId ? { vpcId: g.VpcId } : {}),
      ipPermissions: g.IpPermissions.map(mapPermission),
      ipPermissionsEgress: g.IpPermissionsEgress.map(mapPermission),
      ...inVpc(origin, g.OwnerId, g.VpcId),
      tags: tagsOf(g.Tags),
    }, origin);
  }

  for (const { value: acl, origin } of snapshot.networkAcls) {
    const entries = [];
    for (const e of acl.Entries) {
      const ruleAction = oneOf(["allow", "deny"], e.RuleAction);
      if (!ruleAction || (!e.CidrBlock && !e.Ipv6CidrBlock)) {
        b.warn(origin, `${acl.NetworkAclId}: rule ${e.RuleNumber} has no action or no CIDR block; left out`);
        continue;
      }
      entries.push({
        ruleNumber: e.RuleNumber,
        protocol: e.Protocol,
        ruleAction,
        egress: e.Egress,
        ...(e.CidrBlock ? { cidrBlock: e.CidrBlock } : { ipv6CidrBlock: e.Ipv6CidrBlock }),
        ...(e.PortRange && e.PortRange.From !== undefined && e.PortRange.To !== undefined
          ? { portRange: { from: e.PortRange.From, to: e.PortRange.To } }
          : {}),
        ...(e.IcmpTypeCode ? { icmpTypeCode: { type: e.IcmpTypeCode.Type ?? -1, code: e.IcmpTypeCode.Code ?? -1 } } : {}),
      });
    }
    b.add("networkAcls", acl.NetworkAclId, {
      networkAclId: acl.NetworkAclId,
      vpcId: acl.VpcId,
      isDefault: acl.IsDefault ?? false,
      associations: acl.Associations.map((a) => ({ ...(a.NetworkAclAssociationId ? { networkAclAssociationId: a.NetworkAclAssociationId } : {}), subnetId: a.SubnetId })),
      entries,
      ...inVpc(origin, acl.OwnerId, acl.VpcId),
      tags: tagsOf(acl.Tags),
    }, origin);
  }

  // AWS-managed prefix lists (`describe-prefix-lists`) are also the address
  // ranges of the public services they name (S3, DynamoDB).
  for (const { value: p, origin } of snapshot.prefixLists) {
    const cidrs = p.Cidrs;
    b.add("prefixLists", p.PrefixListId, {
      prefixListId: p.PrefixListId,
      ...(p.PrefixListName ? { prefixListName: p.PrefixListName } : {}),
      addressFamily: cidrs.some((c) => c.includes(":")) && !cidrs.some((c) => c.includes(".")) ? "IPv6" : "IPv4",
      entries: cidrs.map((cidr) => ({ cidr })),
      ...placement(origin, undefined, regionOfServiceName(p.PrefixListName)),
    }, origin);
    if (p.PrefixListName && /^com\.amazonaws\.[a-z0-9-]+\.[a-z0-9.-]+$/.test(p.PrefixListName)) {
      b.add("awsServices", p.PrefixListName, {
        serviceName: p.PrefixListName,
        prefixListId: p.PrefixListId,
        cidrBlocks: cidrs,
        ...placement(origin, undefined, regionOfServiceName(p.PrefixListName)),
      }, origin);
    }
  }
  // describe-managed-prefix-lists carries no entries; get-managed-prefix-list-entries (one output per
  // list, possibly in pages) does. A list whose entries were not captured is left out, so the rules and
  // routes that use it are reported (reportUnresolvedPrefixLists) instead of silently matching nothing.
  for (const { value: p, origin } of snapshot.managedPrefixLists) {
    const entries = managedPrefixListEntries(snapshot, p.PrefixListId);
    if (!entries) continue;
    const addressFamily = oneOf(["IPv4", "IPv6"], p.AddressFamily);
    b.add("prefixLists", p.PrefixListId, {
      prefixListId: p.PrefixListId,
      ...(p.PrefixListName ? { prefixListName: p.PrefixListName } : {}),
      ...(addressFamily ? { addressFamily } : {}),
      entries,
      ...placement(origin, p.OwnerId, undefined),
      tags: tagsOf(p.Tags),
    }, origin);
  }
  for (const { value: e, origin } of snapshot.managedPrefixListEntries) {
    if (b.has("prefixLists", e.PrefixListId) || snapshot.managedPrefixLists.some((p) => p.value.PrefixListId === e.PrefixListId)) continue;
    b.add("prefixLists", e.PrefixListId, {
      prefixListId: e.PrefixListId,
      entries: managedPrefixListEntries(snapshot, e.PrefixListId) ?? [],
      ...placement(origin, undefined, undefined),
    }, origin);
  }

  const endpointStates = ["PendingAcceptance", "Pending", "Available", "Deleting", "Deleted", "Rejected", "Failed", "Expired", "available", "pending", "pendingAcceptance", "rejected", "failed"] as const;
  for (const { value: e, origin } of snapshot.vpcEndpoints) {
    const type = oneOf(["Gateway", "Interface", "GatewayLoadBalancer"], e.VpcEndpointType);
    if (!type) {
      b.warn(origin, `${e.VpcEndpointId} is a ${e.VpcEndpointType} endpoint, which the evaluator does not model; left out`);
      continue;
    }
    const state = oneOfAnyCase(endpointStates, e.State);
    b.add("vpcEndpoints", e.VpcEndpointId, {
      vpcEndpointId: e.VpcEndpointId,
      vpcEndpointType: type,
      vpcId: e.VpcId,
      serviceName: e.ServiceName,
      ...(state ? { state } : {}),
      routeTableIds: e.RouteTableIds,
      subnetIds: e.SubnetIds,
      networkInterfaceIds: e.NetworkInterfaceIds,
      securityGroupIds: e.Groups.map((g) => g.GroupId),
      privateDnsEnabled: e.PrivateDnsEnabled ?? false,
      ...(e.PolicyDocument ? { policyDocument: e.PolicyDocument } : {}),
      ...inVpc(origin, e.OwnerId, e.VpcId),
      tags: tagsOf(e.Tags),
    }, origin);
  }

  const peeringStatuses = ["initiating-request", "pending-acceptance", "active", "deleted", "rejected", "failed", "expired", "provisioning", "deleting"] as const;
  // Both accounts list a cross-account peering connection; keep the active copy, where the first copy was.
  const activeCopy = new Map<string, (typeof snapshot.vpcPeeringConnections)[number]>();
  for (const p of snapshot.vpcPeeringConnections) if (p.value.Status?.Code === "active" && !activeCopy.has(p.value.VpcPeeringConnectionId)) activeCopy.set(p.value.VpcPeeringConnectionId, p);
  const peerings = snapshot.vpcPeeringConnections.map((p) => activeCopy.get(p.value.VpcPeeringConnectionId) ?? p);
  for (const { value: p, origin } of peerings) {
    const status = oneOf(peeringStatuses, p.Status?.Code);
    const side = (info: typeof p.AccepterVpcInfo) => ({
      vpcId: info.VpcId,
      ...(info.OwnerId ? { ownerId: info.OwnerId } : {}),
      ...(info.Region ? { region: info.Region } : {}),
      ...(info.CidrBlock ? { cidrBlock: info.CidrBlock } : {}),
      cidrBlockSet: info.CidrBlockSet.map((c) => ({ cidrBlock: c.CidrBlock })),
    });
    b.add("vpcPeeringConnections", p.VpcPeeringConnectionId, {
      vpcPeeringConnectionId: p.VpcPeeringConnectionId,
      ...(status ? { status } : {}),
      requesterVpcInfo: side(p.RequesterVpcInfo),
      accepterVpcInfo: side(p.AccepterVpcInfo),
      ...placement(origin, p.RequesterVpcInfo.OwnerId, p.RequesterVpcInfo.Region),
      tags: tagsOf(p.Tags),
    }, origin);
  }

  const enableDisable = ["enable", "disable"] as const;
  for (const { value: t, origin } of snapshot.transitGateways) {
    const o = t.Options;
    const state = oneOf(["pending", "available", "modifying", "deleting", "deleted"], t.State);
    b.add("transitGateways", t.TransitGatewayId, {
      transitGatewayId: t.TransitGatewayId,
      ...(state ? { state } : {}),
      options: {
        ...(o?.AmazonSideAsn !== undefined ? { amazonSideAsn: o.AmazonSideAsn } : {}),
        ...(oneOf(enableDisable, o?.DefaultRouteTableAssociation) ? { defaultRouteTableAssociation: oneOf(enableDisable, o?.DefaultRouteTableAssociation) } : {}),
        ...(oneOf(enableDisable, o?.DefaultRouteTablePropagation) ? { defaultRouteTablePropagation: oneOf(enableDisable, o?.DefaultRouteTablePropagation) } : {}),
        ...(o?.AssociationDefaultRouteTableId ? { associationDefaultRouteTableId: o.AssociationDefaultRouteTableId } : {}),
        ...(o?.PropagationDefaultRouteTableId ? { propagationDefaultRouteTableId: o.PropagationDefaultRouteTableId } : {}),
        ...(oneOf(enableDisable, o?.VpnEcmpSupport) ? { vpnEcmpSupport: oneOf(enableDisable, o?.VpnEcmpSupport) } : {}),
        ...(oneOf(enableDisable, o?.SecurityGroupReferencingSupport) ? { securityGroupReferencingSupport: oneOf(enableDisable, o?.SecurityGroupReferencingSupport) } : {}),
      },
      ...placement(origin, t.OwnerId, regionOfArn(String(t.TransitGatewayArn ?? ""))),
      tags: tagsOf(t.Tags),
    }, origin);
  }

  mapTransitGatewayAttachments(snapshot, b);
  mapTransitGatewayRouteTables(snapshot, b);

  const gatewayStates = ["pending", "available", "deleting", "deleted"] as const;
  for (const { value: g, origin } of snapshot.vpnGateways) {
    const state = oneOf(gatewayStates, g.State);
    b.add("vpnGateways", g.VpnGatewayId, {
      vpnGatewayId: g.VpnGatewayId,
      ...(state ? { state } : {}),
      ...(g.AmazonSideAsn !== undefined ? { amazonSideAsn: g.AmazonSideAsn } : {}),
      vpcAttachments: g.VpcAttachments.map((a) => ({ vpcId: a.VpcId, ...(oneOf(eniAttachmentStatuses, a.State) ? { state: oneOf(eniAttachmentStatuses, a.State) } : {}) })),
      ...inVpc(origin, undefined, g.VpcAttachments[0]?.VpcId),
      tags: tagsOf(g.Tags),
    }, origin);
  }
  for (const { value: g, origin } of snapshot.customerGateways) {
    const state = oneOf(gatewayStates, g.State);
    b.add("customerGateways", g.CustomerGatewayId, {
      customerGatewayId: g.CustomerGatewayId,
      ...(g.IpAddress ? { ipAddress: g.IpAddress } : {}),
      ...(g.BgpAsn ? { bgpAsn: g.BgpAsn } : {}),
      ...(typeof g.DeviceName === "string" ? { deviceName: g.DeviceName } : {}),
      ...(state ? { state } : {}),
      ...placement(origin, undefined, undefined),
      tags: tagsOf(g.Tags),
    }, origin);
  }
  for (const { value: v, origin } of snapshot.vpnConnections) {
    if (!v.CustomerGatewayId || (v.VpnGatewayId === undefined) === (v.TransitGatewayId === undefined)) {
      b.warn(origin, `${v.VpnConnectionId} does not join one customer gateway to one VPN or transit gateway; left out`);
      continue;
    }
    const state = oneOf(gatewayStates, v.State);
    b.add("vpnConnections", v.VpnConnectionId, {
      vpnConnectionId: v.VpnConnectionId,
      customerGatewayId: v.CustomerGatewayId,
      ...(v.VpnGatewayId ? { vpnGatewayId: v.VpnGatewayId } : {}),
      ...(v.TransitGatewayId ? { transitGatewayId: v.TransitGatewayId } : {}),
      ...(state ? { state } : {}),
      options: {
        ...(v.Options?.StaticRoutesOnly !== undefined ? { staticRoutesOnly: v.Options.StaticRoutesOnly } : {}),
        ...(v.Options?.EnableAcceleration !== undefined ? { enableAcceleration: v.Options.EnableAcceleration } : {}),
        ...(v.Options?.LocalIpv4NetworkCidr ? { localIpv4NetworkCidr: v.Options.LocalIpv4NetworkCidr } : {}),
        ...(v.Options?.RemoteIpv4NetworkCidr ? { remoteIpv4NetworkCidr: v.Options.RemoteIpv4NetworkCidr } : {}),
      },
      routes: v.Routes.map((r) => ({
        destinationCidrBlock: r.DestinationCidrBlock,
        ...(typeof r.Source === "string" ? { source: r.Source } : {}),
        ...(oneOf(gatewayStates, r.State) ? { state: oneOf(gatewayStates, r.State) } : {}),
      })),
      vgwTelemetry: v.VgwTelemetry.flatMap((t) => {
        const status = oneOf(["UP", "DOWN"], t.Status);
        if (!status) return [];
        return [{ ...(t.OutsideIpAddress ? { outsideIpAddress: t.OutsideIpAddress } : {}), status, ...(t.AcceptedRouteCount !== undefined ? { acceptedRouteCount: t.AcceptedRouteCount } : {}) }];
      }),
      ...placement(origin, undefined, undefined),
      tags: tagsOf(v.Tags),
    }, origin);
  }

  mapLoadBalancing(snapshot, b);
  mapEndpointServices(snapshot, b);
  mapClientVpn(snapshot, b);
  mapDirectConnect(snapshot, b);
  mapMonitoring(snapshot, b);
  mapGlobalAccelerator(snapshot, b);
  mapAwsIpRanges(snapshot, b);
  reportUnresolvedPrefixLists(snapshot, b);

  return b.build(options);
}

/** `com.amazonaws.us-east-1.s3` and endpoint services' `com.amazonaws.vpce.us-east-1.vpce-svc-…` → `us-east-1`. */
function regionOfServiceName(name: string | undefined): string | undefined {
  const region = name ? /^com\.amazonaws\.(?:vpce\.)?([a-z0-9-]+)\./.exec(name)?.[1] : undefined;
  return region && regionPattern.test(region) ? region : undefined;
}

const tgwAttachmentStates = ["initiating", "initiatingRequest", "pendingAcceptance", "rollingBack", "pending", "available", "modifying", "deleting", "deleted", "failed", "rejected", "rejecting", "failing"] as const;
const tgwResourceTypes = ["vpc", "vpn", "direct-connect-gateway", "connect", "peering", "tgw-peering", "network-function"] as const;

/**
 * Transit gateway attachments come from three outputs: the generic
 * `describe-transit-gateway-attachments` (type, resource, association), the
 * VPC attachments (subnets, appliance mode) and the peering attachments (both
 * ends). A peering attachment is kept once per transit gateway, as the model asks.
 */
function mapTransitGatewayAttachments(snapshot: AwsSnapshot, b: TopologyBuilder) {
  const vpcAttachments = new Map(snapshot.transitGatewayVpcAttachments.map((a) => [a.value.TransitGatewayAttachmentId, a.value]));
  // Wrapped get-transit-gateway-route-table-associations outputs, per attachment and transit gateway:
  // both ends of a peering attachment share its id, each associated with a table of its own gateway.
  const gatewayOfTable = new Map(snapshot.transitGatewayRouteTables.map((t) => [t.value.TransitGatewayRouteTableId, t.value.TransitGatewayId]));
  const tablesOfAttachment = new Map<string, { tableId: string; transitGatewayId: string | undefined }[]>();
  for (const { value } of snapshot.transitGatewayAssociations) {
    for (const a of value.Associations) {
      const list = tablesOfAttachment.get(a.TransitGatewayAttachmentId) ?? [];
      list.push({ tableId: value.TransitGatewayRouteTableId, transitGatewayId: gatewayOfTable.get(value.TransitGatewayRouteTableId) });
      tablesOfAttachment.set(a.TransitGatewayAttachmentId, list);
    }
  }
  const tableFromAssociations = (attachmentId: string, transitGatewayId: string): string | undefined => {
    const tables = tablesOfAttachment.get(attachmentId) ?? [];
    return (tables.find((t) => t.transitGatewayId === transitGatewayId) ?? tables.find((t) => t.transitGatewayId === undefined))?.tableId;
  };
  const vpcDetails = (id: string) => {
    const v = vpcAttachments.get(id);
    const appliance = oneOf(["enable", "disable"], v?.Options?.ApplianceModeSupport);
    const referencing = oneOf(["enable", "disable"], v?.Options?.SecurityGroupReferencingSupport);
    return {
      subnetIds: v?.SubnetIds ?? [],
      ...(appliance ? { applianceModeSupport: appliance } : {}),
      ...(referencing ? { securityGroupReferencingSupport: referencing } : {}),
    };
  };

  for (const { value: a, origin } of snapshot.transitGatewayAttachments) {
    const resourceType = oneOf(tgwResourceTypes, a.ResourceType);
    const resourceId = a.ResourceId ?? vpcAttachments.get(a.TransitGatewayAttachmentId)?.VpcId;
    if (!resourceType || !resourceId) {
      b.warn(origin, `${a.TransitGatewayAttachmentId} (${a.ResourceType}) names no resource the evaluator models; left out`);
      continue;
    }
    const state = oneOf(tgwAttachmentStates, a.State);
    const tableId = a.Association?.TransitGatewayRouteTableId ?? tableFromAssociations(a.TransitGatewayAttachmentId, a.TransitGatewayId);
    const associationState = oneOf(["associating", "associated", "disassociating", "disassociated"], a.Association?.State);
    b.add("transitGatewayAttachments", `${a.TransitGatewayAttachmentId}@${a.TransitGatewayId}`, {
      transitGatewayAttachmentId: a.TransitGatewayAttachmentId,
      transitGatewayId: a.TransitGatewayId,
      ...(a.TransitGatewayOwnerId ? { transitGatewayOwnerId: a.TransitGatewayOwnerId } : {}),
      resourceType,
      resourceId,
      ...(a.ResourceOwnerId ? { resourceOwnerId: a.ResourceOwnerId } : {}),
      ...(state ? { state } : {}),
      ...(tableId ? { association: { transitGatewayRouteTableId: tableId, ...(associationState ? { state: associationState } : {}) } } : {}),
      ...(resourceType === "vpc" ? vpcDetails(a.TransitGatewayAttachmentId) : {}),
      ...placement(origin, a.TransitGatewayOwnerId, undefined),
      tags: tagsOf(a.Tags),
    }, origin);
  }

  for (const { value: v, origin } of snapshot.transitGatewayVpcAttachments) {
    const state = oneOf(tgwAttachmentStates, v.State);
    const tableId = tableFromAssociations(v.TransitGatewayAttachmentId, v.TransitGatewayId);
    b.add("transitGatewayAttachments", `${v.TransitGatewayAttachmentId}@${v.TransitGatewayId}`, {
      transitGatewayAttachmentId: v.TransitGatewayAttachmentId,
      transitGatewayId: v.TransitGatewayId,
      resourceType: "vpc",
      resourceId: v.VpcId,
      ...(v.VpcOwnerId ? { resourceOwnerId: v.VpcOwnerId } : {}),
      ...(state ? { state } : {}),
      ...(tableId ? { association: { transitGatewayRouteTableId: tableId } } : {}),
      ...vpcDetails(v.TransitGatewayAttachmentId),
      ...placement(origin, undefined, undefined),
      tags: tagsOf(v.Tags),
    }, origin);
  }

  for (const { value: p, origin } of snapshot.transitGatewayPeeringAttachments) {
    const state = oneOf(tgwAttachmentStates, p.State);
    const ends = [
      [p.RequesterTgwInfo, p.AccepterTgwInfo],
      [p.AccepterTgwInfo, p.RequesterTgwInfo],
    ] as const;
    for (const [self, peer] of ends) {
      const tableId = tableFromAssociations(p.TransitGatewayAttachmentId, self.TransitGatewayId);
      b.add("transitGatewayAttachments", `${p.TransitGatewayAttachmentId}@${self.TransitGatewayId}`, {
        transitGatewayAttachmentId: p.TransitGatewayAttachmentId,
        transitGatewayId: self.TransitGatewayId,
        ...(self.OwnerId ? { transitGatewayOwnerId: self.OwnerId } : {}),
        resourceType: "peering",
        resourceId: peer.TransitGatewayId,
        ...(peer.OwnerId ? { resourceOwnerId: peer.OwnerId } : {}),
        ...(state ? { state } : {}),
        ...(tableId ? { association: { transitGatewayRouteTableId: tableId } } : {}),
        ...placement(origin, self.OwnerId, self.Region),
        tags: tagsOf(p.Tags),
      }, origin);
    }
  }
}

/**
 * Route tables gather their associations (from the attachments), their
 * propagations and their routes (wrapped `search-transit-gateway-routes`).
 */
function mapTransitGatewayRouteTables(snapshot: AwsSnapshot, b: TopologyBuilder) {
  const associations = new Map<string, Set<string>>();
  const associate = (tableId: string, attachmentId: string) => {
    if (!associations.has(tableId)) associations.set(tableId, new Set());
    associations.get(tableId)?.add(attachmentId);
  };
  for (const { value: a } of snapshot.transitGatewayAttachments) {
    if (a.Association?.TransitGatewayRouteTableId && (a.Association.State ?? "associated") === "associated") {
      associate(a.Association.TransitGatewayRouteTableId, a.TransitGatewayAttachmentId);
    }
  }
  for (const { value } of snapshot.transitGatewayAssociations) {
    for (const a of value.Associations) if ((a.State ?? "associated") === "associated") associate(value.TransitGatewayRouteTableId, a.TransitGatewayAttachmentId);
  }

  const propagationStates = ["enabling", "enabled", "disabling", "disabled"] as const;
  const routeStates = ["pending", "active", "blackhole", "deleting", "deleted"] as const;
  for (const { value: t, origin } of snapshot.transitGatewayRouteTables) {
    const propagations = new Map<string, (typeof propagationStates)[number] | undefined>();
    for (const { value } of snapshot.transitGatewayPropagations.filter((p) => p.value.TransitGatewayRouteTableId === t.TransitGatewayRouteTableId)) {
      for (const p of value.TransitGatewayRouteTablePropagations) propagations.set(p.TransitGatewayAttachmentId, oneOf(propagationStates, p.State));
    }
    const routes = [];
    const seenRoutes = new Set<string>();
    for (const { value, origin: routeOrigin } of snapshot.transitGatewayRoutes.filter((r) => r.value.TransitGatewayRouteTableId === t.TransitGatewayRouteTableId)) {
      for (const r of value.Routes) {
        // A prefix list reference is listed as one route per entry, each naming the list too.
        // https://docs.aws.amazon.com/vpc/latest/tgw/create-prefix-list-reference.html
        if (r.DestinationCidrBlock === undefined && r.PrefixListId === undefined) {
          b.warn(routeOrigin, `${t.TransitGatewayRouteTableId}: a route with neither a DestinationCidrBlock nor a PrefixListId; left out`);
          continue;
        }
        const key = `${r.DestinationCidrBlock ?? ""}|${r.PrefixListId ?? ""}|${r.Type}|${r.TransitGatewayAttachments.map((a) => a.TransitGatewayAttachmentId).join(",")}`;
        if (seenRoutes.has(key)) continue;
        seenRoutes.add(key);
        const type = oneOf(["static", "propagated"], r.Type);
        const state = oneOf(routeStates, r.State);
        routes.push({
          ...(r.DestinationCidrBlock ? { destinationCidrBlock: r.DestinationCidrBlock } : {}),
          ...(r.PrefixListId ? { prefixListId: r.PrefixListId } : {}),
          ...(type ? { type } : {}),
          ...(state ? { state } : {}),
          transitGatewayAttachments: r.TransitGatewayAttachments.filter((a) => a.TransitGatewayAttachmentId !== undefined).map((a) => ({
            transitGatewayAttachmentId: a.TransitGatewayAttachmentId as string,
            ...(a.ResourceId ? { resourceId: a.ResourceId } : {}),
            ...(a.ResourceType ? { resourceType: a.ResourceType } : {}),
          })),
        });
      }
    }
    const state = oneOf(["pending", "available", "deleting", "deleted"], t.State);
    b.add("transitGatewayRouteTables", t.TransitGatewayRouteTableId, {
      transitGatewayRouteTableId: t.TransitGatewayRouteTableId,
      transitGatewayId: t.TransitGatewayId,
      ...(state ? { state } : {}),
      defaultAssociationRouteTable: t.DefaultAssociationRouteTable ?? false,
      defaultPropagationRouteTable: t.DefaultPropagationRouteTable ?? false,
      associations: [...(associations.get(t.TransitGatewayRouteTableId) ?? [])].map((id) => ({ transitGatewayAttachmentId: id })),
      propagations: [...propagations].map(([id, s]) => ({ transitGatewayAttachmentId: id, ...(s ? { state: s } : {}) })),
      routes,
      ...placement(origin, undefined, undefined),
      tags: tagsOf(t.Tags),
    }, origin);
  }
}

/** ELBv2 load balancers with their listeners, target groups and registered targets. */
function mapLoadBalancing(snapshot: AwsSnapshot, b: TopologyBuilder) {
  const crossZone = new Map<string, boolean>();
  for (const { value } of snapshot.loadBalancerAttributes) {
    const attribute = value.Attributes.find((a) => a.Key === "load_balancing.cross_zone.enabled");
    if (attribute?.Value !== undefined) crossZone.set(value.LoadBalancerArn, attribute.Value === "true");
  }
  for (const { value: lb, origin } of snapshot.loadBalancers) {
    if (!lb.VpcId || !lb.LoadBalancerName) {
      b.warn(origin, `${lb.LoadBalancerArn} has no VPC or name (not an ELBv2 load balancer in a VPC); left out`);
      continue;
    }
    const type = oneOf(["application", "network", "gateway"], lb.Type);
    const scheme = oneOf(["internet-facing", "internal"], lb.Scheme);
    const state = oneOf(["active", "provisioning", "active_impaired", "failed"], lb.State?.Code);
    b.add("loadBalancers", lb.LoadBalancerArn, {
      loadBalancerArn: lb.LoadBalancerArn,
      loadBalancerName: lb.LoadBalancerName,
      ...(lb.DNSName ? { dnsName: lb.DNSName } : {}),
      ...(type ? { type } : {}),
      ...(scheme ? { scheme } : {}),
      vpcId: lb.VpcId,
      ...(state ? { state } : {}),
      availabilityZones: lb.AvailabilityZones.filter((z) => z.SubnetId !== undefined).map((z) => ({
        ...(z.ZoneName ? { zoneName: z.ZoneName } : {}),
        subnetId: z.SubnetId as string,
        loadBalancerAddresses: z.LoadBalancerAddresses.map((a) => ({
          ...(a.IpAddress ? { ipAddress: a.IpAddress } : {}),
          ...(a.AllocationId ? { allocationId: a.AllocationId } : {}),
          ...(a.PrivateIPv4Address ? { privateIPv4Address: a.PrivateIPv4Address } : {}),
        })),
      })),
      securityGroupIds: lb.SecurityGroups,
      ...(crossZone.has(lb.LoadBalancerArn) ? { crossZoneLoadBalancing: crossZone.get(lb.LoadBalancerArn) } : {}),
      ...(oneOf(["on", "off"], lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic)
        ? { enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: oneOf(["on", "off"], lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic) }
        : {}),
      ...placement(origin, undefined, regionOfArn(lb.LoadBalancerArn)),
    }, origin);
  }

  const healthStates = ["initial", "healthy", "unhealthy", "unhealthy.draining", "unused", "draining", "unavailable"] as const;
  for (const { value: tg, origin } of snapshot.targetGroups) {
    const descriptions = snapshot.targetHealth.filter((h) => h.value.TargetGroupArn === tg.TargetGroupArn).flatMap((h) => h.value.TargetHealthDescriptions);
    const targets = uniqueBy(descriptions, (d) => `${d.Target.Id}|${d.Target.Port ?? ""}|${d.Target.AvailabilityZone ?? ""}`)
      .map((d) => {
        const health = oneOf(healthStates, d.TargetHealth?.State);
        return {
          id: d.Target.Id,
          ...(d.Target.Port !== undefined ? { port: d.Target.Port } : {}),
          ...(d.Target.AvailabilityZone ? { availabilityZone: d.Target.AvailabilityZone } : {}),
          ...(health ? { health } : {}),
        };
      });
    const targetType = oneOf(["instance", "ip", "lambda", "alb"], tg.TargetType);
    b.add("targetGroups", tg.TargetGroupArn, {
      targetGroupArn: tg.TargetGroupArn,
      ...(tg.TargetGroupName ? { targetGroupName: tg.TargetGroupName } : {}),
      ...(tg.Protocol ? { protocol: tg.Protocol } : {}),
      ...(tg.Port !== undefined ? { port: tg.Port } : {}),
      ...(targetType ? { targetType } : {}),
      ...(tg.VpcId ? { vpcId: tg.VpcId } : {}),
      loadBalancerArns: tg.LoadBalancerArns,
      targets,
      ...placement(origin, undefined, regionOfArn(tg.TargetGroupArn)),
    }, origin);
  }

  const listeners = [
    ...snapshot.listeners,
    ...snapshot.loadBalancerListeners.flatMap(({ value, origin }) => value.Listeners.map((l) => ({ value: l, origin }))),
  ];
  const actionTypes = ["forward", "authenticate-oidc", "authenticate-cognito", "redirect", "fixed-response"] as const;
  for (const { value: l, origin } of listeners) {
    b.add("listeners", l.ListenerArn, {
      listenerArn: l.ListenerArn,
      loadBalancerArn: l.LoadBalancerArn,
      ...(l.Protocol ? { protocol: l.Protocol } : {}),
      ...(l.Port !== undefined ? { port: l.Port } : {}),
      defaultActions: l.DefaultActions.flatMap((a) => {
        const type = oneOf(actionTypes, a.Type);
        if (!type) return [];
        return [{
          type,
          ...(a.TargetGroupArn ? { targetGroupArn: a.TargetGroupArn } : {}),
          ...(a.ForwardConfig ? { forwardConfig: { targetGroups: a.ForwardConfig.TargetGroups.map((t) => ({ targetGroupArn: t.TargetGroupArn, ...(t.Weight !== undefined ? { weight: t.Weight } : {}) })) } } : {}),
          ...(a.Order !== undefined ? { order: a.Order } : {}),
        }];
      }),
      ...placement(origin, undefined, regionOfArn(l.ListenerArn)),
    }, origin);
  }
}


/** Endpoint services this account provides (`describe-vpc-endpoint-service-configurations`). */
function mapEndpointServices(snapshot: AwsSnapshot, b: TopologyBuilder) {
  for (const { value: s, origin } of snapshot.serviceConfigurations) {
    const serviceType = oneOf(["Interface", "Gateway", "GatewayLoadBalancer"], s.ServiceType[0]?.ServiceType);
    b.add("vpcEndpointServices", s.ServiceId, {
      serviceId: s.ServiceId,
      serviceName: s.ServiceName,
      ...(serviceType ? { serviceType } : {}),
      networkLoadBalancerArns: s.NetworkLoadBalancerArns,
      gatewayLoadBalancerArns: s.GatewayLoadBalancerArns,
      acceptanceRequired: s.AcceptanceRequired ?? false,
      ...(s.PrivateDnsName ? { privateDnsName: s.PrivateDnsName } : {}),
      ...placement(origin, undefined, regionOfServiceName(s.ServiceName)),
      tags: tagsOf(s.Tags),
    }, origin);
  }
}

/** Client VPN endpoints gather their target networks, authorization rules and routes. */
function mapClientVpn(snapshot: AwsSnapshot, b: TopologyBuilder) {
  const networkStates = ["associating", "associated", "association-failed", "disassociating", "disassociated"] as const;
  const ruleStates = ["authorizing", "active", "failed", "revoking"] as const;
  const routeStates = ["creating", "active", "failed", "deleting"] as const;
  for (const { value: e, origin } of snapshot.clientVpnEndpoints) {
    const status = oneOf(["pending-associate", "available", "deleting", "deleted"], e.Status?.Code);
    const mine = <T extends { ClientVpnEndpointId: string }>(list: { value: T }[]) =>
      uniqueBy(list.map((x) => x.value).filter((x) => x.ClientVpnEndpointId === e.ClientVpnEndpointId), (x) => JSON.stringify(x));
    b.add("clientVpnEndpoints", e.ClientVpnEndpointId, {
      clientVpnEndpointId: e.ClientVpnEndpointId,
      clientCidrBlock: e.ClientCidrBlock,
      ...(e.VpcId ? { vpcId: e.VpcId } : {}),
      securityGroupIds: e.SecurityGroupIds,
      splitTunnel: e.SplitTunnel ?? false,
      ...(status ? { status } : {}),
      targetNetworks: mine(snapshot.clientVpnTargetNetworks).map((n) => {
        const s = oneOf(networkStates, n.Status?.Code);
        return { ...(n.AssociationId ? { associationId: n.AssociationId } : {}), targetNetworkId: n.TargetNetworkId, ...(s ? { status: s } : {}) };
      }),
      authorizationRules: mine(snapshot.clientVpnAuthorizationRules).map((r) => {
        const s = oneOf(ruleStates, r.Status?.Code);
        return { destinationCidr: r.DestinationCidr, accessAll: r.AccessAll ?? false, ...(r.GroupId ? { groupId: r.GroupId } : {}), ...(s ? { status: s } : {}) };
      }),
      routes: mine(snapshot.clientVpnRoutes).map((r) => {
        const s = oneOf(routeStates, r.Status?.Code);
        const o = oneOf(["associate", "add-route"], r.Origin);
        return { destinationCidr: r.DestinationCidr, targetSubnet: r.TargetSubnet, ...(s ? { status: s } : {}), ...(o ? { origin: o } : {}) };
      }),
      ...placement(origin, undefined, undefined),
      tags: tagsOf(e.Tags),
    }, origin);
  }
}

/** Direct Connect connections, virtual interfaces and gateways with their associations. */
function mapDirectConnect(snapshot: AwsSnapshot, b: TopologyBuilder) {
  const connectionStates = ["ordering", "requested", "pending", "available", "down", "deleting", "deleted", "rejected", "unknown"] as const;
  const vifStates = ["confirming", "verifying", "pending", "available", "down", "deleting", "deleted", "rejected", "unknown"] as const;
  for (const { value: c, origin } of snapshot.directConnectConnections) {
    const state = oneOf(connectionStates, c.connectionState);
    b.add("directConnectConnections", c.connectionId, {
      connectionId: c.connectionId,
      ...(c.connectionName ? { connectionName: c.connectionName } : {}),
      ...(state ? { connectionState: state } : {}),
      ...(c.location ? { location: c.location } : {}),
      ...(c.bandwidth ? { bandwidth: c.bandwidth } : {}),
      ...placement(origin, c.ownerAccount, c.region),
    }, origin);
  }
  for (const { value: v, origin } of snapshot.virtualInterfaces) {
    const type = oneOf(["private", "public", "transit"], v.virtualInterfaceType);
    if (!type) {
      b.warn(origin, `${v.virtualInterfaceId} is a ${v.virtualInterfaceType} virtual interface, which the evaluator does not model; left out`);
      continue;
    }
    const state = oneOf(vifStates, v.virtualInterfaceState);
    b.add("virtualInterfaces", v.virtualInterfaceId, {
      virtualInterfaceId: v.virtualInterfaceId,
      virtualInterfaceType: type,
      connectionId: v.connectionId,
      ...(state ? { virtualInterfaceState: state } : {}),
      ...(v.virtualGatewayId ? { virtualGatewayId: v.virtualGatewayId } : {}),
      ...(v.directConnectGatewayId ? { directConnectGatewayId: v.directConnectGatewayId } : {}),
      ...(v.vlan !== undefined ? { vlan: v.vlan } : {}),
      ...(v.asn !== undefined ? { asn: v.asn } : {}),
      ...(v.amazonAddress ? { amazonAddress: v.amazonAddress } : {}),
      ...(v.customerAddress ? { customerAddress: v.customerAddress } : {}),
      routeFilterPrefixes: v.routeFilterPrefixes.map((p) => ({ cidr: p.cidr })),
      ...placement(origin, v.ownerAccount, v.region),
    }, origin);
  }
  const associationStates = ["associating", "associated", "disassociating", "disassociated", "updating"] as const;
  for (const { value: g, origin } of snapshot.directConnectGateways) {
    const state = oneOf(["pending", "available", "deleting", "deleted"], g.directConnectGatewayState);
    const associations = uniqueBy(
      snapshot.directConnectGatewayAssociations.map((a) => a.value).filter((a) => a.directConnectGatewayId === g.directConnectGatewayId),
      (a) => JSON.stringify(a),
    ).flatMap((a) => {
        const gateway = a.associatedGateway ?? (a.virtualGatewayId ? { id: a.virtualGatewayId, type: "virtualPrivateGateway" } : undefined);
        const type = oneOf(["virtualPrivateGateway", "transitGateway"], gateway?.type);
        if (!gateway || !type) return [];
        const s = oneOf(associationStates, a.associationState);
        return [{
          associatedGateway: {
            id: gateway.id,
            type,
            ...(typeof gateway.ownerAccount === "string" ? { ownerAccount: gateway.ownerAccount } : {}),
            ...(typeof gateway.region === "string" ? { region: gateway.region } : {}),
          },
          ...(s ? { associationState: s } : {}),
          allowedPrefixesToDirectConnectGateway: a.allowedPrefixesToDirectConnectGateway.map((p) => ({ cidr: p.cidr })),
        }];
      });
    b.add("directConnectGateways", g.directConnectGatewayId, {
      directConnectGatewayId: g.directConnectGatewayId,
      ...(g.directConnectGatewayName ? { directConnectGatewayName: g.directConnectGatewayName } : {}),
      ...(g.amazonSideAsn !== undefined ? { amazonSideAsn: g.amazonSideAsn } : {}),
      ...(state ? { directConnectGatewayState: state } : {}),
      associations,
      ...placement(origin, g.ownerAccount, undefined),
    }, origin);
  }
}

/** Flow logs and Traffic Mirroring, which the evaluator reports on. */
function mapMonitoring(snapshot: AwsSnapshot, b: TopologyBuilder) {
  for (const { value: f, origin } of snapshot.flowLogs) {
    const trafficType = oneOf(["ACCEPT", "REJECT", "ALL"], f.TrafficType);
    const destinationType = oneOf(["cloud-watch-logs", "s3", "kinesis-data-firehose"], f.LogDestinationType);
    if (f.FlowLogStatus !== undefined && f.FlowLogStatus !== "ACTIVE") continue;
    b.add("flowLogs", f.FlowLogId, {
      flowLogId: f.FlowLogId,
      resourceId: f.ResourceId,
      ...(trafficType ? { trafficType } : {}),
      ...(destinationType ? { logDestinationType: destinationType } : {}),
      ...(f.LogDestination ?? f.LogGroupName ? { logDestination: f.LogDestination ?? f.LogGroupName } : {}),
      ...(f.LogFormat ? { logFormat: f.LogFormat } : {}),
      ...placement(origin, undefined, undefined),
      tags: tagsOf(f.Tags),
    }, origin);
  }
  for (const { value: t, origin } of snapshot.trafficMirrorTargets) {
    b.add("trafficMirrorTargets", t.TrafficMirrorTargetId, {
      trafficMirrorTargetId: t.TrafficMirrorTargetId,
      ...(t.NetworkInterfaceId ? { networkInterfaceId: t.NetworkInterfaceId } : {}),
      ...(t.NetworkLoadBalancerArn ? { networkLoadBalancerArn: t.NetworkLoadBalancerArn } : {}),
      ...(t.GatewayLoadBalancerEndpointId ? { gatewayLoadBalancerEndpointId: t.GatewayLoadBalancerEndpointId } : {}),
      ...placement(origin, t.OwnerId, undefined),
      tags: tagsOf(t.Tags),
    }, origin);
  }
  const rule = (r: AwsTrafficMirrorFilterRule) => {
    const ruleAction = oneOf(["accept", "reject"], r.RuleAction);
    if (!ruleAction) return [];
    const range = (p: AwsTrafficMirrorFilterRule["DestinationPortRange"]) =>
      p && p.FromPort !== undefined && p.ToPort !== undefined ? { fromPort: p.FromPort, toPort: p.ToPort } : undefined;
    const destinationPortRange = range(r.DestinationPortRange);
    const sourcePortRange = range(r.SourcePortRange);
    return [{
      ruleNumber: r.RuleNumber,
      ruleAction,
      ...(r.Protocol !== undefined ? { protocol: r.Protocol } : {}),
      destinationCidrBlock: r.DestinationCidrBlock,
      sourceCidrBlock: r.SourceCidrBlock,
      ...(destinationPortRange ? { destinationPortRange } : {}),
      ...(sourcePortRange ? { sourcePortRange } : {}),
    }];
  };
  for (const { value: f, origin } of snapshot.trafficMirrorFilters) {
    b.add("trafficMirrorFilters", f.TrafficMirrorFilterId, {
      trafficMirrorFilterId: f.TrafficMirrorFilterId,
      ingressFilterRules: f.IngressFilterRules.flatMap(rule),
      egressFilterRules: f.EgressFilterRules.flatMap(rule),
      ...placement(origin, undefined, undefined),
      tags: tagsOf(f.Tags),
    }, origin);
  }
  for (const { value: m, origin } of snapshot.trafficMirrorSessions) {
    b.add("trafficMirrorSessions", m.TrafficMirrorSessionId, {
      trafficMirrorSessionId: m.TrafficMirrorSessionId,
      networkInterfaceId: m.NetworkInterfaceId,
      trafficMirrorTargetId: m.TrafficMirrorTargetId,
      trafficMirrorFilterId: m.TrafficMirrorFilterId,
      sessionNumber: m.SessionNumber,
      ...(m.PacketLength !== undefined ? { packetLength: m.PacketLength } : {}),
      ...(m.VirtualNetworkId !== undefined ? { virtualNetworkId: m.VirtualNetworkId } : {}),
      ...placement(origin, m.OwnerId, undefined),
      tags: tagsOf(m.Tags),
    }, origin);
  }
}

/**
 * Accelerators gather their listeners and endpoint groups; a listener's ARN
 * starts with its accelerator's, an endpoint group's with its listener's.
 */
function mapGlobalAccelerator(snapshot: AwsSnapshot, b: TopologyBuilder) {
  const healthStates = ["INITIAL", "HEALTHY", "UNHEALTHY"] as const;
  for (const { value: a, origin } of snapshot.accelerators) {
    const listeners = uniqueBy(snapshot.acceleratorListeners.map((l) => l.value).filter((l) => l.ListenerArn.startsWith(`${a.AcceleratorArn}/listener/`)), (l) => l.ListenerArn)
      .flatMap((l) => {
        const protocol = oneOf(["TCP", "UDP"], l.Protocol);
        if (!protocol || l.PortRanges.length === 0) {
          b.warn(origin, `${l.ListenerArn} has no TCP/UDP protocol or no port range; left out`);
          return [];
        }
        const clientAffinity = oneOf(["NONE", "SOURCE_IP"], l.ClientAffinity);
        return [{
          listenerArn: l.ListenerArn,
          protocol,
          portRanges: l.PortRanges.map((p) => ({ fromPort: p.FromPort, toPort: p.ToPort })),
          ...(clientAffinity ? { clientAffinity } : {}),
          endpointGroups: uniqueBy(snapshot.endpointGroups.map((g) => g.value).filter((g) => g.EndpointGroupArn.startsWith(`${l.ListenerArn}/endpoint-group/`)), (g) => g.EndpointGroupArn)
            .map((g) => ({
              endpointGroupArn: g.EndpointGroupArn,
              endpointGroupRegion: g.EndpointGroupRegion,
              ...(g.TrafficDialPercentage !== undefined ? { trafficDialPercentage: g.TrafficDialPercentage } : {}),
              endpointDescriptions: g.EndpointDescriptions.map((e) => {
                const healthState = oneOf(healthStates, e.HealthState);
                return {
                  endpointId: e.EndpointId,
                  ...(e.Weight !== undefined ? { weight: e.Weight } : {}),
                  ...(healthState ? { healthState } : {}),
                  ...(e.ClientIPPreservationEnabled !== undefined ? { clientIPPreservationEnabled: e.ClientIPPreservationEnabled } : {}),
                };
              }),
            })),
        }];
      });
    b.add("accelerators", a.AcceleratorArn, {
      acceleratorArn: a.AcceleratorArn,
      ...(a.Name ? { name: a.Name } : {}),
      enabled: a.Enabled ?? true,
      ipSets: a.IpSets.map((set) => ({ ipAddresses: set.IpAddresses })),
      listeners,
      ...placement(origin, undefined, undefined),
    }, origin);
  }
}

/**
 * AWS's published address ranges (ip-ranges.json): one model entry per prefix
 * and service, as AWS lists them; `ip_prefix` and `ipv6_prefix` both become
 * `ipPrefix`. The same file read twice (a copy per account folder) counts once.
 */
function mapAwsIpRanges(snapshot: AwsSnapshot, b: TopologyBuilder) {
  const tokens = new Set(snapshot.awsIpRanges.map((r) => r.value.syncToken));
  const last = snapshot.awsIpRanges.at(-1);
  if (tokens.size > 1 && last) b.warn(last.origin, `the snapshot holds ip-ranges.json files from ${tokens.size} publications (syncToken ${[...tokens].join(", ")}); their prefixes are combined`);
  for (const { value: file, origin } of snapshot.awsIpRanges) {
    const entries = [
      ...file.prefixes.map((p) => ({ ipPrefix: p.ip_prefix, region: p.region, networkBorderGroup: p.network_border_group, service: p.service })),
      ...file.ipv6_prefixes.map((p) => ({ ipPrefix: p.ipv6_prefix, region: p.region, networkBorderGroup: p.network_border_group, service: p.service })),
    ];
    for (const { networkBorderGroup, ...entry } of entries) {
      b.add("awsIpRanges", `${entry.ipPrefix}|${entry.service}|${entry.region}|${networkBorderGroup ?? ""}`, {
        ...entry,
        ...(networkBorderGroup ? { networkBorderGroup } : {}),
      }, origin);
    }
  }
}
