import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

/**
 * The VPC deep dive's peering diagrams: A ↔ B ↔ C (no transitive peering),
 * and B's internet gateway and NAT gateway that A cannot use (no edge-to-edge routing).
 */
function peered(options: { overlap?: boolean; status?: "active" | "pending-acceptance" } = {}) {
  return network()
    .vpc("vpc-a", "10.1.0.0/16")
    .vpc("vpc-b", options.overlap ? "10.1.0.0/16" : "10.2.0.0/16", { ownerId: "222222222222", region: "eu-west-1" })
    .vpc("vpc-c", "10.3.0.0/16")
    .subnet("subnet-a", "vpc-a", "10.1.1.0/24")
    .subnet("subnet-b", "vpc-b", options.overlap ? "10.1.2.0/24" : "10.2.1.0/24")
    .subnet("subnet-c", "vpc-c", "10.3.1.0/24")
    .internetGateway("igw-b", "vpc-b")
    .peering("pcx-ab", "vpc-a", "vpc-b", options.status ?? "active")
    .peering("pcx-bc", "vpc-b", "vpc-c")
    .routeTable("rtb-a", "vpc-a", { main: true, routes: { "10.2.0.0/16": "pcx-ab", "10.3.0.0/16": "pcx-ab", "0.0.0.0/0": "pcx-ab" } })
    .routeTable("rtb-b", "vpc-b", { main: true, routes: { "10.1.0.0/16": "pcx-ab", "10.3.0.0/16": "pcx-bc", "0.0.0.0/0": "igw-b" } })
    .routeTable("rtb-c", "vpc-c", { main: true, routes: { "10.2.0.0/16": "pcx-bc", "10.1.0.0/16": "pcx-bc" } })
    .securityGroup("sg-open", { inbound: ["all * 10.0.0.0/8"] })
    .instance("i-a", "subnet-a", "10.1.1.10", { groups: ["sg-open"] })
    .instance("i-b", "subnet-b", options.overlap ? "10.1.2.10" : "10.2.1.10", { groups: ["sg-open"], publicIp: "34.0.0.2" })
    .instance("i-c", "subnet-c", "10.3.1.10", { groups: ["sg-open"] })
    .build();
}

const ssh = { protocol: "tcp" as const, destinationPort: 22 };

describe("VPC peering", () => {
  it("connects two VPCs, across accounts and Regions, when both route to the peering connection", () => {
    const r = ok(analyze(peered(), { source: "i-a", destination: "i-b", ...ssh }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-a", "subnet-a", "vpc-a", "vpc-b", "subnet-b", "i-b"]);
    expect(r.forwardPathComponents.map((c) => c.component.id)).toContain("pcx-ab");
    expect(pathHops(r.returnPathComponents)).toEqual(["i-b", "subnet-b", "vpc-b", "vpc-a", "subnet-a", "i-a"]);
  });

  it("is not transitive: A cannot reach C through B", () => {
    const r = ok(analyze(peered(), { source: "i-a", destination: "i-c", ...ssh }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "PEERING_NOT_TRANSITIVE", component: { id: "pcx-ab" }, blockKind: "no-route" });
  });

  it("allows no edge-to-edge routing: A cannot use B's internet gateway", () => {
    const r = ok(analyze(peered(), { source: "i-a", destinationIp: "8.8.8.8", ...ssh }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "EDGE_TO_EDGE_ROUTING", component: { id: "pcx-ab" } });
  });

  it("needs an active peering connection", () => {
    const r = ok(analyze(peered({ status: "pending-acceptance" }), { source: "i-a", destination: "i-b", ...ssh }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "BAD_STATE", component: { id: "pcx-ab" } });
  });

  it("refuses VPCs with overlapping CIDR blocks", () => {
    const r = ok(analyze(peered({ overlap: true }), { source: "i-a", destinationIp: "10.1.2.10", ...ssh }));
    expect(r.networkPathFound).toBe(false);
    // The local route wins for an address inside the VPC's own range, so the route to the peer never matches.
    expect(r.explanations[0]?.explanationCode).toBe("NO_SUBNET_FOR_ADDRESS");
  });

  it("checks overlap on the peering itself", () => {
    const t = peered({ overlap: true });
    const r = ok(analyze(t, { source: "i-a", destinationIp: "8.8.4.4", ...ssh }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "PEERING_OVERLAPPING_CIDRS", component: { id: "pcx-ab" } });
  });
});
