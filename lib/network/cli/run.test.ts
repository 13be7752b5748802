import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { networkInsightsAnalysisSchema } from "./analysis-output";
import { EXIT_BAD_INPUT, EXIT_OK, run } from "./run";

/** The CLI called in-process on the two-tier fixture (web in a public subnet, db in a private one). */
const snapshot = path.join(import.meta.dirname, "..", "aws", "fixtures", "two-tier");
const web = "i-0web0000000000001";
const db = "i-0db00000000000002";
const igw = "igw-0c0c0c0c0c0c0c0c1";

function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const status = run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { status, out, err };
}

describe("reachability analyze", () => {
  it("prints one describe-network-insights-analyses element for a reachable path", () => {
    const { status, out, err } = cli("analyze", "--snapshot", snapshot, "--source", web, "--destination", db, "--protocol", "tcp", "--destination-port", "5432", "--format", "json");
    expect(err).toBe("");
    expect(status).toBe(EXIT_OK);
    const analysis = networkInsightsAnalysisSchema.parse(JSON.parse(out));
    expect(analysis.NetworkPathFound).toBe(true);
    expect(analysis.ForwardPathComponents?.[0]?.Component?.Id).toBe(web);
    expect(analysis.ForwardPathComponents?.some((c) => c.SecurityGroupRule?.SecurityGroupId === "sg-0db0000000000001")).toBe(true);
    expect(analysis.ReturnPathComponents?.length).toBeGreaterThan(0);
  });

  it("exits 0 for a blocked path too, naming the blocking rule's explanation code", () => {
    const { status, out } = cli("analyze", "--snapshot", snapshot, "--source", web, "--destination", db, "--destination-port", "22", "--format", "json");
    expect(status).toBe(EXIT_OK);
    const analysis = networkInsightsAnalysisSchema.parse(JSON.parse(out));
    expect(analysis.NetworkPathFound).toBe(false);
    expect(analysis.Explanations?.map((e) => e.ExplanationCode)).toContain("ENI_SG_RULES_MISMATCH");
  });

  it("tells the story hop by hop in text", () => {
    const { status, out } = cli("analyze", "--snapshot", snapshot, "--source", web, "--destination", db, "--destination-port", "5432");
    expect(status).toBe(EXIT_OK);
    expect(out).toMatch(/^i-0web0000000000001 → i-0db00000000000002, tcp port 5432: REACHABLE/);
    expect(out).toContain("Forward path:");
    expect(out).toContain("Return path:");
  });

  it("says why not in text, with the explanation code", () => {
    const { out } = cli("analyze", "--snapshot", snapshot, "--source", web, "--destination", db, "--destination-port", "22");
    expect(out).toContain("NOT REACHABLE");
    expect(out).toMatch(/Why not:\n {2}- ENI_SG_RULES_MISMATCH/);
  });

  it("takes an internet gateway as the source of internet traffic", () => {
    const { status, out } = cli("analyze", "--snapshot", snapshot, "--source", igw, "--destination", web, "--destination-port", "443", "--source-ip", "8.8.8.8", "--format", "json");
    expect(status).toBe(EXIT_OK);
    expect(networkInsightsAnalysisSchema.parse(JSON.parse(out)).NetworkPathFound).toBe(true);
  });

  it("takes a destination given only as an IP address", () => {
    const { status, out } = cli("analyze", "--snapshot", snapshot, "--source", web, "--destination-ip", "10.0.2.20", "--destination-port", "5432", "--format", "json");
    expect(status).toBe(EXIT_OK);
    expect(networkInsightsAnalysisSchema.parse(JSON.parse(out)).NetworkPathFound).toBe(true);
  });

  it("starts at a subnet with any address in it: no public IP, so the internet gateway refuses it", () => {
    const { status, out } = cli("analyze", "--snapshot", snapshot, "--source", "subnet-0aaa0000000000001", "--source-ip", "10.0.1.99", "--destination-ip", "8.8.8.8", "--destination-port", "443", "--format", "json");
    expect(status).toBe(EXIT_OK);
    const analysis = networkInsightsAnalysisSchema.parse(JSON.parse(out));
    expect(analysis.NetworkPathFound).toBe(false);
    expect(analysis.Explanations?.[0]?.Component?.Id).toBe(igw);
  });

  it("starts on the internet and enters through the internet gateway to the instance's public address", () => {
    const { status, out } = cli("analyze", "--snapshot", snapshot, "--source", "internet", "--source-ip", "8.8.8.8", "--destination-ip", "198.51.100.10", "--destination-port", "443", "--format", "json");
    expect(status).toBe(EXIT_OK);
    const analysis = networkInsightsAnalysisSchema.parse(JSON.parse(out));
    expect(analysis.NetworkPathFound).toBe(true);
    expect(analysis.ForwardPathComponents?.map((c) => c.Component?.Id)).toContain(igw);
  });
});

describe("--protocol as AWS writes it", () => {
  it("analyses all protocols when given -1, as all", () => {
    const viaMinusOne = cli("analyze", "--snapshot", snapshot, "--source", web, "--destination", db, "--protocol", "-1", "--format", "json");
    const viaAll = cli("analyze", "--snapshot", snapshot, "--source", web, "--destination", db, "--protocol", "all", "--format", "json");
    expect(viaMinusOne.status).toBe(EXIT_OK);
    expect(viaMinusOne.out).toBe(viaAll.out);
    expect(networkInsightsAnalysisSchema.parse(JSON.parse(viaMinusOne.out)).ForwardPathComponents?.[0]?.OutboundHeader?.Protocol).toBe("all");
  });

  it("takes an IP protocol number (6 is tcp)", () => {
    const byNumber = cli("matrix", "--snapshot", snapshot, "--protocol", "6", "--destination-port", "5432");
    const byName = cli("matrix", "--snapshot", snapshot, "--protocol", "tcp", "--destination-port", "5432");
    expect(byNumber.status).toBe(EXIT_OK);
    expect(byNumber.out).toBe(byName.out);
  });
});

describe("reachability matrix", () => {
  it("tables every instance against every other", () => {
    const { status, out } = cli("matrix", "--snapshot", snapshot, "--protocol", "tcp", "--destination-port", "5432");
    expect(status).toBe(EXIT_OK);
    expect(out).toContain(`1. ${web} (web)`);
    expect(out).toContain(`2. ${db} (db)`);
    expect(out).toMatch(/1 of 2 pairs reachable/);
  });
});

describe("bad input", () => {
  it.each([
    [["analyze", "--snapshot", snapshot, "--destination", db], /--source ID is required/],
    [["analyze", "--snapshot", snapshot, "--source", "i-0nosuchinstance", "--destination", db], /i-0nosuchinstance/],
    [["analyze", "--snapshot", "/no/such/folder", "--source", web, "--destination", db], /\/no\/such\/folder: no such file or folder/],
    [["analyze", "--snapshot", snapshot, "--source", web, "--destination", db, "--protocol", "gre"], /--protocol must be tcp, udp, icmp, all, -1 or an IP protocol number from 0 to 255/],
    [["analyze", "--snapshot", snapshot, "--source", web, "--destination-ip", "2600:1f18::1"], /IPv6/],
  ])("exits 2 with one clear line for %j", (argv, message) => {
    const { status, out, err } = cli(...argv);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("names the file and the JSON path of a malformed snapshot", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bad-snapshot-"));
    writeFileSync(path.join(dir, "Vpcs.json"), JSON.stringify({ Vpcs: [{ VpcId: "vpc-1", CidrBlock: 10 }] }));
    const { status, err } = cli("matrix", "--snapshot", dir);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(err).toBe("reachability: cannot read the snapshot: Vpcs.json: $.Vpcs[0].CidrBlock: expected string, received number\n");
  });
});
