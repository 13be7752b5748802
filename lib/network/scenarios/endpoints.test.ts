import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

const S3 = "com.amazonaws.us-east-1.s3";
const SQS = "com.amazonaws.us-east-1.sqs";

/** The deep dive's endpoints diagram: a private subnet reaching S3 through a gateway endpoint and SQS through an interface endpoint. */
function endpoints(options: { policy?: string; privateDns?: boolean; endpointSgOpen?: boolean } = {}) {
  return network()
    .vpc("vpc-a", "10.0.0.0/16")
    .vpc("vpc-b", "10.9.0.0/16")
    .subnet("subnet-private", "vpc-a", "10.0.1.0/24")
    .subnet("subnet-endpoints", "vpc-a", "10.0.2.0/24")
    .subnet("subnet-b", "vpc-b", "10.9.1.0/24")
    .prefixList("pl-s3", ["52.216.0.0/15"], S3)
    .awsService(S3, ["52.216.0.0/15"], "pl-s3")
    .awsService(SQS, ["52.46.0.0/18"])
    .peering("pcx-ab", "vpc-a", "vpc-b")
    .routeTable("rtb-private", "vpc-a", { main: true, routes: { "pl-s3": "vpce-s3", "10.9.0.0/16": "pcx-ab" } })
    .routeTable("rtb-b", "vpc-b", { main: true, routes: { "10.0.0.0/16": "pcx-ab", "52.216.0.0/15": "pcx-ab" } })
    .securityGroup("sg-app", { inbound: ["all * 10.0.0.0/8"] })
    .securityGroup("sg-endpoint", { inbound: options.endpointSgOpen === false ? [] : ["tcp 443 10.0.0.0/8"] })
    .instance("i-app", "subnet-private", "10.0.1.10", { groups: ["sg-app"] })
    .instance("i-b", "subnet-b", "10.9.1.10", { groups: ["sg-app"] })
    .with("vpcEndpoints", {
      vpcEndpointId: "vpce-s3",
      vpcEndpointType: "Gateway",
      vpcId: "vpc-a",
      serviceName: S3,
      routeTableIds: ["rtb-private"],
      ...(options.policy ? { policyDocument: options.policy } : {}),
    })
    .with("vpcEndpoints", {
      vpcEndpointId: "vpce-sqs",
      vpcEndpointType: "Interface",
      vpcId: "vpc-a",
      serviceName: SQS,
      subnetIds: ["subnet-endpoints"],
      securityGroupIds: ["sg-endpoint"],
      privateDnsEnabled: options.privateDns ?? true,
    })
    .build();
}

const https = { protocol: "tcp" as const, destinationPort: 443 };

describe("gateway endpoints", () => {
  it("carry traffic to S3 from their VPC through the prefix-list route", () => {
    const r = ok(analyze(endpoints(), { source: "i-app", destinationIp: "52.216.10.10", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardDisposition).toBe("EXITS_NETWORK");
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-app", "subnet-private", "vpc-a", "vpce-s3"]);
    expect(r.forwardPathComponents.find((c) => c.component.type === "route-table")?.routeTableRoute).toMatchObject({ destinationPrefixListId: "pl-s3", gatewayId: "vpce-s3" });
    expect(pathHops(r.returnPathComponents)).toEqual(["vpce-s3", "vpc-a", "subnet-private", "i-app"]);
  });

  it("are not reachable from a peered VPC (no edge-to-edge routing)", () => {
    const r = ok(analyze(endpoints(), { source: "i-b", destinationIp: "52.216.10.10", ...https }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "EDGE_TO_EDGE_ROUTING", component: { id: "pcx-ab" } });
  });

  it("obey the endpoint policy", () => {
    const deny = JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }] });
    const r = ok(analyze(endpoints({ policy: deny }), { source: "i-app", destinationIp: "52.216.10.10", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENDPOINT_POLICY_DENY", component: { id: "vpce-s3" } });
    const allowBucket = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::shop/*" }] });
    expect(ok(analyze(endpoints({ policy: allowBucket }), { source: "i-app", destinationIp: "52.216.10.10", ...https })).networkPathFound).toBe(true);
  });
});

describe("interface endpoints", () => {
  it("resolve the service name to the endpoint with private DNS, guarded by the endpoint's security group", () => {
    const r = ok(analyze(endpoints(), { source: "i-app", destination: SQS, ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(r.query.destination?.id).toBe("vpce-sqs");
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-app", "subnet-private", "vpc-a", "subnet-endpoints", "vpce-sqs"]);
    expect(r.forwardPathComponents.find((c) => c.securityGroupRule?.direction === "ingress")?.securityGroupRule?.securityGroupId).toBe("sg-endpoint");
  });

  it("without private DNS the name resolves to the public service, which a private subnet cannot reach", () => {
    const r = ok(analyze(endpoints({ privateDns: false }), { source: "i-app", destination: SQS, ...https }));
    expect(r.query.destination?.id).toBe(SQS);
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]?.explanationCode).toBe("NO_ROUTE_TO_DESTINATION");
  });

  it("block callers that the endpoint's security group does not admit", () => {
    const r = ok(analyze(endpoints({ endpointSgOpen: false }), { source: "i-app", destination: "vpce-sqs", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", component: { id: "sg-endpoint" } });
  });

  it("are reachable from a peered VPC", () => {
    const r = ok(analyze(endpoints(), { source: "i-b", destination: "vpce-sqs", ...https }));
    expect(r.networkPathFound).toBe(true);
  });
});

describe("PrivateLink endpoint services", () => {
  const nlb = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/billing/0123456789abcdef";
  const tg = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/billing/0123456789abcdef";
  function privateLink(acceptance: "Available" | "PendingAcceptance") {
    return network()
      .vpc("vpc-consumer", "10.0.0.0/16")
      .vpc("vpc-provider", "10.0.0.0/16")
      .subnet("subnet-consumer", "vpc-consumer", "10.0.1.0/24", { az: "us-east-1a" })
      .subnet("subnet-provider", "vpc-provider", "10.0.1.0/24", { az: "us-east-1a" })
      .routeTable("rtb-consumer", "vpc-consumer", { main: true })
      .routeTable("rtb-provider", "vpc-provider", { main: true })
      .securityGroup("sg-open", { inbound: ["tcp 443 10.0.0.0/16"] })
      .instance("i-client", "subnet-consumer", "10.0.1.10", { groups: ["sg-open"] })
      .instance("i-billing", "subnet-provider", "10.0.1.20", { groups: ["sg-open"] })
      .with("loadBalancers", { loadBalancerArn: nlb, loadBalancerName: "billing", type: "network", scheme: "internal", vpcId: "vpc-provider", availabilityZones: [{ zoneName: "us-east-1a", subnetId: "subnet-provider", loadBalancerAddresses: [{ privateIPv4Address: "10.0.1.100" }] }] })
      .with("targetGroups", { targetGroupArn: tg, targetType: "ip", port: 443, protocol: "TCP", vpcId: "vpc-provider", targets: [{ id: "10.0.1.20", port: 443 }] })
      .with("listeners", { listenerArn: `${nlb.replace("loadbalancer", "listener")}/1`, loadBalancerArn: nlb, port: 443, protocol: "TCP", defaultActions: [{ type: "forward", targetGroupArn: tg }] })
      .with("vpcEndpointServices", { serviceId: "vpce-svc-billing", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-billing", networkLoadBalancerArns: [nlb], acceptanceRequired: true })
      .with("vpcEndpoints", { vpcEndpointId: "vpce-billing", vpcEndpointType: "Interface", vpcId: "vpc-consumer", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-billing", subnetIds: ["subnet-consumer"], securityGroupIds: ["sg-open"], state: acceptance })
      .build();
  }

  it("carries the consumer's connection to the provider's NLB and target, even with overlapping CIDR blocks", () => {
    const r = ok(analyze(privateLink("Available"), { source: "i-client", destination: "i-billing", destinationIp: "10.0.1.6", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-client", "vpce-billing", nlb, "i-billing"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["i-billing", nlb, "vpce-billing", "i-client"]);
  });

  it("needs the provider to accept the endpoint connection", () => {
    const r = ok(analyze(privateLink("PendingAcceptance"), { source: "i-client", destination: "vpce-billing", ...https }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "BAD_STATE", component: { id: "vpce-billing" } });
  });
});
