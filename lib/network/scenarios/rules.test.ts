import { describe, expect, it } from "vitest";
import { analyze, analyzeTopologyInput, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";
import { threeTier } from "../testing/three-tier";

const https = { protocol: "tcp" as const, destinationPort: 443 };

describe("more rules", () => {
  it("reports an invalid topology with the path of each problem", () => {
    const r = analyzeTopologyInput({ vpcs: [{ vpcId: "vpc-a", cidrBlock: "10.0.0.0/33" }] }, { source: "i-a", destinationIp: "8.8.8.8" });
    expect(r).toMatchObject({ ok: false, errorCode: "INVALID_TOPOLOGY", issues: [{ path: "vpcs.0.cidrBlock" }] });
  });

  it("a stopped instance sends nothing", () => {
    const t = threeTier().instance("i-off", "subnet-web", "10.0.1.99", { state: "stopped", groups: ["sg-web"] }).build();
    const r = ok(analyze(t, { source: "i-off", destination: "i-web", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "BAD_STATE", component: { id: "i-off" } });
  });

  it("detects routing loops between two appliances", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .subnet("subnet-b", "vpc-a", "10.0.2.0/24")
      .routeTable("rtb-a", "vpc-a", { subnets: ["subnet-a"], routes: { "0.0.0.0/0": "i-fw-b" } })
      .routeTable("rtb-b", "vpc-a", { subnets: ["subnet-b"], routes: { "0.0.0.0/0": "i-fw-a" } })
      .securityGroup("sg-open", { inbound: ["all * 0.0.0.0/0"] })
      .instance("i-fw-a", "subnet-a", "10.0.1.10", { groups: ["sg-open"], sourceDestCheck: false })
      .instance("i-fw-b", "subnet-b", "10.0.2.10", { groups: ["sg-open"], sourceDestCheck: false })
      .build();
    const r = ok(analyze(t, { source: "i-fw-a", destinationIp: "8.8.8.8", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ROUTING_LOOP", blockKind: "loop" });
    expect(r.forwardDisposition).toBe("LOOP");
  });

  it("reaches a gateway endpoint only through a prefix-list route", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "52.216.0.0/15": "vpce-s3" } })
      .instance("i-a", "subnet-a", "10.0.1.10")
      .with("vpcEndpoints", { vpcEndpointId: "vpce-s3", vpcEndpointType: "Gateway", vpcId: "vpc-a", serviceName: "com.amazonaws.us-east-1.s3" })
      .build();
    const r = ok(analyze(t, { source: "i-a", destinationIp: "52.216.1.1", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "BAD_STATE_ROUTE", component: { id: "rtb-a" } });
  });

  it("transit gateway static routes win over propagated routes for the same prefix", () => {
    const t = network()
      .vpc("vpc-a", "10.1.0.0/16")
      .vpc("vpc-b", "10.2.0.0/16")
      .vpc("vpc-inspect", "10.9.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.1.1.0/24")
      .subnet("subnet-b", "vpc-b", "10.2.1.0/24")
      .subnet("subnet-inspect", "vpc-inspect", "10.9.1.0/24")
      .transitGateway("tgw-hub")
      .tgwAttachment("tgw-attach-a", "tgw-hub", "vpc", "vpc-a", { subnets: ["subnet-a"], routeTable: "tgw-rtb-main" })
      .tgwAttachment("tgw-attach-b", "tgw-hub", "vpc", "vpc-b", { subnets: ["subnet-b"], routeTable: "tgw-rtb-main" })
      .tgwAttachment("tgw-attach-inspect", "tgw-hub", "vpc", "vpc-inspect", { subnets: ["subnet-inspect"], routeTable: "tgw-rtb-main" })
      .tgwRouteTable("tgw-rtb-main", "tgw-hub", { propagations: ["tgw-attach-a", "tgw-attach-b", "tgw-attach-inspect"], routes: { "10.2.0.0/16": "tgw-attach-inspect" } })
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "10.0.0.0/8": "tgw-hub" } })
      .routeTable("rtb-inspect", "vpc-inspect", { main: true })
      .instance("i-a", "subnet-a", "10.1.1.10")
      .build();
    const r = ok(analyze(t, { source: "i-a", destinationIp: "10.2.1.10", ...https }));
    expect(r.forwardPathComponents.find((c) => c.component.id === "tgw-hub")?.transitGatewayRouteTableRoute).toMatchObject({ routeOrigin: "static", attachmentId: "tgw-attach-inspect" });
    // The inspection VPC has no route onward, so the packet stops in its route table.
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "rtb-inspect" } });
  });

  it("security group references across a peering work only within one Region", () => {
    function peered(regionB: string) {
      return network()
        .vpc("vpc-a", "10.1.0.0/16", { region: "us-east-1" })
        .vpc("vpc-b", "10.2.0.0/16", { region: regionB })
        .subnet("subnet-a", "vpc-a", "10.1.1.0/24")
        .subnet("subnet-b", "vpc-b", "10.2.1.0/24")
        .peering("pcx-ab", "vpc-a", "vpc-b")
        .routeTable("rtb-a", "vpc-a", { main: true, routes: { "10.2.0.0/16": "pcx-ab" } })
        .routeTable("rtb-b", "vpc-b", { main: true, routes: { "10.1.0.0/16": "pcx-ab" } })
        .securityGroup("sg-client", {})
        .securityGroup("sg-server", { inbound: ["tcp 443 sg-client"] })
        .instance("i-client", "subnet-a", "10.1.1.10", { groups: ["sg-client"] })
        .instance("i-server", "subnet-b", "10.2.1.10", { groups: ["sg-server"] })
        .build();
    }
    expect(ok(analyze(peered("us-east-1"), { source: "i-client", destination: "i-server", ...https })).networkPathFound).toBe(true);
    const crossRegion = ok(analyze(peered("eu-west-1"), { source: "i-client", destination: "i-server", ...https }));
    expect(crossRegion.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", component: { id: "sg-server" } });
  });
});

describe("load balancer zones and listeners", () => {
  const nlb = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/api/0123456789abcdef";
  const tg = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/0123456789abcdef";
  function api(options: { crossZone?: boolean; forward?: boolean; zoneB?: boolean }) {
    return network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-client", "vpc-a", "10.0.1.0/24", { az: "us-east-1a" })
      .subnet("subnet-api-b", "vpc-a", "10.0.2.0/24", { az: "us-east-1b" })
      .routeTable("rtb-main", "vpc-a", { main: true })
      .securityGroup("sg-api", { inbound: ["tcp 8080 10.0.0.0/16"] })
      .instance("i-client", "subnet-client", "10.0.1.10")
      .instance("i-api", "subnet-api-b", "10.0.2.10", { groups: ["sg-api"] })
      .with("loadBalancers", { loadBalancerArn: nlb, loadBalancerName: "api", type: "network", scheme: "internal", vpcId: "vpc-a", ...(options.crossZone !== undefined ? { crossZoneLoadBalancing: options.crossZone } : {}), availabilityZones: [
        { zoneName: "us-east-1a", subnetId: "subnet-client", loadBalancerAddresses: [{ privateIPv4Address: "10.0.1.100" }] },
        ...(options.zoneB === false ? [] : [{ zoneName: "us-east-1b", subnetId: "subnet-api-b", loadBalancerAddresses: [{ privateIPv4Address: "10.0.2.100" }] }]),
      ] })
      .with("targetGroups", { targetGroupArn: tg, targetType: "instance", port: 8080, vpcId: "vpc-a", targets: [{ id: "i-api" }] })
      .with("listeners", { listenerArn: `${nlb.replace("loadbalancer", "listener")}/1`, loadBalancerArn: nlb, port: 80, defaultActions: options.forward === false ? [{ type: "fixed-response" }] : [{ type: "forward", targetGroupArn: tg }] })
      .build();
  }

  it("a node cannot reach targets in other zones when cross-zone load balancing is off (NLB default)", () => {
    const r = ok(analyze(api({}), { source: "i-client", destination: "i-api", destinationIp: "10.0.1.100", protocol: "tcp", destinationPort: 80 }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ELB_NOT_CROSSZONE" });
    const on = ok(analyze(api({ crossZone: true }), { source: "i-client", destination: "i-api", destinationIp: "10.0.1.100", protocol: "tcp", destinationPort: 80 }));
    expect(on.networkPathFound).toBe(true);
    expect(pathHops(on.forwardPathComponents)).toEqual(["i-client", nlb, "subnet-client", "vpc-a", "subnet-api-b", "i-api"]);
  });

  it("sends nothing to targets in zones the load balancer is not enabled in", () => {
    const r = ok(analyze(api({ crossZone: true, zoneB: false }), { source: "i-client", destination: "i-api", destinationIp: "10.0.1.100", protocol: "tcp", destinationPort: 80 }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ELB_INSTALLED_AZ_RESTRICTION" });
  });

  it("a listener that forwards to no target group accepts nothing", () => {
    const r = ok(analyze(api({ crossZone: true, forward: false }), { source: "i-client", destinationIp: "10.0.1.100", protocol: "tcp", destinationPort: 80 }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ELBV2_LISTENER_HAS_NO_TG" });
  });
});
