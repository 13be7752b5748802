import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSnapshotTopology } from "./index";
import { addSnapshotDocument, emptySnapshot, subjectFileName, type SnapshotOrigin } from "./snapshot";
import { snapshotToTopology } from "./to-topology";

/** A snapshot built from a few describe-* documents, each with the folder it came from. */
function snapshotOf(...documents: [SnapshotOrigin, unknown][]) {
  const snapshot = emptySnapshot();
  for (const [origin, document] of documents) {
    const messages = addSnapshotDocument(snapshot, document, origin);
    expect(messages.errors).toEqual([]);
  }
  return snapshot;
}

function converted(...documents: [SnapshotOrigin, unknown][]) {
  const result = snapshotToTopology(snapshotOf(...documents));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result;
}

describe("snapshotToTopology", () => {
  it("reads the two-tier fixture: Region from the zone, owner from OwnerId, interfaces from describe-instances", () => {
    const result = readSnapshotTopology(path.join(import.meta.dirname, "fixtures/two-tier"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const web = result.topology.instances.find((i) => i.instanceId === "i-0web0000000000001");
    expect(web).toMatchObject({ region: "us-east-1", ownerId: "111122223333", publicIpAddress: "198.51.100.10" });
    expect(result.topology.networkInterfaces.map((e) => [e.networkInterfaceId, e.attachment?.instanceId])).toEqual([
      ["eni-0web000000000001", "i-0web0000000000001"],
      ["eni-0db00000000000002", "i-0db00000000000002"],
    ]);
    const db = result.topology.securityGroups.find((g) => g.groupId === "sg-0db0000000000001");
    expect(db?.ipPermissions[0]?.userIdGroupPairs[0]?.groupId).toBe("sg-0web000000000001");
  });

  it("places resources in the account and Region of their accounts/<id>/<region>/ folder (Batfish's TGW peering capture)", () => {
    const result = readSnapshotTopology(path.join(import.meta.dirname, "fixtures/batfish/test-transit-gateway-peering/aws_configs"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const where = (id: string) => {
      const tgw = result.topology.transitGateways.find((t) => t.transitGatewayId === id);
      return [tgw?.ownerId, tgw?.region];
    };
    expect(where("tgw-0e20010ebf43d07a2")).toEqual(["732168539940", "us-east-1"]);
    expect(where("tgw-03201f1960ddb0c25")).toEqual(["804819755326", "us-west-1"]);
    const peering = result.topology.transitGatewayAttachments.filter((a) => a.transitGatewayAttachmentId === "tgw-attach-012e5d602f859dd80");
    expect(peering.map((a) => [a.transitGatewayId, a.resourceId])).toEqual([
      ["tgw-0e20010ebf43d07a2", "tgw-03201f1960ddb0c25"],
      ["tgw-03201f1960ddb0c25", "tgw-0e20010ebf43d07a2"],
    ]);
    expect(result.warnings.some((w) => w.includes("DBInstances"))).toBe(true);
  });

  it("keeps one copy of a peering connection both accounts list, preferring the active one", () => {
    const side = (status: string) => ({
      VpcPeeringConnections: [
        {
          VpcPeeringConnectionId: "pcx-1",
          Status: { Code: status },
          RequesterVpcInfo: { VpcId: "vpc-a", OwnerId: "111111111111", Region: "us-east-1" },
          AccepterVpcInfo: { VpcId: "vpc-b", OwnerId: "222222222222", Region: "us-east-1", CidrBlock: "10.2.0.0/16" },
        },
      ],
    });
    const result = converted(
      [{ file: "accounts/111111111111/us-east-1/VpcPeeringConnections.json", accountId: "111111111111" }, side("pending-acceptance")],
      [{ file: "accounts/222222222222/us-east-1/VpcPeeringConnections.json", accountId: "222222222222" }, side("active")],
    );
    expect(result.topology.vpcPeeringConnections).toHaveLength(1);
    expect(result.topology.vpcPeeringConnections[0]?.status).toBe("active");
  });

  it("merges transit gateway attachments from the generic, VPC and route-table outputs", () => {
    const origin = { file: "x.json", region: "us-east-1" };
    const result = converted(
      [origin, { TransitGateways: [{ TransitGatewayId: "tgw-1", OwnerId: "111111111111" }] }],
      [origin, { TransitGatewayRouteTables: [{ TransitGatewayRouteTableId: "tgw-rtb-1", TransitGatewayId: "tgw-1" }] }],
      [
        origin,
        {
          TransitGatewayAttachments: [
            {
              TransitGatewayAttachmentId: "tgw-attach-1",
              TransitGatewayId: "tgw-1",
              ResourceType: "vpc",
              ResourceId: "vpc-a",
              Association: { TransitGatewayRouteTableId: "tgw-rtb-1", State: "associated" },
            },
          ],
        },
      ],
      [origin, { TransitGatewayVpcAttachments: [{ TransitGatewayAttachmentId: "tgw-attach-1", TransitGatewayId: "tgw-1", VpcId: "vpc-a", SubnetIds: ["subnet-a"] }] }],
      [origin, { TransitGatewayRouteTableId: "tgw-rtb-1", TransitGatewayRouteTablePropagations: [{ TransitGatewayAttachmentId: "tgw-attach-1", State: "enabled" }] }],
      [
        origin,
        {
          TransitGatewayRouteTableId: "tgw-rtb-1",
          Routes: [{ DestinationCidrBlock: "0.0.0.0/0", State: "blackhole", Type: "static", TransitGatewayAttachments: [] }],
        },
      ],
    );
    expect(result.topology.transitGatewayAttachments).toEqual([
      expect.objectContaining({ transitGatewayAttachmentId: "tgw-attach-1", resourceId: "vpc-a", subnetIds: ["subnet-a"], association: { transitGatewayRouteTableId: "tgw-rtb-1", state: "associated" } }),
    ]);
    const table = result.topology.transitGatewayRouteTables[0];
    expect(table?.associations).toEqual([{ transitGatewayAttachmentId: "tgw-attach-1", state: "associated" }]);
    expect(table?.propagations).toEqual([{ transitGatewayAttachmentId: "tgw-attach-1", state: "enabled" }]);
    expect(table?.routes).toEqual([expect.objectContaining({ destinationCidrBlock: "0.0.0.0/0", state: "blackhole", type: "static" })]);
  });

  it("lists a transit gateway peering attachment once per side", () => {
    const result = converted([
      { file: "p.json" },
      {
        TransitGatewayPeeringAttachments: [
          {
            TransitGatewayAttachmentId: "tgw-attach-p",
            RequesterTgwInfo: { TransitGatewayId: "tgw-east", Region: "us-east-1" },
            AccepterTgwInfo: { TransitGatewayId: "tgw-west", Region: "us-west-1" },
            State: "available",
          },
        ],
      },
    ]);
    expect(result.topology.transitGatewayAttachments.map((a) => [a.transitGatewayId, a.resourceId, a.region])).toEqual([
      ["tgw-east", "tgw-west", "us-east-1"],
      ["tgw-west", "tgw-east", "us-west-1"],
    ]);
  });

  it("leaves out a route whose target the model lacks, with a warning", () => {
    const result = converted([
      { file: "RouteTables.json" },
      {
        RouteTables: [
          {
            RouteTableId: "rtb-1",
            VpcId: "vpc-1",
            Routes: [
              { DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local", State: "active" },
              { DestinationCidrBlock: "0.0.0.0/0", GatewayId: "odd-123", State: "active" },
            ],
          },
        ],
      },
    ]);
    expect(result.topology.routeTables[0]?.routes).toHaveLength(1);
    expect(result.warnings).toEqual(['RouteTables.json: rtb-1: route to "odd-123" has a target the evaluator does not model; route left out']);
  });

  it("reports a value AWS would never send with the file and the resource", () => {
    const result = snapshotToTopology(snapshotOf([{ file: "Subnets.json" }, { Subnets: [{ SubnetId: "subnet-1", VpcId: "vpc-1", CidrBlock: "10.0.0.0/33" }] }]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/^Subnets\.json: subnet-1: cidrBlock: expected an IPv4 CIDR block/);
  });

  it("joins managed prefix lists with their wrapped entries", () => {
    const result = converted(
      [{ file: "pl.json" }, { PrefixLists: [{ PrefixListId: "pl-office", PrefixListName: "office", AddressFamily: "IPv4" }] }],
      [{ file: "entries.json" }, { PrefixListId: "pl-office", Entries: [{ Cidr: "203.0.113.0/24", Description: "HQ" }] }],
    );
    expect(result.topology.prefixLists).toEqual([
      expect.objectContaining({ prefixListId: "pl-office", entries: [{ cidr: "203.0.113.0/24", description: "HQ" }] }),
    ]);
  });

  it("turns AWS-managed prefix lists into public service ranges too", () => {
    const result = converted([
      { file: "PrefixLists.json" },
      { PrefixLists: [{ PrefixListId: "pl-63a5400a", PrefixListName: "com.amazonaws.us-east-1.s3", Cidrs: ["52.216.0.0/15"] }] },
    ]);
    expect(result.topology.awsServices).toEqual([
      expect.objectContaining({ serviceName: "com.amazonaws.us-east-1.s3", prefixListId: "pl-63a5400a", cidrBlocks: ["52.216.0.0/15"], region: "us-east-1" }),
    ]);
  });

  it("turns AWS's ip-ranges.json into awsIpRanges, one entry per prefix and service, IPv4 and IPv6", () => {
    const ranges = {
      syncToken: "1717000000",
      createDate: "2024-05-29-16-26-40",
      prefixes: [
        { ip_prefix: "54.184.0.0/13", region: "us-west-2", service: "AMAZON", network_border_group: "us-west-2" },
        { ip_prefix: "54.184.0.0/13", region: "us-west-2", service: "EC2", network_border_group: "us-west-2" },
        { ip_prefix: "13.32.0.0/15", region: "GLOBAL", service: "CLOUDFRONT" },
      ],
      ipv6_prefixes: [{ ipv6_prefix: "2600:1f14::/35", region: "us-west-2", service: "EC2", network_border_group: "us-west-2" }],
    };
    // The same file in two account folders counts once.
    const result = converted([{ file: "accounts/111111111111/ip-ranges.json", accountId: "111111111111" }, ranges], [{ file: "accounts/222222222222/ip-ranges.json", accountId: "222222222222" }, ranges]);
    expect(result.topology.awsIpRanges).toEqual([
      { ipPrefix: "54.184.0.0/13", region: "us-west-2", networkBorderGroup: "us-west-2", service: "AMAZON" },
      { ipPrefix: "54.184.0.0/13", region: "us-west-2", networkBorderGroup: "us-west-2", service: "EC2" },
      { ipPrefix: "13.32.0.0/15", region: "GLOBAL", service: "CLOUDFRONT" },
      { ipPrefix: "2600:1f14::/35", region: "us-west-2", networkBorderGroup: "us-west-2", service: "EC2" },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("gives target groups their registered targets and load balancers their cross-zone attribute", () => {
    const lbArn = "arn:aws:elasticloadbalancing:us-east-2:111111111111:loadbalancer/net/web/0123";
    const tgArn = "arn:aws:elasticloadbalancing:us-east-2:111111111111:targetgroup/web/4567";
    const result = converted(
      [{ file: "lb.json" }, { LoadBalancers: [{ LoadBalancerArn: lbArn, LoadBalancerName: "web", Type: "network", Scheme: "internal", VpcId: "vpc-1", AvailabilityZones: [{ ZoneName: "us-east-2a", SubnetId: "subnet-a" }] }] }],
      [{ file: "tg.json" }, { TargetGroups: [{ TargetGroupArn: tgArn, Port: 80, Protocol: "TCP", TargetType: "instance", VpcId: "vpc-1" }] }],
      [{ file: "l.json" }, { Listeners: [{ ListenerArn: `${lbArn}/l1`.replace("loadbalancer/", "listener/"), LoadBalancerArn: lbArn, Port: 80, Protocol: "TCP", DefaultActions: [{ Type: "forward", TargetGroupArn: tgArn }] }] }],
      [{ file: "th.json" }, { TargetGroupArn: tgArn, TargetHealthDescriptions: [{ Target: { Id: "i-1", Port: 22 }, TargetHealth: { State: "healthy" } }] }],
      [{ file: "attrs.json" }, { LoadBalancerArn: lbArn, Attributes: [{ Key: "load_balancing.cross_zone.enabled", Value: "true" }] }],
    );
    expect(result.topology.loadBalancers[0]).toMatchObject({ type: "network", scheme: "internal", crossZoneLoadBalancing: true, region: "us-east-2" });
    expect(result.topology.targetGroups[0]?.targets).toEqual([{ id: "i-1", port: 22, health: "healthy" }]);
    expect(result.topology.listeners[0]?.defaultActions[0]).toMatchObject({ type: "forward", targetGroupArn: tgArn });
  });

  it("gathers a Client VPN endpoint's target networks, authorization rules and routes (and tells its Routes from a TGW's)", () => {
    const origin = { file: "cvpn.json", region: "eu-west-1" };
    const endpoint = "cvpn-endpoint-0123456789abcdef0";
    const result = converted(
      [origin, { ClientVpnEndpoints: [{ ClientVpnEndpointId: endpoint, ClientCidrBlock: "172.16.0.0/22", VpcId: "vpc-1", SecurityGroupIds: ["sg-1"], SplitTunnel: true, Status: { Code: "available" } }] }],
      [origin, { ClientVpnTargetNetworks: [{ ClientVpnEndpointId: endpoint, TargetNetworkId: "subnet-1", AssociationId: "cvpn-assoc-1", Status: { Code: "associated" } }] }],
      [origin, { AuthorizationRules: [{ ClientVpnEndpointId: endpoint, DestinationCidr: "10.0.0.0/16", AccessAll: true, Status: { Code: "active" } }] }],
      [origin, { Routes: [{ ClientVpnEndpointId: endpoint, DestinationCidr: "10.0.0.0/16", TargetSubnet: "subnet-1", Origin: "associate", Status: { Code: "active" } }] }],
    );
    expect(result.topology.clientVpnEndpoints[0]).toMatchObject({
      clientCidrBlock: "172.16.0.0/22",
      splitTunnel: true,
      targetNetworks: [{ targetNetworkId: "subnet-1", status: "associated" }],
      authorizationRules: [{ destinationCidr: "10.0.0.0/16", accessAll: true, status: "active" }],
      routes: [{ destinationCidr: "10.0.0.0/16", targetSubnet: "subnet-1", origin: "associate" }],
    });
  });

  it("reads Direct Connect's camelCase outputs", () => {
    const gatewayId = "5f294f92-bafb-4011-916d-9b0b0ab1cdef";
    const result = converted(
      [{ file: "dx.json" }, { connections: [{ connectionId: "dxcon-fg5678gh", connectionState: "available", bandwidth: "1Gbps", location: "EqDC2" }] }],
      [{ file: "vif.json" }, { virtualInterfaces: [{ virtualInterfaceId: "dxvif-ffhhk74f", virtualInterfaceType: "private", connectionId: "dxcon-fg5678gh", virtualInterfaceState: "available", directConnectGatewayId: gatewayId, vlan: 101, asn: 65000 }] }],
      [{ file: "dxgw.json" }, { directConnectGateways: [{ directConnectGatewayId: gatewayId, directConnectGatewayName: "corp", amazonSideAsn: 64512, directConnectGatewayState: "available" }] }],
      [{ file: "assoc.json" }, { directConnectGatewayAssociations: [{ directConnectGatewayId: gatewayId, associatedGateway: { id: "vgw-1", type: "virtualPrivateGateway", region: "us-east-1" }, associationState: "associated", allowedPrefixesToDirectConnectGateway: [{ cidr: "10.0.0.0/16" }] }] }],
    );
    expect(result.topology.virtualInterfaces[0]).toMatchObject({ virtualInterfaceType: "private", directConnectGatewayId: gatewayId });
    expect(result.topology.directConnectGateways[0]?.associations).toEqual([
      { associatedGateway: { id: "vgw-1", type: "virtualPrivateGateway", region: "us-east-1" }, associationState: "associated", allowedPrefixesToDirectConnectGateway: [{ cidr: "10.0.0.0/16" }] },
    ]);
  });

  it("reads flow logs and Traffic Mirroring sessions, targets and filters", () => {
    const result = converted(
      [{ file: "fl.json" }, { FlowLogs: [{ FlowLogId: "fl-1", ResourceId: "eni-1", TrafficType: "ALL", FlowLogStatus: "ACTIVE", LogDestinationType: "s3", LogDestination: "arn:aws:s3:::logs" }] }],
      [{ file: "tmt.json" }, { TrafficMirrorTargets: [{ TrafficMirrorTargetId: "tmt-1", NetworkInterfaceId: "eni-9", Type: "network-interface" }] }],
      [{ file: "tmf.json" }, { TrafficMirrorFilters: [{ TrafficMirrorFilterId: "tmf-1", IngressFilterRules: [{ RuleNumber: 10, RuleAction: "accept", Protocol: 6, DestinationCidrBlock: "0.0.0.0/0", SourceCidrBlock: "0.0.0.0/0", DestinationPortRange: { FromPort: 443, ToPort: 443 } }], EgressFilterRules: [] }] }],
      [{ file: "tms.json" }, { TrafficMirrorSessions: [{ TrafficMirrorSessionId: "tms-1", TrafficMirrorTargetId: "tmt-1", TrafficMirrorFilterId: "tmf-1", NetworkInterfaceId: "eni-1", SessionNumber: 1, PacketLength: 128 }] }],
    );
    expect(result.topology.flowLogs[0]).toMatchObject({ resourceId: "eni-1", trafficType: "ALL", logDestinationType: "s3" });
    expect(result.topology.trafficMirrorFilters[0]?.ingressFilterRules[0]).toMatchObject({ ruleNumber: 10, protocol: 6, destinationPortRange: { fromPort: 443, toPort: 443 } });
    expect(result.topology.trafficMirrorSessions[0]).toMatchObject({ networkInterfaceId: "eni-1", trafficMirrorTargetId: "tmt-1", sessionNumber: 1 });
  });

  it("assembles a Global Accelerator from list-accelerators, list-listeners and list-endpoint-groups (told apart from ELBv2 listeners)", () => {
    const accelerator = "arn:aws:globalaccelerator::111111111111:accelerator/1234abcd-abcd-1234-abcd-1234abcdefgh";
    const listener = `${accelerator}/listener/0123vxyz`;
    const result = converted(
      [{ file: "ga.json" }, { Accelerators: [{ AcceleratorArn: accelerator, Name: "web", Enabled: true, IpSets: [{ IpFamily: "IPv4", IpAddresses: ["192.0.2.250", "198.51.100.52"] }] }] }],
      [{ file: "gal.json" }, { Listeners: [{ ListenerArn: listener, Protocol: "TCP", PortRanges: [{ FromPort: 443, ToPort: 443 }], ClientAffinity: "NONE" }] }],
      [{ file: "gae.json" }, { EndpointGroups: [{ EndpointGroupArn: `${listener}/endpoint-group/098765zyxwvu`, EndpointGroupRegion: "us-east-1", TrafficDialPercentage: 50, EndpointDescriptions: [{ EndpointId: "i-1", Weight: 128, HealthState: "HEALTHY" }] }] }],
    );
    expect(result.topology.accelerators[0]).toMatchObject({
      ipSets: [{ ipAddresses: ["192.0.2.250", "198.51.100.52"] }],
      listeners: [{ protocol: "TCP", portRanges: [{ fromPort: 443, toPort: 443 }], endpointGroups: [{ endpointGroupRegion: "us-east-1", trafficDialPercentage: 50, endpointDescriptions: [{ endpointId: "i-1", weight: 128, healthState: "HEALTHY" }] }] }],
    });
    expect(result.topology.listeners).toEqual([]);
  });

  // Gaps the scenario round trip (lib/network/testing/to-aws-snapshot.ts) found.
  it("reads an instance's IPv6 address, from describe-instances and from the interfaces it lists", () => {
    const result = converted([
      { file: "Reservations.json" },
      {
        Reservations: [
          {
            Instances: [
              { InstanceId: "i-1", SubnetId: "subnet-1", PrivateIpAddress: "10.0.1.10", Ipv6Address: "2600:1f18::10" },
              { InstanceId: "i-2", SubnetId: "subnet-1", PrivateIpAddress: "10.0.1.11", NetworkInterfaces: [{ NetworkInterfaceId: "eni-2", PrivateIpAddress: "10.0.1.11", Ipv6Addresses: [{ Ipv6Address: "2600:1f18::11" }] }] },
            ],
          },
        ],
      },
    ]);
    expect(result.topology.instances[0]?.ipv6Address).toBe("2600:1f18::10");
    expect(result.topology.networkInterfaces[0]?.ipv6Addresses).toEqual([{ ipv6Address: "2600:1f18::11" }]);
  });

  it("gives subnets the zone type describe-availability-zones names (Wavelength Zones)", () => {
    const zone = "us-east-1-wl1-bos-wlz-1";
    const result = converted(
      [{ file: "AvailabilityZones.json" }, { AvailabilityZones: [{ ZoneName: zone, ZoneType: "wavelength-zone", RegionName: "us-east-1", ParentZoneName: "us-east-1a" }] }],
      [{ file: "Subnets.json" }, { Subnets: [{ SubnetId: "subnet-wlz", VpcId: "vpc-1", CidrBlock: "10.0.1.0/24", AvailabilityZone: zone }, { SubnetId: "subnet-a", VpcId: "vpc-1", CidrBlock: "10.0.2.0/24", AvailabilityZone: "us-east-1a" }] }],
    );
    expect(result.topology.subnets.map((s) => s.zoneType)).toEqual(["wavelength-zone", undefined]);
  });

  it("keeps peering connections in the order listed while preferring the active copy", () => {
    const peering = (id: string, code: string) => ({ VpcPeeringConnectionId: id, Status: { Code: code }, RequesterVpcInfo: { VpcId: "vpc-a" }, AccepterVpcInfo: { VpcId: "vpc-b" } });
    const result = converted(
      [{ file: "a/VpcPeeringConnections.json" }, { VpcPeeringConnections: [peering("pcx-1", "pending-acceptance"), peering("pcx-2", "active")] }],
      [{ file: "b/VpcPeeringConnections.json" }, { VpcPeeringConnections: [peering("pcx-1", "active")] }],
    );
    expect(result.topology.vpcPeeringConnections.map((p) => [p.vpcPeeringConnectionId, p.status])).toEqual([["pcx-1", "active"], ["pcx-2", "active"]]);
  });

  it("keeps Elastic IP border groups, group-pair descriptions and ACL association ids", () => {
    const result = converted(
      [{ file: "Addresses.json" }, { Addresses: [{ AllocationId: "eipalloc-1", PublicIp: "54.1.1.1", NetworkBorderGroup: "us-east-1-wl1-bos-wlz-1" }] }],
      [{ file: "SecurityGroups.json" }, { SecurityGroups: [{ GroupId: "sg-1", IpPermissions: [{ IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: "sg-2", Description: "app tier" }] }] }] }],
      [{ file: "NetworkAcls.json" }, { NetworkAcls: [{ NetworkAclId: "acl-1", VpcId: "vpc-1", Associations: [{ NetworkAclAssociationId: "aclassoc-1", NetworkAclId: "acl-1", SubnetId: "subnet-1" }] }] }],
    );
    expect(result.topology.addresses[0]?.networkBorderGroup).toBe("us-east-1-wl1-bos-wlz-1");
    expect(result.topology.securityGroups[0]?.ipPermissions[0]?.userIdGroupPairs).toEqual([{ groupId: "sg-2", description: "app tier" }]);
    expect(result.topology.networkAcls[0]?.associations).toEqual([{ networkAclAssociationId: "aclassoc-1", subnetId: "subnet-1" }]);
  });

  it("reads endpoint states as the CLI prints them, and an endpoint service's Region from its name", () => {
    const endpoint = (id: string, state: string) => ({ VpcEndpointId: id, VpcEndpointType: "Interface", VpcId: "vpc-1", ServiceName: "com.amazonaws.us-east-1.sqs", State: state });
    const result = converted(
      [{ file: "VpcEndpoints.json" }, { VpcEndpoints: [endpoint("vpce-1", "available"), endpoint("vpce-2", "pendingAcceptance"), endpoint("vpce-3", "deleting"), endpoint("vpce-4", "expired")] }],
      [{ file: "ServiceConfigurations.json" }, { ServiceConfigurations: [{ ServiceId: "vpce-svc-1", ServiceName: "com.amazonaws.vpce.eu-west-1.vpce-svc-1", ServiceType: [{ ServiceType: "Interface" }] }] }],
    );
    expect(result.topology.vpcEndpoints.map((e) => e.state)).toEqual(["available", "pendingAcceptance", "Deleting", "Expired"]);
    expect(result.topology.vpcEndpointServices[0]?.region).toBe("eu-west-1");
  });

  it("gives each end of a peering attachment the table of its own transit gateway from the wrapped associations", () => {
    const result = converted(
      [{ file: "t.json" }, { TransitGatewayRouteTables: [{ TransitGatewayRouteTableId: "tgw-rtb-east", TransitGatewayId: "tgw-east" }, { TransitGatewayRouteTableId: "tgw-rtb-west", TransitGatewayId: "tgw-west" }] }],
      [{ file: "p.json" }, { TransitGatewayPeeringAttachments: [{ TransitGatewayAttachmentId: "tgw-attach-p", RequesterTgwInfo: { TransitGatewayId: "tgw-east" }, AccepterTgwInfo: { TransitGatewayId: "tgw-west" }, State: "available" }] }],
      [{ file: "ae.json" }, { TransitGatewayRouteTableId: "tgw-rtb-east", Associations: [{ TransitGatewayAttachmentId: "tgw-attach-p", ResourceType: "peering", State: "associated" }] }],
      [{ file: "aw.json" }, { TransitGatewayRouteTableId: "tgw-rtb-west", Associations: [{ TransitGatewayAttachmentId: "tgw-attach-p", ResourceType: "peering", State: "associated" }] }],
    );
    expect(result.topology.transitGatewayAttachments.map((a) => [a.transitGatewayId, a.association?.transitGatewayRouteTableId])).toEqual([
      ["tgw-east", "tgw-rtb-east"],
      ["tgw-west", "tgw-rtb-west"],
    ]);
  });
});

describe("prefix lists: describe-managed-prefix-lists carries no entries, get-managed-prefix-list-entries does", () => {
  const vpc = [{ file: "Vpcs.json" }, { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }] }] as [SnapshotOrigin, unknown];
  const lists = [{ file: "describe-managed-prefix-lists.json" }, { PrefixLists: [{ PrefixListId: "pl-office", PrefixListName: "office", AddressFamily: "IPv4", OwnerId: "111122223333", MaxEntries: 10, State: "create-complete" }] }] as [SnapshotOrigin, unknown];
  const group = [
    { file: "describe-security-groups.json" },
    { SecurityGroups: [{ GroupId: "sg-web", VpcId: "vpc-1", IpPermissions: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: "pl-office" }] }], IpPermissionsEgress: [] }] },
  ] as [SnapshotOrigin, unknown];
  const table = [
    { file: "describe-route-tables.json" },
    { RouteTables: [{ RouteTableId: "rtb-1", VpcId: "vpc-1", Routes: [{ DestinationPrefixListId: "pl-gone", GatewayId: "igw-1", Origin: "CreateRoute", State: "active" }] }] },
  ] as [SnapshotOrigin, unknown];

  it("resolves a list used in a security group rule to its entries, across pages, each entry once", () => {
    const result = converted(
      vpc,
      lists,
      group,
      [{ file: "get-managed-prefix-list-entries.pl-office.json" }, { Entries: [{ Cidr: "203.0.113.0/24", Description: "HQ" }], NextToken: "t" }],
      [{ file: "get-managed-prefix-list-entries.pl-office.2.json" }, { Entries: [{ Cidr: "203.0.113.0/24", Description: "HQ" }, { Cidr: "198.51.100.0/24" }] }],
    );
    expect(result.warnings).toEqual([]);
    expect(result.topology.prefixLists).toEqual([expect.objectContaining({ prefixListId: "pl-office", prefixListName: "office", entries: [{ cidr: "203.0.113.0/24", description: "HQ" }, { cidr: "198.51.100.0/24" }] })]);
  });

  it("keeps a list whose captured entries are empty: it resolves, to nothing", () => {
    const result = converted(vpc, lists, group, [{ file: "get-managed-prefix-list-entries.pl-office.json" }, { Entries: [] }]);
    expect(result.warnings).toEqual([]);
    expect(result.topology.prefixLists[0]?.entries).toEqual([]);
  });

  it("reports a rule whose list's entries were not captured: the rule, its group, the list and the command to run", () => {
    const result = converted(vpc, lists, group);
    expect(result.topology.prefixLists).toEqual([]);
    expect(result.notes).toEqual([
      {
        severity: "warning",
        file: "describe-security-groups.json",
        prefixListId: "pl-office",
        message:
          'sg-web inbound tcp 22 from pl-office: prefix list pl-office (office) is listed by describe-managed-prefix-lists, but its entries are not in the snapshot: capture them with "aws ec2 get-managed-prefix-list-entries --prefix-list-id pl-office" saved as get-managed-prefix-list-entries.pl-office.json. Until then this rule matches no address.',
      },
    ]);
  });

  it("reports a route to a list the snapshot does not hold at all", () => {
    const result = converted(vpc, table);
    expect(result.warnings).toEqual([
      "describe-route-tables.json: rtb-1 route pl-gone → igw-1: prefix list pl-gone is not in the snapshot (not in describe-managed-prefix-lists or describe-prefix-lists: deleted, shared from another account, or not captured); add its get-managed-prefix-list-entries output. Until then this route matches no address.",
    ]);
  });

  it("resolves an AWS-managed list from describe-prefix-lists without a get-managed-prefix-list-entries output", () => {
    const result = converted(
      vpc,
      [{ file: "describe-prefix-lists.json" }, { PrefixLists: [{ PrefixListId: "pl-63a5400a", PrefixListName: "com.amazonaws.us-east-1.s3", Cidrs: ["52.216.0.0/15"] }] }],
      [{ file: "describe-managed-prefix-lists.json" }, { PrefixLists: [{ PrefixListId: "pl-63a5400a", PrefixListName: "com.amazonaws.us-east-1.s3", AddressFamily: "IPv4", OwnerId: "AWS" }] }],
      [{ file: "describe-route-tables.json" }, { RouteTables: [{ RouteTableId: "rtb-1", VpcId: "vpc-1", Routes: [{ DestinationPrefixListId: "pl-63a5400a", GatewayId: "vpce-1", State: "active" }] }] }],
    );
    expect(result.warnings).toEqual([]);
    expect(result.topology.prefixLists[0]?.entries).toEqual([{ cidr: "52.216.0.0/15" }]);
  });
});

describe("fragments and options", () => {
  it("counts an instance once when two pages or two account folders list it", () => {
    const reservation = { Reservations: [{ ReservationId: "r-1", OwnerId: "111122223333", Instances: [{ InstanceId: "i-1", SubnetId: "subnet-1", PrivateIpAddress: "10.0.1.10", State: { Name: "running" } }] }] };
    const result = converted([{ file: "describe-instances.json" }, { ...reservation, NextToken: "t" }], [{ file: "describe-instances.2.json" }, reservation]);
    expect(result.topology.instances.map((i) => i.instanceId)).toEqual(["i-1"]);
  });

  it("counts a target once across pages of describe-target-health", () => {
    const arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
    const health = { TargetHealthDescriptions: [{ Target: { Id: "i-1", Port: 80 }, TargetHealth: { State: "healthy" } }] };
    const result = converted(
      [{ file: "describe-target-groups.json" }, { TargetGroups: [{ TargetGroupArn: arn, TargetGroupName: "web", Protocol: "TCP", Port: 80, VpcId: "vpc-1", TargetType: "instance" }] }],
      [{ file: `${subjectFileName("describe-target-health", arn)}.json` }, health],
      [{ file: `${subjectFileName("describe-target-health", arn)}.2.json` }, health],
    );
    expect(result.topology.targetGroups[0]?.targets).toEqual([{ id: "i-1", port: 80, health: "healthy" }]);
  });

  it("reads both security group referencing options as describe-transit-gateways and describe-transit-gateway-vpc-attachments print them", () => {
    const result = converted(
      [{ file: "describe-transit-gateways.json" }, { TransitGateways: [{ TransitGatewayId: "tgw-1", State: "available", Options: { SecurityGroupReferencingSupport: "enable", DefaultRouteTableAssociation: "enable" } }, { TransitGatewayId: "tgw-2", State: "available", Options: {} }] }],
      [
        { file: "describe-transit-gateway-vpc-attachments.json" },
        {
          TransitGatewayVpcAttachments: [
            { TransitGatewayAttachmentId: "tgw-attach-1", TransitGatewayId: "tgw-1", VpcId: "vpc-1", SubnetIds: ["subnet-1"], State: "available", Options: { DnsSupport: "enable", Ipv6Support: "disable", ApplianceModeSupport: "disable", SecurityGroupReferencingSupport: "disable" } },
            { TransitGatewayAttachmentId: "tgw-attach-2", TransitGatewayId: "tgw-2", VpcId: "vpc-2", SubnetIds: ["subnet-2"], State: "available", Options: { ApplianceModeSupport: "enable" } },
          ],
        },
      ],
    );
    expect(result.topology.transitGateways.map((t) => t.options.securityGroupReferencingSupport)).toEqual(["enable", "disable"]);
    expect(result.topology.transitGatewayAttachments.map((a) => [a.securityGroupReferencingSupport, a.applianceModeSupport])).toEqual([
      ["disable", "disable"],
      ["enable", "enable"],
    ]);
  });

  it("reads a prefix list reference's routes, one per entry, each naming its list", () => {
    const result = converted(
      [{ file: "describe-transit-gateway-route-tables.json" }, { TransitGatewayRouteTables: [{ TransitGatewayRouteTableId: "tgw-rtb-1", TransitGatewayId: "tgw-1" }] }],
      [
        { file: "search-transit-gateway-routes.tgw-rtb-1.json" },
        { Routes: [{ DestinationCidrBlock: "192.168.0.0/24", PrefixListId: "pl-onprem", Type: "static", State: "active", TransitGatewayAttachments: [{ TransitGatewayAttachmentId: "tgw-attach-vpn", ResourceType: "vpn" }] }], AdditionalRoutesAvailable: false },
      ],
    );
    expect(result.topology.transitGatewayRouteTables[0]?.routes).toEqual([expect.objectContaining({ destinationCidrBlock: "192.168.0.0/24", prefixListId: "pl-onprem", type: "static" })]);
  });

  it("reads whether a Network Load Balancer's security groups apply to PrivateLink traffic", () => {
    const lb = (name: string, enforce?: string) => ({ LoadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/${name}/0123`, LoadBalancerName: name, Type: "network", Scheme: "internal", VpcId: "vpc-1", SecurityGroups: ["sg-1"], ...(enforce ? { EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: enforce } : {}) });
    const result = converted([{ file: "describe-load-balancers.json" }, { LoadBalancers: [lb("a", "off"), lb("b", "on"), lb("c")] }]);
    expect(result.topology.loadBalancers.map((l) => l.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic)).toEqual(["off", "on", "on"]);
  });

  it("drops a resource the model refuses when asked, reporting it against its file, and keeps the rest", () => {
    const snapshot = snapshotOf(
      [{ file: "Vpcs.json" }, { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }, { VpcId: "vpc-2", CidrBlock: "10.0.0.0/33" }] }],
      [{ file: "Subnets.json" }, { Subnets: [{ SubnetId: "subnet-1", VpcId: "vpc-1", CidrBlock: "10.0.1.0/24" }] }],
    );
    const strict = snapshotToTopology(snapshot);
    expect(strict.ok).toBe(false);
    const lenient = snapshotToTopology(snapshot, { onInvalidResource: "drop" });
    expect(lenient.ok).toBe(true);
    if (!lenient.ok) return;
    expect(lenient.topology.vpcs.map((v) => v.vpcId)).toEqual(["vpc-1"]);
    expect(lenient.topology.subnets).toHaveLength(1);
    expect(lenient.notes).toEqual([{ severity: "error", file: "Vpcs.json", message: expect.stringMatching(/^vpc-2: cidrBlock: .*; left out$/) }]);
  });
});
