import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../questions/analyze";
import { readAwsFiles, type DroppedFile } from "./read-files";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", "two-tier", name), "utf8");
const twoTier: DroppedFile[] = ["Vpcs.json", "Subnets.json", "RouteTables.json", "InternetGateways.json", "SecurityGroups.json", "NetworkAcls.json", "Reservations.json"].map((name) => ({
  name: `describe-${name.replace(".json", "").toLowerCase()}.json`,
  text: fixture(name),
}));

describe("readAwsFiles", () => {
  it("reads the files a person drops into a topology, reporting what each held", () => {
    const result = readAwsFiles(twoTier);
    expect(result.general).toEqual([]);
    expect(result.files.map((f) => [f.name, f.status, f.outputs.map((o) => `${o.command} ×${o.count}`)])).toEqual([
      ["describe-vpcs.json", "read", ["aws ec2 describe-vpcs ×1"]],
      ["describe-subnets.json", "read", ["aws ec2 describe-subnets ×2"]],
      ["describe-routetables.json", "read", ["aws ec2 describe-route-tables ×2"]],
      ["describe-internetgateways.json", "read", ["aws ec2 describe-internet-gateways ×1"]],
      ["describe-securitygroups.json", "read", ["aws ec2 describe-security-groups ×2"]],
      ["describe-networkacls.json", "read", ["aws ec2 describe-network-acls ×1"]],
      ["describe-reservations.json", "read", ["aws ec2 describe-instances ×1"]],
    ]);
    if (!result.topology) throw new Error("no topology");
    const path = analyze(result.topology, { source: "i-0web0000000000001", destination: "i-0db00000000000002", destinationPort: 5432 });
    expect(path.ok && path.networkPathFound).toBe(true);
  });

  it("does not let one bad file discard the good ones: each problem is reported with its file's name", () => {
    const result = readAwsFiles([
      ...twoTier,
      { name: "notes.txt", text: "VPC list for the audit" },
      { name: "vpcs-table.txt", text: "VPCS\tFalse\tdopt-1\tdefault\tavailable\tvpc-1" },
      { name: "rds.json", text: JSON.stringify({ DBInstances: [] }) },
      { name: "truncated.json", text: '{"Vpcs": [{"VpcId": "vpc-1"' },
      { name: "empty.json", text: "" },
      {
        name: "more-subnets.json",
        text: JSON.stringify({ Subnets: [{ SubnetId: "subnet-0ccc0000000000003", VpcId: "vpc-0a1b2c3d4e5f60001", CidrBlock: "10.0.3.0/24" }, { SubnetId: 42 }, { SubnetId: "subnet-0ddd", VpcId: "vpc-0a1b2c3d4e5f60001", CidrBlock: "10.0.4.0/33" }] }),
      },
    ]);
    const report = (name: string) => result.files.find((f) => f.name === name);
    expect(report("notes.txt")).toMatchObject({ status: "not-read", errors: [expect.stringMatching(/^not valid JSON \(.*\): AWS CLI output is read as JSON; run the command with --output json$/)] });
    expect(report("vpcs-table.txt")?.errors[0]).toMatch(/run the command with --output json/);
    expect(report("rds.json")).toMatchObject({ status: "not-read", errors: [], warnings: ['top-level key "DBInstances" is not an AWS output this reader knows; ignored'] });
    expect(report("truncated.json")).toMatchObject({ status: "not-read", errors: [expect.stringMatching(/^not valid JSON/)] });
    expect(report("empty.json")).toMatchObject({ status: "not-read", errors: ["the file is empty"] });
    expect(report("more-subnets.json")).toMatchObject({
      status: "read-in-part",
      outputs: [{ command: "aws ec2 describe-subnets", key: "Subnets", count: 2 }],
      errors: [
        "$.Subnets[1].SubnetId: expected string, received number",
        "$.Subnets[1].VpcId: expected string, received undefined",
        expect.stringMatching(/^subnet-0ddd: cidrBlock: .*; left out$/),
      ],
    });
    expect(result.files.filter((f) => f.status === "read").map((f) => f.name)).toEqual(twoTier.map((f) => f.name));
    expect(result.topology?.subnets.map((s) => s.subnetId)).toEqual(["subnet-0aaa0000000000001", "subnet-0bbb0000000000002", "subnet-0ccc0000000000003"]);
  });

  it("takes the Region and account from the folders of a dropped folder's relative paths", () => {
    const result = readAwsFiles([{ name: "accounts/111122223333/eu-west-1/describe-vpcs.json", text: JSON.stringify({ Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }] }) }]);
    expect(result.topology?.vpcs[0]).toMatchObject({ region: "eu-west-1", ownerId: "111122223333" });
  });

  it("decodes the bytes of a file Windows PowerShell 5 wrote as UTF-16, and explains text that was decoded wrongly", () => {
    const json = JSON.stringify({ Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }] });
    const utf16 = new Uint8Array(2 + json.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < json.length; i += 1) utf16[2 + i * 2] = json.charCodeAt(i);
    expect(readAwsFiles([{ name: "vpcs.json", bytes: utf16 }]).files[0]?.status).toBe("read");
    const misread = new TextDecoder("utf-8").decode(utf16);
    expect(readAwsFiles([{ name: "vpcs.json", text: misread }]).files[0]?.errors[0]).toMatch(/looks like UTF-16 text read as UTF-8/);
    expect(readAwsFiles([{ name: "bom.json", text: `\uFEFF${json}` }]).files[0]?.status).toBe("read");
  });

  it("merges the pages of one output and reports a page whose continuation was not dropped", () => {
    const page = (ids: string[], token?: string) => JSON.stringify({ Vpcs: ids.map((VpcId) => ({ VpcId, CidrBlock: "10.0.0.0/16" })), ...(token ? { NextToken: token } : {}) });
    const merged = readAwsFiles([
      { name: "describe-vpcs.json", text: page(["vpc-1", "vpc-2"], "eyJ2IjoxfQ==") },
      { name: "describe-vpcs.2.json", text: page(["vpc-2", "vpc-3"]) },
    ]);
    expect(merged.topology?.vpcs.map((v) => v.vpcId)).toEqual(["vpc-1", "vpc-2", "vpc-3"]);
    expect(merged.files.flatMap((f) => f.warnings)).toEqual([]);
    const alone = readAwsFiles([{ name: "describe-vpcs.json", text: page(["vpc-1"], "eyJ2IjoxfQ==") }]);
    expect(alone.files[0]?.warnings).toEqual([expect.stringMatching(/^is one page of aws ec2 describe-vpcs \(it holds a NextToken\) and no other file continues it/)]);
  });

  it("says plainly when no file holds an AWS output", () => {
    const result = readAwsFiles([{ name: "a.json", text: "[1, 2]" }]);
    expect(result.topology).toBeUndefined();
    expect(result.general).toEqual([{ severity: "error", message: expect.stringMatching(/^No AWS output among these files/) }]);
  });

  it("reports references between files that point nowhere as a whole-snapshot warning", () => {
    const result = readAwsFiles([{ name: "describe-subnets.json", text: JSON.stringify({ Subnets: [{ SubnetId: "subnet-1", VpcId: "vpc-missing", CidrBlock: "10.0.1.0/24" }] }) }]);
    expect(result.general).toEqual([{ severity: "warning", message: "subnets.0.vpcId: VPC vpc-missing is not in the topology" }]);
  });
});

describe("what the browser calls is free of Node APIs", () => {
  /** Every module a browser entry point imports, followed through relative imports. */
  function importGraph(entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/^(?:import|export)[^"';]*?from\s+"([^"]+)"/gm)) {
        const spec = match[1] as string;
        expect(`${path.relative(process.cwd(), file)} imports ${spec}`).not.toMatch(/imports (node:|fs$|path$|os$|child_process)/);
        if (!spec.startsWith(".")) continue;
        const base = path.resolve(path.dirname(file), spec);
        visit(existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, "index.ts"));
      }
    };
    visit(entry);
    return [...seen];
  }

  it.each(["read-files.ts", "capture-commands.ts", "../findings/index.ts", "../questions/matrix.ts"])("%s and what it imports use no Node module", (entry) => {
    expect(importGraph(path.resolve(import.meta.dirname, entry)).length).toBeGreaterThan(0);
  });
});
