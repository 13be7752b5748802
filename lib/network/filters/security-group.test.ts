import { describe, expect, it } from "vitest";
import { analyze, type AnalysisResult, type AnalysisSuccess } from "../index";
import { network } from "../testing/builder";

function ok(result: AnalysisResult): AnalysisSuccess {
  if (!result.ok) throw new Error(result.error);
  return result;
}

function pair(inbound: string[], outbound?: string[]) {
  return network()
    .vpc("vpc-a", "10.0.0.0/16")
    .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
    .subnet("subnet-b", "vpc-a", "10.0.2.0/24")
    .routeTable("rtb-main", "vpc-a", { main: true })
    .prefixList("pl-office", ["10.0.1.0/28"])
    .securityGroup("sg-client", outbound ? { outbound } : {})
    .securityGroup("sg-server", { inbound })
    .instance("i-client", "subnet-a", "10.0.1.10", { groups: ["sg-client"] })
    .instance("i-server", "subnet-b", "10.0.2.10", { groups: ["sg-server"] })
    .build();
}

const query = { source: "i-client", destination: "i-server", protocol: "tcp" as const, destinationPort: 443 };

describe("security groups", () => {
  it("allow only: no rule means denied", () => {
    const r = ok(analyze(pair([]), query));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", direction: "ingress", component: { id: "sg-server" } });
  });

  it("match the port range and protocol", () => {
    expect(ok(analyze(pair(["tcp 400-500 10.0.0.0/16"]), query)).networkPathFound).toBe(true);
    expect(ok(analyze(pair(["udp 443 10.0.0.0/16"]), query)).networkPathFound).toBe(false);
    expect(ok(analyze(pair(["tcp 444-500 10.0.0.0/16"]), query)).networkPathFound).toBe(false);
  });

  it("reference prefix lists", () => {
    expect(ok(analyze(pair(["tcp 443 pl-office"]), query)).networkPathFound).toBe(true);
  });

  it("reference other groups: members' private addresses match", () => {
    const r = ok(analyze(pair(["tcp 443 sg-client"]), query));
    expect(r.networkPathFound).toBe(true);
    expect(ok(analyze(pair(["tcp 443 sg-server"]), query)).networkPathFound).toBe(false);
  });

  it("check outbound rules of the sender", () => {
    const r = ok(analyze(pair(["tcp 443 0.0.0.0/0"], ["tcp 80 0.0.0.0/0"]), query));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", direction: "egress", component: { id: "sg-client" } });
    expect(r.forwardDisposition).toBe("DENIED_OUT");
  });

  it("are stateful: replies pass without an outbound rule on the server", () => {
    const t = pair(["tcp 443 0.0.0.0/0"]);
    const noEgress = { ...t, securityGroups: t.securityGroups.map((g) => (g.groupId === "sg-server" ? { ...g, ipPermissionsEgress: [] } : g)) };
    expect(ok(analyze(noEgress, query)).networkPathFound).toBe(true);
  });
});
