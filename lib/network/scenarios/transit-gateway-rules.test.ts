import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

/**
 * Transit gateway rules checked against AWS's Transit Gateway guide and the
 * EC2 API reference, each test citing its page.
 */

const https = { protocol: "tcp" as const, destinationPort: 443 };

/** Two spokes on one transit gateway; the server's group admits members of the client's group. */
function spokes(options: { tgw?: "enable" | "disable"; clientAttachment?: "enable" | "disable"; serverAttachment?: "enable" | "disable"; serverRule?: string; clientOutbound?: string[] } = {}) {
  return network()
    .vpc("vpc-client", "10.1.0.0/16")
    .vpc("vpc-server", "10.2.0.0/16")
    .subnet("subnet-client", "vpc-client", "10.1.1.0/24", { az: "us-east-1a" })
    .subnet("subnet-server", "vpc-server", "10.2.1.0/24", { az: "us-east-1a" })
    .transitGateway("tgw-hub", options.tgw ? { securityGroupReferencing: options.tgw } : {})
    .tgwAttachment("tgw-attach-client", "tgw-hub", "vpc", "vpc-client", { subnets: ["subnet-client"], routeTable: "tgw-rtb-main", ...(options.clientAttachment ? { securityGroupReferencing: options.clientAttachment } : {}) })
    .tgwAttachment("tgw-attach-server", "tgw-hub", "vpc", "vpc-server", { subnets: ["subnet-server"], routeTable: "tgw-rtb-main", ...(options.serverAttachment ? { securityGroupReferencing: options.serverAttachment } : {}) })
    .tgwRouteTable("tgw-rtb-main", "tgw-hub", { propagations: ["tgw-attach-client", "tgw-attach-server"] })
    .routeTable("rtb-client", "vpc-client", { main: true, routes: { "10.2.0.0/16": "tgw-hub" } })
    .routeTable("rtb-server", "vpc-server", { main: true, routes: { "10.1.0.0/16": "tgw-hub" } })
    .securityGroup("sg-client", options.clientOutbound ? { outbound: options.clientOutbound } : {})
    .securityGroup("sg-server", { inbound: [options.serverRule ?? "tcp 443 sg-client"] })
    .instance("i-client", "subnet-client", "10.1.1.10", { groups: ["sg-client"] })
    .instance("i-server", "subnet-server", "10.2.1.10", { groups: ["sg-server"] });
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TransitGatewayOptions.html (disabled by default)
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TransitGatewayVpcAttachmentOptions.html (enabled by default)
// https://aws.amazon.com/blogs/networking-and-content-delivery/introducing-security-group-referencing-for-aws-transit-gateway/ (inbound rules only, one Region)
describe("security group references across a transit gateway", () => {
  it("do not apply by default: the option is disabled on a transit gateway, and the block names it", () => {
    const r = ok(analyze(spokes().build(), { source: "i-client", destination: "i-server", ...https }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", component: { id: "sg-server" }, direction: "ingress" });
    expect(r.explanations[0]?.message).toContain("on transit gateway tgw-hub (SecurityGroupReferencingSupport is disable");
    expect(r.explanations[0]?.message).not.toContain("tgw-attach");
  });

  it("apply to inbound rules once the transit gateway enables it (VPC attachments enable it by default)", () => {
    const r = ok(analyze(spokes({ tgw: "enable" }).build(), { source: "i-client", destination: "i-server", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardPathComponents.find((c) => c.securityGroupRule?.securityGroupId === "sg-server")?.securityGroupRule?.referencedGroupId).toBe("sg-client");
  });

  it("need the option on each VPC attachment too, and say which attachment lacks it", () => {
    for (const [side, attachment] of [["serverAttachment", "tgw-attach-server"], ["clientAttachment", "tgw-attach-client"]] as const) {
      const r = ok(analyze(spokes({ tgw: "enable", [side]: "disable" }).build(), { source: "i-client", destination: "i-server", ...https }));
      expect(r.explanations[0]?.explanationCode).toBe("ENI_SG_RULES_MISMATCH");
      expect(r.explanations[0]?.message).toContain(`on VPC attachment ${attachment}`);
    }
  });

  it("never apply to outbound rules", () => {
    const r = ok(analyze(spokes({ tgw: "enable", serverRule: "tcp 443 10.1.0.0/16", clientOutbound: ["tcp 443 sg-server"] }).build(), { source: "i-client", destination: "i-server", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", direction: "egress", component: { id: "sg-client" } });
    expect(r.explanations[0]?.message).toContain("outbound rules cannot reference a security group across a transit gateway");
  });

  it("do not cross transit gateway peering", () => {
    const t = network()
      .vpc("vpc-a", "10.1.0.0/16")
      .vpc("vpc-b", "10.2.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.1.1.0/24")
      .subnet("subnet-b", "vpc-b", "10.2.1.0/24")
      .transitGateway("tgw-a", { securityGroupReferencing: "enable" })
      .transitGateway("tgw-b", { securityGroupReferencing: "enable" })
      .tgwAttachment("tgw-attach-a", "tgw-a", "vpc", "vpc-a", { routeTable: "tgw-rtb-a" })
      .tgwAttachment("tgw-attach-b", "tgw-b", "vpc", "vpc-b", { routeTable: "tgw-rtb-b" })
      .tgwAttachment("tgw-attach-peer", "tgw-a", "peering", "tgw-b", { routeTable: "tgw-rtb-a" })
      .tgwAttachment("tgw-attach-peer", "tgw-b", "peering", "tgw-a", { routeTable: "tgw-rtb-b" })
      .tgwRouteTable("tgw-rtb-a", "tgw-a", { propagations: ["tgw-attach-a"], routes: { "10.2.0.0/16": "tgw-attach-peer" } })
      .tgwRouteTable("tgw-rtb-b", "tgw-b", { propagations: ["tgw-attach-b"], routes: { "10.1.0.0/16": "tgw-attach-peer" } })
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "10.2.0.0/16": "tgw-a" } })
      .routeTable("rtb-b", "vpc-b", { main: true, routes: { "10.1.0.0/16": "tgw-b" } })
      .securityGroup("sg-client", {})
      .securityGroup("sg-server", { inbound: ["tcp 443 sg-client"] })
      .instance("i-client", "subnet-a", "10.1.1.10", { groups: ["sg-client"] })
      .instance("i-server", "subnet-b", "10.2.1.10", { groups: ["sg-server"] })
      .build();
    const r = ok(analyze(t, { source: "i-client", destination: "i-server", ...https }));
    expect(r.explanations[0]?.explanationCode).toBe("ENI_SG_RULES_MISMATCH");
    expect(r.explanations[0]?.message).toContain("cannot be referenced across transit gateway peering");
  });
});

// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html ("If you reference the security group of the
// other instance as the source, this does not allow traffic to flow" through a middlebox appliance)
describe("security group references through a middlebox appliance", () => {
  function inspected(serverRule: string) {
    return network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-client", "vpc-a", "10.0.1.0/24")
      .subnet("subnet-server", "vpc-a", "10.0.2.0/24")
      .subnet("subnet-fw", "vpc-a", "10.0.3.0/24")
      .routeTable("rtb-client", "vpc-a", { subnets: ["subnet-client"], routes: { "10.0.2.0/24": "i-fw" } })
      .routeTable("rtb-server", "vpc-a", { subnets: ["subnet-server"], routes: { "10.0.1.0/24": "i-fw" } })
      .routeTable("rtb-fw", "vpc-a", { subnets: ["subnet-fw"] })
      .securityGroup("sg-fw", { inbound: ["all * 10.0.0.0/16"] })
      .securityGroup("sg-client", {})
      .securityGroup("sg-server", { inbound: [serverRule] })
      .instance("i-fw", "subnet-fw", "10.0.3.10", { groups: ["sg-fw"], sourceDestCheck: false })
      .instance("i-client", "subnet-client", "10.0.1.10", { groups: ["sg-client"] })
      .instance("i-server", "subnet-server", "10.0.2.10", { groups: ["sg-server"] })
      .build();
  }

  it("do not admit traffic the appliance forwards, even within one VPC; the address does", () => {
    const byGroup = ok(analyze(inspected("tcp 443 sg-client"), { source: "i-client", destination: "i-server", ...https }));
    expect(pathHops(byGroup.forwardPathComponents)).toContain("i-fw");
    expect(byGroup.explanations[0]?.explanationCode).toBe("ENI_SG_RULES_MISMATCH");
    expect(byGroup.explanations[0]?.message).toContain("forwarded by i-fw");
    expect(ok(analyze(inspected("tcp 443 10.0.1.10/32"), { source: "i-client", destination: "i-server", ...https })).networkPathFound).toBe(true);
  });
});

// https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html: traffic from the transit gateway enters the VPC at the
// attachment's interface and follows that subnet's route table.
describe("a transit gateway route into a VPC that cannot deliver or return the packet", () => {
  function hub(options: { spokeRoutes?: Record<string, string>; tgwRoutes?: Record<string, string> } = {}) {
    return network()
      .vpc("vpc-a", "10.1.0.0/16")
      .vpc("vpc-b", "10.2.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.1.1.0/24", { az: "us-east-1a" })
      .subnet("subnet-b", "vpc-b", "10.2.1.0/24", { az: "us-east-1a" })
      .transitGateway("tgw-hub")
      .tgwAttachment("tgw-attach-a", "tgw-hub", "vpc", "vpc-a", { subnets: ["subnet-a"], routeTable: "tgw-rtb-main" })
      .tgwAttachment("tgw-attach-b", "tgw-hub", "vpc", "vpc-b", { subnets: ["subnet-b"], routeTable: "tgw-rtb-main" })
      .tgwRouteTable("tgw-rtb-main", "tgw-hub", { propagations: ["tgw-attach-a", "tgw-attach-b"], routes: options.tgwRoutes ?? {} })
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "10.0.0.0/8": "tgw-hub" } })
      .routeTable("rtb-b", "vpc-b", { main: true, routes: options.spokeRoutes ?? { "10.1.0.0/16": "tgw-hub" } })
      .securityGroup("sg-open", { inbound: ["all * 10.0.0.0/8"] })
      .instance("i-a", "subnet-a", "10.1.1.10", { groups: ["sg-open"] })
      .instance("i-b", "subnet-b", "10.2.1.10", { groups: ["sg-open"] });
  }

  it("says which table lacks which route when the VPC does not hold the address (NO_ROUTE_TO_DESTINATION, not a loop)", () => {
    const r = ok(analyze(hub({ tgwRoutes: { "10.9.0.0/16": "tgw-attach-b" } }).build(), { source: "i-a", destinationIp: "10.9.0.5", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "rtb-b" }, documentation: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html" });
    expect(r.explanations[0]?.message).toBe(
      "Transit gateway tgw-hub sent the packet for 10.9.0.5 into vpc-b through attachment tgw-attach-b (its interface in subnet-b), by its route 10.9.0.0/16 → tgw-attach-b in tgw-rtb-main; route table rtb-b of that subnet has no route that matches 10.9.0.5, and 10.9.0.5 is not in vpc-b, so the VPC router drops it. Give rtb-b a route for 10.9.0.5, or point the transit gateway route at the attachment of the VPC that holds it.",
    );
  });

  it("says the reply lacks its way back, naming the table, the network and the transit gateway", () => {
    const r = ok(analyze(hub({ spokeRoutes: {} }).build(), { source: "i-a", destination: "i-b", ...https }));
    expect(r.forwardDisposition).toBe("ACCEPTED");
    expect(r.blockedOn).toBe("return");
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "rtb-b" } });
    expect(r.explanations[0]?.message).toBe(
      "The reply to 10.1.1.10 cannot go back the way the request came: route table rtb-b has no route that matches 10.1.1.10. It needs a route for 10.1.1.10 (for example 10.1.0.0/16, vpc-a) to transit gateway tgw-hub, the way the request entered vpc-b (attachment tgw-attach-b).",
    );
  });

  it("reports a loop only when there is one: the VPC sends the packet straight back into the same table", () => {
    const r = ok(analyze(hub({ tgwRoutes: { "10.9.0.0/16": "tgw-attach-b" }, spokeRoutes: { "0.0.0.0/0": "tgw-hub" } }).build(), { source: "i-a", destinationIp: "10.9.0.5", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ROUTING_LOOP", component: { id: "rtb-b" } });
    expect(r.explanations[0]?.message).toBe(
      "The packet comes back to rtb-b with the same addresses after rtb-b → transit gateway tgw-hub through attachment tgw-attach-b (route table tgw-rtb-main) → rtb-b: the routes form a loop, so it never arrives.",
    );
  });
});

/**
 * An inspection VPC: spokes route everything to the transit gateway, whose
 * spoke table sends it to the inspection VPC; there an appliance per zone
 * forwards it back to the transit gateway, whose inspection table routes to
 * the spokes.
 * https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html
 */
function inspection(options: { applianceMode?: boolean } = {}) {
  return network()
    .vpc("vpc-a", "10.1.0.0/16")
    .vpc("vpc-b", "10.2.0.0/16")
    .vpc("vpc-inspect", "10.9.0.0/16")
    .subnet("subnet-a", "vpc-a", "10.1.1.0/24", { az: "us-east-1a" })
    .subnet("subnet-b", "vpc-b", "10.2.1.0/24", { az: "us-east-1b" })
    .subnet("subnet-tgw-1a", "vpc-inspect", "10.9.1.0/24", { az: "us-east-1a" })
    .subnet("subnet-tgw-1b", "vpc-inspect", "10.9.2.0/24", { az: "us-east-1b" })
    .subnet("subnet-fw-1a", "vpc-inspect", "10.9.11.0/24", { az: "us-east-1a" })
    .subnet("subnet-fw-1b", "vpc-inspect", "10.9.12.0/24", { az: "us-east-1b" })
    .transitGateway("tgw-hub")
    .tgwAttachment("tgw-attach-a", "tgw-hub", "vpc", "vpc-a", { subnets: ["subnet-a"], routeTable: "tgw-rtb-spokes" })
    .tgwAttachment("tgw-attach-b", "tgw-hub", "vpc", "vpc-b", { subnets: ["subnet-b"], routeTable: "tgw-rtb-spokes" })
    .tgwAttachment("tgw-attach-inspect", "tgw-hub", "vpc", "vpc-inspect", { subnets: ["subnet-tgw-1a", "subnet-tgw-1b"], routeTable: "tgw-rtb-inspect", applianceMode: options.applianceMode ?? false })
    .tgwRouteTable("tgw-rtb-spokes", "tgw-hub", { routes: { "0.0.0.0/0": "tgw-attach-inspect" } })
    .tgwRouteTable("tgw-rtb-inspect", "tgw-hub", { propagations: ["tgw-attach-a", "tgw-attach-b"] })
    .routeTable("rtb-a", "vpc-a", { main: true, routes: { "0.0.0.0/0": "tgw-hub" } })
    .routeTable("rtb-b", "vpc-b", { main: true, routes: { "0.0.0.0/0": "tgw-hub" } })
    .routeTable("rtb-tgw-1a", "vpc-inspect", { subnets: ["subnet-tgw-1a"], routes: { "0.0.0.0/0": "i-fw-1a" } })
    .routeTable("rtb-tgw-1b", "vpc-inspect", { subnets: ["subnet-tgw-1b"], routes: { "0.0.0.0/0": "i-fw-1b" } })
    .routeTable("rtb-fw", "vpc-inspect", { subnets: ["subnet-fw-1a", "subnet-fw-1b"], routes: { "10.0.0.0/8": "tgw-hub" } })
    .securityGroup("sg-open", { inbound: ["all * 10.0.0.0/8"] })
    .instance("i-fw-1a", "subnet-fw-1a", "10.9.11.10", { groups: ["sg-open"], sourceDestCheck: false })
    .instance("i-fw-1b", "subnet-fw-1b", "10.9.12.10", { groups: ["sg-open"], sourceDestCheck: false })
    .instance("i-a", "subnet-a", "10.1.1.10", { groups: ["sg-open"] })
    .instance("i-b", "subnet-b", "10.2.1.10", { groups: ["sg-open"] })
    .build();
}

describe("transit gateway Availability Zones and appliance mode", () => {
  it("routes through an inspection VPC and back into the same transit gateway without calling it a loop", () => {
    const r = ok(analyze(inspection(), { source: "i-a", destination: "i-b", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-a", "subnet-a", "vpc-a", "tgw-hub", "vpc-inspect", "subnet-fw-1a", "i-fw-1a", "subnet-fw-1a", "vpc-inspect", "tgw-hub", "vpc-b", "subnet-b", "i-b"]);
    // The attachment's interface in us-east-1a, the zone the packet entered in, hands it to that zone's table.
    expect(r.forwardPathComponents.filter((c) => c.component.type === "route-table").map((c) => c.component.id)).toEqual(["rtb-a", "rtb-tgw-1a", "rtb-fw", "rtb-b"]);
  });

  // "By default, the transit gateway maintains Availability Zone affinity: it uses the zone the traffic entered it in"
  // https://docs.aws.amazon.com/prescriptive-guidance/latest/inline-traffic-inspection-third-party-appliances/transit-gateway-asymmetric-routing.html
  it("keeps the zone a packet entered in, so without appliance mode the reply crosses the other zone's appliance", () => {
    const r = ok(analyze(inspection(), { source: "i-a", destination: "i-b", ...https }));
    expect(pathHops(r.forwardPathComponents)).toContain("i-fw-1a");
    expect(pathHops(r.returnPathComponents)).toContain("i-fw-1b");
    expect(pathHops(r.returnPathComponents)).not.toContain("i-fw-1a");
  });

  // "Enabling appliance mode ensures that the transit gateway continues to use the same Availability Zone for the VPC
  // attachment over the lifetime of a flow" https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config-tgw-multi-az.html
  it("with appliance mode on the inspection attachment, sends the reply through the appliance the request crossed", () => {
    const r = ok(analyze(inspection({ applianceMode: true }), { source: "i-a", destination: "i-b", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.returnPathComponents)).toContain("i-fw-1a");
    expect(pathHops(r.returnPathComponents)).not.toContain("i-fw-1b");
  });
});

// https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview
// https://docs.aws.amazon.com/vpc/latest/tgw/create-prefix-list-reference.html
describe("transit gateway route evaluation", () => {
  function evaluation(routes: Record<string, string>, extra: (b: ReturnType<typeof network>) => ReturnType<typeof network> = (b) => b) {
    return extra(
      network()
        .vpc("vpc-a", "10.1.0.0/16")
        .vpc("vpc-b", "10.2.0.0/16")
        .vpc("vpc-c", "10.3.0.0/16")
        .subnet("subnet-a", "vpc-a", "10.1.1.0/24")
        .subnet("subnet-b", "vpc-b", "10.2.1.0/24")
        .subnet("subnet-c", "vpc-c", "10.3.1.0/24")
        .transitGateway("tgw-hub")
        .tgwAttachment("tgw-attach-a", "tgw-hub", "vpc", "vpc-a", { subnets: ["subnet-a"], routeTable: "tgw-rtb-main" })
        .tgwAttachment("tgw-attach-b", "tgw-hub", "vpc", "vpc-b", { subnets: ["subnet-b"], routeTable: "tgw-rtb-main" })
        .tgwAttachment("tgw-attach-c", "tgw-hub", "vpc", "vpc-c", { subnets: ["subnet-c"], routeTable: "tgw-rtb-main" })
        .tgwRouteTable("tgw-rtb-main", "tgw-hub", { propagations: ["tgw-attach-a", "tgw-attach-b", "tgw-attach-c"], routes })
        .routeTable("rtb-a", "vpc-a", { main: true, routes: { "10.0.0.0/8": "tgw-hub" } })
        .routeTable("rtb-b", "vpc-b", { main: true, routes: { "10.0.0.0/8": "tgw-hub" } })
        .routeTable("rtb-c", "vpc-c", { main: true })
        .instance("i-a", "subnet-a", "10.1.1.10"),
    ).build();
  }
  const via = (t: ReturnType<typeof evaluation>) => ok(analyze(t, { source: "i-a", destinationIp: "10.2.1.10", ...https })).forwardPathComponents.find((c) => c.transitGatewayRouteTableRoute)?.transitGatewayRouteTableRoute;

  it("takes the longest prefix first, even over a static route", () => {
    expect(via(evaluation({ "10.2.0.0/15": "tgw-attach-c" }))).toMatchObject({ destinationCidr: "10.2.0.0/16", routeOrigin: "propagated", attachmentId: "tgw-attach-b" });
  });

  it("prefers a static route to a prefix list reference for the same prefix, and the reference to a propagated route", () => {
    const list = (b: ReturnType<typeof network>) => b.prefixList("pl-b", ["10.2.0.0/16"]);
    expect(via(evaluation({ "pl-b": "tgw-attach-c" }, list))).toMatchObject({ prefixListId: "pl-b", destinationCidr: "10.2.0.0/16", attachmentId: "tgw-attach-c", routeOrigin: "static" });
    expect(via(evaluation({ "pl-b": "tgw-attach-c", "10.2.0.0/16": "tgw-attach-a" }, list))).toMatchObject({ destinationCidr: "10.2.0.0/16", attachmentId: "tgw-attach-a" });
    expect(via(evaluation({ "pl-b": "tgw-attach-c", "10.2.0.0/16": "tgw-attach-a" }, list))?.prefixListId).toBeUndefined();
  });

  it("resolves a prefix list reference to each entry of the list", () => {
    const r = ok(analyze(evaluation({ "pl-wide": "tgw-attach-c" }, (b) => b.prefixList("pl-wide", ["10.200.0.0/16", "10.64.0.0/12"])), { source: "i-a", destinationIp: "10.70.0.1", ...https }));
    expect(r.forwardPathComponents.find((c) => c.transitGatewayRouteTableRoute)?.transitGatewayRouteTableRoute).toMatchObject({ prefixListId: "pl-wide", destinationCidr: "10.64.0.0/12", attachmentId: "tgw-attach-c" });
  });
});
