import { describe, expect, it } from "vitest";
import { network } from "../testing/builder";
import { threeTier } from "../testing/three-tier";
import { countFindings, evidenceText, findingsTable, reviewFindings, type Finding, type FindingCode } from "./index";

/**
 * A shop VPC a reviewer would flag: a bastion open to the world on SSH, an
 * instance whose group allows all traffic behind an ACL that only lets 443
 * in, rules that add nothing or name what is gone, routes to nowhere, and a
 * "private" subnet with a route to the internet gateway.
 */
const nlb = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/shop/0123456789abcdef";
const tg = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/shop/0123456789abcdef";
function shop() {
  return network()
    .vpc("vpc-shop", "10.0.0.0/16")
    .vpc("vpc-spoke", "10.2.0.0/16")
    .subnet("subnet-public", "vpc-shop", "10.0.1.0/24", { az: "us-east-1a" })
    .subnet("subnet-app", "vpc-shop", "10.0.2.0/24", { az: "us-east-1a" })
    .subnet("subnet-locked", "vpc-shop", "10.0.3.0/24", { az: "us-east-1a" })
    .subnet("subnet-spoke", "vpc-spoke", "10.2.1.0/24", { az: "us-east-1a" })
    .internetGateway("igw-shop", "vpc-shop")
    .routeTable("rtb-public", "vpc-shop", { main: true, routes: { "0.0.0.0/0": "igw-shop", "10.50.0.0/16": "pcx-gone", "10.60.0.0/16": "pcx-pending", "10.61.0.0/16": "blackhole:nat-old", "10.70.0.0/16": "tgw-elsewhere" } })
    .routeTable("rtb-spoke", "vpc-spoke", { main: true })
    .peering("pcx-pending", "vpc-shop", "vpc-spoke", "pending-acceptance")
    .transitGateway("tgw-hub")
    .tgwAttachment("tgw-attach-spoke", "tgw-hub", "vpc", "vpc-spoke", { subnets: ["subnet-spoke"], routeTable: "tgw-rtb-hub" })
    .tgwRouteTable("tgw-rtb-hub", "tgw-hub", { propagations: ["tgw-attach-spoke"], routes: { "10.80.0.0/16": "tgw-attach-spoke", "10.90.0.0/16": "tgw-attach-gone", "10.99.0.0/16": "blackhole", "pl-unknown": "tgw-attach-spoke" } })
    .securityGroup("sg-admin", { inbound: ["tcp 22 0.0.0.0/0"] })
    .securityGroup("sg-web", { inbound: ["tcp 443 0.0.0.0/0", "tcp 443 10.0.0.0/16", "tcp 8443 sg-gone", "tcp 9000 pl-gone"] })
    .securityGroup("sg-all", { inbound: ["all * 0.0.0.0/0"] })
    .securityGroup("sg-spare", { inbound: ["tcp 80 0.0.0.0/0"] })
    .with("securityGroups", { groupId: "sg-default", groupName: "default", vpcId: "vpc-shop" })
    .networkAcl("acl-app", "vpc-shop", { subnets: ["subnet-app"], rules: ["100 allow in tcp 443 0.0.0.0/0", "110 allow in tcp 443 10.0.0.0/16", "120 deny in tcp 443-443 0.0.0.0/0", "100 allow out all * 0.0.0.0/0"] })
    .networkAcl("acl-locked", "vpc-shop", { subnets: ["subnet-locked"], rules: ["90 deny in tcp 22 0.0.0.0/0", "100 allow in all * 0.0.0.0/0", "100 allow out all * 0.0.0.0/0"] })
    .networkAcl("acl-orphan", "vpc-shop", { rules: ["100 allow in all * 0.0.0.0/0"] })
    .instance("i-bastion", "subnet-public", "10.0.1.10", { groups: ["sg-admin"], publicIp: "198.51.100.10" })
    .instance("i-web", "subnet-public", "10.0.1.20", { groups: ["sg-web"], publicIp: "198.51.100.20" })
    .instance("i-internal", "subnet-public", "10.0.1.30", { groups: ["sg-admin"] })
    .instance("i-open", "subnet-app", "10.0.2.10", { groups: ["sg-all"], publicIp: "198.51.100.30" })
    .instance("i-locked", "subnet-locked", "10.0.3.10", { groups: ["sg-admin"], publicIp: "198.51.100.40" })
    .with("subnets", { subnetId: "subnet-db", vpcId: "vpc-shop", cidrBlock: "10.0.4.0/24", availabilityZone: "us-east-1a", tags: [{ key: "Name", value: "shop-private-db" }] })
    .with("subnets", { subnetId: "subnet-quiet", vpcId: "vpc-spoke", cidrBlock: "10.2.2.0/24", tags: [{ key: "Tier", value: "private" }] })
    .with("loadBalancers", { loadBalancerArn: nlb, loadBalancerName: "shop", type: "network", scheme: "internet-facing", vpcId: "vpc-shop", availabilityZones: [{ zoneName: "us-east-1a", subnetId: "subnet-public", loadBalancerAddresses: [{ ipAddress: "198.51.100.99" }] }] })
    .with("targetGroups", { targetGroupArn: tg, targetType: "instance", port: 443, protocol: "TCP", vpcId: "vpc-shop", targets: [{ id: "i-web", port: 443 }] })
    .with("listeners", { listenerArn: `${nlb.replace("loadbalancer", "listener")}/1`, loadBalancerArn: nlb, port: 443, protocol: "TCP", defaultActions: [{ type: "forward", targetGroupArn: tg }] })
    .build();
}

const byCode = (findings: Finding[], code: FindingCode) => findings.filter((f) => f.code === code);

describe("reviewFindings", () => {
  const findings = reviewFindings(shop());

  it("finds what the internet reaches, on which port, through which path", () => {
    const exposed = byCode(findings, "INTERNET_EXPOSED_PORT");
    expect(exposed.map((f) => [f.resources[0]?.id, f.severity, f.evidence.kind === "path" ? `${f.evidence.protocol} ${f.evidence.port ?? ""}`.trim() : ""])).toEqual(
      expect.arrayContaining([
        ["i-bastion", "high", "tcp 22"],
        ["i-web", "low", "tcp 443"],
        ["i-open", "high", "tcp 443"],
      ]),
    );
    // No public address, or the network ACL denies the port: not exposed.
    expect(exposed.map((f) => f.resources[0]?.id)).not.toContain("i-internal");
    expect(exposed.map((f) => f.resources[0]?.id)).not.toContain("i-locked");
    const bastion = exposed.find((f) => f.resources[0]?.id === "i-bastion");
    expect(bastion?.message).toBe("i-bastion is reachable from the internet on tcp 22 at 198.51.100.10: sg-admin admits 0.0.0.0/0, and the route tables and network ACLs on the way let the packet and its reply through.");
    expect(bastion?.evidence).toMatchObject({ kind: "path", sourceIp: "203.0.113.10", destinationIp: "198.51.100.10", hops: ["internet", "igw-shop", "vpc-shop", "subnet-public", "i-bastion"], allowedBy: { securityGroupId: "sg-admin", cidr: "0.0.0.0/0" } });
    expect(bastion?.resources.map((r) => r.id)).toEqual(["i-bastion", "sg-admin", "igw-shop"]);
    // All traffic allowed by the group, but the ACL lets only 443 in: reported on the port that gets through.
    expect(exposed.find((f) => f.resources[0]?.id === "i-open")?.message).toContain("on all traffic at 198.51.100.30 (probed on tcp 443)");
  });

  it("finds an internet-facing load balancer and the target it forwards to", () => {
    const lb = byCode(findings, "INTERNET_EXPOSED_LOAD_BALANCER");
    expect(lb).toHaveLength(1);
    expect(lb[0]).toMatchObject({ severity: "low", resources: [{ id: nlb }, { id: "i-web" }], evidence: { kind: "path", port: 443, target: { id: "i-web", port: 443 } } });
  });

  it("finds security groups attached to nothing, the default one as information", () => {
    expect(byCode(findings, "SECURITY_GROUP_UNUSED").map((f) => [f.resources[0]?.id, f.severity])).toEqual([
      ["sg-spare", "low"],
      ["sg-default", "info"],
    ]);
  });

  it("finds rules naming a group or a prefix list the snapshot does not hold", () => {
    expect(byCode(findings, "SECURITY_GROUP_RULE_UNKNOWN_GROUP")[0]?.message).toBe("sg-web inbound tcp 8443 from sg-gone names sg-gone, which is not in the snapshot (deleted, or in a VPC or account that was not captured): the analysis treats the rule as matching no one.");
    expect(byCode(findings, "SECURITY_GROUP_RULE_UNKNOWN_PREFIX_LIST")[0]).toMatchObject({ severity: "medium", resources: [{ id: "sg-web" }, { id: "pl-gone", type: "prefix-list" }] });
  });

  it("finds a security group rule another rule of the group covers", () => {
    expect(byCode(findings, "SECURITY_GROUP_RULE_COVERED").map((f) => evidenceText(f.evidence))).toEqual(["sg-web inbound tcp 443 from 10.0.0.0/16, covered by inbound tcp 443 from 0.0.0.0/0"]);
  });

  it("finds network ACL rules a lower-numbered rule always matches first, and says when that defeats their intent", () => {
    const shadowed = byCode(findings, "NETWORK_ACL_RULE_SHADOWED");
    expect(shadowed.map((f) => [f.severity, evidenceText(f.evidence)])).toEqual([
      ["medium", "acl-app inbound rule 120 denys tcp 443 from 0.0.0.0/0, shadowed by inbound rule 100 allows tcp 443 from 0.0.0.0/0"],
      ["low", "acl-app inbound rule 110 allows tcp 443 from 10.0.0.0/16, shadowed by inbound rule 100 allows tcp 443 from 0.0.0.0/0"],
    ]);
    expect(byCode(findings, "NETWORK_ACL_UNASSOCIATED").map((f) => f.resources[0]?.id)).toEqual(["acl-orphan"]);
  });

  it("finds peering and transit gateway routes that lead nowhere", () => {
    expect(byCode(findings, "ROUTE_TO_INACTIVE_PEERING").map((f) => f.message)).toEqual([
      "rtb-public route 10.50.0.0/16 → pcx-gone leads nowhere: pcx-gone is not in the snapshot (deleted, or not captured), and only an active peering connection carries traffic.",
      "rtb-public route 10.60.0.0/16 → pcx-pending leads nowhere: pcx-pending is pending-acceptance, and only an active peering connection carries traffic.",
    ]);
    expect(byCode(findings, "ROUTE_BLACKHOLE").map((f) => evidenceText(f.evidence))).toEqual(["rtb-public: 10.61.0.0/16 → nat-old (blackhole)"]);
    expect(byCode(findings, "ROUTE_TO_UNATTACHED_TRANSIT_GATEWAY")[0]?.message).toBe("rtb-public route 10.70.0.0/16 → tgw-elsewhere leads nowhere: vpc-shop has no attachment to tgw-elsewhere (the transit gateway is not in the snapshot).");
    expect(byCode(findings, "TGW_ROUTE_NO_MATCHING_SUBNET").map((f) => evidenceText(f.evidence))).toEqual(["tgw-rtb-hub: 10.80.0.0/16 → tgw-attach-spoke (static, active)"]);
    expect(byCode(findings, "TGW_ROUTE_TO_INACTIVE_ATTACHMENT").map((f) => evidenceText(f.evidence))).toEqual(["tgw-rtb-hub: 10.90.0.0/16 → tgw-attach-gone (static, active)"]);
    expect(byCode(findings, "TGW_ROUTE_BLACKHOLE").map((f) => evidenceText(f.evidence))).toEqual(["tgw-rtb-hub: 10.99.0.0/16 → blackhole (static, blackhole)"]);
    expect(byCode(findings, "TGW_ROUTE_UNKNOWN_PREFIX_LIST").map((f) => f.resources[1]?.id)).toEqual(["pl-unknown"]);
  });

  it("finds subnets that call themselves private but route to an internet gateway", () => {
    const subnets = byCode(findings, "PRIVATE_SUBNET_ROUTES_TO_INTERNET_GATEWAY");
    expect(subnets.map((f) => [f.resources[0]?.id, f.severity])).toEqual([["subnet-db", "medium"]]);
    expect(subnets[0]?.message).toBe("subnet-db is tagged Name=shop-private-db, but its route table rtb-public (its VPC's main table) routes 0.0.0.0/0 to igw-shop: it is a public subnet.");
  });

  it("lists the most severe first and exports rows for a CSV", () => {
    expect(findings[0]?.severity).toBe("high");
    expect(findings.map((f) => f.severity)).toEqual([...findings.map((f) => f.severity)].sort((a, b) => ["high", "medium", "low", "info"].indexOf(a) - ["high", "medium", "low", "info"].indexOf(b)));
    const table = findingsTable(findings);
    expect(table[0]).toEqual(["severity", "code", "resources", "message", "evidence", "documentation"]);
    expect(table).toHaveLength(findings.length + 1);
    expect(countFindings(findings).INTERNET_EXPOSED_PORT).toBe(3);
  });
});

describe("a tidy network", () => {
  it("gives no finding about rules or routes for the three-tier lesson, only what the internet reaches by design", () => {
    const findings = reviewFindings(threeTier().build());
    expect(findings.filter((f) => !f.code.startsWith("INTERNET_EXPOSED")).map((f) => `${f.code} ${evidenceText(f.evidence)}`)).toEqual([]);
  });

  it("does not flag a transit gateway route into an inspection VPC that routes the range onward", () => {
    const t = network()
      .vpc("vpc-inspect", "10.9.0.0/16")
      .subnet("subnet-tgw", "vpc-inspect", "10.9.1.0/24")
      .transitGateway("tgw-hub")
      .tgwAttachment("tgw-attach-inspect", "tgw-hub", "vpc", "vpc-inspect", { subnets: ["subnet-tgw"], routeTable: "tgw-rtb-inspect" })
      .tgwRouteTable("tgw-rtb-inspect", "tgw-hub", { routes: { "10.1.0.0/16": "tgw-attach-inspect" } })
      .routeTable("rtb-tgw", "vpc-inspect", { subnets: ["subnet-tgw"], routes: { "0.0.0.0/0": "i-fw" } })
      .instance("i-fw", "subnet-tgw", "10.9.1.10", { sourceDestCheck: false })
      .build();
    expect(reviewFindings(t, { groups: ["routes-leading-nowhere"] })).toEqual([]);
  });
});
