import { describe, expect, it } from "vitest";
import { analyze, pathHops, type AnalysisResult, type AnalysisSuccess } from "../index";
import { network } from "../testing/builder";

function ok(result: AnalysisResult): AnalysisSuccess {
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Two subnets; the app subnet's ACL is the subject of each test. */
function twoSubnets(appRules: string[]) {
  return network()
    .vpc("vpc-a", "10.0.0.0/16")
    .subnet("subnet-web", "vpc-a", "10.0.1.0/24")
    .subnet("subnet-app", "vpc-a", "10.0.2.0/24")
    .routeTable("rtb-main", "vpc-a", { main: true })
    .securityGroup("sg-open", { inbound: ["all * 0.0.0.0/0"] })
    .instance("i-web", "subnet-web", "10.0.1.10", { groups: ["sg-open"] })
    .instance("i-app", "subnet-app", "10.0.2.10", { groups: ["sg-open"] })
    .networkAcl("acl-app", "vpc-a", { subnets: ["subnet-app"], rules: appRules })
    .build();
}

describe("network ACLs", () => {
  it("evaluates rules in number order and the first match decides", () => {
    const t = twoSubnets(["100 deny in tcp 80 10.0.1.0/24", "200 allow in tcp 80 0.0.0.0/0", "100 allow out all * 0.0.0.0/0"]);
    const r = ok(analyze(t, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 80 }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "SUBNET_ACL_RESTRICTION", direction: "ingress", aclRule: { ruleNumber: 100, ruleAction: "deny" } });
    expect(r.forwardDisposition).toBe("DENIED_IN");
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-web", "subnet-web", "vpc-a"]);
  });

  it("a lower-numbered allow wins over a later deny", () => {
    const t = twoSubnets(["50 allow in tcp 80 10.0.1.0/24", "100 deny in tcp 80 0.0.0.0/0", "100 allow out all * 0.0.0.0/0"]);
    expect(ok(analyze(t, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 80 })).networkPathFound).toBe(true);
  });

  it("denies with the default * rule when nothing matches", () => {
    const t = twoSubnets(["100 allow in tcp 443 0.0.0.0/0", "100 allow out all * 0.0.0.0/0"]);
    const r = ok(analyze(t, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 80 }));
    expect(r.explanations[0]?.aclRule).toMatchObject({ ruleNumber: "*", ruleAction: "deny" });
  });

  it("is stateless: the reply needs an outbound rule for the client's ephemeral port", () => {
    const t = twoSubnets(["100 allow in tcp 80 0.0.0.0/0", "100 allow out tcp 80 0.0.0.0/0"]);
    const r = ok(analyze(t, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 80 }));
    expect(r.forwardDisposition).toBe("ACCEPTED");
    expect(r.networkPathFound).toBe(false);
    expect(r.blockedOn).toBe("return");
    expect(r.explanations[0]).toMatchObject({ explanationCode: "SUBNET_ACL_RESTRICTION", direction: "egress", component: { id: "acl-app" } });
    expect(r.explanations[0]?.packetField).toMatchObject({ port: 49152 });
    const fixed = twoSubnets(["100 allow in tcp 80 0.0.0.0/0", "100 allow out tcp 1024-65535 0.0.0.0/0"]);
    expect(ok(analyze(fixed, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 80 })).networkPathFound).toBe(true);
  });

  it("does not filter traffic between instances of the same subnet", () => {
    const t = twoSubnets(["100 deny in all * 0.0.0.0/0", "100 deny out all * 0.0.0.0/0"]);
    const same = { ...t, instances: [...t.instances, { ...t.instances[1]!, instanceId: "i-app2", privateIpAddress: "10.0.2.11" }] };
    const r = ok(analyze(same, { source: "i-app", destination: "i-app2", protocol: "tcp", destinationPort: 22 }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-app", "i-app2"]);
  });
});
