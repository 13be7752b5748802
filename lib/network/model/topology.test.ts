import { describe, expect, it } from "vitest";
import { parseTopology } from "./topology";

describe("topologySchema", () => {
  it("accepts a short hand-written topology and fills AWS defaults", () => {
    const result = parseTopology({
      vpcs: [{ vpcId: "vpc-shop", cidrBlock: "10.0.0.0/16" }],
      subnets: [{ subnetId: "subnet-web", vpcId: "vpc-shop", cidrBlock: "10.0.1.0/24" }],
      securityGroups: [{ groupId: "sg-web" }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.routeTables).toEqual([]);
    // A new security group allows all outbound traffic in AWS.
    expect(result.topology.securityGroups[0]?.ipPermissionsEgress[0]?.ipRanges[0]?.cidrIp).toBe("0.0.0.0/0");
  });

  it("reports bad ids and CIDR blocks with the path to the field", () => {
    const result = parseTopology({
      vpcs: [{ vpcId: "shop", cidrBlock: "10.0.0.0/16" }],
      subnets: [{ subnetId: "subnet-a", vpcId: "vpc-a", cidrBlock: "10.0.1.0/33" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(["vpcs.0.vpcId", "subnets.0.cidrBlock"]);
  });

  it("rejects misspelt fields instead of silently dropping them", () => {
    const result = parseTopology({ vpcs: [{ vpcId: "vpc-a", cidrblock: "10.0.0.0/16" }] });
    expect(result.ok).toBe(false);
  });

  it("needs exactly one destination on a route", () => {
    const result = parseTopology({
      routeTables: [{ routeTableId: "rtb-a", vpcId: "vpc-a", routes: [{ gatewayId: "igw-a" }] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.path).toBe("routeTables.0.routes.0");
  });

  it("holds AWS's published address ranges, IPv4 and IPv6, one entry per prefix and service", () => {
    const result = parseTopology({
      awsIpRanges: [
        { ipPrefix: "54.184.0.0/13", region: "us-west-2", networkBorderGroup: "us-west-2", service: "AMAZON" },
        { ipPrefix: "54.184.0.0/13", region: "us-west-2", networkBorderGroup: "us-west-2", service: "EC2" },
        { ipPrefix: "2600:1f14::/35", region: "us-west-2", service: "EC2" },
        { ipPrefix: "13.32.0.0/15", region: "GLOBAL", service: "CLOUDFRONT" },
      ],
    });
    expect(result.ok ? result.topology.awsIpRanges.length : result.issues).toBe(4);
    const empty = parseTopology({});
    expect(empty.ok && empty.topology.awsIpRanges).toEqual([]);
    const bad = parseTopology({ awsIpRanges: [{ ipPrefix: "54.184.0.0", region: "us-west-2", service: "EC2" }] });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(["awsIpRanges.0.ipPrefix"]);
  });
});
