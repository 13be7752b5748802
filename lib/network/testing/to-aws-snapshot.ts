import { addSnapshotDocument, emptySnapshot, originFromRelativePath, subjectFileName } from "../aws/snapshot";
import { regionOfZone, snapshotToTopology } from "../aws/to-topology";
import { parseTopology, type Topology, type TopologyInput } from "../model/topology";

/**
 * Test support: the AWS snapshot of a topology — the JSON documents
 * `aws ec2 describe-*` (and `aws elbv2`, `aws directconnect`,
 * `aws globalaccelerator`, AWS's ip-ranges.json) would print for that
 * network, in AWS's own PascalCase shapes, so scenario tests can be run
 * through the snapshot reader (`lib/network/aws/`).
 *
 * It is written as the inverse of `aws/to-topology.ts`: each model field goes
 * back to the AWS field the reader takes it from. What AWS always prints but
 * the model keeps implicit is printed too: each route table's local routes,
 * each network ACL's `*` (32767) deny entries. What the model holds and AWS
 * prints in another place is moved there: instance zones (`Placement`), zone
 * types (`describe-availability-zones`), cross-zone load balancing
 * (`describe-load-balancer-attributes`), target health
 * (`describe-target-health`), prefix list entries
 * (`get-managed-prefix-list-entries`), transit gateway routes, associations
 * and propagations (`search-transit-gateway-routes`,
 * `get-transit-gateway-route-table-*`), each wrapped with its subject's id as
 * the reader's README says. Nothing is invented: ids, names and fields the
 * model does not hold are left out (AWS would print a GroupName, a
 * ReservationId, a main route table per VPC, routes propagated from a VGW or
 * into a TGW route table — the model derives the last two from its
 * propagations, and so does the evaluator).
 *
 * Region and account: AWS prints most resources without their Region, and
 * the reader takes it from the folder a file was found in
 * (`accounts/<account>/<region>/Vpcs.json`, `originFromRelativePath`). So
 * each document comes with the path it would be saved at, one document per
 * command and folder; a command whose resources change folder midway is
 * split into several documents so the model's order survives.
 *
 * Places the model holds that no describe-* command prints are not
 * exported: on-premises networks, AWS public services that do not come from
 * an AWS-managed prefix list (`describe-prefix-lists`), and the topology's
 * name and description. They are returned apart, in `modelOnly`, for the
 * caller to add back.
 */

type Doc = Record<string, unknown>;
export type SnapshotFile = { path: string; document: Doc };
export type ModelOnly = Pick<TopologyInput, "onPremisesNetworks" | "awsServices" | "name" | "description">;
export type AwsSnapshotExport = { files: SnapshotFile[]; modelOnly: ModelOnly };

type Place = { ownerId?: string | undefined; region?: string | undefined };
type T = Topology;

/** Drop undefined fields so the JSON looks as the CLI prints it. */
function clean<O extends Doc>(object: O): O {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

const accountPattern = /^[0-9]{12}$/;

/** `accounts/111122223333/us-east-1`, as Batfish's collector lays out a snapshot. */
function folderOf(place: Place): string {
  return [place.ownerId && accountPattern.test(place.ownerId) ? `accounts/${place.ownerId}` : undefined, place.region].filter(Boolean).join("/");
}

function tags(list: { key: string; value: string }[]) {
  return list.length > 0 ? list.map((t) => ({ Key: t.key, Value: t.value })) : undefined;
}

/** The documents of one snapshot, in the order they are added. */
class Files {
  readonly files: SnapshotFile[] = [];
  private readonly used = new Set<string>();
  private readonly open = new Map<string, { folder: string; list: unknown[] }>();

  private path(folder: string, name: string): string {
    const base = folder ? `${folder}/${name}` : name;
    let path = `${base}.json`;
    // A second page of the same output, as `--max-items` would leave it: Vpcs.2.json.
    for (let n = 2; this.used.has(path); n++) path = `${base}.${n}.json`;
    this.used.add(path);
    return path;
  }

  /** A whole document of its own (wrapped outputs, one per subject). */
  add(place: Place, name: string, document: Doc) {
    this.files.push({ path: this.path(folderOf(place), name), document });
  }

  /** One element of a list output (`{"Vpcs": [...]}`, named by its key), in the document of its folder. */
  item(key: string, place: Place, element: unknown, wrap: (list: unknown[]) => Doc = (list) => ({ [key]: list })) {
    const folder = folderOf(place);
    const current = this.open.get(key);
    if (current && current.folder === folder) {
      current.list.push(element);
      return;
    }
    const list = [element];
    this.open.set(key, { folder, list });
    this.files.push({ path: this.path(folder, key), document: wrap(list) });
  }
}

const instanceStateCodes: Record<T["instances"][number]["state"], number> = {
  pending: 0,
  running: 16,
  "shutting-down": 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** describe-vpc-endpoints prints states in camelCase (`available`, `pendingAcceptance`). */
function endpointState(state: string): string {
  return state.charAt(0).toLowerCase() + state.slice(1);
}

function ipPermission(p: T["securityGroups"][number]["ipPermissions"][number]) {
  return clean({
    IpProtocol: p.ipProtocol,
    FromPort: p.fromPort,
    ToPort: p.toPort,
    IpRanges: p.ipRanges.map((r) => clean({ CidrIp: r.cidrIp, Description: r.description })),
    Ipv6Ranges: p.ipv6Ranges.map((r) => clean({ CidrIpv6: r.cidrIpv6, Description: r.description })),
    PrefixListIds: p.prefixListIds.map((r) => clean({ PrefixListId: r.prefixListId, Description: r.description })),
    UserIdGroupPairs: p.userIdGroupPairs.map((g) =>
      clean({ GroupId: g.groupId, UserId: g.userId, VpcId: g.vpcId, VpcPeeringConnectionId: g.vpcPeeringConnectionId, PeeringStatus: g.peeringStatus, Description: g.description }),
    ),
  });
}

type IpAssociation = { publicIp?: string | undefined; carrierIp?: string | undefined; allocationId?: string | undefined; ipOwnerId?: string | undefined };
function ipAssociation(a: IpAssociation | undefined) {
  return a ? clean({ PublicIp: a.publicIp, CarrierIp: a.carrierIp, AllocationId: a.allocationId, IpOwnerId: a.ipOwnerId }) : undefined;
}

function route(r: T["routeTables"][number]["routes"][number]) {
  return clean({
    DestinationCidrBlock: r.destinationCidrBlock,
    DestinationIpv6CidrBlock: r.destinationIpv6CidrBlock,
    DestinationPrefixListId: r.destinationPrefixListId,
    // AWS names a gateway or Gateway Load Balancer endpoint in GatewayId.
    GatewayId: r.gatewayId ?? r.vpcEndpointId,
    NatGatewayId: r.natGatewayId,
    InstanceId: r.instanceId,
    NetworkInterfaceId: r.networkInterfaceId,
    VpcPeeringConnectionId: r.vpcPeeringConnectionId,
    TransitGatewayId: r.transitGatewayId,
    EgressOnlyInternetGatewayId: r.egressOnlyInternetGatewayId,
    CarrierGatewayId: r.carrierGatewayId,
    LocalGatewayId: r.localGatewayId,
    CoreNetworkArn: r.coreNetworkArn,
    Origin: r.origin,
    State: r.state,
  });
}

export function exportAwsSnapshot(topology: Topology): AwsSnapshotExport {
  const out = new Files();
  const t = topology;
  const subnets = new Map(t.subnets.map((s) => [s.subnetId, s]));
  const vpcs = new Map(t.vpcs.map((v) => [v.vpcId, v]));
  const groups = new Map(t.securityGroups.map((g) => [g.groupId, g]));
  const groupRef = (id: string) => clean({ GroupId: id, GroupName: groups.get(id)?.groupName });
  const at = (r: Place): Place => ({ ownerId: r.ownerId, region: r.region });

  for (const v of t.vpcs) {
    out.item("Vpcs", at(v), clean({
      VpcId: v.vpcId,
      CidrBlock: v.cidrBlock,
      // describe-vpcs lists the primary block in the association set too.
      CidrBlockAssociationSet: [
        { CidrBlock: v.cidrBlock, CidrBlockState: { State: "associated" } },
        ...v.cidrBlockAssociationSet.filter((a) => a.cidrBlock !== v.cidrBlock).map((a) => ({ CidrBlock: a.cidrBlock, CidrBlockState: { State: a.state } })),
      ],
      Ipv6CidrBlockAssociationSet: v.ipv6CidrBlockAssociationSet.map((a) => ({ Ipv6CidrBlock: a.ipv6CidrBlock, Ipv6CidrBlockState: { State: a.state } })),
      State: v.state,
      IsDefault: v.isDefault,
      OwnerId: v.ownerId,
      Tags: tags(v.tags),
    }));
  }

  for (const s of t.subnets) {
    out.item("Subnets", at(s), clean({
      SubnetId: s.subnetId,
      VpcId: s.vpcId,
      CidrBlock: s.cidrBlock,
      Ipv6CidrBlockAssociationSet: s.ipv6CidrBlock ? [{ Ipv6CidrBlock: s.ipv6CidrBlock, Ipv6CidrBlockState: { State: "associated" } }] : [],
      AvailabilityZone: s.availabilityZone,
      AvailabilityZoneId: s.availabilityZoneId,
      MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
      State: s.state,
      OwnerId: s.ownerId,
      Tags: tags(s.tags),
    }));
  }
  // describe-availability-zones --all-availability-zones: the type of each zone a subnet names explicitly.
  const zones = new Map<string, { type: string; place: Place }>();
  for (const s of t.subnets) if (s.availabilityZone && s.zoneType && !zones.has(s.availabilityZone)) zones.set(s.availabilityZone, { type: s.zoneType, place: at(s) });
  for (const [zone, { type, place }] of zones) {
    out.item("AvailabilityZones", place, clean({ ZoneName: zone, ZoneType: type, RegionName: regionOfZone(zone), State: "available" }));
  }

  for (const r of t.routeTables) {
    // Every route table holds the local routes of its VPC's blocks; AWS lists them first.
    const vpc = vpcs.get(r.vpcId);
    const listed = (cidr: string) => r.routes.some((x) => x.gatewayId === "local" && (x.destinationCidrBlock ?? x.destinationIpv6CidrBlock) === cidr);
    const v4 = vpc ? [...new Set([vpc.cidrBlock, ...vpc.cidrBlockAssociationSet.filter((a) => a.state === "associated").map((a) => a.cidrBlock)])] : [];
    const v6 = vpc ? vpc.ipv6CidrBlockAssociationSet.filter((a) => a.state === "associated").map((a) => a.ipv6CidrBlock) : [];
    const local: Doc[] = [
      ...v4.filter((c) => !listed(c)).map((c) => ({ DestinationCidrBlock: c, GatewayId: "local", Origin: "CreateRouteTable", State: "active" })),
      ...v6.filter((c) => !listed(c)).map((c) => ({ DestinationIpv6CidrBlock: c, GatewayId: "local", Origin: "CreateRouteTable", State: "active" })),
    ];
    out.item("RouteTables", at(r), clean({
      RouteTableId: r.routeTableId,
      VpcId: r.vpcId,
      OwnerId: r.ownerId,
      Associations: r.associations.map((a) => clean({
        Main: a.main,
        RouteTableAssociationId: a.routeTableAssociationId,
        RouteTableId: r.routeTableId,
        SubnetId: a.subnetId,
        GatewayId: a.gatewayId,
        AssociationState: { State: "associated" },
      })),
      PropagatingVgws: r.propagatingVgws.map((p) => ({ GatewayId: p.gatewayId })),
      Routes: [...local, ...r.routes.map(route)],
      Tags: tags(r.tags),
    }));
  }

  for (const g of t.internetGateways) {
    out.item("InternetGateways", at(g), clean({
      InternetGatewayId: g.internetGatewayId,
      Attachments: g.attachments.map((a) => ({ State: a.state, VpcId: a.vpcId })),
      OwnerId: g.ownerId,
      Tags: tags(g.tags),
    }));
  }
  for (const g of t.egressOnlyInternetGateways) {
    out.item("EgressOnlyInternetGateways", at(g), clean({
      EgressOnlyInternetGatewayId: g.egressOnlyInternetGatewayId,
      Attachments: g.attachments.map((a) => ({ State: a.state, VpcId: a.vpcId })),
      Tags: tags(g.tags),
    }));
  }
  for (const g of t.carrierGateways) {
    out.item("CarrierGateways", at(g), clean({ CarrierGatewayId: g.carrierGatewayId, VpcId: g.vpcId, State: g.state, OwnerId: g.ownerId, Tags: tags(g.tags) }));
  }
  for (const n of t.natGateways) {
    out.item("NatGateways", at(n), clean({
      NatGatewayId: n.natGatewayId,
      SubnetId: n.subnetId,
      VpcId: n.vpcId,
      State: n.state,
      ConnectivityType: n.connectivityType,
      NatGatewayAddresses: n.natGatewayAddresses.map((a) => clean({
        AllocationId: a.allocationId,
        NetworkInterfaceId: a.networkInterfaceId,
        PrivateIp: a.privateIp,
        PublicIp: a.publicIp,
        IsPrimary: a.isPrimary,
        Status: "succeeded",
      })),
      Tags: tags(n.tags),
    }));
  }
  for (const a of t.addresses) {
    out.item("Addresses", at(a), clean({
      AllocationId: a.allocationId,
      PublicIp: a.publicIp,
      AssociationId: a.associationId,
      InstanceId: a.instanceId,
      NetworkInterfaceId: a.networkInterfaceId,
      PrivateIpAddress: a.privateIpAddress,
      CarrierIp: a.carrierIp,
      Domain: a.domain,
      NetworkBorderGroup: a.networkBorderGroup,
      Tags: tags(a.tags),
    }));
  }

  const eni = (e: T["networkInterfaces"][number]) => clean({
    NetworkInterfaceId: e.networkInterfaceId,
    SubnetId: e.subnetId,
    VpcId: e.vpcId,
    AvailabilityZone: subnets.get(e.subnetId)?.availabilityZone,
    Description: e.description,
    InterfaceType: e.interfaceType,
    OwnerId: e.ownerId,
    RequesterId: e.requesterId,
    RequesterManaged: e.requesterManaged,
    SourceDestCheck: e.sourceDestCheck,
    Status: e.status,
    PrivateIpAddress: e.privateIpAddress,
    PrivateIpAddresses: e.privateIpAddresses.map((p) => clean({ PrivateIpAddress: p.privateIpAddress, Primary: p.primary, Association: ipAssociation(p.association) })),
    Ipv6Addresses: e.ipv6Addresses.map((a) => ({ Ipv6Address: a.ipv6Address })),
    Association: ipAssociation(e.association),
    Attachment: e.attachment
      ? clean({ InstanceId: e.attachment.instanceId, InstanceOwnerId: e.attachment.instanceOwnerId, DeviceIndex: e.attachment.deviceIndex, Status: e.attachment.status })
      : undefined,
    Groups: e.securityGroupIds.map(groupRef),
    TagSet: tags(e.tags),
  });
  for (const e of t.networkInterfaces) out.item("NetworkInterfaces", at(e), eni(e));

  // describe-instances: one reservation per run of instances in one folder, its OwnerId the account.
  for (const i of t.instances) {
    const attached = t.networkInterfaces.filter((e) => e.attachment?.instanceId === i.instanceId);
    const zone = i.subnetId ? subnets.get(i.subnetId)?.availabilityZone : undefined;
    const instance = clean({
      InstanceId: i.instanceId,
      State: { Code: instanceStateCodes[i.state], Name: i.state },
      SubnetId: i.subnetId,
      VpcId: i.vpcId,
      PrivateIpAddress: i.privateIpAddress,
      PublicIpAddress: i.publicIpAddress,
      Ipv6Address: i.ipv6Address,
      SourceDestCheck: i.sourceDestCheck,
      Placement: zone ? { AvailabilityZone: zone } : undefined,
      SecurityGroups: i.securityGroupIds.map(groupRef),
      // The interfaces the topology lists for it; one the model derives has no id AWS would print.
      NetworkInterfaces: attached.length > 0 ? attached.map(eni) : undefined,
      Tags: tags(i.tags),
    });
    out.item("Reservations", at(i), instance, (list) => ({ Reservations: [clean({ OwnerId: i.ownerId, Instances: list })] }));
  }

  for (const g of t.securityGroups) {
    out.item("SecurityGroups", at(g), clean({
      GroupId: g.groupId,
      GroupName: g.groupName,
      Description: g.description,
      VpcId: g.vpcId,
      OwnerId: g.ownerId,
      IpPermissions: g.ipPermissions.map(ipPermission),
      IpPermissionsEgress: g.ipPermissionsEgress.map(ipPermission),
      Tags: tags(g.tags),
    }));
  }

  for (const acl of t.networkAcls) {
    const vpc = vpcs.get(acl.vpcId);
    const listed = (egress: boolean, v6: boolean) => acl.entries.some((e) => e.ruleNumber === 32767 && e.egress === egress && (e.ipv6CidrBlock !== undefined) === v6);
    // The `*` rules AWS lists last in every ACL (the model keeps them implicit).
    const defaults = [false, true].flatMap((egress) => [
      ...(listed(egress, false) ? [] : [{ CidrBlock: "0.0.0.0/0", Egress: egress, Protocol: "-1", RuleAction: "deny", RuleNumber: 32767 }]),
      ...(vpc && vpc.ipv6CidrBlockAssociationSet.length > 0 && !listed(egress, true) ? [{ Ipv6CidrBlock: "::/0", Egress: egress, Protocol: "-1", RuleAction: "deny", RuleNumber: 32767 }] : []),
    ]);
    out.item("NetworkAcls", at(acl), clean({
      NetworkAclId: acl.networkAclId,
      VpcId: acl.vpcId,
      IsDefault: acl.isDefault,
      OwnerId: acl.ownerId,
      Associations: acl.associations.map((a) => clean({ NetworkAclAssociationId: a.networkAclAssociationId, NetworkAclId: acl.networkAclId, SubnetId: a.subnetId })),
      Entries: [
        ...acl.entries.map((e) => clean({
          CidrBlock: e.cidrBlock,
          Ipv6CidrBlock: e.ipv6CidrBlock,
          Egress: e.egress,
          Protocol: e.protocol,
          RuleAction: e.ruleAction,
          RuleNumber: e.ruleNumber,
          PortRange: e.portRange ? { From: e.portRange.from, To: e.portRange.to } : undefined,
          IcmpTypeCode: e.icmpTypeCode ? { Type: e.icmpTypeCode.type, Code: e.icmpTypeCode.code } : undefined,
        })),
        ...defaults,
      ],
      Tags: tags(acl.tags),
    }));
  }

  // Prefix lists: an AWS-managed list that is also a public service's ranges comes from
  // describe-prefix-lists (the reader makes both from it); any other from
  // describe-managed-prefix-lists, its entries from get-managed-prefix-list-entries.
  const exportedServices = new Set<T["awsServices"][number]>();
  for (const p of t.prefixLists) {
    const cidrs = p.entries.map((e) => e.cidr);
    const service = t.awsServices.find(
      (s) => s.prefixListId === p.prefixListId && s.serviceName === p.prefixListName && s.cidrBlocks.join() === cidrs.join() && s.tags.length === 0,
    );
    const describable = service && p.tags.length === 0 && !p.ownerId && p.entries.every((e) => !e.description);
    if (service && describable) {
      exportedServices.add(service);
      out.item("PrefixLists", { region: p.region ?? service.region }, { PrefixListId: p.prefixListId, PrefixListName: p.prefixListName, Cidrs: cidrs });
      continue;
    }
    // describe-managed-prefix-lists prints its lists under `PrefixLists` too, without entries.
    out.item("describe-managed-prefix-lists", at(p), clean({
      PrefixListId: p.prefixListId,
      AddressFamily: p.addressFamily,
      State: "create-complete",
      PrefixListName: p.prefixListName,
      OwnerId: p.ownerId,
      Tags: tags(p.tags),
    }), (list) => ({ PrefixLists: list }));
    out.add(at(p), subjectFileName("get-managed-prefix-list-entries", p.prefixListId), {
      Entries: p.entries.map((e) => clean({ Cidr: e.cidr, Description: e.description })),
    });
  }

  for (const e of t.vpcEndpoints) {
    out.item("VpcEndpoints", at(e), clean({
      VpcEndpointId: e.vpcEndpointId,
      VpcEndpointType: e.vpcEndpointType,
      VpcId: e.vpcId,
      ServiceName: e.serviceName,
      State: endpointState(e.state),
      PolicyDocument: e.policyDocument === undefined ? undefined : typeof e.policyDocument === "string" ? e.policyDocument : JSON.stringify(e.policyDocument),
      RouteTableIds: e.routeTableIds,
      SubnetIds: e.subnetIds,
      Groups: e.securityGroupIds.map(groupRef),
      PrivateDnsEnabled: e.privateDnsEnabled,
      NetworkInterfaceIds: e.networkInterfaceIds,
      OwnerId: e.ownerId,
      Tags: tags(e.tags),
    }));
  }
  for (const s of t.vpcEndpointServices) {
    out.item("ServiceConfigurations", at(s), clean({
      ServiceType: [{ ServiceType: s.serviceType }],
      ServiceId: s.serviceId,
      ServiceName: s.serviceName,
      ServiceState: "Available",
      AcceptanceRequired: s.acceptanceRequired,
      NetworkLoadBalancerArns: s.networkLoadBalancerArns,
      GatewayLoadBalancerArns: s.gatewayLoadBalancerArns,
      PrivateDnsName: s.privateDnsName,
      Tags: tags(s.tags),
    }));
  }

  if (t.awsIpRanges.length > 0) {
    const entry = (r: T["awsIpRanges"][number]) => clean({ region: r.region, service: r.service, network_border_group: r.networkBorderGroup });
    out.add({}, "ip-ranges", {
      syncToken: "1700000000",
      createDate: "2023-11-14-22-13-20",
      prefixes: t.awsIpRanges.filter((r) => !r.ipPrefix.includes(":")).map((r) => ({ ip_prefix: r.ipPrefix, ...entry(r) })),
      ipv6_prefixes: t.awsIpRanges.filter((r) => r.ipPrefix.includes(":")).map((r) => ({ ipv6_prefix: r.ipPrefix, ...entry(r) })),
    });
  }

  const peeringSide = (s: T["vpcPeeringConnections"][number]["requesterVpcInfo"]) =>
    clean({ VpcId: s.vpcId, OwnerId: s.ownerId, Region: s.region, CidrBlock: s.cidrBlock, CidrBlockSet: s.cidrBlockSet.map((c) => ({ CidrBlock: c.cidrBlock })) });
  for (const p of t.vpcPeeringConnections) {
    out.item("VpcPeeringConnections", at(p), clean({
      VpcPeeringConnectionId: p.vpcPeeringConnectionId,
      AccepterVpcInfo: peeringSide(p.accepterVpcInfo),
      RequesterVpcInfo: peeringSide(p.requesterVpcInfo),
      Status: { Code: p.status, Message: p.status === "active" ? "Active" : p.status },
      Tags: tags(p.tags),
    }));
  }

  exportTransitGateways(t, out, at);
  exportVpn(t, out, at);
  exportClientVpn(t, out, at);
  exportDirectConnect(t, out, at);
  exportLoadBalancing(t, out, at);
  exportGlobalAccelerator(t, out, at);
  exportMonitoring(t, out, at);

  const modelOnlyServices = t.awsServices.filter((s) => !exportedServices.has(s));
  return {
    files: out.files,
    modelOnly: clean({
      name: t.name,
      description: t.description,
      ...(t.onPremisesNetworks.length > 0 ? { onPremisesNetworks: t.onPremisesNetworks } : {}),
      ...(modelOnlyServices.length > 0 ? { awsServices: modelOnlyServices } : {}),
    }),
  };
}

/** The documents alone, one per command (and folder), as the AWS CLI prints them. */
export function toAwsSnapshot(topology: Topology): Record<string, unknown>[] {
  return exportAwsSnapshot(topology).files.map((f) => f.document);
}

type At = (r: Place) => Place;

function exportTransitGateways(t: Topology, out: Files, at: At) {
  const attachmentsById = new Map<string, T["transitGatewayAttachments"][number][]>();
  for (const a of t.transitGatewayAttachments) attachmentsById.set(a.transitGatewayAttachmentId, [...(attachmentsById.get(a.transitGatewayAttachmentId) ?? []), a]);
  const gateways = new Map(t.transitGateways.map((g) => [g.transitGatewayId, g]));

  for (const g of t.transitGateways) {
    const o = g.options;
    out.item("TransitGateways", at(g), clean({
      TransitGatewayId: g.transitGatewayId,
      TransitGatewayArn: g.region && g.ownerId ? `arn:aws:ec2:${g.region}:${g.ownerId}:transit-gateway/${g.transitGatewayId}` : undefined,
      State: g.state,
      OwnerId: g.ownerId,
      Options: clean({
        AmazonSideAsn: o.amazonSideAsn,
        AssociationDefaultRouteTableId: o.associationDefaultRouteTableId,
        PropagationDefaultRouteTableId: o.propagationDefaultRouteTableId,
        DefaultRouteTableAssociation: o.defaultRouteTableAssociation,
        DefaultRouteTablePropagation: o.defaultRouteTablePropagation,
        VpnEcmpSupport: o.vpnEcmpSupport,
        SecurityGroupReferencingSupport: o.securityGroupReferencingSupport,
      }),
      Tags: tags(g.tags),
    }));
  }

  for (const a of t.transitGatewayAttachments) {
    out.item("TransitGatewayAttachments", at(a), clean({
      TransitGatewayAttachmentId: a.transitGatewayAttachmentId,
      TransitGatewayId: a.transitGatewayId,
      TransitGatewayOwnerId: a.transitGatewayOwnerId,
      ResourceOwnerId: a.resourceOwnerId,
      ResourceType: a.resourceType,
      ResourceId: a.resourceId,
      State: a.state,
      Association: a.association ? { TransitGatewayRouteTableId: a.association.transitGatewayRouteTableId, State: a.association.state } : undefined,
      Tags: tags(a.tags),
    }));
  }
  for (const a of t.transitGatewayAttachments.filter((x) => x.resourceType === "vpc")) {
    out.item("TransitGatewayVpcAttachments", at(a), clean({
      TransitGatewayAttachmentId: a.transitGatewayAttachmentId,
      TransitGatewayId: a.transitGatewayId,
      VpcId: a.resourceId,
      VpcOwnerId: a.resourceOwnerId,
      State: a.state,
      SubnetIds: a.subnetIds,
      Options: { DnsSupport: "enable", Ipv6Support: "disable", ApplianceModeSupport: a.applianceModeSupport, SecurityGroupReferencingSupport: a.securityGroupReferencingSupport },
      Tags: tags(a.tags),
    }));
  }
  // A peering attachment, once, when the topology holds both of its ends (the reader makes both from it).
  const side = (a: T["transitGatewayAttachments"][number]) => {
    const g = gateways.get(a.transitGatewayId);
    return clean({ TransitGatewayId: a.transitGatewayId, OwnerId: a.transitGatewayOwnerId ?? g?.ownerId, Region: a.region ?? g?.region });
  };
  const peeringsDone = new Set<string>();
  for (const a of t.transitGatewayAttachments.filter((x) => x.resourceType === "peering")) {
    if (peeringsDone.has(a.transitGatewayAttachmentId)) continue;
    peeringsDone.add(a.transitGatewayAttachmentId);
    const other = attachmentsById.get(a.transitGatewayAttachmentId)?.find((x) => x !== a && x.transitGatewayId === a.resourceId);
    if (!other) continue;
    out.item("TransitGatewayPeeringAttachments", at(a), clean({
      TransitGatewayAttachmentId: a.transitGatewayAttachmentId,
      RequesterTgwInfo: side(a),
      AccepterTgwInfo: side(other),
      Status: { Code: a.state, Message: a.state === "available" ? "Available" : a.state },
      State: a.state,
      Tags: tags(a.tags),
    }));
  }

  const resourceOf = (attachmentId: string, transitGatewayId: string) => {
    const a = attachmentsById.get(attachmentId)?.find((x) => x.transitGatewayId === transitGatewayId);
    return a ? { ResourceId: a.resourceId, ResourceType: a.resourceType } : {};
  };
  for (const r of t.transitGatewayRouteTables) {
    out.item("TransitGatewayRouteTables", at(r), clean({
      TransitGatewayRouteTableId: r.transitGatewayRouteTableId,
      TransitGatewayId: r.transitGatewayId,
      State: r.state,
      DefaultAssociationRouteTable: r.defaultAssociationRouteTable,
      DefaultPropagationRouteTable: r.defaultPropagationRouteTable,
      Tags: tags(r.tags),
    }));
    const id = r.transitGatewayRouteTableId;
    out.add(at(r), subjectFileName("search-transit-gateway-routes", id), {
      AdditionalRoutesAvailable: false,
      Routes: r.routes.map((x) => clean({
        DestinationCidrBlock: x.destinationCidrBlock,
        PrefixListId: x.prefixListId,
        TransitGatewayAttachments: x.transitGatewayAttachments.map((a) => clean({ TransitGatewayAttachmentId: a.transitGatewayAttachmentId, ResourceId: a.resourceId, ResourceType: a.resourceType })),
        Type: x.type,
        State: x.state,
      })),
    });
    // Associated attachments: those whose association names this table, and any the table lists itself.
    const associated = [
      ...t.transitGatewayAttachments
        .filter((a) => a.transitGatewayId === r.transitGatewayId && a.association?.transitGatewayRouteTableId === id)
        .map((a) => ({ id: a.transitGatewayAttachmentId, state: a.association?.state ?? "associated" })),
      ...r.associations.map((a) => ({ id: a.transitGatewayAttachmentId, state: a.state })),
    ].filter((a, n, all) => all.findIndex((b) => b.id === a.id) === n);
    out.add(at(r), subjectFileName("get-transit-gateway-route-table-associations", id), {
      Associations: associated.map((a) => ({ TransitGatewayAttachmentId: a.id, ...resourceOf(a.id, r.transitGatewayId), State: a.state })),
    });
    out.add(at(r), subjectFileName("get-transit-gateway-route-table-propagations", id), {
      TransitGatewayRouteTablePropagations: r.propagations.map((p) => ({ TransitGatewayAttachmentId: p.transitGatewayAttachmentId, ...resourceOf(p.transitGatewayAttachmentId, r.transitGatewayId), State: p.state })),
    });
  }
}

function exportVpn(t: Topology, out: Files, at: At) {
  for (const g of t.vpnGateways) {
    out.item("VpnGateways", at(g), clean({
      VpnGatewayId: g.vpnGatewayId,
      State: g.state,
      Type: "ipsec.1",
      AmazonSideAsn: g.amazonSideAsn,
      VpcAttachments: g.vpcAttachments.map((a) => ({ State: a.state, VpcId: a.vpcId })),
      Tags: tags(g.tags),
    }));
  }
  for (const g of t.customerGateways) {
    out.item("CustomerGateways", at(g), clean({
      CustomerGatewayId: g.customerGatewayId,
      BgpAsn: g.bgpAsn,
      IpAddress: g.ipAddress,
      DeviceName: g.deviceName,
      State: g.state,
      Type: "ipsec.1",
      Tags: tags(g.tags),
    }));
  }
  for (const v of t.vpnConnections) {
    out.item("VpnConnections", at(v), clean({
      VpnConnectionId: v.vpnConnectionId,
      CustomerGatewayId: v.customerGatewayId,
      VpnGatewayId: v.vpnGatewayId,
      TransitGatewayId: v.transitGatewayId,
      State: v.state,
      Type: "ipsec.1",
      Category: "VPN",
      Options: clean({
        EnableAcceleration: v.options.enableAcceleration,
        StaticRoutesOnly: v.options.staticRoutesOnly,
        LocalIpv4NetworkCidr: v.options.localIpv4NetworkCidr,
        RemoteIpv4NetworkCidr: v.options.remoteIpv4NetworkCidr,
      }),
      Routes: v.routes.map((r) => ({ DestinationCidrBlock: r.destinationCidrBlock, Source: r.source, State: r.state })),
      VgwTelemetry: v.vgwTelemetry.map((x) => clean({ OutsideIpAddress: x.outsideIpAddress, Status: x.status, AcceptedRouteCount: x.acceptedRouteCount })),
      Tags: tags(v.tags),
    }));
  }
}

function exportClientVpn(t: Topology, out: Files, at: At) {
  for (const e of t.clientVpnEndpoints) {
    const id = e.clientVpnEndpointId;
    out.item("ClientVpnEndpoints", at(e), clean({
      ClientVpnEndpointId: id,
      Status: { Code: e.status },
      ClientCidrBlock: e.clientCidrBlock,
      SplitTunnel: e.splitTunnel,
      VpcId: e.vpcId,
      SecurityGroupIds: e.securityGroupIds,
      Tags: tags(e.tags),
    }));
    out.add(at(e), `describe-client-vpn-target-networks/${id}`, {
      ClientVpnTargetNetworks: e.targetNetworks.map((n) => clean({
        AssociationId: n.associationId,
        VpcId: e.vpcId,
        TargetNetworkId: n.targetNetworkId,
        ClientVpnEndpointId: id,
        Status: { Code: n.status },
      })),
    });
    out.add(at(e), `describe-client-vpn-authorization-rules/${id}`, {
      AuthorizationRules: e.authorizationRules.map((r) => clean({ ClientVpnEndpointId: id, GroupId: r.groupId, AccessAll: r.accessAll, DestinationCidr: r.destinationCidr, Status: { Code: r.status } })),
    });
    // An empty `{"Routes": []}` cannot be told from transit gateway routes, and says nothing.
    if (e.routes.length > 0) {
      out.add(at(e), `describe-client-vpn-routes/${id}`, {
        Routes: e.routes.map((r) => ({ ClientVpnEndpointId: id, DestinationCidr: r.destinationCidr, TargetSubnet: r.targetSubnet, Type: "Nat", Origin: r.origin, Status: { Code: r.status } })),
      });
    }
  }
}

/** `aws directconnect` prints camelCase keys, and the account and Region of each resource. */
function exportDirectConnect(t: Topology, out: Files, at: At) {
  for (const c of t.directConnectConnections) {
    out.item("connections", at(c), clean({
      ownerAccount: c.ownerId,
      connectionId: c.connectionId,
      connectionName: c.connectionName,
      connectionState: c.connectionState,
      region: c.region,
      location: c.location,
      bandwidth: c.bandwidth,
    }));
  }
  for (const v of t.virtualInterfaces) {
    out.item("virtualInterfaces", at(v), clean({
      ownerAccount: v.ownerId,
      virtualInterfaceId: v.virtualInterfaceId,
      connectionId: v.connectionId,
      virtualInterfaceType: v.virtualInterfaceType,
      vlan: v.vlan,
      asn: v.asn,
      amazonAddress: v.amazonAddress,
      customerAddress: v.customerAddress,
      virtualInterfaceState: v.virtualInterfaceState,
      virtualGatewayId: v.virtualGatewayId,
      directConnectGatewayId: v.directConnectGatewayId,
      routeFilterPrefixes: v.routeFilterPrefixes.map((p) => ({ cidr: p.cidr })),
      region: v.region,
    }));
  }
  for (const g of t.directConnectGateways) {
    out.item("directConnectGateways", at(g), clean({
      directConnectGatewayId: g.directConnectGatewayId,
      directConnectGatewayName: g.directConnectGatewayName,
      amazonSideAsn: g.amazonSideAsn,
      ownerAccount: g.ownerId,
      directConnectGatewayState: g.directConnectGatewayState,
    }));
    out.add(at(g), `describe-direct-connect-gateway-associations/${g.directConnectGatewayId}`, {
      directConnectGatewayAssociations: g.associations.map((a) => clean({
        directConnectGatewayId: g.directConnectGatewayId,
        directConnectGatewayOwnerAccount: g.ownerId,
        associationState: a.associationState,
        associatedGateway: clean({ id: a.associatedGateway.id, type: a.associatedGateway.type, ownerAccount: a.associatedGateway.ownerAccount, region: a.associatedGateway.region }),
        allowedPrefixesToDirectConnectGateway: a.allowedPrefixesToDirectConnectGateway.map((p) => ({ cidr: p.cidr })),
      })),
    });
  }
}

function exportLoadBalancing(t: Topology, out: Files, at: At) {
  for (const lb of t.loadBalancers) {
    out.item("LoadBalancers", at(lb), clean({
      LoadBalancerArn: lb.loadBalancerArn,
      DNSName: lb.dnsName,
      LoadBalancerName: lb.loadBalancerName,
      Scheme: lb.scheme,
      VpcId: lb.vpcId,
      State: { Code: lb.state },
      Type: lb.type,
      AvailabilityZones: lb.availabilityZones.map((z) => clean({
        ZoneName: z.zoneName,
        SubnetId: z.subnetId,
        LoadBalancerAddresses: z.loadBalancerAddresses.map((a) => clean({ IpAddress: a.ipAddress, AllocationId: a.allocationId, PrivateIPv4Address: a.privateIPv4Address })),
      })),
      SecurityGroups: lb.securityGroupIds,
      IpAddressType: "ipv4",
      // describe-load-balancers prints it for Network Load Balancers.
      EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: lb.type === "network" || lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic === "off" ? lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic : undefined,
    }));
    if (lb.crossZoneLoadBalancing !== undefined) {
      out.add(at(lb), subjectFileName("describe-load-balancer-attributes", lb.loadBalancerArn), {
        Attributes: [{ Key: "load_balancing.cross_zone.enabled", Value: String(lb.crossZoneLoadBalancing) }],
      });
    }
  }
  for (const g of t.targetGroups) {
    out.item("TargetGroups", at(g), clean({
      TargetGroupArn: g.targetGroupArn,
      TargetGroupName: g.targetGroupName,
      Protocol: g.protocol,
      Port: g.port,
      VpcId: g.vpcId,
      TargetType: g.targetType,
      LoadBalancerArns: g.loadBalancerArns,
    }));
    out.add(at(g), subjectFileName("describe-target-health", g.targetGroupArn), {
      TargetHealthDescriptions: g.targets.map((x) => clean({
        Target: clean({ Id: x.id, Port: x.port, AvailabilityZone: x.availabilityZone }),
        HealthCheckPort: x.port ?? g.port ? String(x.port ?? g.port) : undefined,
        TargetHealth: { State: x.health },
      })),
    });
  }
  for (const l of t.listeners) {
    out.item("Listeners", at(l), clean({
      ListenerArn: l.listenerArn,
      LoadBalancerArn: l.loadBalancerArn,
      Port: l.port,
      Protocol: l.protocol,
      DefaultActions: l.defaultActions.map((a) => clean({
        Type: a.type,
        TargetGroupArn: a.targetGroupArn,
        Order: a.order,
        ForwardConfig: a.forwardConfig ? { TargetGroups: a.forwardConfig.targetGroups.map((g) => ({ TargetGroupArn: g.targetGroupArn, Weight: g.weight })) } : undefined,
      })),
    }));
  }
}

/** `aws globalaccelerator list-accelerators`, then `list-listeners` per accelerator and `list-endpoint-groups` per listener. */
function exportGlobalAccelerator(t: Topology, out: Files, at: At) {
  for (const a of t.accelerators) {
    out.item("Accelerators", at(a), clean({
      AcceleratorArn: a.acceleratorArn,
      Name: a.name,
      IpAddressType: "IPV4",
      Enabled: a.enabled,
      IpSets: a.ipSets.map((s) => ({ IpFamily: "IPv4", IpAddresses: s.ipAddresses })),
      Status: "DEPLOYED",
    }));
  }
  for (const a of t.accelerators) {
    if (a.listeners.length === 0) continue;
    out.add(at(a), `list-listeners/${a.acceleratorArn.split("/").pop() ?? "accelerator"}`, {
      Listeners: a.listeners.map((l) => ({ ListenerArn: l.listenerArn, PortRanges: l.portRanges.map((p) => ({ FromPort: p.fromPort, ToPort: p.toPort })), Protocol: l.protocol, ClientAffinity: l.clientAffinity })),
    });
    for (const l of a.listeners) {
      out.add(at(a), `list-endpoint-groups/${l.listenerArn.split("/").pop() ?? "listener"}`, {
        EndpointGroups: l.endpointGroups.map((g) => ({
          EndpointGroupArn: g.endpointGroupArn,
          EndpointGroupRegion: g.endpointGroupRegion,
          EndpointDescriptions: g.endpointDescriptions.map((e) => ({ EndpointId: e.endpointId, Weight: e.weight, HealthState: e.healthState, ClientIPPreservationEnabled: e.clientIPPreservationEnabled })),
          TrafficDialPercentage: g.trafficDialPercentage,
        })),
      });
    }
  }
}

function exportMonitoring(t: Topology, out: Files, at: At) {
  for (const f of t.flowLogs) {
    out.item("FlowLogs", at(f), clean({
      FlowLogId: f.flowLogId,
      FlowLogStatus: f.flowLogStatus,
      ResourceId: f.resourceId,
      TrafficType: f.trafficType,
      LogDestinationType: f.logDestinationType,
      LogDestination: f.logDestination,
      LogFormat: f.logFormat,
      Tags: tags(f.tags),
    }));
  }
  for (const m of t.trafficMirrorTargets) {
    out.item("TrafficMirrorTargets", at(m), clean({
      TrafficMirrorTargetId: m.trafficMirrorTargetId,
      NetworkInterfaceId: m.networkInterfaceId,
      NetworkLoadBalancerArn: m.networkLoadBalancerArn,
      GatewayLoadBalancerEndpointId: m.gatewayLoadBalancerEndpointId,
      Type: m.networkInterfaceId ? "network-interface" : m.networkLoadBalancerArn ? "network-load-balancer" : "gateway-load-balancer-endpoint",
      OwnerId: m.ownerId,
      Tags: tags(m.tags),
    }));
  }
  for (const f of t.trafficMirrorFilters) {
    const rule = (direction: "ingress" | "egress") => (r: T["trafficMirrorFilters"][number]["ingressFilterRules"][number]) => clean({
      TrafficMirrorFilterId: f.trafficMirrorFilterId,
      TrafficDirection: direction,
      RuleNumber: r.ruleNumber,
      RuleAction: r.ruleAction,
      Protocol: r.protocol,
      DestinationPortRange: r.destinationPortRange ? { FromPort: r.destinationPortRange.fromPort, ToPort: r.destinationPortRange.toPort } : undefined,
      SourcePortRange: r.sourcePortRange ? { FromPort: r.sourcePortRange.fromPort, ToPort: r.sourcePortRange.toPort } : undefined,
      DestinationCidrBlock: r.destinationCidrBlock,
      SourceCidrBlock: r.sourceCidrBlock,
    });
    out.item("TrafficMirrorFilters", at(f), clean({
      TrafficMirrorFilterId: f.trafficMirrorFilterId,
      IngressFilterRules: f.ingressFilterRules.map(rule("ingress")),
      EgressFilterRules: f.egressFilterRules.map(rule("egress")),
      Tags: tags(f.tags),
    }));
  }
  for (const s of t.trafficMirrorSessions) {
    out.item("TrafficMirrorSessions", at(s), clean({
      TrafficMirrorSessionId: s.trafficMirrorSessionId,
      TrafficMirrorTargetId: s.trafficMirrorTargetId,
      TrafficMirrorFilterId: s.trafficMirrorFilterId,
      NetworkInterfaceId: s.networkInterfaceId,
      OwnerId: s.ownerId,
      PacketLength: s.packetLength,
      SessionNumber: s.sessionNumber,
      VirtualNetworkId: s.virtualNetworkId,
      Tags: tags(s.tags),
    }));
  }
}

/**
 * The round trip: export the topology as an AWS snapshot, read every document
 * with the snapshot reader's pure API (`addSnapshotDocument` with the origin
 * its path names, then `snapshotToTopology`), add back the model-only places
 * and validate. Throws, with the reader's own messages, if the reader refuses
 * or warns about anything, and if what comes back differs from the topology
 * beyond what the reader adds by design (see `comparable`), so neither a
 * shape mistake in the exporter nor a field the reader drops passes silently.
 */
export function viaAwsSnapshot(topology: Topology): Topology {
  const { files, modelOnly } = exportAwsSnapshot(topology);
  const snapshot = emptySnapshot();
  const problems: string[] = [];
  for (const { path, document } of files) {
    // As from disk: plain JSON, nothing shared with the topology.
    const messages = addSnapshotDocument(snapshot, JSON.parse(JSON.stringify(document)), originFromRelativePath(path));
    problems.push(...messages.errors, ...messages.warnings);
    if (messages.outputs === 0) problems.push(`${path}: the reader found no AWS output in it`);
  }
  const converted = snapshotToTopology(snapshot);
  problems.push(...converted.warnings, ...(converted.ok ? [] : converted.errors));
  if (problems.length > 0 || !converted.ok) {
    throw new Error(`the AWS snapshot of this topology does not read back cleanly:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
  const merged: Record<string, unknown> = { ...converted.topology };
  for (const [key, value] of Object.entries(modelOnly)) {
    merged[key] = Array.isArray(value) ? [...((merged[key] as unknown[] | undefined) ?? []), ...value] : value;
  }
  const parsed = parseTopology(merged);
  if (!parsed.ok) throw new Error(`the topology read back from its AWS snapshot is invalid:\n${parsed.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  const differences: string[] = [];
  compare(comparable(topology), comparable(parsed.topology), "", differences);
  if (differences.length > 0) {
    throw new Error(`the topology read back from its AWS snapshot differs from the one exported:\n${differences.slice(0, 20).map((d) => `  ${d}`).join("\n")}`);
  }
  return parsed.topology;
}

/**
 * What the round trip must keep, with what it changes by design made equal:
 * the local routes and `*` ACL entries AWS prints (and the model keeps
 * implicit), the primary block describe-vpcs repeats in its association set,
 * endpoint states in describe-vpc-endpoints' spelling, policies as JSON
 * text, a gateway-endpoint route target in `gatewayId`, transit gateway
 * associations listed on both the attachment and its table, and the order of
 * AWS's ranges and public services (read from separate outputs). `region`
 * and `ownerId` the reader fills in where the topology left them out (from a
 * zone, an ARN or a folder) are allowed by `compare`.
 */
function comparable(topology: Topology): Record<string, unknown> {
  const t = structuredClone(topology);
  const key = (x: unknown) => JSON.stringify(x);
  for (const v of t.vpcs) v.cidrBlockAssociationSet = v.cidrBlockAssociationSet.filter((a) => a.cidrBlock !== v.cidrBlock);
  for (const r of t.routeTables) {
    r.routes = r.routes
      .filter((x) => !(x.gatewayId === "local" && x.origin === "CreateRouteTable"))
      .map(({ vpcEndpointId, ...x }) => (vpcEndpointId ? { ...x, gatewayId: vpcEndpointId } : x));
  }
  for (const a of t.networkAcls) a.entries = a.entries.filter((e) => e.ruleNumber !== 32767);
  for (const e of t.vpcEndpoints) {
    e.state = e.state.toLowerCase() as typeof e.state;
    if (e.policyDocument !== undefined && typeof e.policyDocument !== "string") e.policyDocument = JSON.stringify(e.policyDocument);
  }
  for (const r of t.transitGatewayRouteTables) {
    const ids = new Set(r.associations.map((a) => a.transitGatewayAttachmentId));
    for (const a of t.transitGatewayAttachments) {
      if (a.transitGatewayId === r.transitGatewayId && a.association?.transitGatewayRouteTableId === r.transitGatewayRouteTableId) ids.add(a.transitGatewayAttachmentId);
    }
    r.associations = [...ids].sort().map((id) => ({ transitGatewayAttachmentId: id, state: "associated" }));
  }
  t.awsIpRanges.sort((a, b) => key(a).localeCompare(key(b)));
  t.awsServices.sort((a, b) => a.serviceName.localeCompare(b.serviceName));
  return t;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compare(before: unknown, after: unknown, path: string, out: string[]) {
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) {
      out.push(`${path}: ${before.length} item(s) exported, ${after.length} read back: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      return;
    }
    before.forEach((b, n) => compare(b, after[n], `${path}[${n}]`, out));
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const p = path ? `${path}.${k}` : k;
      if (before[k] === undefined && (k === "region" || k === "ownerId")) continue;
      compare(before[k], after[k], p, out);
    }
    return;
  }
  if (!Object.is(before, after)) out.push(`${path}: ${JSON.stringify(before)} exported, ${JSON.stringify(after)} read back`);
}
