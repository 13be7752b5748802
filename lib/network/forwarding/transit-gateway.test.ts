import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

/**
 * The deep dive's transit gateway with two route tables: production and
 * development VPCs both reach shared services, but not each other.
 */
function isolated(options: { prodAssociated?: boolean } = {}) {
  return network()
    .vpc("vpc-prod", "10.1.0.0/16")
    .vpc("vpc-dev", "10.2.0.0/16")
    .vpc("vpc-shared", "10.3.0.0/16")
    .subnet("subnet-prod", "vpc-prod", "10.1.1.0/24", { az: "us-east-1a" })
    .subnet("subnet-dev", "vpc-dev", "10.2.1.0/24", { az: "us-east-1a" })
    .subnet("subnet-shared", "vpc-shared", "10.3.1.0/24", { az: "us-east-1a" })
    .transitGateway("tgw-hub")
    .tgwAttachment("tgw-attach-prod", "tgw-hub", "vpc", "vpc-prod", { subnets: ["subnet-prod"], ...(options.prodAssociated === false ? {} : { routeTable: "tgw-rtb-spokes" }) })
    .tgwAttachment("tgw-attach-dev", "tgw-hub", "vpc", "vpc-dev", { subnets: ["subnet-dev"], routeTable: "tgw-rtb-spokes" })
    .tgwAttachment("tgw-attach-shared", "tgw-hub", "vpc", "vpc-shared", { subnets: ["subnet-shared"], routeTable: "tgw-rtb-shared" })
    // Spokes learn only the shared VPC; the shared table learns every spoke.
    .tgwRouteTable("tgw-rtb-spokes", "tgw-hub", { propagations: ["tgw-attach-shared"], routes: { "10.0.0.0/8": "blackhole" } })
    .tgwRouteTable("tgw-rtb-shared", "tgw-hub", { propagations: ["tgw-attach-prod", "tgw-attach-dev"] })
    .routeTable("rtb-prod", "vpc-prod", { main: true, routes: { "10.0.0.0/8": "tgw-hub" } })
    .routeTable("rtb-dev", "vpc-dev", { main: true, routes: { "10.0.0.0/8": "tgw-hub" } })
    .routeTable("rtb-shared", "vpc-shared", { main: true, routes: { "10.0.0.0/8": "tgw-hub" } })
    .securityGroup("sg-open", { inbound: ["all * 10.0.0.0/8"] })
    .instance("i-prod", "subnet-prod", "10.1.1.10", { groups: ["sg-open"] })
    .instance("i-dev", "subnet-dev", "10.2.1.10", { groups: ["sg-open"] })
    .instance("i-shared", "subnet-shared", "10.3.1.10", { groups: ["sg-open"] });
}

const https = { protocol: "tcp" as const, destinationPort: 443 };

describe("transit gateway route tables", () => {
  it("route with the table associated with the ingress attachment, using propagated routes", () => {
    const r = ok(analyze(isolated().build(), { source: "i-prod", destination: "i-shared", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-prod", "subnet-prod", "vpc-prod", "tgw-hub", "vpc-shared", "subnet-shared", "i-shared"]);
    const tgw = r.forwardPathComponents.find((c) => c.component.id === "tgw-hub");
    expect(tgw?.transitGatewayRouteTableRoute).toMatchObject({ destinationCidr: "10.3.0.0/16", routeOrigin: "propagated", attachmentId: "tgw-attach-shared" });
    // The reply uses the shared VPC's own table, which propagates the production VPC.
    expect(r.returnPathComponents.find((c) => c.component.id === "tgw-hub")?.transitGatewayRouteTableRoute?.attachmentId).toBe("tgw-attach-prod");
  });

  it("isolate spokes from each other with a blackhole route in their table", () => {
    const r = ok(analyze(isolated().build(), { source: "i-prod", destination: "i-dev", ...https }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "BAD_STATE_ROUTE", component: { id: "tgw-rtb-spokes" }, blockKind: "blackhole-route" });
    expect(r.forwardDisposition).toBe("NULL_ROUTED");
  });

  it("without the blackhole, the spokes' table still has no route to the other spoke", () => {
    const t = isolated().build();
    const patched = { ...t, transitGatewayRouteTables: t.transitGatewayRouteTables.map((rt) => ({ ...rt, routes: [] })) };
    const r = ok(analyze(patched, { source: "i-prod", destination: "i-dev", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "tgw-rtb-spokes" } });
  });

  it("need a route table associated with the attachment", () => {
    const r = ok(analyze(isolated({ prodAssociated: false }).build(), { source: "i-prod", destination: "i-shared", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "TGW_RTB_NOT_ASSOCIATED" });
  });

  it("are reachable only from zones where the attachment has a subnet", () => {
    const t = isolated().subnet("subnet-prod-b", "vpc-prod", "10.1.2.0/24", { az: "us-east-1b" }).instance("i-prod-b", "subnet-prod-b", "10.1.2.10", { groups: ["sg-open"] }).build();
    const r = ok(analyze(t, { source: "i-prod-b", destination: "i-shared", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "TGW_NO_ATTACHMENT_IN_ZONE" });
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-prod-b", "subnet-prod-b"]);
  });

  it("peer across Regions with static routes to the peering attachment", () => {
    const t = network()
      .vpc("vpc-east", "10.10.0.0/16", { region: "us-east-1" })
      .vpc("vpc-west", "10.20.0.0/16", { region: "us-west-2" })
      .subnet("subnet-east", "vpc-east", "10.10.1.0/24")
      .subnet("subnet-west", "vpc-west", "10.20.1.0/24")
      .transitGateway("tgw-east")
      .transitGateway("tgw-west")
      .tgwAttachment("tgw-attach-east", "tgw-east", "vpc", "vpc-east", { routeTable: "tgw-rtb-east" })
      .tgwAttachment("tgw-attach-west", "tgw-west", "vpc", "vpc-west", { routeTable: "tgw-rtb-west" })
      .tgwAttachment("tgw-attach-peer", "tgw-east", "peering", "tgw-west", { routeTable: "tgw-rtb-east" })
      .tgwAttachment("tgw-attach-peer", "tgw-west", "peering", "tgw-east", { routeTable: "tgw-rtb-west" })
      .tgwRouteTable("tgw-rtb-east", "tgw-east", { propagations: ["tgw-attach-east"], routes: { "10.20.0.0/16": "tgw-attach-peer" } })
      .tgwRouteTable("tgw-rtb-west", "tgw-west", { propagations: ["tgw-attach-west"] })
      .routeTable("rtb-east", "vpc-east", { main: true, routes: { "10.20.0.0/16": "tgw-east" } })
      .routeTable("rtb-west", "vpc-west", { main: true, routes: { "10.10.0.0/16": "tgw-west" } })
      .securityGroup("sg-open", { inbound: ["all * 10.0.0.0/8"] })
      .instance("i-east", "subnet-east", "10.10.1.10", { groups: ["sg-open"] })
      .instance("i-west", "subnet-west", "10.20.1.10", { groups: ["sg-open"] })
      .build();
    const r = ok(analyze(t, { source: "i-east", destination: "i-west", ...https }));
    // Peering attachments do not propagate: the west table has no static route back.
    expect(r.forwardDisposition).toBe("ACCEPTED");
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-east", "subnet-east", "vpc-east", "tgw-east", "tgw-west", "vpc-west", "subnet-west", "i-west"]);
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "tgw-rtb-west" } });
    expect(r.blockedOn).toBe("return");
  });
});
