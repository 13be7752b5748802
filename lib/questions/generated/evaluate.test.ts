import { describe, expect, it } from "vitest";
import { parseTopology, type Topology } from "@/lib/network";
import { network } from "@/lib/network/testing/builder";
import { addAclRule, addSecurityGroupRule, associateSubnet, setTrafficDial } from "./changes";
import { applyChange, claimHolds, evaluateFlow } from "./evaluate";

function parsed(input: unknown): Topology {
  const result = parseTopology(input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.topology;
}

const web = parsed(
  network()
    .vpc("vpc-a", "10.0.0.0/16")
    .subnet("subnet-web", "vpc-a", "10.0.1.0/24")
    .subnet("subnet-other", "vpc-a", "10.0.2.0/24")
    .internetGateway("igw-a", "vpc-a")
    .routeTable("rtb-main", "vpc-a", { main: true })
    .routeTable("rtb-public", "vpc-a", { subnets: ["subnet-web"], routes: { "0.0.0.0/0": "igw-a" } })
    .networkAcl("acl-web", "vpc-a", { subnets: ["subnet-web"], rules: ["100 allow in tcp 443 0.0.0.0/0"] })
    .securityGroup("sg-web", { inbound: ["tcp 443 0.0.0.0/0"] })
    .instance("i-web", "subnet-web", "10.0.1.10", { groups: ["sg-web"], publicIp: "54.0.0.10" })
    .toJSON(),
);
const https = { kind: "packet" as const, source: "internet", sourceIp: "198.51.100.7", destination: "i-web", protocol: "tcp" as const, destinationPort: 443, sourcePort: 50000 };

describe("evaluateFlow", () => {
  it("reports the evaluator's code, blocking resource and leg for a blocked flow", () => {
    // The ACL has no outbound rule, so the reply to the client's port is denied (stateless ACLs).
    expect(evaluateFlow(web, https)).toMatchObject({ works: false, code: "SUBNET_ACL_RESTRICTION", blockedBy: "acl-web", leg: "return", direction: "egress" });
  });

  it("reports the hop-by-hop path of a flow that works", () => {
    const fixed = applyChange(web, { patch: addAclRule("acl-web", "100 allow out tcp 1024-65535 0.0.0.0/0")(web) });
    if (!fixed.ok) throw new Error(fixed.error);
    const outcome = evaluateFlow(fixed.topology, https);
    expect(outcome).toMatchObject({ works: true, hops: ["internet", "igw-a", "vpc-a", "subnet-web", "i-web"] });
    expect(outcome.steps.some((s) => s.id === "sg-web" && s.leg === "forward")).toBe(true);
  });
});

describe("applyChange", () => {
  it("changes a copy, re-validates what it touched and leaves the rest shared", () => {
    const result = applyChange(web, { patch: addSecurityGroupRule("sg-web", "inbound", "tcp 22 192.0.2.0/24")(web) });
    if (!result.ok) throw new Error(result.error);
    expect(result.topology).not.toBe(web);
    expect(result.topology.securityGroups[0]?.ipPermissions).toHaveLength(2);
    // Defaults are filled in by the schema, as for any parsed topology.
    expect(result.topology.securityGroups[0]?.ipPermissions[1]).toMatchObject({ ipProtocol: "tcp", fromPort: 22, ipv6Ranges: [], prefixListIds: [] });
    expect(web.securityGroups[0]?.ipPermissions).toHaveLength(1);
    expect(result.topology.routeTables).toBe(web.routeTables);
  });

  it("moves a subnet's route table association (a subnet has one)", () => {
    const result = applyChange(web, { patch: associateSubnet("rtb-main", "subnet-web")(web) });
    if (!result.ok) throw new Error(result.error);
    const tables = result.topology.routeTables.filter((r) => r.associations.some((a) => a.subnetId === "subnet-web")).map((r) => r.routeTableId);
    expect(tables).toEqual(["rtb-main"]);
  });

  it("refuses a patch that does not apply or breaks the schema, saying why", () => {
    expect(applyChange(web, { patch: [{ op: "replace", path: "/securityGroups/9/ipPermissions", value: [] }] })).toMatchObject({ ok: false, error: expect.stringMatching(/^the patch does not apply/) });
    expect(applyChange(web, { patch: [{ op: "replace", path: "/vpcs/0/cidrBlock", value: "10.0.0.0/33" }] })).toMatchObject({ ok: false, error: expect.stringMatching(/vpcs\.0\.cidrBlock/) });
    expect(applyChange(web, { patch: [{ op: "add", path: "/nonsense", value: [] }] })).toMatchObject({ ok: false, error: expect.stringMatching(/does not name a collection/) });
  });

  it("throws a clear error when a change names a resource the topology lacks", () => {
    expect(() => setTrafficDial("arn:aws:globalaccelerator::111122223333:accelerator/x", "eu-west-1", 100)(web)).toThrow(/no accelerator arn:aws:globalaccelerator::111122223333:accelerator\/x in the topology/);
  });
});

describe("claimHolds", () => {
  const blocked = evaluateFlow(web, https);
  it("matches a block by resource and, when the claim names one, by leg", () => {
    expect(claimHolds({ works: false, blockedBy: "acl-web" }, blocked)).toBe(true);
    expect(claimHolds({ works: false, blockedBy: "acl-web", leg: "return" }, blocked)).toBe(true);
    expect(claimHolds({ works: false, blockedBy: "acl-web", leg: "forward" }, blocked)).toBe(false);
    expect(claimHolds({ works: false, blockedBy: "sg-web" }, blocked)).toBe(false);
    expect(claimHolds({ works: true, via: [] }, blocked)).toBe(false);
  });
});

describe("accelerator flows", () => {
  const arn = "arn:aws:globalaccelerator::111122223333:accelerator/1234abcd";
  const accelerated = parsed({
    accelerators: [
      {
        acceleratorArn: arn,
        listeners: [
          {
            listenerArn: `${arn}/listener/1`,
            protocol: "TCP",
            portRanges: [{ fromPort: 443, toPort: 443 }],
            endpointGroups: [
              { endpointGroupArn: `${arn}/listener/1/endpoint-group/eu`, endpointGroupRegion: "eu-west-1", trafficDialPercentage: 0, endpointDescriptions: [{ endpointId: "i-eu" }] },
              { endpointGroupArn: `${arn}/listener/1/endpoint-group/us`, endpointGroupRegion: "us-east-1", endpointDescriptions: [{ endpointId: "i-us" }] },
            ],
          },
        ],
      },
    ],
  });
  const europe = { kind: "accelerator" as const, acceleratorArn: arn, protocol: "TCP" as const, port: 443, clientRegion: "eu-west-1", endpointId: "i-eu" };

  it("works when Global Accelerator sends the client to the endpoint, and says where it goes instead when not", () => {
    expect(evaluateFlow(accelerated, europe)).toMatchObject({ works: false, code: "OTHER_ENDPOINT_GROUP", message: expect.stringMatching(/i-us in us-east-1/) });
    const dialled = applyChange(accelerated, { patch: setTrafficDial(arn, "eu-west-1", 100)(accelerated) });
    if (!dialled.ok) throw new Error(dialled.error);
    expect(evaluateFlow(dialled.topology, europe)).toMatchObject({ works: true });
    expect(evaluateFlow(accelerated, { ...europe, port: 80 })).toMatchObject({ works: false, code: "NO_LISTENER" });
  });
});
