import { describe, expect, it } from "vitest";
import { parseTopology, type Topology, type TopologyInput } from "../model/topology";
import { exportAwsSnapshot, toAwsSnapshot, viaAwsSnapshot } from "./to-aws-snapshot";

const east = { ownerId: "111122223333", region: "us-east-1" };
const west = { ownerId: "444455556666", region: "us-west-2" };
const nlb = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/api/0123456789abcdef";
const tg = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/0123456789abcdef";
const accelerator = "arn:aws:globalaccelerator::111122223333:accelerator/1234abcd";
const dxgw = "5f294f92-bafb-4011-916d-9b0b0ab1cdef";

/** Every collection, every optional field the model holds set away from its default. */
const everything: TopologyInput = {
  name: "everything",
  description: "every field the snapshot reader reads",
  vpcs: [
    { vpcId: "vpc-a", cidrBlock: "10.1.0.0/16", cidrBlockAssociationSet: [{ cidrBlock: "100.64.0.0/24" }], ipv6CidrBlockAssociationSet: [{ ipv6CidrBlock: "2600:1f18:100::/56" }], state: "pending", isDefault: true, ...east, tags: [{ key: "Name", value: "a" }] },
    { vpcId: "vpc-b", cidrBlock: "10.2.0.0/16", ...west },
  ],
  subnets: [
    { subnetId: "subnet-a", vpcId: "vpc-a", cidrBlock: "10.1.1.0/24", ipv6CidrBlock: "2600:1f18:100:1::/64", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", mapPublicIpOnLaunch: true, ...east, tags: [{ key: "tier", value: "web" }] },
    { subnetId: "subnet-wlz", vpcId: "vpc-a", cidrBlock: "10.1.2.0/24", availabilityZone: "us-east-1-wl1-bos-wlz-1", zoneType: "wavelength-zone", ...east },
    { subnetId: "subnet-b", vpcId: "vpc-b", cidrBlock: "10.2.1.0/24", availabilityZone: "us-west-2a", state: "pending", ...west },
  ],
  routeTables: [
    {
      routeTableId: "rtb-a",
      vpcId: "vpc-a",
      associations: [{ main: true, routeTableAssociationId: "rtbassoc-main" }, { subnetId: "subnet-a", routeTableAssociationId: "rtbassoc-a" }, { gatewayId: "igw-a" }],
      routes: [
        { destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-a" },
        { destinationIpv6CidrBlock: "::/0", egressOnlyInternetGatewayId: "eigw-a" },
        { destinationPrefixListId: "pl-s3", gatewayId: "vpce-s3" },
        { destinationCidrBlock: "10.2.0.0/16", vpcPeeringConnectionId: "pcx-ab" },
        { destinationCidrBlock: "10.3.0.0/16", transitGatewayId: "tgw-east", state: "blackhole" },
        { destinationCidrBlock: "10.4.0.0/16", natGatewayId: "nat-a" },
        { destinationCidrBlock: "10.5.0.0/16", networkInterfaceId: "eni-a" },
        { destinationCidrBlock: "10.6.0.0/16", instanceId: "i-a" },
        { destinationCidrBlock: "10.7.0.0/16", carrierGatewayId: "cagw-a" },
        { destinationCidrBlock: "10.8.0.0/16", gatewayId: "vgw-a", origin: "EnableVgwRoutePropagation" },
        { destinationCidrBlock: "10.9.0.0/16", localGatewayId: "lgw-1" },
        { destinationCidrBlock: "10.10.0.0/16", coreNetworkArn: "arn:aws:networkmanager::111122223333:core-network/core-network-1" },
      ],
      propagatingVgws: [{ gatewayId: "vgw-a" }],
      ...east,
      tags: [{ key: "Name", value: "main" }],
    },
    { routeTableId: "rtb-b", vpcId: "vpc-b", associations: [{ main: true }], ...west },
  ],
  internetGateways: [{ internetGatewayId: "igw-a", attachments: [{ vpcId: "vpc-a", state: "attached" }], ...east }],
  egressOnlyInternetGateways: [{ egressOnlyInternetGatewayId: "eigw-a", attachments: [{ vpcId: "vpc-a", state: "attached" }], ...east }],
  carrierGateways: [{ carrierGatewayId: "cagw-a", vpcId: "vpc-a", state: "pending", ...east }],
  natGateways: [
    { natGatewayId: "nat-a", vpcId: "vpc-a", subnetId: "subnet-a", state: "pending", natGatewayAddresses: [{ allocationId: "eipalloc-nat", networkInterfaceId: "eni-nat", privateIp: "10.1.1.5", publicIp: "3.3.3.3" }, { privateIp: "10.1.1.6", isPrimary: false }], ...east },
    { natGatewayId: "nat-b", vpcId: "vpc-b", subnetId: "subnet-b", connectivityType: "private", ...west },
  ],
  addresses: [
    { allocationId: "eipalloc-a", publicIp: "54.1.1.10", associationId: "eipassoc-a", instanceId: "i-a", networkInterfaceId: "eni-a", privateIpAddress: "10.1.1.10", networkBorderGroup: "us-east-1", ...east },
    { allocationId: "eipalloc-wlz", publicIp: "54.1.1.11", carrierIp: "155.146.0.10", domain: "standard", ...east },
  ],
  networkInterfaces: [
    {
      networkInterfaceId: "eni-a",
      subnetId: "subnet-a",
      vpcId: "vpc-a",
      interfaceType: "interface",
      description: "primary",
      privateIpAddress: "10.1.1.10",
      privateIpAddresses: [{ privateIpAddress: "10.1.1.10", primary: true, association: { publicIp: "54.1.1.10", allocationId: "eipalloc-a", ipOwnerId: "111122223333" } }, { privateIpAddress: "10.1.1.11" }],
      ipv6Addresses: [{ ipv6Address: "2600:1f18:100:1::10" }],
      association: { publicIp: "54.1.1.10", allocationId: "eipalloc-a", ipOwnerId: "111122223333" },
      securityGroupIds: ["sg-a"],
      sourceDestCheck: false,
      attachment: { instanceId: "i-a", instanceOwnerId: "111122223333", deviceIndex: 0, status: "attaching" },
      requesterId: "AIDAEXAMPLE",
      requesterManaged: true,
      status: "available",
      ...east,
      tags: [{ key: "Name", value: "eni" }],
    },
    { networkInterfaceId: "eni-wlz", subnetId: "subnet-wlz", privateIpAddress: "10.1.2.10", association: { carrierIp: "155.146.0.10" }, ...east },
  ],
  instances: [
    { instanceId: "i-a", state: "stopped", subnetId: "subnet-a", vpcId: "vpc-a", privateIpAddress: "10.1.1.10", publicIpAddress: "54.1.1.10", ipv6Address: "2600:1f18:100:1::10", securityGroupIds: ["sg-a"], sourceDestCheck: false, ...east, tags: [{ key: "Name", value: "web" }] },
    { instanceId: "i-b", subnetId: "subnet-b", privateIpAddress: "10.2.1.10", ...west },
  ],
  securityGroups: [
    {
      groupId: "sg-a",
      groupName: "web",
      description: "web tier",
      vpcId: "vpc-a",
      ipPermissions: [
        { ipProtocol: "tcp", fromPort: 443, toPort: 443, ipRanges: [{ cidrIp: "0.0.0.0/0", description: "anyone" }], ipv6Ranges: [{ cidrIpv6: "::/0", description: "anyone v6" }] },
        { ipProtocol: "-1", prefixListIds: [{ prefixListId: "pl-office", description: "office" }] },
        { ipProtocol: "icmp", fromPort: 8, toPort: -1, userIdGroupPairs: [{ groupId: "sg-b", userId: "444455556666", vpcId: "vpc-b", vpcPeeringConnectionId: "pcx-ab", peeringStatus: "active", description: "peer" }] },
      ],
      ipPermissionsEgress: [],
      ...east,
      tags: [{ key: "Name", value: "web" }],
    },
    { groupId: "sg-b", vpcId: "vpc-b", ...west },
  ],
  networkAcls: [
    {
      networkAclId: "acl-a",
      vpcId: "vpc-a",
      isDefault: true,
      associations: [{ networkAclAssociationId: "aclassoc-a", subnetId: "subnet-a" }],
      entries: [
        { ruleNumber: 100, protocol: "6", ruleAction: "allow", egress: false, cidrBlock: "0.0.0.0/0", portRange: { from: 443, to: 443 } },
        { ruleNumber: 110, protocol: "1", ruleAction: "deny", egress: true, ipv6CidrBlock: "::/0", icmpTypeCode: { type: 8, code: -1 } },
      ],
      ...east,
      tags: [{ key: "Name", value: "acl" }],
    },
  ],
  prefixLists: [
    { prefixListId: "pl-s3", prefixListName: "com.amazonaws.us-east-1.s3", entries: [{ cidr: "52.216.0.0/15" }] },
    { prefixListId: "pl-office", prefixListName: "office", addressFamily: "IPv4", entries: [{ cidr: "203.0.113.0/24", description: "HQ" }], ...east, tags: [{ key: "Name", value: "office" }] },
  ],
  vpcEndpoints: [
    { vpcEndpointId: "vpce-s3", vpcEndpointType: "Gateway", vpcId: "vpc-a", serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: ["rtb-a"], policyDocument: { Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }, ...east },
    { vpcEndpointId: "vpce-api", vpcEndpointType: "Interface", vpcId: "vpc-a", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-api", state: "PendingAcceptance", subnetIds: ["subnet-a"], networkInterfaceIds: ["eni-api"], securityGroupIds: ["sg-a"], privateDnsEnabled: true, ...east, tags: [{ key: "Name", value: "api" }] },
    { vpcEndpointId: "vpce-gone", vpcEndpointType: "Interface", vpcId: "vpc-a", serviceName: "com.amazonaws.us-east-1.sqs", state: "Deleting", ...east },
  ],
  vpcEndpointServices: [
    { serviceId: "vpce-svc-api", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-api", networkLoadBalancerArns: [nlb], acceptanceRequired: true, privateDnsName: "api.example.com", ...east, tags: [{ key: "Name", value: "api" }] },
  ],
  awsServices: [
    { serviceName: "com.amazonaws.us-east-1.s3", prefixListId: "pl-s3", cidrBlocks: ["52.216.0.0/15"], region: "us-east-1" },
    { serviceName: "com.amazonaws.us-east-1.sqs", cidrBlocks: ["52.46.0.0/18"] },
  ],
  awsIpRanges: [
    { ipPrefix: "54.184.0.0/13", region: "us-west-2", networkBorderGroup: "us-west-2", service: "AMAZON" },
    { ipPrefix: "54.184.0.0/13", region: "us-west-2", networkBorderGroup: "us-west-2", service: "EC2" },
    { ipPrefix: "13.32.0.0/15", region: "GLOBAL", service: "CLOUDFRONT" },
    { ipPrefix: "2600:1f14::/35", region: "us-west-2", networkBorderGroup: "us-west-2", service: "EC2" },
  ],
  vpcPeeringConnections: [
    { vpcPeeringConnectionId: "pcx-ab", status: "pending-acceptance", requesterVpcInfo: { vpcId: "vpc-a", ownerId: "111122223333", region: "us-east-1" }, accepterVpcInfo: { vpcId: "vpc-b", ownerId: "444455556666", region: "us-west-2", cidrBlock: "10.2.0.0/16", cidrBlockSet: [{ cidrBlock: "10.2.0.0/16" }] }, ...east, tags: [{ key: "Name", value: "ab" }] },
  ],
  transitGateways: [
    { transitGatewayId: "tgw-east", state: "modifying", options: { amazonSideAsn: 64512, defaultRouteTableAssociation: "disable", defaultRouteTablePropagation: "disable", associationDefaultRouteTableId: "tgw-rtb-east", propagationDefaultRouteTableId: "tgw-rtb-east", vpnEcmpSupport: "disable" }, ...east, tags: [{ key: "Name", value: "east" }] },
    { transitGatewayId: "tgw-west", ...west },
  ],
  transitGatewayAttachments: [
    { transitGatewayAttachmentId: "tgw-attach-a", transitGatewayId: "tgw-east", transitGatewayOwnerId: "111122223333", resourceType: "vpc", resourceId: "vpc-a", resourceOwnerId: "111122223333", state: "pending", association: { transitGatewayRouteTableId: "tgw-rtb-east" }, subnetIds: ["subnet-a"], applianceModeSupport: "enable", ...east, tags: [{ key: "Name", value: "a" }] },
    { transitGatewayAttachmentId: "tgw-attach-vpn", transitGatewayId: "tgw-east", resourceType: "vpn", resourceId: "vpn-tgw", association: { transitGatewayRouteTableId: "tgw-rtb-east" }, ...east },
    { transitGatewayAttachmentId: "tgw-attach-dx", transitGatewayId: "tgw-east", resourceType: "direct-connect-gateway", resourceId: dxgw, ...east },
    { transitGatewayAttachmentId: "tgw-attach-peer", transitGatewayId: "tgw-east", transitGatewayOwnerId: "111122223333", resourceType: "peering", resourceId: "tgw-west", resourceOwnerId: "444455556666", association: { transitGatewayRouteTableId: "tgw-rtb-east" }, ...east },
    { transitGatewayAttachmentId: "tgw-attach-peer", transitGatewayId: "tgw-west", transitGatewayOwnerId: "444455556666", resourceType: "peering", resourceId: "tgw-east", resourceOwnerId: "111122223333", association: { transitGatewayRouteTableId: "tgw-rtb-west" }, ...west },
  ],
  transitGatewayRouteTables: [
    {
      transitGatewayRouteTableId: "tgw-rtb-east",
      transitGatewayId: "tgw-east",
      defaultAssociationRouteTable: true,
      defaultPropagationRouteTable: true,
      associations: [{ transitGatewayAttachmentId: "tgw-attach-a" }, { transitGatewayAttachmentId: "tgw-attach-vpn" }, { transitGatewayAttachmentId: "tgw-attach-peer" }],
      propagations: [{ transitGatewayAttachmentId: "tgw-attach-a" }, { transitGatewayAttachmentId: "tgw-attach-vpn", state: "disabled" }],
      routes: [
        { destinationCidrBlock: "10.2.0.0/16", transitGatewayAttachments: [{ transitGatewayAttachmentId: "tgw-attach-peer", resourceId: "tgw-west", resourceType: "peering" }] },
        { destinationCidrBlock: "10.99.0.0/16", state: "blackhole" },
        { prefixListId: "pl-office", type: "propagated", transitGatewayAttachments: [{ transitGatewayAttachmentId: "tgw-attach-vpn" }] },
      ],
      ...east,
      tags: [{ key: "Name", value: "east" }],
    },
    { transitGatewayRouteTableId: "tgw-rtb-west", transitGatewayId: "tgw-west", state: "pending", associations: [{ transitGatewayAttachmentId: "tgw-attach-peer" }], ...west },
  ],
  vpnGateways: [{ vpnGatewayId: "vgw-a", state: "pending", amazonSideAsn: 64513, vpcAttachments: [{ vpcId: "vpc-a", state: "attaching" }], ...east, tags: [{ key: "Name", value: "vgw" }] }],
  customerGateways: [
    { customerGatewayId: "cgw-hq", ipAddress: "198.51.100.1", bgpAsn: "65000", deviceName: "hq-router", state: "pending", ...east, tags: [{ key: "Name", value: "hq" }] },
    { customerGatewayId: "cgw-branch", ...east },
  ],
  vpnConnections: [
    {
      vpnConnectionId: "vpn-hq",
      customerGatewayId: "cgw-hq",
      vpnGatewayId: "vgw-a",
      state: "pending",
      options: { staticRoutesOnly: true, localIpv4NetworkCidr: "192.168.0.0/16", remoteIpv4NetworkCidr: "10.1.0.0/16" },
      routes: [{ destinationCidrBlock: "192.168.0.0/16", source: "Static", state: "pending" }],
      vgwTelemetry: [{ outsideIpAddress: "52.1.1.1", status: "UP", acceptedRouteCount: 1 }, { outsideIpAddress: "52.1.1.2", status: "DOWN" }],
      ...east,
      tags: [{ key: "Name", value: "hq" }],
    },
    { vpnConnectionId: "vpn-tgw", customerGatewayId: "cgw-branch", transitGatewayId: "tgw-east", options: { enableAcceleration: true }, ...east },
  ],
  onPremisesNetworks: [{ id: "onprem-hq", name: "HQ", cidrBlocks: ["192.168.0.0/16"], customerGatewayIds: ["cgw-hq"], virtualInterfaceIds: ["dxvif-a"] }],
  clientVpnEndpoints: [
    {
      clientVpnEndpointId: "cvpn-endpoint-office",
      clientCidrBlock: "172.31.0.0/22",
      vpcId: "vpc-a",
      securityGroupIds: ["sg-a"],
      splitTunnel: true,
      status: "pending-associate",
      targetNetworks: [{ associationId: "cvpn-assoc-a", targetNetworkId: "subnet-a", status: "associating" }],
      authorizationRules: [{ destinationCidr: "10.1.0.0/16", accessAll: false, groupId: "engineers", status: "authorizing" }],
      routes: [{ destinationCidr: "10.1.0.0/16", targetSubnet: "subnet-a", status: "creating", origin: "associate" }],
      ...east,
      tags: [{ key: "Name", value: "office" }],
    },
  ],
  directConnectConnections: [{ connectionId: "dxcon-a", connectionName: "fra1", connectionState: "down", location: "EqFA5", bandwidth: "1Gbps", ...east }],
  virtualInterfaces: [
    { virtualInterfaceId: "dxvif-a", virtualInterfaceType: "private", connectionId: "dxcon-a", virtualInterfaceState: "down", virtualGatewayId: "vgw-a", vlan: 101, asn: 65000, amazonAddress: "169.254.0.1/30", customerAddress: "169.254.0.2/30", ...east },
    { virtualInterfaceId: "dxvif-t", virtualInterfaceType: "transit", connectionId: "dxcon-a", directConnectGatewayId: dxgw, ...east },
    { virtualInterfaceId: "dxvif-p", virtualInterfaceType: "public", connectionId: "dxcon-a", routeFilterPrefixes: [{ cidr: "198.51.100.0/24" }], ...east },
  ],
  directConnectGateways: [
    {
      directConnectGatewayId: dxgw,
      directConnectGatewayName: "corp",
      amazonSideAsn: 64514,
      directConnectGatewayState: "pending",
      associations: [{ associatedGateway: { id: "tgw-east", type: "transitGateway", ownerAccount: "111122223333", region: "us-east-1" }, associationState: "updating", allowedPrefixesToDirectConnectGateway: [{ cidr: "10.1.0.0/16" }] }],
      ownerId: "111122223333",
    },
  ],
  loadBalancers: [
    {
      loadBalancerArn: nlb,
      loadBalancerName: "api",
      dnsName: "api-0123.elb.us-east-1.amazonaws.com",
      type: "network",
      scheme: "internal",
      vpcId: "vpc-a",
      state: "provisioning",
      availabilityZones: [{ zoneName: "us-east-1a", subnetId: "subnet-a", loadBalancerAddresses: [{ privateIPv4Address: "10.1.1.100", ipAddress: "54.1.1.100", allocationId: "eipalloc-lb" }] }],
      securityGroupIds: ["sg-a"],
      crossZoneLoadBalancing: true,
      ...east,
    },
  ],
  targetGroups: [{ targetGroupArn: tg, targetGroupName: "api", protocol: "TCP", port: 8080, targetType: "ip", vpcId: "vpc-a", loadBalancerArns: [nlb], targets: [{ id: "10.1.1.10", port: 8080, availabilityZone: "us-east-1a", health: "unhealthy" }], ...east }],
  listeners: [{ listenerArn: `${nlb.replace("loadbalancer", "listener")}/1`, loadBalancerArn: nlb, protocol: "TCP", port: 80, defaultActions: [{ type: "forward", forwardConfig: { targetGroups: [{ targetGroupArn: tg, weight: 3 }] }, order: 1 }, { type: "fixed-response", order: 2 }], ...east }],
  accelerators: [
    {
      acceleratorArn: accelerator,
      name: "web",
      enabled: false,
      ipSets: [{ ipAddresses: ["192.0.2.250", "198.51.100.52"] }],
      listeners: [
        {
          listenerArn: `${accelerator}/listener/1`,
          protocol: "UDP",
          portRanges: [{ fromPort: 443, toPort: 444 }],
          clientAffinity: "SOURCE_IP",
          endpointGroups: [{ endpointGroupArn: `${accelerator}/listener/1/endpoint-group/us`, endpointGroupRegion: "us-east-1", trafficDialPercentage: 50, endpointDescriptions: [{ endpointId: "eipalloc-a", weight: 200, healthState: "UNHEALTHY", clientIPPreservationEnabled: true }] }],
        },
      ],
      ...east,
    },
  ],
  flowLogs: [{ flowLogId: "fl-a", resourceId: "vpc-a", trafficType: "REJECT", logDestinationType: "s3", logDestination: "arn:aws:s3:::logs", logFormat: "${version} ${action}", ...east, tags: [{ key: "Name", value: "fl" }] }],
  trafficMirrorTargets: [{ trafficMirrorTargetId: "tmt-a", networkInterfaceId: "eni-wlz", ...east, tags: [{ key: "Name", value: "ids" }] }, { trafficMirrorTargetId: "tmt-nlb", networkLoadBalancerArn: nlb, ...east }],
  trafficMirrorFilters: [
    {
      trafficMirrorFilterId: "tmf-a",
      ingressFilterRules: [{ ruleNumber: 10, ruleAction: "reject", protocol: 6, destinationCidrBlock: "0.0.0.0/0", sourceCidrBlock: "10.0.0.0/8", destinationPortRange: { fromPort: 22, toPort: 22 }, sourcePortRange: { fromPort: 1024, toPort: 65535 } }],
      egressFilterRules: [{ ruleNumber: 20, ruleAction: "accept", destinationCidrBlock: "::/0", sourceCidrBlock: "::/0" }],
      ...east,
    },
  ],
  trafficMirrorSessions: [{ trafficMirrorSessionId: "tms-a", networkInterfaceId: "eni-a", trafficMirrorTargetId: "tmt-a", trafficMirrorFilterId: "tmf-a", sessionNumber: 2, packetLength: 128, virtualNetworkId: 42, ...east, tags: [{ key: "Name", value: "tms" }] }],
};

function topology(input: TopologyInput): Topology {
  const parsed = parseTopology(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  return parsed.topology;
}

describe("toAwsSnapshot", () => {
  it("prints AWS's own shapes, one document per command and folder", () => {
    const { files } = exportAwsSnapshot(topology(everything));
    const byPath = new Map(files.map((f) => [f.path, f.document]));
    expect(byPath.get("accounts/111122223333/us-east-1/Vpcs.json")).toMatchObject({ Vpcs: [{ VpcId: "vpc-a", OwnerId: "111122223333", CidrBlockAssociationSet: [{ CidrBlock: "10.1.0.0/16", CidrBlockState: { State: "associated" } }, { CidrBlock: "100.64.0.0/24" }] }] });
    expect(byPath.get("accounts/444455556666/us-west-2/Vpcs.json")).toMatchObject({ Vpcs: [{ VpcId: "vpc-b" }] });
    const routes = (byPath.get("accounts/111122223333/us-east-1/RouteTables.json") as { RouteTables: { Routes: unknown[] }[] }).RouteTables[0]?.Routes;
    expect(routes?.slice(0, 3)).toEqual([
      { DestinationCidrBlock: "10.1.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
      { DestinationCidrBlock: "100.64.0.0/24", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
      { DestinationIpv6CidrBlock: "2600:1f18:100::/56", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
    ]);
    const acl = (byPath.get("accounts/111122223333/us-east-1/NetworkAcls.json") as { NetworkAcls: { Entries: unknown[] }[] }).NetworkAcls[0];
    expect(acl?.Entries.filter((e) => (e as { RuleNumber: number }).RuleNumber === 32767)).toHaveLength(4);
    expect(byPath.get("accounts/111122223333/us-east-1/Reservations.json")).toMatchObject({
      Reservations: [{ OwnerId: "111122223333", Instances: [{ InstanceId: "i-a", State: { Code: 80, Name: "stopped" }, Placement: { AvailabilityZone: "us-east-1a" }, SecurityGroups: [{ GroupId: "sg-a", GroupName: "web" }], NetworkInterfaces: [{ NetworkInterfaceId: "eni-a" }] }] }],
    });
    expect(byPath.get("accounts/111122223333/us-east-1/VpcEndpoints.json")).toMatchObject({ VpcEndpoints: [{ State: "available" }, { State: "pendingAcceptance" }, { State: "deleting" }] });
    expect(byPath.get("us-east-1/PrefixLists.json")).toEqual({ PrefixLists: [{ PrefixListId: "pl-s3", PrefixListName: "com.amazonaws.us-east-1.s3", Cidrs: ["52.216.0.0/15"] }] });
    // Outputs without their subject's id are printed as the CLI prints them, the subject in the file's name.
    expect(byPath.get("accounts/111122223333/us-east-1/get-managed-prefix-list-entries.pl-office.json")).toEqual({ Entries: [{ Cidr: "203.0.113.0/24", Description: "HQ" }] });
    expect(byPath.get("accounts/111122223333/us-east-1/search-transit-gateway-routes.tgw-rtb-east.json")).toMatchObject({ AdditionalRoutesAvailable: false, Routes: [{ DestinationCidrBlock: "10.2.0.0/16", Type: "static", State: "active" }, { State: "blackhole", TransitGatewayAttachments: [] }, { PrefixListId: "pl-office", Type: "propagated" }] });
    expect(byPath.get("accounts/111122223333/us-east-1/connections.json")).toEqual({ connections: [{ ownerAccount: "111122223333", connectionId: "dxcon-a", connectionName: "fra1", connectionState: "down", region: "us-east-1", location: "EqFA5", bandwidth: "1Gbps" }] });
    expect(byPath.get("ip-ranges.json")).toMatchObject({ syncToken: expect.any(String), prefixes: [{ ip_prefix: "54.184.0.0/13", service: "AMAZON" }, { service: "EC2" }, { service: "CLOUDFRONT" }], ipv6_prefixes: [{ ipv6_prefix: "2600:1f14::/35" }] });
    expect(toAwsSnapshot(topology(everything))).toEqual(files.map((f) => f.document));
  });

  it("returns what no describe-* command prints apart", () => {
    const { modelOnly } = exportAwsSnapshot(topology(everything));
    expect(modelOnly).toEqual({
      name: "everything",
      description: "every field the snapshot reader reads",
      onPremisesNetworks: [expect.objectContaining({ id: "onprem-hq" })],
      awsServices: [expect.objectContaining({ serviceName: "com.amazonaws.us-east-1.sqs" })],
    });
  });
});

describe("viaAwsSnapshot", () => {
  it("reads every field back through the snapshot reader", () => {
    const t = topology(everything);
    const back = viaAwsSnapshot(t);
    expect(back.instances[0]).toMatchObject({ instanceId: "i-a", state: "stopped", ipv6Address: "2600:1f18:100:1::10", region: "us-east-1" });
    expect(back.subnets[1]?.zoneType).toBe("wavelength-zone");
    expect(back.onPremisesNetworks).toEqual(t.onPremisesNetworks);
  });

  it("fails loudly, with the reader's messages, when a document does not read back", () => {
    // A listener whose ARN is not Global Accelerator's is read as an ELBv2 listener, which needs a load balancer.
    const t = topology({ accelerators: [{ acceleratorArn: accelerator, listeners: [{ listenerArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/x", protocol: "TCP", portRanges: [{ fromPort: 1, toPort: 1 }] }] }] });
    expect(() => viaAwsSnapshot(t)).toThrow(/does not read back cleanly:\n {2}list-listeners\/1234abcd\.json: \$\.Listeners\[0\]\.LoadBalancerArn: expected string/);
  });

  it("fails loudly when what comes back differs from what was exported", () => {
    // The model accepts a readable owner; AWS's folders and the reader take 12-digit accounts only.
    const t = topology({ vpcs: [{ vpcId: "vpc-a", cidrBlock: "10.0.0.0/16", ownerId: "shop" }] });
    expect(() => viaAwsSnapshot(t)).toThrow(/differs from the one exported:\n {2}vpcs\[0\]\.ownerId: "shop" exported, undefined read back/);
  });
});
