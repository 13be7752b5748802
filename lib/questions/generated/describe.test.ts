import { describe, expect, it } from "vitest";
import { parseTopology, type Topology } from "@/lib/network";
import { network } from "@/lib/network/testing/builder";
import { describeNetworkAcl, describeRouteTable, describeSecurityGroup, describeTgwRouteTable } from "./describe";

function parsed(input: unknown): Topology {
  const result = parseTopology(input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.topology;
}

const t = parsed(
  network()
    .vpc("vpc-a", "10.0.0.0/16")
    .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
    .internetGateway("igw-a", "vpc-a")
    .prefixList("pl-s3", ["52.216.0.0/15"], "com.amazonaws.us-east-1.s3")
    .routeTable("rtb-a", "vpc-a", { subnets: ["subnet-a"], routes: { "0.0.0.0/0": "igw-a", "10.9.0.0/16": "blackhole:pcx-gone" } })
    .networkAcl("acl-a", "vpc-a", { subnets: ["subnet-a"], rules: ["200 allow in tcp 443 0.0.0.0/0", "100 deny in all * 198.51.100.0/24", "100 allow out tcp 1024-65535 0.0.0.0/0"] })
    .securityGroup("sg-a", { inbound: ["tcp 443 0.0.0.0/0", "tcp 5432 sg-b"], outbound: ["tcp 443 pl-s3"] })
    .transitGateway("tgw-1")
    .tgwAttachment("tgw-attach-a", "tgw-1", "vpc", "vpc-a", { subnets: ["subnet-a"], routeTable: "tgw-rtb-1" })
    .tgwRouteTable("tgw-rtb-1", "tgw-1", { propagations: ["tgw-attach-a"], routes: { "10.8.0.0/16": "blackhole" } })
    .toJSON(),
);

describe("facts for the learner", () => {
  it("lists security group rules with their peers: CIDR blocks, groups and prefix lists", () => {
    expect(describeSecurityGroup(t, "sg-a")).toBe("Security group sg-a: inbound TCP 443 from 0.0.0.0/0; TCP 5432 from security group sg-b; outbound TCP 443 to prefix list pl-s3 (com.amazonaws.us-east-1.s3).");
  });

  it("lists network ACL rules in evaluation order, ending with the * rule", () => {
    expect(describeNetworkAcl(t, "acl-a")).toBe("Network ACL acl-a (subnet-a): inbound 100 deny all traffic from 198.51.100.0/24, 200 allow TCP 443 from 0.0.0.0/0, * deny all traffic; outbound 100 allow TCP 1024-65535 to 0.0.0.0/0, * deny all traffic.");
  });

  it("shows the local route AWS adds to every route table, and blackholes", () => {
    expect(describeRouteTable(t, "rtb-a")).toBe("Route table rtb-a (subnet-a): 10.0.0.0/16 → local; 0.0.0.0/0 → igw-a; 10.9.0.0/16 → pcx-gone (blackhole).");
  });

  it("shows a transit gateway route table's associations, propagations and static routes", () => {
    expect(describeTgwRouteTable(t, "tgw-rtb-1")).toBe("Transit gateway route table tgw-rtb-1: associated with tgw-attach-a; propagations from tgw-attach-a; static routes 10.8.0.0/16 → blackhole.");
  });

  it("says which resource is missing rather than printing undefined", () => {
    expect(() => describeSecurityGroup(t, "sg-nope")).toThrow("describe: no security group sg-nope in the topology");
  });
});
