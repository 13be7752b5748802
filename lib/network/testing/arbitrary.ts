import fc from "fast-check";
import type { TopologyInput } from "../model/topology";

/**
 * Random small topologies for property tests: three VPCs whose ranges may
 * overlap, subnets, instances, security groups, network ACLs, route tables
 * with routes to every kind of target (some missing, some blackholes),
 * internet and NAT gateways, peering, a transit gateway, a VPN site and,
 * sometimes, AWS's published address ranges.
 * Ids come from small pools so that references often, but not always, resolve.
 */

const vpcIds = ["vpc-0", "vpc-1", "vpc-2"];
const targets = ["local", "igw-0", "igw-1", "nat-0", "pcx-01", "pcx-12", "tgw-0", "vgw-0", "i-0", "i-3", "vpce-s3", "blackhole:igw-0", "eigw-0"];
const destinations = ["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.1.1.0/24", "192.168.0.0/16", "pl-s3", "8.8.8.0/24", "::/0", "2600:1f18::/40"];
const sgRules = ["all * 0.0.0.0/0", "tcp 22 0.0.0.0/0", "tcp 443 10.0.0.0/8", "tcp 0-65535 sg-1", "udp 53 10.1.0.0/16", "tcp 443 pl-s3", "all * ::/0"];
const aclRules = ["allow in all * 0.0.0.0/0", "deny in tcp 22 0.0.0.0/0", "allow out all * 0.0.0.0/0", "allow out tcp 1024-65535 0.0.0.0/0", "deny out all * 10.1.0.0/16", "allow in tcp 443 10.0.0.0/8", "allow in all * ::/0", "allow out all * ::/0"];

function sgPermission(text: string) {
  const [protocol = "", ports = "*", peer = ""] = text.split(" ");
  const [from, to] = ports === "*" ? [undefined, undefined] : ports.split("-").map(Number);
  return {
    ipProtocol: protocol === "all" ? "-1" : protocol,
    ...(from !== undefined ? { fromPort: from, toPort: to ?? from } : {}),
    ...(peer.startsWith("sg-") ? { userIdGroupPairs: [{ groupId: peer }] } : peer.startsWith("pl-") ? { prefixListIds: [{ prefixListId: peer }] } : peer.includes(":") ? { ipv6Ranges: [{ cidrIpv6: peer }] } : { ipRanges: [{ cidrIp: peer }] }),
  };
}

function aclEntry(ruleNumber: number, text: string) {
  const [action = "", direction = "", protocol = "", ports = "*", cidr = ""] = text.split(" ");
  const [from, to] = ports === "*" ? [undefined, undefined] : ports.split("-").map(Number);
  return {
    ruleNumber,
    ruleAction: action as "allow" | "deny",
    egress: direction === "out",
    protocol: ({ all: "-1", tcp: "6", udp: "17" } as Record<string, string>)[protocol] ?? "-1",
    ...(cidr.includes(":") ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr }),
    ...(from !== undefined ? { portRange: { from, to: to ?? from } } : {}),
  };
}

function route(destination: string, target: string) {
  const blackhole = target.startsWith("blackhole:");
  const id = blackhole ? target.slice("blackhole:".length) : target;
  const dest = destination.startsWith("pl-") ? { destinationPrefixListId: destination } : destination.includes(":") ? { destinationIpv6CidrBlock: destination } : { destinationCidrBlock: destination };
  const state = blackhole ? { state: "blackhole" as const } : {};
  if (id === "local" || /^(igw|vgw|vpce)-/.test(id)) return { ...dest, ...state, gatewayId: id };
  if (id.startsWith("nat-")) return { ...dest, ...state, natGatewayId: id };
  if (id.startsWith("pcx-")) return { ...dest, ...state, vpcPeeringConnectionId: id };
  if (id.startsWith("tgw-")) return { ...dest, ...state, transitGatewayId: id };
  if (id.startsWith("eigw-")) return { ...dest, ...state, egressOnlyInternetGatewayId: id };
  return { ...dest, ...state, instanceId: id };
}

export const topologyArbitrary: fc.Arbitrary<TopologyInput> = fc
  .record({
    vpcSecond: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
    subnets: fc.array(fc.record({ vpc: fc.constantFrom(0, 0, 1, 2), third: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 6 }),
    instances: fc.array(fc.record({ subnet: fc.nat(), host: fc.integer({ min: 10, max: 12 }), groups: fc.subarray(["sg-0", "sg-1", "sg-2"]), publicIp: fc.boolean(), sourceDestCheck: fc.boolean(), running: fc.constantFrom(true, true, true, true, true, true, true, false) }), { minLength: 2, maxLength: 5 }),
    groups: fc.array(fc.record({ inbound: fc.oneof(fc.constant<string[]>(["all * 0.0.0.0/0"]), fc.subarray(sgRules)), outbound: fc.option(fc.subarray(sgRules), { nil: undefined }) }), { minLength: 3, maxLength: 3 }),
    acls: fc.array(fc.record({ vpc: fc.integer({ min: 0, max: 2 }), subnets: fc.subarray([0, 1, 2, 3, 4, 5]), rules: fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom(...aclRules)), { maxLength: 5 }) }), { maxLength: 2 }),
    mainRoutes: fc.array(fc.array(fc.tuple(fc.constantFrom(...destinations), fc.constantFrom(...targets)), { maxLength: 3 }), { minLength: 3, maxLength: 3 }),
    tables: fc.array(fc.record({ vpc: fc.integer({ min: 0, max: 2 }), main: fc.constant(false), subnets: fc.subarray([0, 1, 2, 3, 4, 5]), routes: fc.array(fc.tuple(fc.constantFrom(...destinations), fc.constantFrom(...targets)), { maxLength: 5 }) }), { maxLength: 4 }),
    igw: fc.record({ vpc: fc.integer({ min: 0, max: 2 }), attached: fc.boolean() }),
    nat: fc.option(fc.record({ subnet: fc.nat(), publicIp: fc.boolean() }), { nil: undefined }),
    peering: fc.array(fc.record({ id: fc.constantFrom("pcx-01", "pcx-12"), active: fc.boolean() }), { maxLength: 2 }),
    tgw: fc.record({ attach: fc.subarray([0, 1, 2]), propagate: fc.subarray([0, 1, 2]), blackhole: fc.boolean() }),
    vpn: fc.boolean(),
    awsIpRanges: fc.boolean(),
  })
  .map((g) => {
    // vpc-0 is dual-stack: its subnets and instances get IPv6 addresses too.
    const vpcs = vpcIds.map((vpcId, i) => ({ vpcId, cidrBlock: `10.${g.vpcSecond[i] ?? i}.0.0/16`, ...(i === 0 ? { ipv6CidrBlockAssociationSet: [{ ipv6CidrBlock: "2600:1f18::/56" }] } : {}) }));
    const subnets = g.subnets.map((s, i) => ({ subnetId: `subnet-${i}`, vpcId: vpcIds[s.vpc] ?? "vpc-0", cidrBlock: `10.${g.vpcSecond[s.vpc] ?? s.vpc}.${s.third}.0/24`, ...(s.vpc === 0 ? { ipv6CidrBlock: `2600:1f18:0:${i}::/64` } : {}) }));
    const subnetOf = (n: number) => subnets[n % subnets.length] ?? subnets[0];
    const instances = g.instances.map((inst, i) => {
      const subnet = subnetOf(inst.subnet);
      const base = subnet?.cidrBlock.split(".").slice(0, 3).join(".") ?? "10.0.0";
      return {
        instanceId: `i-${i}`,
        subnetId: subnet?.subnetId ?? "subnet-0",
        privateIpAddress: `${base}.${inst.host + i}`,
        ...(subnet?.vpcId === "vpc-0" ? { ipv6Address: `2600:1f18:0:${subnet.subnetId.slice("subnet-".length)}::${inst.host + i}` } : {}),
        securityGroupIds: inst.groups,
        ...(inst.publicIp ? { publicIpAddress: `54.0.0.${i + 1}` } : {}),
        sourceDestCheck: inst.sourceDestCheck,
        state: inst.running ? ("running" as const) : ("stopped" as const),
      };
    });
    const natSubnet = g.nat ? subnetOf(g.nat.subnet) : undefined;
    const tgwAttachments = g.tgw.attach.map((v) => ({ transitGatewayAttachmentId: `tgw-attach-${v}`, transitGatewayId: "tgw-0", resourceType: "vpc" as const, resourceId: vpcIds[v] ?? "vpc-0", association: { transitGatewayRouteTableId: "tgw-rtb-0" } }));
    return {
      vpcs,
      subnets,
      instances,
      securityGroups: g.groups.map((grp, i) => ({ groupId: `sg-${i}`, ipPermissions: grp.inbound.map(sgPermission), ...(grp.outbound ? { ipPermissionsEgress: grp.outbound.map(sgPermission) } : {}) })),
      networkAcls: g.acls.map((a, i) => ({
        networkAclId: `acl-${i}`,
        vpcId: vpcIds[a.vpc] ?? "vpc-0",
        associations: a.subnets.filter((n) => subnets[n]?.vpcId === vpcIds[a.vpc]).map((n) => ({ subnetId: `subnet-${n}` })),
        entries: a.rules.map(([n, text]) => aclEntry(n, text)),
      })),
      routeTables: [
        // Every VPC has a main route table; extra tables may take over some subnets.
        ...vpcIds.map((vpcId, i) => ({ routeTableId: `rtb-main-${i}`, vpcId, associations: [{ main: true }], routes: g.mainRoutes[i]?.map(([d, target]) => route(d, target)) ?? [] })),
        ...g.tables.map((t, i) => ({
        routeTableId: `rtb-${i}`,
        vpcId: vpcIds[t.vpc] ?? "vpc-0",
        associations: [...(t.main ? [{ main: true }] : []), ...t.subnets.filter((n) => subnets[n]?.vpcId === vpcIds[t.vpc]).map((n) => ({ subnetId: `subnet-${n}` }))],
        routes: t.routes.map(([d, target]) => route(d, target)),
      })),
      ],
      internetGateways: [{ internetGatewayId: "igw-0", attachments: g.igw.attached ? [{ vpcId: vpcIds[g.igw.vpc] ?? "vpc-0" }] : [] }],
      egressOnlyInternetGateways: [{ egressOnlyInternetGatewayId: "eigw-0", attachments: [{ vpcId: "vpc-0" }] }],
      natGateways: natSubnet ? [{ natGatewayId: "nat-0", vpcId: natSubnet.vpcId, subnetId: natSubnet.subnetId, natGatewayAddresses: [{ privateIp: `${natSubnet.cidrBlock.split(".").slice(0, 3).join(".")}.5`, ...(g.nat?.publicIp ? { publicIp: "3.3.3.3" } : {}) }] }] : [],
      prefixLists: [{ prefixListId: "pl-s3", entries: [{ cidr: "52.216.0.0/15" }] }],
      awsServices: [{ serviceName: "com.amazonaws.us-east-1.s3", prefixListId: "pl-s3", cidrBlocks: ["52.216.0.0/15"] }],
      // AWS's published ranges, as ip-ranges.json lists them (once per service): the instances' public IPs
      // (54.0.0.x) and vpc-0's IPv6 block sit in EC2 space, S3's range is a service's.
      awsIpRanges: g.awsIpRanges
        ? [
            ...["AMAZON", "EC2"].map((service) => ({ ipPrefix: "54.0.0.0/8", region: "us-east-1", networkBorderGroup: "us-east-1", service })),
            ...["AMAZON", "S3"].map((service) => ({ ipPrefix: "52.216.0.0/15", region: "us-east-1", networkBorderGroup: "us-east-1", service })),
            ...["AMAZON", "EC2"].map((service) => ({ ipPrefix: "2600:1f18::/32", region: "us-east-1", networkBorderGroup: "us-east-1", service })),
          ]
        : [],
      vpcEndpoints: [{ vpcEndpointId: "vpce-s3", vpcEndpointType: "Gateway" as const, vpcId: "vpc-0", serviceName: "com.amazonaws.us-east-1.s3" }],
      vpcPeeringConnections: g.peering.map((p) => ({
        vpcPeeringConnectionId: p.id,
        status: p.active ? ("active" as const) : ("pending-acceptance" as const),
        requesterVpcInfo: { vpcId: p.id === "pcx-01" ? "vpc-0" : "vpc-1" },
        accepterVpcInfo: { vpcId: p.id === "pcx-01" ? "vpc-1" : "vpc-2" },
      })),
      transitGateways: [{ transitGatewayId: "tgw-0" }],
      transitGatewayAttachments: tgwAttachments,
      transitGatewayRouteTables: [
        {
          transitGatewayRouteTableId: "tgw-rtb-0",
          transitGatewayId: "tgw-0",
          propagations: g.tgw.propagate.filter((v) => g.tgw.attach.includes(v)).map((v) => ({ transitGatewayAttachmentId: `tgw-attach-${v}` })),
          routes: g.tgw.blackhole ? [{ destinationCidrBlock: "10.2.0.0/16", state: "blackhole" as const }] : [],
        },
      ],
      vpnGateways: [{ vpnGatewayId: "vgw-0", vpcAttachments: [{ vpcId: "vpc-0" }] }],
      customerGateways: g.vpn ? [{ customerGatewayId: "cgw-0" }] : [],
      vpnConnections: g.vpn ? [{ vpnConnectionId: "vpn-0", customerGatewayId: "cgw-0", vpnGatewayId: "vgw-0" }] : [],
      onPremisesNetworks: g.vpn ? [{ id: "onprem-0", cidrBlocks: ["192.168.0.0/16"], customerGatewayIds: ["cgw-0"] }] : [],
    } satisfies TopologyInput;
  });

export const queryArbitrary = fc.record({
  source: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom("i-0", "i-1") },
    { weight: 3, arbitrary: fc.constantFrom("i-2", "i-3", "internet", "subnet-0", "subnet-1", "igw-0", "vgw-0", "onprem-0", "vpc-1", "pcx-01", "tgw-0", "nat-0", "i-missing") },
  ),
  destination: fc.option(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom("i-0", "i-1") }, { weight: 3, arbitrary: fc.constantFrom("i-2", "i-3", "i-4", "igw-0", "internet", "subnet-2", "vpce-s3", "onprem-0", "pcx-12") }),
    { nil: undefined, freq: 3 },
  ),
  destinationIp: fc.constantFrom("10.0.0.10", "10.1.1.11", "10.2.3.12", "8.8.8.8", "52.216.1.1", "192.168.1.1", "54.0.0.1", "54.0.0.99", "3.3.3.3", "2001:db8::1", "2600:1f18:0:1::11"),
  protocol: fc.constantFrom("tcp", "udp", "icmp", "all", "0"),
  destinationPort: fc.constantFrom(22, 443, 53, 8080),
});
