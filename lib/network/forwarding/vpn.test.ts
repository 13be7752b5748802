import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

function vpcWithVgw() {
  return network()
    .vpc("vpc-a", "10.0.0.0/16")
    .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
    .vpnGateway("vgw-a", "vpc-a")
    .routeTable("rtb-a", "vpc-a", { main: true, propagatingVgws: ["vgw-a"] })
    .securityGroup("sg-open", { inbound: ["all * 0.0.0.0/0"] })
    .instance("i-a", "subnet-a", "10.0.1.10", { groups: ["sg-open"] });
}

const ssh = { protocol: "tcp" as const, destinationPort: 22 };

describe("Site-to-Site VPN", () => {
  it("reaches the on-premises network over BGP-propagated routes, and back", () => {
    const t = vpcWithVgw().site("onprem-hq", ["192.168.0.0/16"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "vgw-a", tunnels: ["UP", "DOWN"] }).build();
    const r = ok(analyze(t, { source: "i-a", destination: "onprem-hq", ...ssh }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardPathComponents.find((c) => c.component.type === "route-table")?.routeTableRoute).toMatchObject({ destinationCidr: "192.168.0.0/16", gatewayId: "vgw-a", origin: "EnableVgwRoutePropagation" });
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-a", "subnet-a", "vpc-a", "vgw-a", "onprem-hq"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["onprem-hq", "vgw-a", "vpc-a", "subnet-a", "i-a"]);
  });

  it("needs at least one tunnel up", () => {
    const t = vpcWithVgw()
      .routeTable("rtb-static", "vpc-a", { subnets: ["subnet-a"], routes: { "192.168.0.0/16": "vgw-a" } })
      .site("onprem-hq", ["192.168.0.0/16"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "vgw-a", tunnels: ["DOWN", "DOWN"] })
      .build();
    const r = ok(analyze(t, { source: "i-a", destination: "onprem-hq", ...ssh }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "BAD_STATE_VPN", component: { id: "vpn-hq" } });
  });

  it("cannot be accelerated on a virtual private gateway", () => {
    const t = vpcWithVgw().site("onprem-hq", ["192.168.0.0/16"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "vgw-a" }).build();
    const accelerated = { ...t, vpnConnections: t.vpnConnections.map((v) => ({ ...v, options: { ...v.options, enableAcceleration: true } })) };
    const r = ok(analyze(accelerated, { source: "onprem-hq", destination: "i-a", ...ssh }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "BAD_STATE_VPN", component: { id: "vpn-hq" } });
    expect(r.explanations[0]?.message).toMatch(/only on a transit gateway/);
  });

  it("uses the longest prefix, then prefers static VPN routes over BGP routes", () => {
    const t = vpcWithVgw()
      .site("onprem-bgp", ["172.16.0.0/16"], { customerGatewayId: "cgw-bgp", vpnConnectionId: "vpn-bgp", to: "vgw-a" })
      .site("onprem-static", ["172.16.0.0/16"], { customerGatewayId: "cgw-static", vpnConnectionId: "vpn-static", to: "vgw-a", staticRoutes: ["172.16.0.0/16"] })
      .build();
    const r = ok(analyze(t, { source: "i-a", destinationIp: "172.16.1.1", ...ssh }));
    expect(r.forwardPathComponents.map((c) => c.component.id)).toContain("vpn-static");
  });

  it("VPN CloudHub relays between sites with non-overlapping ranges", () => {
    const t = vpcWithVgw()
      .site("onprem-paris", ["192.168.1.0/24"], { customerGatewayId: "cgw-paris", vpnConnectionId: "vpn-paris", to: "vgw-a" })
      .site("onprem-tokyo", ["192.168.2.0/24"], { customerGatewayId: "cgw-tokyo", vpnConnectionId: "vpn-tokyo", to: "vgw-a" })
      .build();
    const r = ok(analyze(t, { source: "onprem-paris", destination: "onprem-tokyo", ...ssh }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["onprem-paris", "vgw-a", "onprem-tokyo"]);
  });

  it("VPN CloudHub cannot relay between sites whose ranges overlap", () => {
    const t = vpcWithVgw()
      .site("onprem-paris", ["192.168.0.0/16"], { customerGatewayId: "cgw-paris", vpnConnectionId: "vpn-paris", to: "vgw-a" })
      .site("onprem-tokyo", ["192.168.2.0/24"], { customerGatewayId: "cgw-tokyo", vpnConnectionId: "vpn-tokyo", to: "vgw-a" })
      .build();
    const r = ok(analyze(t, { source: "onprem-paris", destination: "onprem-tokyo", ...ssh }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "CLOUDHUB_OVERLAPPING_RANGES", component: { id: "vgw-a" } });
  });

  it("does not carry on-premises traffic to the internet through the VPC (edge-to-edge)", () => {
    const t = vpcWithVgw()
      .internetGateway("igw-a", "vpc-a")
      .site("onprem-hq", ["192.168.0.0/16"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "vgw-a" })
      .build();
    const r = ok(analyze(t, { source: "onprem-hq", destinationIp: "8.8.8.8", ...ssh }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "vgw-a" } });
  });

  it("terminates on a transit gateway, whose VPN attachment propagates the site's routes", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .transitGateway("tgw-hub")
      .site("onprem-hq", ["192.168.0.0/16"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "tgw-hub" })
      .tgwAttachment("tgw-attach-vpc", "tgw-hub", "vpc", "vpc-a", { subnets: ["subnet-a"], routeTable: "tgw-rtb-main" })
      .tgwAttachment("tgw-attach-vpn", "tgw-hub", "vpn", "vpn-hq", { routeTable: "tgw-rtb-main" })
      .tgwRouteTable("tgw-rtb-main", "tgw-hub", { propagations: ["tgw-attach-vpc", "tgw-attach-vpn"] })
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "192.168.0.0/16": "tgw-hub" } })
      .securityGroup("sg-open", { inbound: ["all * 0.0.0.0/0"] })
      .instance("i-a", "subnet-a", "10.0.1.10", { groups: ["sg-open"] })
      .build();
    const r = ok(analyze(t, { source: "onprem-hq", destination: "i-a", ...ssh }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["onprem-hq", "tgw-hub", "vpc-a", "subnet-a", "i-a"]);
  });
});

describe("Direct Connect with a VPN backup", () => {
  function hybrid(options: { dxDown?: boolean } = {}) {
    const b = vpcWithVgw()
      .directConnect("onprem-dc", ["172.20.0.0/16"], { connectionId: "dxcon-fra1", virtualInterfaceId: "dxvif-private", type: "private", to: "vgw-a" })
      .site("onprem-dc", ["172.20.0.0/16"], { customerGatewayId: "cgw-dc", vpnConnectionId: "vpn-backup", to: "vgw-a" });
    const t = b.build();
    if (!options.dxDown) return t;
    return { ...t, virtualInterfaces: t.virtualInterfaces.map((v) => ({ ...v, virtualInterfaceState: "down" as const })) };
  }

  it("prefers Direct Connect over the VPN for the same prefix", () => {
    const r = ok(analyze(hybrid(), { source: "i-a", destination: "onprem-dc", ...ssh }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardPathComponents.map((c) => c.component.id)).toContain("dxvif-private");
    expect(r.forwardPathComponents.map((c) => c.component.id)).not.toContain("vpn-backup");
  });

  it("falls back to the VPN when the virtual interface is down", () => {
    const r = ok(analyze(hybrid({ dxDown: true }), { source: "i-a", destination: "onprem-dc", ...ssh }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardPathComponents.map((c) => c.component.id)).toContain("vpn-backup");
  });

  it("enters from on premises over Direct Connect first", () => {
    const r = ok(analyze(hybrid(), { source: "onprem-dc", destination: "i-a", ...ssh }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["onprem-dc", "vgw-a", "vpc-a", "subnet-a", "i-a"]);
    expect(r.forwardPathComponents.map((c) => c.component.id)).toContain("dxvif-private");
  });

  it("reaches a transit gateway through a Direct Connect gateway only for allowed prefixes", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .subnet("subnet-b", "vpc-a", "10.0.2.0/24")
      .transitGateway("tgw-hub")
      .directConnect("onprem-dc", ["172.20.0.0/16"], { connectionId: "dxcon-fra1", virtualInterfaceId: "dxvif-transit", type: "transit", to: "dxgw-main" })
      .directConnectGateway("dxgw-main", [{ gatewayId: "tgw-hub", allowedPrefixes: ["10.0.1.0/24"] }])
      .tgwAttachment("tgw-attach-vpc", "tgw-hub", "vpc", "vpc-a", { subnets: ["subnet-a"], routeTable: "tgw-rtb-main" })
      .tgwAttachment("tgw-attach-dx", "tgw-hub", "direct-connect-gateway", "dxgw-main", { routeTable: "tgw-rtb-main" })
      .tgwRouteTable("tgw-rtb-main", "tgw-hub", { propagations: ["tgw-attach-vpc", "tgw-attach-dx"] })
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "172.20.0.0/16": "tgw-hub" } })
      .securityGroup("sg-open", { inbound: ["all * 0.0.0.0/0"] })
      .instance("i-a", "subnet-a", "10.0.1.10", { groups: ["sg-open"] })
      .instance("i-b", "subnet-b", "10.0.2.10", { groups: ["sg-open"] })
      .build();
    const a = ok(analyze(t, { source: "onprem-dc", destination: "i-a", ...ssh }));
    expect(a.networkPathFound).toBe(true);
    expect(pathHops(a.forwardPathComponents)).toEqual(["onprem-dc", "dxgw-main", "tgw-hub", "vpc-a", "subnet-a", "i-a"]);
    const b = ok(analyze(t, { source: "onprem-dc", destination: "i-b", ...ssh }));
    expect(b.explanations[0]).toMatchObject({ explanationCode: "DX_PREFIX_NOT_ALLOWED" });
  });

  it("reaches AWS public services, and nothing private, over a public virtual interface", () => {
    const t = vpcWithVgw()
      .awsService("com.amazonaws.eu-central-1.s3", ["52.219.0.0/16"])
      .directConnect("onprem-public", ["198.51.100.0/24"], { connectionId: "dxcon-fra1", virtualInterfaceId: "dxvif-public", type: "public" })
      .build();
    const s3 = ok(analyze(t, { source: "onprem-public", destinationIp: "52.219.1.1", ...ssh }));
    expect(s3.networkPathFound).toBe(true);
    expect(s3.forwardDisposition).toBe("EXITS_NETWORK");
    const vpc = ok(analyze(t, { source: "onprem-public", destination: "i-a", ...ssh }));
    expect(vpc.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "dxvif-public" } });
  });
});
