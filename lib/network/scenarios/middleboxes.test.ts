import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

const https = { protocol: "tcp" as const, destinationPort: 443 };

describe("gateway route tables (ingress routing)", () => {
  it("send traffic entering through the internet gateway to an appliance first", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-fw", "vpc-a", "10.0.0.0/24")
      .subnet("subnet-web", "vpc-a", "10.0.1.0/24")
      .internetGateway("igw-a", "vpc-a")
      .routeTable("rtb-edge", "vpc-a", { edge: ["igw-a"], routes: { "10.0.1.0/24": "eni-fw" } })
      .routeTable("rtb-fw", "vpc-a", { subnets: ["subnet-fw"], routes: { "0.0.0.0/0": "igw-a" } })
      .routeTable("rtb-web", "vpc-a", { subnets: ["subnet-web"], routes: { "0.0.0.0/0": "eni-fw" } })
      .securityGroup("sg-open", { inbound: ["all * 0.0.0.0/0"] })
      .with("networkInterfaces", { networkInterfaceId: "eni-fw", subnetId: "subnet-fw", privateIpAddress: "10.0.0.10", securityGroupIds: ["sg-open"], sourceDestCheck: false })
      .instance("i-web", "subnet-web", "10.0.1.10", { groups: ["sg-open"], publicIp: "54.0.0.10" })
      .build();
    const r = ok(analyze(t, { source: "internet", destination: "i-web", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["internet", "igw-a", "vpc-a", "subnet-fw", "eni-fw", "subnet-fw", "vpc-a", "subnet-web", "i-web"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["i-web", "subnet-web", "vpc-a", "subnet-fw", "eni-fw", "subnet-fw", "vpc-a", "igw-a", "internet"]);
  });
});

describe("private NAT gateways", () => {
  it("translate overlapping addresses toward another VPC through a transit gateway", () => {
    const t = network()
      .vpc("vpc-app", "10.0.0.0/16", { secondary: ["100.64.0.0/24"] })
      .vpc("vpc-shared", "10.0.0.0/16", { secondary: ["100.64.1.0/24"] })
      .subnet("subnet-app", "vpc-app", "10.0.1.0/24", { az: "us-east-1a" })
      .subnet("subnet-app-nat", "vpc-app", "100.64.0.0/28", { az: "us-east-1a" })
      .subnet("subnet-shared", "vpc-shared", "100.64.1.0/28", { az: "us-east-1a" })
      .natGateway("nat-private", "subnet-app-nat", { privateIp: "100.64.0.5", connectivity: "private" })
      .transitGateway("tgw-hub")
      .tgwAttachment("tgw-attach-app", "tgw-hub", "vpc", "vpc-app", { subnets: ["subnet-app-nat"], routeTable: "tgw-rtb-main" })
      .tgwAttachment("tgw-attach-shared", "tgw-hub", "vpc", "vpc-shared", { subnets: ["subnet-shared"], routeTable: "tgw-rtb-main" })
      .tgwRouteTable("tgw-rtb-main", "tgw-hub", { routes: { "100.64.0.0/24": "tgw-attach-app", "100.64.1.0/24": "tgw-attach-shared" } })
      .routeTable("rtb-app", "vpc-app", { subnets: ["subnet-app"], routes: { "100.64.1.0/24": "nat-private" } })
      .routeTable("rtb-app-nat", "vpc-app", { subnets: ["subnet-app-nat"], routes: { "100.64.1.0/24": "tgw-hub" } })
      .routeTable("rtb-shared", "vpc-shared", { main: true, routes: { "100.64.0.0/24": "tgw-hub" } })
      .securityGroup("sg-shared", { inbound: ["tcp 443 100.64.0.0/24"] })
      .instance("i-app", "subnet-app", "10.0.1.10")
      .instance("i-shared", "subnet-shared", "100.64.1.10", { groups: ["sg-shared"] })
      .build();
    const r = ok(analyze(t, { source: "i-app", destination: "i-shared", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-app", "subnet-app", "vpc-app", "subnet-app-nat", "nat-private", "subnet-app-nat", "vpc-app", "tgw-hub", "vpc-shared", "subnet-shared", "i-shared"]);
    expect(r.forwardPathComponents.find((c) => c.component.id === "nat-private")?.outboundHeader?.sourceAddresses).toEqual(["100.64.0.5"]);
    // The shared service cannot open a connection back to the private NAT gateway.
    const back = ok(analyze(t, { source: "i-shared", destinationIp: "100.64.0.5", ...https }));
    expect(back.explanations[0]?.explanationCode).toBe("NAT_GATEWAY_NO_INBOUND");
  });

  it("cannot reach the internet: the internet gateway drops its traffic", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-app", "vpc-a", "10.0.1.0/24")
      .subnet("subnet-nat", "vpc-a", "10.0.2.0/24")
      .internetGateway("igw-a", "vpc-a")
      .natGateway("nat-private", "subnet-nat", { privateIp: "10.0.2.5", connectivity: "private" })
      .routeTable("rtb-app", "vpc-a", { subnets: ["subnet-app"], routes: { "0.0.0.0/0": "nat-private" } })
      .routeTable("rtb-nat", "vpc-a", { subnets: ["subnet-nat"], routes: { "0.0.0.0/0": "igw-a" } })
      .instance("i-app", "subnet-app", "10.0.1.10")
      .build();
    const r = ok(analyze(t, { source: "i-app", destinationIp: "198.51.100.9", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_PUBLIC_IP_ADDRESS", component: { id: "igw-a" } });
    expect(r.explanations[0]?.message).toMatch(/private NAT gateway/);
  });
});
