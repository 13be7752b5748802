import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { syntheticSnapshotFiles } from "@/scripts/synthetic-snapshot";
import { findingsCsv, findingsJson } from "./export";
import { applyBatch, type RowBatch } from "./matrix-batch";
import { createAnalyzeSession, GRID_LIMIT, type RowSummary } from "./session";

const gridRowsOf = (batches: RowBatch[]): RowSummary[] => batches.flatMap((b) => b.gridRows);

const twoTier = join(process.cwd(), "lib/network/aws/fixtures/two-tier");
const files = () => readdirSync(twoTier).map((name) => ({ name, text: readFileSync(join(twoTier, name), "utf8") }));

describe("the analyze page's worker session", () => {
  it("reads good files, names each bad one with what is wrong, and keeps the good ones", () => {
    const session = createAnalyzeSession();
    const loaded = session.load([...files(), { name: "notes.txt", text: "VPC list" }, { name: "empty.json", text: "" }]);
    expect(loaded.summary?.vpcs.map((v) => v.id)).toEqual(["vpc-0a1b2c3d4e5f60001"]);
    expect(loaded.summary?.instances).toBe(2);
    expect(loaded.drawable).toBeDefined();
    const bad = loaded.files.filter((f) => f.status === "not-read");
    expect(bad.map((f) => f.name)).toEqual(["notes.txt", "empty.json"]);
    expect(bad[0]?.errors[0]).toMatch(/not valid JSON.*--output json/);
    expect(bad[1]?.errors[0]).toBe("the file is empty");
  });

  it("says so when no file holds an AWS output", () => {
    const loaded = createAnalyzeSession().load([{ name: "x.json", text: '{"Hello": []}' }]);
    expect(loaded.summary).toBeUndefined();
    expect(loaded.general.some((g) => g.severity === "error")).toBe(true);
  });

  it("puts internet exposure first among the findings", () => {
    const session = createAnalyzeSession();
    session.load(files());
    const findings = session.findings();
    expect(findings[0]?.code).toBe("INTERNET_EXPOSED_PORT");
    expect(findings.map((f) => f.resources[0]?.id)).toContain("i-0web0000000000001");
  });

  it("streams the matrix in batches, the first row at once, with counts, and explains a cell hop by hop", async () => {
    const session = createAnalyzeSession();
    session.load(files());
    const batches: RowBatch[] = [];
    let total = -1;
    const done = await session.matrix({ protocol: "tcp", port: 5432, endpoints: "instances" }, (s) => {
      total = s.total;
    }, (b) => {
      batches.push(b);
    });
    expect(done.rows).toBe(2);
    expect(total).toBe(2);
    // The first row is sent on its own, so the page shows it before the rest are computed.
    expect(batches.map((b) => b.rows)).toEqual([1, 1]);
    const rows = gridRowsOf(batches);
    const web = rows.find((r) => r.source.id === "i-0web0000000000001");
    const db = rows.find((r) => r.source.id === "i-0db00000000000002");
    // The database group admits 5432 from the web group only.
    expect(web?.cells.map((c) => c.kind)).toEqual(["self", "reachable"]);
    expect(db?.cells.map((c) => c.kind)).toEqual(["blocked", "self"]);
    expect(db?.codes).toEqual({ ENI_SG_RULES_MISMATCH: 1 });

    const verdict = session.explain({ source: "i-0db00000000000002", destination: "i-0web0000000000001", protocol: "tcp", port: 5432 });
    expect(verdict.status).toBe("blocked");
    expect(verdict.explanations[0]?.code).toBe("ENI_SG_RULES_MISMATCH");
    expect(verdict.forward.length).toBeGreaterThan(0);
  });

  it("scopes the matrix to one VPC, and caps the grid's cells but not the counts", async () => {
    const session = createAnalyzeSession();
    session.load(syntheticSnapshotFiles(6).map((f) => ({ name: f.name, text: f.content })));
    const batches: RowBatch[] = [];
    let total = 0;
    await session.matrix({ protocol: "tcp", port: 443, endpoints: "instances" }, (s) => {
      total = s.total;
    }, (b) => {
      batches.push(b);
    });
    expect(total).toBe(60);
    // Every row is counted once; only the grid's rows travel with their cells.
    expect(batches.reduce((n, b) => n + b.rows, 0)).toBe(60);
    const all = gridRowsOf(batches);
    expect(all.map((r) => r.index)).toEqual([...Array(GRID_LIMIT).keys()]);
    for (const row of all) {
      expect(row.cells).toHaveLength(GRID_LIMIT);
      // Every other instance is counted, beyond the grid's columns too (the row's own cell is neither).
      expect(row.reachable + row.blocked + row.errors).toBe(59);
    }
    const counted = batches.reduce(applyBatch, { rows: [] as RowSummary[], done: 0, reachable: 0, blocked: 0, errors: 0, codes: {} as Record<string, number> });
    expect(counted.done).toBe(60);
    expect(counted.reachable + counted.blocked + counted.errors).toBe(60 * 59);
    expect(counted.blocked).toBe(Object.values(counted.codes).reduce((a, b) => a + b, 0));
    const scopedBatches: RowBatch[] = [];
    await session.matrix({ protocol: "tcp", port: 443, endpoints: "instances", vpcId: "vpc-2" }, () => undefined, (b) => {
      scopedBatches.push(b);
    });
    const scoped = gridRowsOf(scopedBatches);
    expect(scoped).toHaveLength(10);
    expect(scoped.every((r) => r.source.vpcId === "vpc-2" && r.cells.length === 10)).toBe(true);
  });

  it("exports findings as CSV a spreadsheet reads back, and as JSON", () => {
    const session = createAnalyzeSession();
    session.load(files());
    const findings = session.findings();
    const rows = parse(findingsCsv(findings)) as string[][];
    expect(rows[0]).toEqual(["severity", "code", "resources", "message", "evidence", "documentation"]);
    expect(rows[1]?.[1]).toBe("INTERNET_EXPOSED_PORT");
    expect(rows[1]?.[3]).toBe(findings[0]?.message);
    const json = JSON.parse(findingsJson(findings, ["Vpcs.json"])) as { files: string[]; findings: unknown[] };
    expect(json.files).toEqual(["Vpcs.json"]);
    expect(json.findings).toHaveLength(findings.length);
  });
});
