import { describe, expect, it } from "vitest";
import { analyze, indexTopology, parseIp, type AnalysisResult, type AnalysisSuccess } from "../index";
import { network } from "../testing/builder";
import { lookupRoute } from "./route-table";

function ok(result: AnalysisResult): AnalysisSuccess {
  if (!result.ok) throw new Error(result.error);
  return result;
}

function table(routes: Record<string, string>) {
  const t = network()
    .vpc("vpc-a", "10.0.0.0/16")
    .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
    .internetGateway("igw-a", "vpc-a")
    .vpnGateway("vgw-a", "vpc-a")
    .prefixList("pl-partner", ["172.16.0.0/16"])
    .routeTable("rtb-a", "vpc-a", { subnets: ["subnet-a"], routes })
    .build();
  const index = indexTopology(t);
  const rt = index.routeTables.get("rtb-a");
  if (!rt) throw new Error("no table");
  return (ip: string) => lookupRoute(index, rt, parseIp(ip) ?? 0n);
}

describe("VPC route tables", () => {
  it("pick the longest prefix that matches", () => {
    const lookup = table({ "0.0.0.0/0": "igw-a", "172.16.0.0/12": "vgw-a" });
    expect(lookup("172.16.5.5")?.target).toEqual({ kind: "virtual-private-gateway", id: "vgw-a" });
    expect(lookup("8.8.8.8")?.target).toEqual({ kind: "internet-gateway", id: "igw-a" });
  });

  it("always hold the local route for the VPC's CIDR blocks", () => {
    const lookup = table({ "0.0.0.0/0": "igw-a" });
    expect(lookup("10.0.200.1")?.target).toEqual({ kind: "local" });
  });

  it("prefer a static route to a prefix-list route for the same prefix", () => {
    const lookup = table({ "pl-partner": "vgw-a", "172.16.0.0/16": "igw-a" });
    expect(lookup("172.16.1.1")?.target).toEqual({ kind: "internet-gateway", id: "igw-a" });
  });

  it("report no route when nothing matches", () => {
    expect(table({})("8.8.8.8")).toBeUndefined();
  });

  it("drop traffic on a blackhole route", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .routeTable("rtb-a", "vpc-a", { subnets: ["subnet-a"], routes: { "0.0.0.0/0": "blackhole:nat-gone" } })
      .instance("i-a", "subnet-a", "10.0.1.10")
      .build();
    const r = ok(analyze(t, { source: "i-a", destinationIp: "8.8.8.8", protocol: "tcp", destinationPort: 443 }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "BAD_STATE_ROUTE", blockKind: "blackhole-route" });
    expect(r.forwardDisposition).toBe("NULL_ROUTED");
  });

  it("prefer static routes over routes propagated from a virtual private gateway", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .internetGateway("igw-a", "vpc-a")
      .vpnGateway("vgw-a", "vpc-a")
      .site("onprem-hq", ["172.16.0.0/16"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "vgw-a" })
      .routeTable("rtb-a", "vpc-a", { subnets: ["subnet-a"], routes: { "172.16.0.0/16": "igw-a" }, propagatingVgws: ["vgw-a"] })
      .build();
    const index = indexTopology(t);
    const rt = index.routeTables.get("rtb-a");
    if (!rt) throw new Error("no table");
    expect(lookupRoute(index, rt, parseIp("172.16.0.1") ?? 0n)?.target.kind).toBe("internet-gateway");
  });

  it("never let a propagated route override the local route, even a more specific one", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .vpnGateway("vgw-a", "vpc-a")
      .site("onprem-hq", ["10.0.5.0/24"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "vgw-a" })
      .routeTable("rtb-a", "vpc-a", { subnets: ["subnet-a"], propagatingVgws: ["vgw-a"] })
      .build();
    const index = indexTopology(t);
    const rt = index.routeTables.get("rtb-a");
    if (!rt) throw new Error("no table");
    expect(lookupRoute(index, rt, parseIp("10.0.5.1") ?? 0n)?.target.kind).toBe("local");
  });
});
