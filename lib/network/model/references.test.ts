import { describe, expect, it } from "vitest";
import { network } from "../testing/builder";
import { threeTier } from "../testing/three-tier";
import { checkReferences } from "./references";

describe("checkReferences", () => {
  it("finds nothing wrong in a consistent topology", () => {
    expect(checkReferences(threeTier().build())).toEqual([]);
  });

  it("names dangling references and misplaced addresses by path", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.1.0.0/24")
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "0.0.0.0/0": "igw-missing" } })
      .instance("i-a", "subnet-a", "10.2.0.10", { groups: ["sg-missing"] })
      .build();
    expect(checkReferences(t)).toEqual([
      { path: "subnets.0.cidrBlock", message: "10.1.0.0/24 is outside the CIDR blocks of vpc-a" },
      { path: "routeTables.0.routes.0.gatewayId", message: "gateway igw-missing is not in the topology" },
      { path: "instances.0.securityGroupIds.0", message: "security group sg-missing is not in the topology" },
      { path: "instances.0.privateIpAddress", message: "10.2.0.10 is outside subnet-a (10.1.0.0/24)" },
    ]);
  });
});
