import type { TopologyInput } from "../index";

/**
 * The synthetic topologies of the reachability benchmarks (`scripts/bench-reachability.ts`) and the matrix tests:
 * VPCs of two subnets and ten instances each, a security group of twenty
 * rules, a network ACL of ten, a main route table with routes to its transit
 * gateway, to a peered neighbour and to an internet gateway; VPCs attached in
 * groups of 250 to transit gateways that peer in a full mesh.
 */

type Input = Required<Pick<TopologyInput, "vpcs" | "subnets" | "routeTables" | "internetGateways" | "securityGroups" | "networkAcls" | "instances" | "vpcPeeringConnections" | "transitGateways" | "transitGatewayAttachments" | "transitGatewayRouteTables">>;

const TGW_GROUP = 250;

function vpcCidr(i: number): { first: number; second: number; cidr: string } {
  const first = 10 + Math.floor(i / 256);
  const second = i % 256;
  return { first, second, cidr: `${first}.${second}.0.0/16` };
}

export function synthetic(vpcCount: number): TopologyInput {
  const t: Input = {
    vpcs: [],
    subnets: [],
    routeTables: [],
    internetGateways: [],
    securityGroups: [],
    networkAcls: [],
    instances: [],
    vpcPeeringConnections: [],
    transitGateways: [],
    transitGatewayAttachments: [],
    transitGatewayRouteTables: [],
  };
  const tgwCount = Math.ceil(vpcCount / TGW_GROUP);
  for (let g = 0; g < tgwCount; g += 1) {
    t.transitGateways.push({ transitGatewayId: `tgw-${g}`, options: { defaultRouteTableAssociation: "disable", defaultRouteTablePropagation: "disable" } });
  }
  const tgwRoutes: { destinationCidrBlock: string; transitGatewayAttachments: { transitGatewayAttachmentId: string }[] }[][] = Array.from({ length: tgwCount }, () => []);
  const propagations: { transitGatewayAttachmentId: string }[][] = Array.from({ length: tgwCount }, () => []);
  for (let i = 0; i < vpcCount; i += 1) {
    const { first, second, cidr } = vpcCidr(i);
    const vpcId = `vpc-${i}`;
    const g = Math.floor(i / TGW_GROUP);
    t.vpcs.push({ vpcId, cidrBlock: cidr });
    for (let s = 0; s < 2; s += 1) {
      t.subnets.push({ subnetId: `subnet-${i}-${s}`, vpcId, cidrBlock: `${first}.${second}.${s}.0/24`, availabilityZone: "us-east-1a" });
      for (let n = 0; n < 5; n += 1) {
        t.instances.push({ instanceId: `i-${i}-${s}-${n}`, subnetId: `subnet-${i}-${s}`, privateIpAddress: `${first}.${second}.${s}.${10 + n}`, securityGroupIds: [`sg-${i}`] });
      }
    }
    t.internetGateways.push({ internetGatewayId: `igw-${i}`, attachments: [{ vpcId }] });
    const next = (i + 1) % vpcCount;
    const routes: NonNullable<Input["routeTables"][number]["routes"]> = [
      { destinationCidrBlock: "0.0.0.0/0", gatewayId: `igw-${i}` },
      { destinationCidrBlock: "8.0.0.0/5", transitGatewayId: `tgw-${g}` },
    ];
    if (vpcCount > 1 && next > i) {
      t.vpcPeeringConnections.push({ vpcPeeringConnectionId: `pcx-${i}`, requesterVpcInfo: { vpcId }, accepterVpcInfo: { vpcId: `vpc-${next}` } });
    }
    if (vpcCount > 1) {
      if (next > i) routes.push({ destinationCidrBlock: vpcCidr(next).cidr, vpcPeeringConnectionId: `pcx-${i}` });
      const previous = (i - 1 + vpcCount) % vpcCount;
      if (previous < i) routes.push({ destinationCidrBlock: vpcCidr(previous).cidr, vpcPeeringConnectionId: `pcx-${previous}` });
    }
    t.routeTables.push({ routeTableId: `rtb-${i}`, vpcId, associations: [{ main: true }], routes });
    // Twenty rules, the last one the one that matches: a worst case for the linear scan of rules.
    t.securityGroups.push({
      groupId: `sg-${i}`,
      vpcId,
      ipPermissions: [
        ...Array.from({ length: 19 }, (_, r) => ({ ipProtocol: "tcp", fromPort: 1000 + r, toPort: 1000 + r, ipRanges: [{ cidrIp: "192.168.0.0/16" }] })),
        // One VPC in ten admits 8443 only, so a tenth of the answers are blocked at the destination.
        { ipProtocol: "tcp", fromPort: i % 10 === 9 ? 8443 : 443, toPort: i % 10 === 9 ? 8443 : 443, ipRanges: [{ cidrIp: "8.0.0.0/5" }] },
      ],
    });
    t.networkAcls.push({
      networkAclId: `acl-${i}`,
      vpcId,
      isDefault: true,
      entries: [
        ...Array.from({ length: 8 }, (_, r) => ({ ruleNumber: 10 + r, protocol: "6", ruleAction: "deny" as const, egress: r % 2 === 0, cidrBlock: `192.168.${r}.0/24` })),
        { ruleNumber: 100, protocol: "-1", ruleAction: "allow" as const, egress: false, cidrBlock: "0.0.0.0/0" },
        { ruleNumber: 100, protocol: "-1", ruleAction: "allow" as const, egress: true, cidrBlock: "0.0.0.0/0" },
      ],
    });
    const attachmentId = `tgw-attach-${i}`;
    t.transitGatewayAttachments.push({ transitGatewayAttachmentId: attachmentId, transitGatewayId: `tgw-${g}`, resourceType: "vpc", resourceId: vpcId, subnetIds: [`subnet-${i}-0`], association: { transitGatewayRouteTableId: `tgw-rtb-${g}` } });
    propagations[g]?.push({ transitGatewayAttachmentId: attachmentId });
    // Every other transit gateway reaches this VPC through its peering with this one.
    for (let h = 0; h < tgwCount; h += 1) {
      if (h !== g) tgwRoutes[h]?.push({ destinationCidrBlock: cidr, transitGatewayAttachments: [{ transitGatewayAttachmentId: `tgw-attach-peer-${Math.min(g, h)}-${Math.max(g, h)}` }] });
    }
  }
  for (let g = 0; g < tgwCount; g += 1) {
    for (let h = g + 1; h < tgwCount; h += 1) {
      const id = `tgw-attach-peer-${g}-${h}`;
      t.transitGatewayAttachments.push({ transitGatewayAttachmentId: id, transitGatewayId: `tgw-${g}`, resourceType: "peering", resourceId: `tgw-${h}`, association: { transitGatewayRouteTableId: `tgw-rtb-${g}` } });
      t.transitGatewayAttachments.push({ transitGatewayAttachmentId: id, transitGatewayId: `tgw-${h}`, resourceType: "peering", resourceId: `tgw-${g}`, association: { transitGatewayRouteTableId: `tgw-rtb-${h}` } });
    }
    t.transitGatewayRouteTables.push({ transitGatewayRouteTableId: `tgw-rtb-${g}`, transitGatewayId: `tgw-${g}`, propagations: propagations[g] ?? [], routes: tgwRoutes[g] ?? [] });
  }
  return t;
}

