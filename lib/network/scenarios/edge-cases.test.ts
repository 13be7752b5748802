import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

const https = { protocol: "tcp" as const, destinationPort: 443 };

describe("Wavelength: carrier gateways", () => {
  function wavelength() {
    return network()
      .vpc("vpc-edge", "10.0.0.0/16")
      .with("subnets", { subnetId: "subnet-wlz", vpcId: "vpc-edge", cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1-wl1-bos-wlz-1", zoneType: "wavelength-zone" })
      .with("carrierGateways", { carrierGatewayId: "cagw-edge", vpcId: "vpc-edge" })
      .routeTable("rtb-wlz", "vpc-edge", { main: true, routes: { "0.0.0.0/0": "cagw-edge" } })
      .securityGroup("sg-game", { inbound: ["tcp 443 0.0.0.0/0"] })
      .with("networkInterfaces", { networkInterfaceId: "eni-game", subnetId: "subnet-wlz", privateIpAddress: "10.0.1.10", association: { carrierIp: "155.146.0.10" }, securityGroupIds: ["sg-game"], attachment: { instanceId: "i-game" } })
      .with("instances", { instanceId: "i-game" })
      .instance("i-nocarrier", "subnet-wlz", "10.0.1.11", { groups: ["sg-game"] })
      .build();
  }

  it("let a Wavelength instance with a carrier IP reach out through the carrier gateway, and the reply back", () => {
    const r = ok(analyze(wavelength(), { source: "i-game", destinationIp: "198.51.100.7", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-game", "subnet-wlz", "vpc-edge", "cagw-edge", "internet"]);
    expect(r.forwardPathComponents.find((c) => c.component.id === "cagw-edge")?.outboundHeader?.sourceAddresses).toEqual(["155.146.0.10"]);
  });

  it("need a carrier IP", () => {
    const r = ok(analyze(wavelength(), { source: "i-nocarrier", destinationIp: "198.51.100.7", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_PUBLIC_IP_ADDRESS", component: { id: "cagw-edge" } });
  });

  it("admit no connection initiated from the internet", () => {
    const r = ok(analyze(wavelength(), { source: "internet", destinationIp: "155.146.0.10", ...https }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "CARRIER_GATEWAY_NO_INBOUND", component: { id: "cagw-edge" } });
    expect(r.forwardDisposition).toBe("DENIED_IN");
  });
});

describe("NAT instances", () => {
  function natInstance(sourceDestCheck: boolean) {
    return network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-public", "vpc-a", "10.0.1.0/24")
      .subnet("subnet-private", "vpc-a", "10.0.2.0/24")
      .internetGateway("igw-a", "vpc-a")
      .routeTable("rtb-public", "vpc-a", { subnets: ["subnet-public"], routes: { "0.0.0.0/0": "igw-a" } })
      .routeTable("rtb-private", "vpc-a", { subnets: ["subnet-private"], routes: { "0.0.0.0/0": "i-nat" } })
      .securityGroup("sg-nat", { inbound: ["all * 10.0.0.0/16"] })
      .securityGroup("sg-app", {})
      .instance("i-nat", "subnet-public", "10.0.1.10", { groups: ["sg-nat"], publicIp: "54.0.0.10", sourceDestCheck })
      .instance("i-app", "subnet-private", "10.0.2.10", { groups: ["sg-app"] })
      .build();
  }

  it("forward and masquerade when the source/destination check is disabled", () => {
    const r = ok(analyze(natInstance(false), { source: "i-app", destinationIp: "8.8.8.8", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-app", "subnet-private", "vpc-a", "subnet-public", "i-nat", "subnet-public", "vpc-a", "igw-a", "internet"]);
    expect(r.forwardPathComponents.find((c) => c.component.id === "igw-a")?.outboundHeader?.sourceAddresses).toEqual(["54.0.0.10"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["internet", "igw-a", "vpc-a", "subnet-public", "i-nat", "subnet-public", "vpc-a", "subnet-private", "i-app"]);
  });

  it("drop traffic not addressed to themselves while the check is on", () => {
    const r = ok(analyze(natInstance(true), { source: "i-app", destinationIp: "8.8.8.8", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "SOURCE_DEST_CHECK_ENABLED", component: { id: "i-nat" } });
  });
});

describe("Client VPN", () => {
  function clientVpn(rules: { destinationCidr: string; accessAll?: boolean; groupId?: string }[]) {
    return network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .routeTable("rtb-a", "vpc-a", { main: true })
      .securityGroup("sg-vpn", {})
      .securityGroup("sg-app", { inbound: ["tcp 443 sg-vpn"] })
      .instance("i-app", "subnet-a", "10.0.1.20", { groups: ["sg-app"] })
      .with("clientVpnEndpoints", {
        clientVpnEndpointId: "cvpn-endpoint-office",
        clientCidrBlock: "172.31.0.0/22",
        vpcId: "vpc-a",
        securityGroupIds: ["sg-vpn"],
        targetNetworks: [{ targetNetworkId: "subnet-a" }],
        authorizationRules: rules,
        routes: [{ destinationCidr: "10.0.0.0/16", targetSubnet: "subnet-a", origin: "associate" }],
      })
      .build();
  }

  it("needs an authorization rule for the destination network", () => {
    const r = ok(analyze(clientVpn([]), { source: "cvpn-endpoint-office", destination: "i-app", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "CLIENT_VPN_NOT_AUTHORIZED", component: { id: "cvpn-endpoint-office" } });
  });

  it("admits only the group a rule names", () => {
    const t = clientVpn([{ destinationCidr: "10.0.0.0/16", accessAll: false, groupId: "engineers" }]);
    const outsider = ok(analyze(t, { source: "cvpn-endpoint-office", destination: "i-app", ...https }));
    expect(outsider.explanations[0]).toMatchObject({ explanationCode: "CLIENT_VPN_NOT_AUTHORIZED" });
    expect(outsider.explanations[0]?.message).toMatch(/engineers/);
    expect(ok(analyze(t, { source: "cvpn-endpoint-office", destination: "i-app", clientVpnGroups: ["engineers"], ...https })).networkPathFound).toBe(true);
  });

  it("routes authorized clients into the target subnet with the endpoint's address and security group", () => {
    const r = ok(analyze(clientVpn([{ destinationCidr: "10.0.0.0/16" }]), { source: "cvpn-endpoint-office", destination: "i-app", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["cvpn-endpoint-office", "i-app"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["i-app", "cvpn-endpoint-office"]);
    const noRoute = ok(analyze(clientVpn([{ destinationCidr: "0.0.0.0/0" }]), { source: "cvpn-endpoint-office", destinationIp: "8.8.8.8", ...https }));
    expect(noRoute.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "cvpn-endpoint-office" } });
  });
});

describe("Elastic Load Balancing", () => {
  const alb = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/shop/0123456789abcdef";
  const tg = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef";
  function shop(health: "healthy" | "unhealthy") {
    return network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-public", "vpc-a", "10.0.1.0/24", { az: "us-east-1a" })
      .subnet("subnet-app", "vpc-a", "10.0.2.0/24", { az: "us-east-1b" })
      .internetGateway("igw-a", "vpc-a")
      .routeTable("rtb-public", "vpc-a", { main: true, routes: { "0.0.0.0/0": "igw-a" } })
      .securityGroup("sg-alb", { inbound: ["tcp 443 0.0.0.0/0"] })
      .securityGroup("sg-app", { inbound: ["tcp 8080 sg-alb"] })
      .instance("i-app", "subnet-app", "10.0.2.10", { groups: ["sg-app"] })
      .with("loadBalancers", { loadBalancerArn: alb, loadBalancerName: "shop", type: "application", vpcId: "vpc-a", securityGroupIds: ["sg-alb"], availabilityZones: [{ zoneName: "us-east-1a", subnetId: "subnet-public", loadBalancerAddresses: [{ ipAddress: "3.1.1.1", privateIPv4Address: "10.0.1.100" }] }, { zoneName: "us-east-1b", subnetId: "subnet-app", loadBalancerAddresses: [{ ipAddress: "3.1.1.2", privateIPv4Address: "10.0.2.100" }] }] })
      .with("targetGroups", { targetGroupArn: tg, targetType: "instance", port: 8080, protocol: "HTTP", vpcId: "vpc-a", targets: [{ id: "i-app", health }] })
      .with("listeners", { listenerArn: `${alb.replace("loadbalancer", "listener")}/1`, loadBalancerArn: alb, port: 443, protocol: "HTTPS", defaultActions: [{ type: "forward", targetGroupArn: tg }] })
      .build();
  }

  it("take the internet's connection on the listener port and open a new one to the target", () => {
    const r = ok(analyze(shop("healthy"), { source: "internet", destination: "i-app", destinationIp: "3.1.1.1", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["internet", "igw-a", "vpc-a", "subnet-public", alb, "subnet-public", "vpc-a", "subnet-app", "i-app"]);
    const node = r.forwardPathComponents.find((c) => c.loadBalancerTarget);
    expect(node?.loadBalancerTarget).toMatchObject({ id: "i-app", port: 8080 });
    expect(node?.outboundHeader?.sourceAddresses).toEqual(["10.0.1.100"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["i-app", "subnet-app", "vpc-a", "subnet-public", alb, "subnet-public", "vpc-a", "igw-a", "internet"]);
  });

  it("refuse ports without a listener", () => {
    const r = ok(analyze(shop("healthy"), { source: "internet", destinationIp: "3.1.1.1", protocol: "tcp", destinationPort: 80 }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", component: { id: "sg-alb" } });
    const open = shop("healthy");
    const withOpenSg = { ...open, securityGroups: open.securityGroups.map((g) => (g.groupId === "sg-alb" ? { ...g, ipPermissions: [{ ipProtocol: "tcp", fromPort: 0, toPort: 65535, ipRanges: [{ cidrIp: "0.0.0.0/0" }], ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [] }] } : g)) };
    const r2 = ok(analyze(withOpenSg, { source: "internet", destinationIp: "3.1.1.1", protocol: "tcp", destinationPort: 80 }));
    expect(r2.explanations[0]).toMatchObject({ explanationCode: "ELBV2_NO_LISTENER", blockKind: "filter-denied-in" });
  });

  it("fail open when no target is healthy", () => {
    const r = ok(analyze(shop("unhealthy"), { source: "internet", destination: "i-app", destinationIp: "3.1.1.1", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardPathComponents.find((c) => c.loadBalancerTarget)?.note).toMatch(/failing open/);
  });

  it("send a Network Load Balancer target's reply back through the node when the client's address is kept", () => {
    const nlb = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/api/0123456789abcdef";
    const nlbTg = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/0123456789abcdef";
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-client", "vpc-a", "10.0.1.0/24", { az: "us-east-1a" })
      .subnet("subnet-api", "vpc-a", "10.0.2.0/24", { az: "us-east-1a" })
      .routeTable("rtb-main", "vpc-a", { main: true })
      .securityGroup("sg-api", { inbound: ["tcp 8080 10.0.1.0/24"] })
      .instance("i-client", "subnet-client", "10.0.1.10")
      .instance("i-api", "subnet-api", "10.0.2.10", { groups: ["sg-api"] })
      .with("loadBalancers", { loadBalancerArn: nlb, loadBalancerName: "api", type: "network", scheme: "internal", vpcId: "vpc-a", availabilityZones: [{ zoneName: "us-east-1a", subnetId: "subnet-api", loadBalancerAddresses: [{ privateIPv4Address: "10.0.2.100" }] }] })
      .with("targetGroups", { targetGroupArn: nlbTg, targetType: "instance", port: 8080, protocol: "TCP", vpcId: "vpc-a", targets: [{ id: "i-api" }] })
      .with("listeners", { listenerArn: `${nlb.replace("loadbalancer", "listener")}/1`, loadBalancerArn: nlb, port: 80, protocol: "TCP", defaultActions: [{ type: "forward", targetGroupArn: nlbTg }] })
      .build();
    const r = ok(analyze(t, { source: "i-client", destination: "i-api", destinationIp: "10.0.2.100", protocol: "tcp", destinationPort: 80 }));
    expect(r.networkPathFound).toBe(true);
    // The target's security group sees the client's own address.
    expect(r.forwardPathComponents.find((c) => c.loadBalancerTarget)?.outboundHeader?.sourceAddresses).toEqual(["10.0.1.10"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["i-api", nlb, "subnet-api", "vpc-a", "subnet-client", "i-client"]);
    expect(r.returnPathComponents.at(-1)?.inboundHeader?.sourceAddresses).toEqual(["10.0.2.100"]);
  });
});
