import { describe, expect, it } from "vitest";
import { analyze, pathHops } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";

/**
 * AWS's published address ranges (ip-ranges.json,
 * https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html): an
 * address in EC2's space that no resource in the topology holds has nowhere
 * to go on AWS's network; an address of a public service (S3, or AMAZON
 * alone) is that service. Prefixes as AWS lists them: once per service.
 */
function shop(options: { ranges?: boolean } = {}) {
  const b = network()
    .vpc("vpc-shop", "10.0.0.0/16")
    .subnet("subnet-web", "vpc-shop", "10.0.1.0/24")
    .subnet("subnet-app", "vpc-shop", "10.0.2.0/24")
    .internetGateway("igw-shop", "vpc-shop")
    .natGateway("nat-shop", "subnet-web", { privateIp: "10.0.1.5", publicIp: "54.186.0.5" })
    .routeTable("rtb-web", "vpc-shop", { subnets: ["subnet-web"], routes: { "0.0.0.0/0": "igw-shop", "::/0": "igw-shop" } })
    .routeTable("rtb-app", "vpc-shop", { subnets: ["subnet-app"], routes: { "0.0.0.0/0": "nat-shop" } })
    .securityGroup("sg-web", { inbound: ["tcp 443 0.0.0.0/0"] })
    .securityGroup("sg-app", {})
    // Public IPs AWS handed out from its us-west-2 EC2 space.
    .instance("i-web", "subnet-web", "10.0.1.10", { groups: ["sg-web"], publicIp: "54.191.0.10" })
    .instance("i-app", "subnet-app", "10.0.2.10", { groups: ["sg-app"] });
  if (options.ranges === false) return b.build();
  return b
    .awsIpRange("54.184.0.0/13", "us-west-2", ["AMAZON", "EC2"])
    .awsIpRange("52.216.0.0/15", "us-east-1", ["AMAZON", "S3"])
    .awsIpRange("52.94.0.0/22", "us-west-2", ["AMAZON"])
    // A more specific prefix inside EC2's space, listed for another service: the most specific prefix decides.
    .awsIpRange("54.185.8.0/24", "us-west-2", ["AMAZON", "ROUTE53_HEALTHCHECKS"])
    .awsIpRange("2600:1f14::/35", "us-west-2", ["AMAZON", "EC2"])
    .build();
}

const https = { protocol: "tcp" as const, destinationPort: 443 };

describe("AWS's published IP address ranges", () => {
  it("drop a packet from the internet to an EC2 address no resource in the topology holds", () => {
    const r = ok(analyze(shop(), { source: "internet", sourceIp: "8.8.8.8", destinationIp: "54.191.107.23", protocol: "0" }));
    expect(r.networkPathFound).toBe(false);
    expect(r.forwardDisposition).toBe("NULL_ROUTED");
    expect(r.blockKind).toBe("blackhole-route");
    expect(pathHops(r.forwardPathComponents)).toEqual(["internet", "aws-network"]);
    const e = r.explanations[0];
    expect(e).toMatchObject({ explanationCode: "UNASSIGNED_AWS_ADDRESS", component: { id: "aws-network", type: "internet" }, documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html" });
    expect(e?.message).toContain("54.184.0.0/13");
    expect(e?.message).toContain("us-west-2");
    expect(e?.message).toMatch(/another AWS account outside this topology/);
  });

  it("still deliver to an instance whose public IP is in that EC2 prefix (owners come first)", () => {
    const r = ok(analyze(shop(), { source: "internet", sourceIp: "8.8.8.8", destinationIp: "54.191.0.10", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardDisposition).toBe("ACCEPTED");
    expect(pathHops(r.forwardPathComponents)).toEqual(["internet", "igw-shop", "vpc-shop", "subnet-web", "i-web"]);
    expect(r.returnDisposition).toBe("ACCEPTED");
  });

  it("let an instance reach an S3 address as the AWS service, and the reply come back", () => {
    const r = ok(analyze(shop(), { source: "i-app", destinationIp: "52.216.10.20", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardDisposition).toBe("EXITS_NETWORK");
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-app", "subnet-app", "vpc-shop", "subnet-web", "nat-shop", "subnet-web", "vpc-shop", "igw-shop", "aws-service"]);
    expect(r.forwardPathComponents.at(-1)?.component).toEqual({ id: "52.216.0.0/15", type: "aws-service", name: "S3 (us-east-1)" });
    expect(pathHops(r.returnPathComponents).at(-1)).toBe("i-app");
  });

  it("treat a prefix listed only as AMAZON as an AWS service, and let the most specific prefix decide", () => {
    const amazon = ok(analyze(shop(), { source: "i-web", destinationIp: "52.94.1.1", ...https }));
    expect(amazon.forwardDisposition).toBe("EXITS_NETWORK");
    expect(amazon.forwardPathComponents.at(-1)?.component).toMatchObject({ type: "aws-service", name: "AWS (us-west-2)" });
    const healthChecks = ok(analyze(shop(), { source: "i-web", destinationIp: "54.185.8.9", ...https }));
    expect(healthChecks.forwardDisposition).toBe("EXITS_NETWORK");
    expect(healthChecks.forwardPathComponents.at(-1)?.component).toMatchObject({ id: "54.185.8.0/24", name: "ROUTE53_HEALTHCHECKS (us-west-2)" });
  });

  it("drop traffic from inside a VPC, through an internet or NAT gateway, to an unassigned EC2 address", () => {
    const viaIgw = ok(analyze(shop(), { source: "i-web", destinationIp: "54.190.1.1", ...https }));
    expect(viaIgw.explanations[0]?.explanationCode).toBe("UNASSIGNED_AWS_ADDRESS");
    expect(pathHops(viaIgw.forwardPathComponents)).toEqual(["i-web", "subnet-web", "vpc-shop", "igw-shop", "aws-network"]);
    const viaNat = ok(analyze(shop(), { source: "i-app", destinationIp: "54.190.1.1", ...https }));
    expect(viaNat.forwardDisposition).toBe("NULL_ROUTED");
    const v6 = ok(analyze(shop(), { source: "internet", sourceIp: "2001:db8::7", destinationIp: "2600:1f14::99", ...https }));
    expect(v6.explanations[0]).toMatchObject({ explanationCode: "UNASSIGNED_AWS_ADDRESS" });
  });

  it("leave a NAT gateway's Elastic IP in EC2 space to the NAT gateway, and return replies to a sender in EC2 space", () => {
    // 54.186.0.5 is the NAT gateway's Elastic IP: held in the topology, so not dropped on AWS's network.
    const toNat = ok(analyze(shop(), { source: "internet", destinationIp: "54.186.0.5", ...https }));
    expect(toNat.explanations[0]).toMatchObject({ explanationCode: "NAT_GATEWAY_NO_INBOUND", component: { id: "nat-shop" } });
    // A host in another account (54.190.7.7) connects to i-web: the reply goes back to it.
    const fromEc2 = ok(analyze(shop(), { source: "internet", sourceIp: "54.190.7.7", destinationIp: "54.191.0.10", ...https }));
    expect(fromEc2.forwardDisposition).toBe("ACCEPTED");
    expect(fromEc2.returnDisposition).toBe("ACCEPTED");
    expect(pathHops(fromEc2.returnPathComponents).at(-1)).toBe("aws-network");
  });

  it("take a public virtual interface to AWS's published ranges", () => {
    const t = network()
      .awsIpRange("52.216.0.0/15", "us-east-1", ["AMAZON", "S3"])
      .awsIpRange("54.184.0.0/13", "us-west-2", ["AMAZON", "EC2"])
      .directConnect("onprem-public", ["198.51.100.0/24"], { connectionId: "dxcon-1", virtualInterfaceId: "dxvif-public", type: "public" })
      .build();
    const s3 = ok(analyze(t, { source: "onprem-public", destinationIp: "52.216.1.1", ...https }));
    expect(s3.forwardDisposition).toBe("EXITS_NETWORK");
    const unassigned = ok(analyze(t, { source: "onprem-public", destinationIp: "54.190.1.1", ...https }));
    expect(unassigned.explanations[0]?.explanationCode).toBe("UNASSIGNED_AWS_ADDRESS");
  });

  it("change nothing when the topology has no awsIpRanges", () => {
    const t = shop({ ranges: false });
    const r = ok(analyze(t, { source: "internet", sourceIp: "8.8.8.8", destinationIp: "54.191.107.23", protocol: "0" }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardDisposition).toBe("EXITS_NETWORK");
    expect(pathHops(r.forwardPathComponents)).toEqual(["internet"]);
    const s3 = ok(analyze(t, { source: "i-app", destinationIp: "52.216.10.20", ...https }));
    expect(pathHops(s3.forwardPathComponents).at(-1)).toBe("internet");
  });
});
