import { describe, expect, it } from "vitest";
import { network } from "@/lib/network/testing/builder";
import { checkSchema, type Check } from "../lab-spec";
import { evaluateCheck } from "./evaluate-check";

const check = (input: Record<string, unknown>): Check => checkSchema.parse({ id: "c", title: "A check", weight: 10, ...input });

/** Web and app tiers in one VPC, a database subnet with its own table, and a head office over VPN and Direct Connect. */
function shop() {
  return network()
    .vpc("vpc-shop", "10.0.0.0/16")
    .subnet("subnet-web", "vpc-shop", "10.0.1.0/24")
    .subnet("subnet-db", "vpc-shop", "10.0.2.0/24")
    .internetGateway("igw-shop", "vpc-shop")
    .routeTable("rtb-web", "vpc-shop", { main: true, subnets: ["subnet-web"], routes: { "0.0.0.0/0": "igw-shop" }, propagatingVgws: ["vgw-shop"] })
    .routeTable("rtb-db", "vpc-shop", { subnets: ["subnet-db"], routes: {}, propagatingVgws: ["vgw-shop"] })
    .securityGroup("sg-web", { inbound: ["tcp 443 0.0.0.0/0", "tcp 22 192.168.0.0/16"] })
    .securityGroup("sg-db", { inbound: ["tcp 5432 sg-web"] })
    .instance("i-web", "subnet-web", "10.0.1.10", { groups: ["sg-web"], publicIp: "54.1.2.3" })
    .instance("i-db", "subnet-db", "10.0.2.10", { groups: ["sg-db"] })
    .vpnGateway("vgw-shop", "vpc-shop")
    .directConnect("onprem-hq", ["192.168.0.0/16"], { connectionId: "dxcon-hq", virtualInterfaceId: "dxvif-hq", type: "private", to: "vgw-shop" })
    .site("onprem-hq", ["192.168.0.0/16"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "vgw-shop" });
}

describe("must-reach and must-not-reach", () => {
  it("passes a packet that gets there and its reply back, naming the path", () => {
    const outcome = evaluateCheck(shop().build(), check({ kind: "must-reach", source: "i-web", destination: "i-db", port: 5432 }));
    expect(outcome).toMatchObject({ passed: true });
    expect(outcome.explanation).toContain("i-web → sg-web");
  });

  it("fails a packet that gets there by the wrong way, with the path as the counterexample", () => {
    const outcome = evaluateCheck(shop().build(), check({ kind: "must-reach", source: "i-web", destination: "internet", port: 443, through: [{ type: "nat-gateway" }] }));
    expect(outcome.passed).toBe(false);
    expect(outcome.explanation).toMatch(/not through a nat gateway: it goes i-web → .* → igw-shop → internet/);
    expect(outcome.counterexample).toMatchObject({ source: "i-web", destination: "internet", protocol: "tcp", destinationPort: 443 });
  });

  it("takes a Direct Connect connection down (and its virtual interfaces with it) for a failover check", () => {
    const t = shop().build();
    const normal = evaluateCheck(t, check({ kind: "must-reach", source: "onprem-hq", sourceIp: "192.168.1.5", destination: "i-web", port: 22, through: [{ id: "dxvif-hq" }] }));
    expect(normal.passed).toBe(true);
    const failover = evaluateCheck(t, check({ kind: "must-reach", source: "onprem-hq", sourceIp: "192.168.1.5", destination: "i-web", port: 22, through: [{ id: "vpn-hq" }], assumeDown: ["dxcon-hq"] }));
    expect(failover.passed, failover.explanation).toBe(true);
    expect(failover.explanation).toContain("with dxcon-hq down");
  });

  it("gives the packet that got through as the counterexample of a failed must-not-reach", () => {
    const outcome = evaluateCheck(shop().build(), check({ kind: "must-not-reach", source: "onprem-hq", sourceIp: "192.168.1.5", destination: "i-web", port: 22 }));
    expect(outcome.passed).toBe(false);
    expect(outcome.counterexample).toMatchObject({ source: "onprem-hq", sourceIp: "192.168.1.5", destination: "i-web", destinationIp: "10.0.1.10", protocol: "tcp", destinationPort: 22, explanationCodes: [] });
    expect(outcome.counterexample?.description).toMatch(/^TCP 22 from onprem-hq \(192\.168\.1\.5\) to i-web: reached the destination \(onprem-hq → dxvif-hq → vgw-shop/);
  });

  it("does not count a deleted destination as blocked traffic", () => {
    const outcome = evaluateCheck(shop().build(), check({ kind: "must-not-reach", source: "i-web", destination: "i-gone", port: 22 }));
    expect(outcome.passed).toBe(false);
    expect(outcome.explanation).toMatch(/i-gone.*needs it to exist/);
  });
});

describe("least privilege", () => {
  const lp = (allowed: unknown[]) =>
    check({ kind: "least-privilege", sources: ["internet", "i-web"], destinations: ["i-web", "i-db"], services: [{ port: 22 }, { port: 443 }, { port: 5432 }], allowed });

  it("passes when only the allowed packets get through", () => {
    const outcome = evaluateCheck(shop().build(), lp([{ source: "internet", destination: "i-web", port: 443 }, { source: "i-web", destination: "i-db", port: 5432 }]));
    expect(outcome).toMatchObject({ passed: true, explanation: "All 7 packets the brief does not allow are blocked." });
  });

  it("reports each extra packet, and the first as a concrete counterexample", () => {
    const outcome = evaluateCheck(shop().build(), lp([{ source: "internet", destination: "i-web", port: 443 }]));
    expect(outcome.passed).toBe(false);
    expect(outcome.explanation).toBe("1 of 8 packets the brief does not allow get through: TCP 5432 from i-web to i-db.");
    expect(outcome.counterexample).toMatchObject({ source: "i-web", sourceIp: "10.0.1.10", destination: "i-db", destinationIp: "10.0.2.10", protocol: "tcp", destinationPort: 5432 });
  });
});

describe("structural checks", () => {
  it("finds a private subnet's route to an internet gateway through the main table", () => {
    const t = shop().build();
    expect(evaluateCheck(t, check({ kind: "no-internet-gateway-route", subnetIds: ["subnet-db"] })).passed).toBe(true);
    const outcome = evaluateCheck(t, check({ kind: "no-internet-gateway-route", subnetIds: ["subnet-web"] }));
    expect(outcome).toMatchObject({ passed: false, explanation: expect.stringContaining("subnet-web uses rtb-web, which sends 0.0.0.0/0 to igw-shop") });
  });

  it("treats an all-protocols rule and ::/0 as opening port 22 to the world", () => {
    const open = (rule: Record<string, unknown>) =>
      evaluateCheck(shop().with("securityGroups", { groupId: "sg-open", ipPermissions: [{ ipProtocol: "tcp", fromPort: 0, toPort: 0, ...rule }] }).build(), check({ kind: "no-open-port", port: 22 }));
    expect(open({}).passed).toBe(true);
    expect(open({ ipProtocol: "-1", ipRanges: [{ cidrIp: "0.0.0.0/0" }] }).passed).toBe(false);
    expect(open({ fromPort: 20, toPort: 25, ipv6Ranges: [{ cidrIpv6: "::/0" }] }).passed).toBe(false);
    expect(open({ fromPort: 20, toPort: 25, ipRanges: [{ cidrIp: "10.0.0.0/8" }] }).passed).toBe(true);
  });

  it("counts live NAT gateways only", () => {
    const t = shop().natGateway("nat-a", "subnet-web", { privateIp: "10.0.1.200", publicIp: "54.1.2.99" }).build();
    expect(evaluateCheck(t, check({ kind: "max-nat-gateways", max: 0 })).passed).toBe(false);
    expect(evaluateCheck({ ...t, natGateways: t.natGateways.map((n) => ({ ...n, state: "deleted" as const })) }, check({ kind: "max-nat-gateways", max: 0 })).passed).toBe(true);
  });

  it("compares VPC ranges, secondary blocks and, when asked, on-premises ranges", () => {
    const t = shop().vpc("vpc-other", "10.1.0.0/16", { secondary: ["192.168.128.0/17"] }).build();
    expect(evaluateCheck(t, check({ kind: "cidrs-do-not-overlap" })).passed).toBe(true);
    const outcome = evaluateCheck(t, check({ kind: "cidrs-do-not-overlap", includeOnPremises: true }));
    expect(outcome).toMatchObject({ passed: false, explanation: "Overlapping ranges: vpc-other 192.168.128.0/17 and onprem-hq 192.168.0.0/16." });
  });

  it("checks route propagation on the table each subnet uses", () => {
    const t = shop().build();
    expect(evaluateCheck(t, check({ kind: "route-propagation", subnetIds: ["subnet-web", "subnet-db"], vpnGatewayId: "vgw-shop" })).passed).toBe(true);
    expect(evaluateCheck(t, check({ kind: "route-propagation", subnetIds: ["subnet-db"], vpnGatewayId: "vgw-other" })).passed).toBe(false);
  });
});

describe("flow-log-captures", () => {
  const withAcl = () =>
    shop()
      .networkAcl("acl-web", "vpc-shop", { subnets: ["subnet-web"], rules: ["100 allow in tcp 443 0.0.0.0/0", "100 allow out tcp 1024-65535 0.0.0.0/0"] })
      .with("flowLogs", { flowLogId: "fl-web", resourceId: "subnet-web", trafficType: "REJECT" });

  it("does not count a REJECT-only log as recording accepted traffic", () => {
    const outcome = evaluateCheck(withAcl().build(), check({ kind: "flow-log-captures", source: "internet", destination: "i-web", port: 443, action: "ACCEPT" }));
    expect(outcome).toMatchObject({ passed: false, explanation: expect.stringContaining("no active flow log on that interface, subnet or VPC records ACCEPT traffic") });
  });

  it("records a packet a network ACL drops at the subnet edge, as AWS flow logs do", () => {
    const outcome = evaluateCheck(withAcl().build(), check({ kind: "flow-log-captures", source: "internet", destination: "i-web", port: 22, action: "REJECT" }));
    expect(outcome.passed, outcome.explanation).toBe(true);
    expect(outcome.explanation).toContain("fl-web (on subnet-web, REJECT) records ingress on eni-of-i-web");
    expect(outcome.explanation).toContain(" REJECT OK");
  });
});
