import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

const https = { protocol: "tcp" as const, destinationPort: 443 };

// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html: "You can control whether
// PrivateLink traffic is subject to inbound rules. If you enable inbound rules for PrivateLink traffic, the source of the traffic
// is the private IP address of the client, not the endpoint interface." (EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic, default on)
describe("PrivateLink to a Network Load Balancer with security groups", () => {
  const nlb = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/orders/0123456789abcdef";
  const tg = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/orders/0123456789abcdef";
  function privateLink(nlbRule: string, enforce?: "on" | "off") {
    return network()
      .vpc("vpc-consumer", "10.0.0.0/16")
      .vpc("vpc-provider", "10.50.0.0/16")
      .subnet("subnet-consumer", "vpc-consumer", "10.0.1.0/24", { az: "us-east-1a" })
      .subnet("subnet-provider", "vpc-provider", "10.50.1.0/24", { az: "us-east-1a" })
      .routeTable("rtb-consumer", "vpc-consumer", { main: true })
      .routeTable("rtb-provider", "vpc-provider", { main: true })
      .securityGroup("sg-client", {})
      .securityGroup("sg-endpoint", { inbound: ["tcp 443 10.0.0.0/16"] })
      .securityGroup("sg-nlb", { inbound: [nlbRule] })
      .securityGroup("sg-orders", { inbound: ["tcp 443 sg-nlb"] })
      .instance("i-client", "subnet-consumer", "10.0.1.10", { groups: ["sg-client"] })
      .instance("i-orders", "subnet-provider", "10.50.1.20", { groups: ["sg-orders"] })
      .with("loadBalancers", {
        loadBalancerArn: nlb,
        loadBalancerName: "orders",
        type: "network",
        scheme: "internal",
        vpcId: "vpc-provider",
        securityGroupIds: ["sg-nlb"],
        ...(enforce ? { enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: enforce } : {}),
        availabilityZones: [{ zoneName: "us-east-1a", subnetId: "subnet-provider", loadBalancerAddresses: [{ privateIPv4Address: "10.50.1.100" }] }],
      })
      .with("targetGroups", { targetGroupArn: tg, targetType: "ip", port: 443, protocol: "TCP", vpcId: "vpc-provider", targets: [{ id: "10.50.1.20", port: 443 }] })
      .with("listeners", { listenerArn: `${nlb.replace("loadbalancer", "listener")}/1`, loadBalancerArn: nlb, port: 443, protocol: "TCP", defaultActions: [{ type: "forward", targetGroupArn: tg }] })
      .with("vpcEndpointServices", { serviceId: "vpce-svc-orders", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-orders", networkLoadBalancerArns: [nlb] })
      .with("vpcEndpoints", { vpcEndpointId: "vpce-orders", vpcEndpointType: "Interface", vpcId: "vpc-consumer", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-orders", subnetIds: ["subnet-consumer"], securityGroupIds: ["sg-endpoint"] })
      .build();
  }
  const query = { source: "i-client", destination: "i-orders", destinationIp: "10.0.1.6", ...https };

  it("applies the load balancer's inbound rules to the client's private address by default", () => {
    const allowed = ok(analyze(privateLink("tcp 443 10.0.1.10/32"), query));
    expect(allowed.networkPathFound).toBe(true);
    expect(pathHops(allowed.forwardPathComponents)).toEqual(["i-client", "vpce-orders", nlb, "i-orders"]);
    // The endpoint's own address is not the source the rules see.
    const byEndpointAddress = ok(analyze(privateLink("tcp 443 10.0.1.6/32"), query));
    expect(byEndpointAddress.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", component: { id: "sg-nlb" }, direction: "ingress" });
    expect(byEndpointAddress.explanations[0]?.message).toContain("from 10.0.1.10, the client's private address");
    expect(byEndpointAddress.explanations[0]?.message).toContain("EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic is on");
  });

  it("lets PrivateLink traffic past the load balancer's groups when the setting is off", () => {
    expect(ok(analyze(privateLink("tcp 443 10.0.1.6/32", "off"), query)).networkPathFound).toBe(true);
  });
});

/**
 * A rule or route naming a prefix list the topology cannot resolve is
 * reported where it would matter. (Built only into the model: the snapshot
 * reader itself warns about such a rule, by design, which a round trip
 * through AWS's JSON treats as a failure.)
 */
describe("prefix lists the topology cannot resolve", () => {
  function office(withList: boolean) {
    const b = network()
      .onlyInModel("the snapshot reader warns about a rule whose prefix list it cannot resolve")
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-web", "vpc-a", "10.0.1.0/24")
      .internetGateway("igw-a", "vpc-a")
      .routeTable("rtb-web", "vpc-a", { main: true, routes: { "0.0.0.0/0": "igw-a" } })
      .securityGroup("sg-web", { inbound: ["tcp 22 pl-office", "tcp 443 0.0.0.0/0"] })
      .instance("i-web", "subnet-web", "10.0.1.10", { groups: ["sg-web"], publicIp: "198.51.100.10" });
    return (withList ? b.prefixList("pl-office", ["192.0.2.0/24"], "office") : b).build();
  }
  const ssh = { source: "internet", sourceIp: "192.0.2.7", destination: "i-web", protocol: "tcp" as const, destinationPort: 22 };

  it("resolve to their entries when the topology holds them", () => {
    const r = ok(analyze(office(true), ssh));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardPathComponents.some((c) => c.securityGroupRule?.prefixListId === "pl-office")).toBe(true);
  });

  it("a security group rule naming one is reported in the explanation of the block it could have prevented", () => {
    const r = ok(analyze(office(false), ssh));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", unresolvedPrefixLists: [{ prefixListId: "pl-office", usedBy: "sg-web inbound tcp 22" }] });
    expect(r.explanations[0]?.message).toContain("Rule sg-web inbound tcp 22 names prefix list pl-office, whose entries are not in the topology (capture them with get-managed-prefix-list-entries); if pl-office holds 192.0.2.7, that rule allows the packet.");
    // Where the rule would not have mattered (another port), the explanation does not mention it.
    expect(ok(analyze(office(false), { ...ssh, destinationPort: 3389 })).explanations[0]?.unresolvedPrefixLists).toBeUndefined();
  });

  it("a route naming one is reported when the table then has no route", () => {
    const t = network()
      .onlyInModel("the snapshot reader warns about a route whose prefix list it cannot resolve")
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "pl-partners": "igw-a" } })
      .internetGateway("igw-a", "vpc-a")
      .instance("i-a", "subnet-a", "10.0.1.10")
      .build();
    const r = ok(analyze(t, { source: "i-a", destinationIp: "203.0.113.9", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "rtb-a" }, unresolvedPrefixLists: [{ prefixListId: "pl-partners", usedBy: "rtb-a route pl-partners → igw-a" }] });
  });
});
