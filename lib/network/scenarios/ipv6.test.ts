import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

/**
 * The deep dive's IPv6 diagram: a dual-stack VPC whose public subnet routes
 * ::/0 to the internet gateway and whose private subnet routes ::/0 to an
 * egress-only internet gateway. IPv6 addresses are public; nothing is translated.
 */
function dualStack(options: { aclDenyV6?: boolean } = {}) {
  return network()
    .vpc("vpc-a", "10.0.0.0/16", { ipv6: "2600:1f18:100::/56" })
    .subnet("subnet-public", "vpc-a", "10.0.1.0/24", { ipv6: "2600:1f18:100:1::/64" })
    .subnet("subnet-private", "vpc-a", "10.0.2.0/24", { ipv6: "2600:1f18:100:2::/64" })
    .internetGateway("igw-a", "vpc-a")
    .egressOnlyInternetGateway("eigw-a", "vpc-a")
    .routeTable("rtb-public", "vpc-a", { subnets: ["subnet-public"], routes: { "0.0.0.0/0": "igw-a", "::/0": "igw-a" } })
    .routeTable("rtb-private", "vpc-a", { subnets: ["subnet-private"], routes: { "::/0": "eigw-a" } })
    .securityGroup("sg-web", { inbound: ["tcp 443 ::/0", "tcp 443 0.0.0.0/0"] })
    .securityGroup("sg-app", { inbound: ["tcp 8080 2600:1f18:100::/56"] })
    .networkAcl("acl-private", "vpc-a", { subnets: ["subnet-private"], rules: options.aclDenyV6 ? ["100 deny in all * ::/0", "200 allow in all * 0.0.0.0/0", "100 allow out all * ::/0"] : ["100 allow in all * ::/0", "100 allow out all * ::/0"] })
    .instance("i-web", "subnet-public", "10.0.1.10", { groups: ["sg-web"], ipv6: "2600:1f18:100:1::10" })
    .instance("i-app", "subnet-private", "10.0.2.10", { groups: ["sg-app"], ipv6: "2600:1f18:100:2::10" })
    .build();
}

const https = { protocol: "tcp" as const, destinationPort: 443 };

describe("IPv6", () => {
  it("reaches a public-subnet instance from the internet through the internet gateway, untranslated", () => {
    const r = ok(analyze(dualStack(), { source: "internet", destination: "i-web", sourceIp: "2001:db8::7", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(r.query.destinationIp).toBe("2600:1f18:100:1::10");
    expect(pathHops(r.forwardPathComponents)).toEqual(["internet", "igw-a", "vpc-a", "subnet-public", "i-web"]);
    const igw = r.forwardPathComponents.find((c) => c.component.id === "igw-a");
    expect(igw?.outboundHeader?.destinationAddresses).toEqual(["2600:1f18:100:1::10"]);
    expect(r.forwardPathComponents.find((c) => c.securityGroupRule)?.securityGroupRule?.cidr).toBe("::/0");
  });

  it("lets a private instance start connections through the egress-only internet gateway, and the replies back", () => {
    const r = ok(analyze(dualStack(), { source: "i-app", destinationIp: "2001:db8::53", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-app", "subnet-private", "vpc-a", "eigw-a", "internet"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["internet", "eigw-a", "vpc-a", "subnet-private", "i-app"]);
  });

  it("admits no connection from the internet through the egress-only internet gateway", () => {
    const t = dualStack();
    const egressOnly = { ...t, internetGateways: [], routeTables: t.routeTables.filter((rt) => rt.routeTableId !== "rtb-public") };
    const blocked = ok(analyze(egressOnly, { source: "internet", destination: "i-app", sourceIp: "2001:db8::7", protocol: "tcp", destinationPort: 8080 }));
    expect(blocked.explanations[0]).toMatchObject({ explanationCode: "EGRESS_ONLY_IGW_NO_INBOUND", component: { id: "eigw-a" }, blockKind: "filter-denied-in" });
    expect(pathHops(blocked.forwardPathComponents)).toEqual(["internet", "eigw-a"]);
  });

  it("routes inside the VPC with the IPv6 local route and applies IPv6 ACL rules", () => {
    const within = ok(analyze(dualStack(), { source: "i-web", destination: "i-app", destinationIp: "2600:1f18:100:2::10", protocol: "tcp", destinationPort: 8080 }));
    expect(within.networkPathFound).toBe(true);
    expect(within.forwardPathComponents.find((c) => c.component.type === "route-table")?.routeTableRoute).toMatchObject({ destinationCidr: "2600:1f18:100::/56", gatewayId: "local" });
    const denied = ok(analyze(dualStack({ aclDenyV6: true }), { source: "i-web", destination: "i-app", destinationIp: "2600:1f18:100:2::10", protocol: "tcp", destinationPort: 8080 }));
    expect(denied.explanations[0]).toMatchObject({ explanationCode: "SUBNET_ACL_RESTRICTION", aclRule: { ruleNumber: 100, cidr: "::/0" } });
    // IPv4 passes the ACL (the deny rule is IPv6 only) and meets sg-app, which admits only the VPC's IPv6 range.
    expect(ok(analyze(dualStack({ aclDenyV6: true }), { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 8080 })).explanations[0]?.explanationCode).toBe("ENI_SG_RULES_MISMATCH");
  });

  it("refuses a query mixing IPv4 and IPv6 addresses", () => {
    expect(analyze(dualStack(), { source: "i-web", sourceIp: "10.0.1.10", destinationIp: "2001:db8::1", ...https })).toMatchObject({ ok: false, errorCode: "INVALID_QUERY" });
  });
});
