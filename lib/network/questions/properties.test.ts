import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCidr, cidrsOverlap } from "../ip";
import { analyze, parseTopology, type AnalysisQuery, type Topology } from "../index";
import { queryArbitrary, topologyArbitrary } from "../testing/arbitrary";
import { threeTier } from "../testing/three-tier";

const RUNS = 150;

function build(input: unknown): Topology {
  const parsed = parseTopology(input);
  if (!parsed.ok) throw new Error(`generator made an invalid topology: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return parsed.topology;
}

function toQuery(q: { source: string; destination: string | undefined; destinationIp: string; protocol: string; destinationPort: number }): AnalysisQuery {
  // With a destination resource the address comes from it; without one, from destinationIp.
  return q.destination ? { source: q.source, destination: q.destination, protocol: q.protocol, destinationPort: q.destinationPort } : { source: q.source, destinationIp: q.destinationIp, protocol: q.protocol, destinationPort: q.destinationPort };
}

function found(topology: Topology, query: AnalysisQuery): boolean {
  const r = analyze(topology, query);
  return r.ok && r.networkPathFound;
}

describe("evaluator invariants (fast-check)", () => {
  it("never throws, on any input parseTopology is given", () => {
    fc.assert(fc.property(fc.anything(), (input) => {
      const parsed = parseTopology(input);
      expect(typeof parsed.ok).toBe("boolean");
    }), { numRuns: RUNS });
  });

  it("never throws on any topology the schema accepts, and always answers with a closed result", () => {
    fc.assert(fc.property(topologyArbitrary, queryArbitrary, (input, q) => {
      const result = analyze(build(input), toQuery(q));
      if (result.ok) {
        expect(result.networkPathFound).toBe(result.explanations.length === 0);
        if (!result.networkPathFound) expect(result.blockKind).toBeDefined();
      } else {
        expect(result.error.length).toBeGreaterThan(0);
      }
    }), { numRuns: RUNS });
  });

  it("is deterministic: same topology, same query, same answer", () => {
    fc.assert(fc.property(topologyArbitrary, queryArbitrary, (input, q) => {
      const first = analyze(build(input), toQuery(q));
      const second = analyze(build(structuredClone(input)), toQuery(q));
      expect(second).toEqual(first);
    }), { numRuns: RUNS });
  });

  it("adding an allow rule (security group or network ACL) never removes a path", () => {
    fc.assert(fc.property(topologyArbitrary, queryArbitrary, fc.integer({ min: 0, max: 4 }), (input, q, which) => {
      const before = build(input);
      const query = toQuery(q);
      if (!found(before, query)) return;
      const allowAll = { ipProtocol: "-1", ipRanges: [{ cidrIp: "0.0.0.0/0" }], ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [] };
      const after: Topology = {
        ...before,
        securityGroups: before.securityGroups.map((g, i) => (i === which % 3 ? { ...g, ipPermissions: [...g.ipPermissions, allowAll], ipPermissionsEgress: [...g.ipPermissionsEgress, allowAll] } : g)),
        networkAcls: before.networkAcls.map((a, i) =>
          i === which % 2 ? { ...a, entries: [{ ruleNumber: 1, protocol: "-1", ruleAction: "allow" as const, egress: which % 2 === 0, cidrBlock: "0.0.0.0/0" }, ...a.entries] } : a,
        ),
      };
      expect(found(after, query)).toBe(true);
    }), { numRuns: RUNS });
  });

  it("deleting a route that no other route of its table covers never adds a path", () => {
    // With longest-prefix match, deleting a more specific route (a blackhole, say) can let a broader
    // route take over and open a path, so the invariant holds for routes nothing else covers.
    fc.assert(fc.property(topologyArbitrary, queryArbitrary, fc.nat(), (input, q, pick) => {
      const before = build(input);
      const candidates = before.routeTables.flatMap((rt, t) =>
        rt.routes.map((r, i) => ({ t, i, r, rt })).filter(({ r, rt: table }) => {
          if (!r.destinationCidrBlock || r.gatewayId === "local") return false;
          const p = parseCidr(r.destinationCidrBlock);
          if (!p) return false;
          const others = table.routes.filter((o) => o !== r).map((o) => (o.destinationCidrBlock ? parseCidr(o.destinationCidrBlock) : o.destinationPrefixListId ? parseCidr("52.216.0.0/15") : undefined));
          const vpc = before.vpcs.find((v) => v.vpcId === table.vpcId);
          const local = vpc ? parseCidr(vpc.cidrBlock) : undefined;
          return [...others, local].every((o) => o === undefined || !cidrsOverlap(o, p) || o.length > p.length);
        }),
      );
      const chosen = candidates[pick % Math.max(candidates.length, 1)];
      if (!chosen) return;
      const query = toQuery(q);
      const after: Topology = { ...before, routeTables: before.routeTables.map((rt, t) => (t === chosen.t ? { ...rt, routes: rt.routes.filter((_, i) => i !== chosen.i) } : rt)) };
      if (!found(before, query)) expect(found(after, query)).toBe(false);
    }), { numRuns: RUNS });
  });

  it("never throws when resources are deleted from a rich topology (dangling references everywhere)", () => {
    const rich = threeTier()
      .vpc("vpc-peer", "10.9.0.0/16")
      .subnet("subnet-peer", "vpc-peer", "10.9.1.0/24")
      .peering("pcx-shop", "vpc-shop", "vpc-peer")
      .transitGateway("tgw-hub")
      .tgwAttachment("tgw-attach-shop", "tgw-hub", "vpc", "vpc-shop", { subnets: ["subnet-app"], routeTable: "tgw-rtb-main" })
      .tgwAttachment("tgw-attach-peer", "tgw-hub", "vpc", "vpc-peer", { subnets: ["subnet-peer"], routeTable: "tgw-rtb-main" })
      .tgwRouteTable("tgw-rtb-main", "tgw-hub", { propagations: ["tgw-attach-shop", "tgw-attach-peer"] })
      .vpnGateway("vgw-shop", "vpc-shop")
      .site("onprem-hq", ["192.168.0.0/16"], { customerGatewayId: "cgw-hq", vpnConnectionId: "vpn-hq", to: "vgw-shop" })
      .routeTable("rtb-peer", "vpc-peer", { main: true, routes: { "10.0.0.0/16": "pcx-shop", "10.1.0.0/16": "tgw-hub" } })
      .instance("i-peer", "subnet-peer", "10.9.1.10")
      .toJSON();
    const collections = Object.keys(rich) as (keyof typeof rich)[];
    const probes = ["i-web", "i-app", "i-db", "i-peer", "internet", "onprem-hq", "subnet-app", "vgw-shop"];
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...collections), fc.nat()), { maxLength: 6 }), fc.constantFrom(...probes), fc.constantFrom(...probes), (deletions, source, destination) => {
      const input = structuredClone(rich) as Record<string, unknown[]>;
      for (const [key, n] of deletions) {
        const list = input[key];
        if (Array.isArray(list) && list.length > 0) list.splice(n % list.length, 1);
      }
      const parsed = parseTopology(input);
      if (!parsed.ok) return;
      const result = analyze(parsed.topology, { source, destination, protocol: "tcp", destinationPort: 443 });
      expect(typeof result.ok).toBe("boolean");
    }), { numRuns: RUNS });
  });
});
