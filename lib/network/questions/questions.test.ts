import { describe, expect, it } from "vitest";
import { analyze, flowLogRecords, instanceMatrix, reachabilityMatrix, selectAcceleratorEndpoint, toNetworkInsightsAnalysisJson, trafficMirrorCopies } from "../index";
import { ok } from "../testing/assert";
import { network } from "../testing/builder";
import { threeTier } from "../testing/three-tier";

describe("reachabilityMatrix", () => {
  it("answers many probes over one topology, invalid ones as errors", () => {
    const t = threeTier().build();
    const entries = reachabilityMatrix(t, [
      { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 8080 },
      { source: "i-web", destination: "i-db", protocol: "tcp", destinationPort: 5432 },
      { source: "i-web", protocol: "tcp" },
    ]);
    expect(entries.map((e) => (e.result.ok ? e.result.networkPathFound : e.result.errorCode))).toEqual([true, false, "INVALID_QUERY"]);
  });

  it("gives every instance pair a cell", () => {
    const m = instanceMatrix(threeTier().build(), { protocol: "tcp", destinationPort: 8080 });
    expect(m.instanceIds).toEqual(["i-web", "i-app", "i-db"]);
    expect(m.cells[0]?.[1]).toEqual({ kind: "reachable" });
    expect(m.cells[1]?.[1]).toEqual({ kind: "self" });
    expect(m.cells[2]?.[1]).toMatchObject({ kind: "blocked", code: "ENI_SG_RULES_MISMATCH" });
  });
});

describe("flow logs", () => {
  it("writes default-format version 2 records on interfaces covered by a flow log", () => {
    const t = threeTier()
      .with("flowLogs", { flowLogId: "fl-app", resourceId: "subnet-app" })
      .with("flowLogs", { flowLogId: "fl-rejects", resourceId: "vpc-shop", trafficType: "REJECT" })
      .build();
    const r = ok(analyze(t, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 8080 }));
    const lines = flowLogRecords(t, r, { start: 1700000000, end: 1700000060 }).map((x) => x.line);
    expect(lines).toEqual([
      "2 123456789012 eni-of-i-app 10.0.1.10 10.0.2.10 49152 8080 6 1 60 1700000000 1700000060 ACCEPT OK",
      "2 123456789012 eni-of-i-app 10.0.2.10 10.0.1.10 8080 49152 6 1 60 1700000000 1700000060 ACCEPT OK",
    ]);
    const denied = ok(analyze(t, { source: "i-web", destination: "i-db", protocol: "tcp", destinationPort: 5432 }));
    expect(flowLogRecords(t, denied).map((x) => [x.flowLogId, x.action, x.networkInterfaceId])).toEqual([["fl-rejects", "REJECT", "eni-of-i-db"]]);
  });
});

describe("flow logs and network ACLs", () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html: action is ACCEPT when the
  // security groups and network ACLs allowed the traffic, REJECT when they did not; the example of a
  // ping whose reply a network ACL drops shows an ACCEPT record inbound and a REJECT record outbound.
  const withAcl = (rules: string[]) =>
    threeTier()
      .networkAcl("acl-app", "vpc-shop", { subnets: ["subnet-app"], rules })
      .with("flowLogs", { flowLogId: "fl-app", resourceId: "subnet-app" })
      .build();

  it("records a reply the subnet's ACL drops on the way out as REJECT only", () => {
    const t = withAcl(["100 allow in tcp 8080 10.0.1.0/24"]);
    const r = ok(analyze(t, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 8080 }));
    expect(r.networkPathFound).toBe(false);
    expect(flowLogRecords(t, r).map((x) => [x.direction, x.action])).toEqual([
      ["ingress", "ACCEPT"],
      ["egress", "REJECT"],
    ]);
  });

  it("records a request the subnet's ACL denies on the way in as REJECT on the receiving interface", () => {
    const t = withAcl(["100 deny in tcp 8080 10.0.1.0/24", "110 allow out all * 0.0.0.0/0"]);
    const r = ok(analyze(t, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 8080 }));
    expect(r.blockedOn).toBeDefined();
    expect(flowLogRecords(t, r).map((x) => [x.networkInterfaceId, x.direction, x.action])).toEqual([["eni-of-i-app", "ingress", "REJECT"]]);
  });
});

describe("traffic mirroring", () => {
  it("copies accepted packets matching the session's filter, lowest session number first", () => {
    const rule = (ruleNumber: number, ruleAction: "accept" | "reject", destinationPortRange?: { fromPort: number; toPort: number }) => ({
      ruleNumber,
      ruleAction,
      protocol: 6,
      sourceCidrBlock: "0.0.0.0/0",
      destinationCidrBlock: "0.0.0.0/0",
      ...(destinationPortRange ? { destinationPortRange } : {}),
    });
    const t = threeTier()
      .with("networkInterfaces", { networkInterfaceId: "eni-ids", subnetId: "subnet-db", privateIpAddress: "10.0.3.99" })
      .with("trafficMirrorTargets", { trafficMirrorTargetId: "tmt-ids", networkInterfaceId: "eni-ids" })
      .with("trafficMirrorFilters", { trafficMirrorFilterId: "tmf-web", ingressFilterRules: [rule(10, "reject", { fromPort: 22, toPort: 22 }), rule(20, "accept")], egressFilterRules: [] })
      .with("trafficMirrorFilters", { trafficMirrorFilterId: "tmf-all", ingressFilterRules: [rule(1, "accept")], egressFilterRules: [rule(1, "accept")] })
      .with("trafficMirrorSessions", { trafficMirrorSessionId: "tms-b", networkInterfaceId: "eni-of-i-app", trafficMirrorTargetId: "tmt-ids", trafficMirrorFilterId: "tmf-all", sessionNumber: 2 })
      .with("trafficMirrorSessions", { trafficMirrorSessionId: "tms-a", networkInterfaceId: "eni-of-i-app", trafficMirrorTargetId: "tmt-ids", trafficMirrorFilterId: "tmf-web", sessionNumber: 1 })
      .build();
    const r = ok(analyze(t, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 8080 }));
    const copies = trafficMirrorCopies(t, r);
    // Ingress: session 1's filter accepts (rule 20). Egress reply: session 1 has no egress rule, session 2 accepts it.
    expect(copies.map((c) => [c.trafficMirrorSessionId, c.direction, c.ruleNumber, c.targetResourceId])).toEqual([
      ["tms-a", "ingress", 20, "eni-ids"],
      ["tms-b", "egress", 1, "eni-ids"],
    ]);
  });
});

describe("Global Accelerator", () => {
  const arn = "arn:aws:globalaccelerator::111122223333:accelerator/abc";
  function accelerator(health: ("HEALTHY" | "UNHEALTHY")[], dial = 100) {
    return network()
      .with("accelerators", {
        acceleratorArn: arn,
        listeners: [
          {
            listenerArn: `${arn}/listener/1`,
            protocol: "TCP",
            portRanges: [{ fromPort: 443, toPort: 443 }],
            endpointGroups: [
              { endpointGroupArn: `${arn}/listener/1/endpoint-group/us`, endpointGroupRegion: "us-east-1", endpointDescriptions: [{ endpointId: "eipalloc-us", weight: 100, healthState: "HEALTHY" }] },
              {
                endpointGroupArn: `${arn}/listener/1/endpoint-group/eu`,
                endpointGroupRegion: "eu-west-1",
                trafficDialPercentage: dial,
                endpointDescriptions: [
                  { endpointId: "eipalloc-eu1", weight: 200, healthState: health[0] ?? "HEALTHY" },
                  { endpointId: "eipalloc-eu2", weight: 100, healthState: health[1] ?? "HEALTHY" },
                ],
              },
            ],
          },
        ],
      })
      .build();
  }

  it("prefers the client's Region and splits by weight among healthy endpoints", () => {
    const s = selectAcceleratorEndpoint(accelerator(["HEALTHY", "HEALTHY"]), { acceleratorArn: arn, protocol: "TCP", port: 443, clientRegion: "eu-west-1" });
    expect(s).toMatchObject({ ok: true, endpointGroupRegion: "eu-west-1", failOpen: false });
    if (!s.ok) return;
    expect(s.endpoints.map((e) => [e.endpointId, Math.round(e.share * 100)])).toEqual([["eipalloc-eu1", 67], ["eipalloc-eu2", 33]]);
  });

  it("skips unhealthy endpoints and groups dialled to 0%", () => {
    const unhealthy = selectAcceleratorEndpoint(accelerator(["UNHEALTHY", "HEALTHY"]), { acceleratorArn: arn, protocol: "TCP", port: 443, clientRegion: "eu-west-1" });
    expect(unhealthy.ok && unhealthy.endpoints.map((e) => e.endpointId)).toEqual(["eipalloc-eu2"]);
    const dialled = selectAcceleratorEndpoint(accelerator(["HEALTHY", "HEALTHY"], 0), { acceleratorArn: arn, protocol: "TCP", port: 443, clientRegion: "eu-west-1" });
    expect(dialled.ok && dialled.endpointGroupRegion).toBe("us-east-1");
  });

  it("fails over to another group, ignoring its traffic dial, when the nearest has no healthy endpoint", () => {
    const t = accelerator(["UNHEALTHY", "UNHEALTHY"], 100);
    const dialledUs = { ...t, accelerators: t.accelerators.map((a) => ({ ...a, listeners: a.listeners.map((l) => ({ ...l, endpointGroups: l.endpointGroups.map((g) => (g.endpointGroupRegion === "us-east-1" ? { ...g, trafficDialPercentage: 0 } : g)) })) })) };
    const s = selectAcceleratorEndpoint(dialledUs, { acceleratorArn: arn, protocol: "TCP", port: 443, clientRegion: "eu-west-1" });
    expect(s).toMatchObject({ ok: true, endpointGroupRegion: "us-east-1", failOpen: false });
  });

  it("fails open when no endpoint is healthy anywhere", () => {
    const t = accelerator(["UNHEALTHY", "UNHEALTHY"]);
    const allDown = { ...t, accelerators: t.accelerators.map((a) => ({ ...a, listeners: a.listeners.map((l) => ({ ...l, endpointGroups: l.endpointGroups.map((g) => ({ ...g, endpointDescriptions: g.endpointDescriptions.map((e) => ({ ...e, healthState: "UNHEALTHY" as const })) })) })) })) };
    const s = selectAcceleratorEndpoint(allDown, { acceleratorArn: arn, protocol: "TCP", port: 443, clientRegion: "eu-west-1" });
    expect(s).toMatchObject({ ok: true, endpointGroupRegion: "eu-west-1", failOpen: true });
    expect(s.ok && s.endpoints.length).toBe(2);
  });

  it("has no listener for other ports", () => {
    expect(selectAcceleratorEndpoint(accelerator([]), { acceleratorArn: arn, protocol: "TCP", port: 80 })).toMatchObject({ ok: false, code: "NO_LISTENER" });
  });
});

describe("toNetworkInsightsAnalysisJson", () => {
  it("writes AWS's PascalCase fields", () => {
    const r = ok(analyze(threeTier().build(), { source: "i-web", destination: "i-db", protocol: "tcp", destinationPort: 5432 }));
    const json = toNetworkInsightsAnalysisJson(r);
    expect(json).toMatchObject({ NetworkPathFound: false, Explanations: [{ ExplanationCode: "ENI_SG_RULES_MISMATCH", Direction: "ingress", Component: { Id: "sg-db" } }] });
    expect((json.ForwardPathComponents as unknown[])[0]).toMatchObject({ SequenceNumber: 1, Component: { Id: "i-web" } });
  });
});
