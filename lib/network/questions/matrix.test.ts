import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, parseTopology, type Topology } from "../index";
import { topologyArbitrary } from "../testing/arbitrary";
import { network } from "../testing/builder";
import { synthetic } from "../testing/synthetic";
import { threeTier } from "../testing/three-tier";
import { matrixEndpoints, matrixRow, matrixRows, matrixRowTally, matrixSourceClasses, type MatrixCell, type MatrixEndpointKind, type MatrixOptions } from "./matrix";

function build(input: unknown): Topology {
  const parsed = parseTopology(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  return parsed.topology;
}

/** The cell `analyze` gives for one pair: what every cell of a row must equal. */
function direct(t: Topology, source: string, destination: string, options: MatrixOptions): MatrixCell {
  if (source === destination) return { kind: "self" };
  const r = analyze(t, { source, destination, protocol: options.protocol ?? "tcp", ...(options.destinationPort !== undefined ? { destinationPort: options.destinationPort } : {}) });
  if (!r.ok) return { kind: "error", message: r.error };
  if (r.networkPathFound) return { kind: "reachable" };
  return { kind: "blocked", code: r.explanations[0]?.explanationCode, message: r.explanations[0]?.message };
}

function expectRowsMatchAnalyze(t: Topology, options: MatrixOptions, rows?: number[]) {
  const endpoints = matrixEndpoints(t, options.endpoints);
  for (const i of rows ?? endpoints.map((_, n) => n)) {
    const row = matrixRow(t, i, options, endpoints);
    const source = endpoints[i];
    if (!source) throw new Error(`no row ${i}`);
    expect(row.cells).toEqual(endpoints.map((d) => direct(t, source.id, d.id, options)));
  }
}

describe("matrix rows", () => {
  it("equal analyze cell by cell on random topologies, for instances and for interfaces", () => {
    fc.assert(
      fc.property(topologyArbitrary, fc.constantFrom<MatrixOptions>({ protocol: "tcp", destinationPort: 443 }, { protocol: "tcp", destinationPort: 22 }, { protocol: "udp", destinationPort: 53 }, { protocol: "icmp" }), fc.constantFrom<MatrixEndpointKind>("instances", "interfaces"), (input, options, endpoints) => {
        expectRowsMatchAnalyze(build(input), { ...options, endpoints });
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("equal analyze on the three-tier lesson topology and on rows of the 10-VPC benchmark topology", () => {
    expectRowsMatchAnalyze(threeTier().build(), { protocol: "tcp", destinationPort: 8080 });
    expectRowsMatchAnalyze(build(synthetic(10)), { protocol: "tcp", destinationPort: 443 }, [0, 37, 99]);
  });

  it("tell apart destinations that a host route, a host rule or a route to one subnet only sets apart", () => {
    const t = network()
      .vpc("vpc-a", "10.0.0.0/16")
      .vpc("vpc-b", "10.1.0.0/16")
      .subnet("subnet-a", "vpc-a", "10.0.1.0/24")
      .subnet("subnet-b1", "vpc-b", "10.1.1.0/24")
      .subnet("subnet-b2", "vpc-b", "10.1.2.0/24")
      .peering("pcx-ab", "vpc-a", "vpc-b")
      // Only subnet-b1 is routed from vpc-a; within it, one host is sent to a missing appliance.
      .routeTable("rtb-a", "vpc-a", { main: true, routes: { "10.1.1.0/24": "pcx-ab", "10.1.1.12/32": "blackhole:i-gone" } })
      .routeTable("rtb-b", "vpc-b", { main: true, routes: { "10.0.0.0/16": "pcx-ab" } })
      .securityGroup("sg-any", { inbound: ["tcp 443 10.0.0.0/8"] })
      .securityGroup("sg-one", { inbound: ["tcp 443 10.0.1.10/32"] })
      .instance("i-a", "subnet-a", "10.0.1.10", { groups: ["sg-any"] })
      .instance("i-a2", "subnet-a", "10.0.1.11", { groups: ["sg-any"] })
      .instance("i-b1", "subnet-b1", "10.1.1.10", { groups: ["sg-any"] })
      .instance("i-b1-twin", "subnet-b1", "10.1.1.11", { groups: ["sg-any"] })
      .instance("i-b1-host-routed", "subnet-b1", "10.1.1.12", { groups: ["sg-any"] })
      .instance("i-b2", "subnet-b2", "10.1.2.10", { groups: ["sg-any"] })
      .instance("i-b2-one", "subnet-b2", "10.1.2.11", { groups: ["sg-one"] })
      .build();
    expectRowsMatchAnalyze(t, { protocol: "tcp", destinationPort: 443 });
    const row = matrixRow(t, 0, { protocol: "tcp", destinationPort: 443 });
    expect(row.cells.map((c) => c.kind)).toEqual(["self", "reachable", "reachable", "reachable", "blocked", "blocked", "blocked"]);
    // subnet-b1 holds a /32 route's host, so each of its destinations is analysed; subnet-b2's two share nothing (other groups).
    expect(row.analyses).toBe(6);
  });

  it("analyse destinations that nothing tells apart once per row, and say each one's own blocked message", () => {
    const b = network().vpc("vpc-a", "10.0.0.0/16").subnet("subnet-a", "vpc-a", "10.0.1.0/24").subnet("subnet-b", "vpc-a", "10.0.2.0/24").routeTable("rtb-a", "vpc-a", { main: true });
    b.securityGroup("sg-client", {}).securityGroup("sg-closed", { inbound: ["tcp 22 10.0.0.0/16"] }).instance("i-client", "subnet-a", "10.0.1.10", { groups: ["sg-client"] });
    for (let n = 0; n < 20; n += 1) b.instance(`i-server-${n}`, "subnet-b", `10.0.2.${10 + n}`, { groups: ["sg-closed"] });
    const t = b.build();
    const row = matrixRow(t, 0, { protocol: "tcp", destinationPort: 443 });
    expect(row.analyses).toBe(1);
    expect(row.cells[5]).toEqual({ kind: "blocked", code: "ENI_SG_RULES_MISMATCH", message: "No inbound rule of sg-closed on i-server-4 allows tcp port 443 from 10.0.1.10. Security groups deny whatever no rule allows." });
    expectRowsMatchAnalyze(t, { protocol: "tcp", destinationPort: 443 }, [0, 3]);
    // A row from a member of a source class already seen runs no analysis; its cells still name its own ends.
    const again = matrixRow(t, 7, { protocol: "tcp", destinationPort: 443 });
    expect(again.analyses).toBe(0);
    expect(again.cells[3]).toEqual({ kind: "blocked", code: "ENI_SG_RULES_MISMATCH", message: "No inbound rule of sg-closed on i-server-2 allows tcp port 443 from 10.0.2.16. Security groups deny whatever no rule allows." });
    // Two source classes (the client, the twenty servers): a full matrix costs two rows of analyses
    // (on a topology of its own, whose index has no cells cached yet).
    const fresh = b.build();
    expect(matrixSourceClasses(fresh, matrixEndpoints(fresh, "instances"))).toBe(2);
    const rows = [...matrixRows(fresh, { protocol: "tcp", destinationPort: 443 })];
    expect(rows.filter((r) => r.analyses > 0)).toHaveLength(2);
  });

  it("count a row as matrixRow's cells would, and give only the first cells in full", () => {
    const b = network().vpc("vpc-a", "10.0.0.0/16").subnet("subnet-a", "vpc-a", "10.0.1.0/24").subnet("subnet-b", "vpc-a", "10.0.2.0/24").routeTable("rtb-a", "vpc-a", { main: true });
    b.securityGroup("sg-client", {}).securityGroup("sg-closed", { inbound: ["tcp 22 10.0.0.0/16"] }).securityGroup("sg-open", { inbound: ["tcp 443 10.0.0.0/16"] });
    b.instance("i-client", "subnet-a", "10.0.1.10", { groups: ["sg-client"] });
    for (let n = 0; n < 12; n += 1) b.instance(`i-server-${n}`, "subnet-b", `10.0.2.${10 + n}`, { groups: [n % 3 === 0 ? "sg-open" : "sg-closed"] });
    const options = { protocol: "tcp", destinationPort: 443 } as const;
    const endpoints = matrixEndpoints(b.build(), "instances");
    for (const rowIndex of [0, 4, 5]) {
      const full = matrixRow(b.build(), rowIndex, options, endpoints);
      const tally = matrixRowTally(b.build(), rowIndex, options, endpoints, 3);
      expect(tally.cells).toEqual(full.cells.slice(0, 3));
      expect(tally.reachable).toBe(full.cells.filter((c) => c.kind === "reachable").length);
      expect(tally.blocked).toBe(full.cells.filter((c) => c.kind === "blocked").length);
      expect(tally.codes).toEqual({ ENI_SG_RULES_MISMATCH: tally.blocked });
      expect(tally.reachable + tally.blocked + tally.errors).toBe(12);
    }
    // From the client: the four servers in sg-open answer, the eight in sg-closed refuse 443.
    const fromClient = matrixRowTally(b.build(), 0, options, endpoints, 0);
    expect([fromClient.reachable, fromClient.blocked, fromClient.cells.length]).toEqual([4, 8, 0]);
  });

  it("stream one row at a time and refuse a row that does not exist", () => {
    const t = threeTier().build();
    const rows = matrixRows(t, { protocol: "tcp", destinationPort: 8080 });
    const first = rows.next();
    expect(first.done).toBe(false);
    expect(first.value && first.value.index).toBe(0);
    expect(() => matrixRow(t, 99)).toThrow(RangeError);
  });
});
