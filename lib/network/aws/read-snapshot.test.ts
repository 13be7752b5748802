import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "./read-snapshot";

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "snapshot-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe("readSnapshot", () => {
  it("reads every .json file below a folder, with Region and account from the folders", () => {
    const root = folder({
      "accounts/111122223333/us-east-1/Vpcs.json": JSON.stringify({ Vpcs: [{ VpcId: "vpc-a", CidrBlock: "10.0.0.0/16" }] }),
      "us-west-2/Subnets.json": JSON.stringify({ Subnets: [{ SubnetId: "subnet-b", VpcId: "vpc-b" }] }),
      "notes.txt": "not json, not read",
    });
    const result = readSnapshot(root);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.vpcs[0]?.origin).toEqual({
      file: "accounts/111122223333/us-east-1/Vpcs.json",
      region: "us-east-1",
      accountId: "111122223333",
    });
    expect(result.snapshot.subnets[0]?.origin.region).toBe("us-west-2");
  });

  it("reads AWS's ip-ranges.json dropped into the snapshot folder beside the describe-* outputs", () => {
    const root = folder({
      "Vpcs.json": JSON.stringify({ Vpcs: [{ VpcId: "vpc-a", CidrBlock: "10.0.0.0/16" }] }),
      "ip-ranges.json": readFileSync(path.join(import.meta.dirname, "fixtures", "aws-ip-ranges.json"), "utf8"),
    });
    const result = readSnapshot(root);
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.snapshot.awsIpRanges.map((r) => r.origin.file)).toEqual(["ip-ranges.json"]);
    expect(result.snapshot.awsIpRanges[0]?.value.prefixes.map((p) => p.service)).toEqual(["AMAZON", "EC2"]);
  });

  it("reads a single file", () => {
    const root = folder({ "Vpcs.json": JSON.stringify({ Vpcs: [{ VpcId: "vpc-a" }] }) });
    const result = readSnapshot(path.join(root, "Vpcs.json"));
    expect(result.ok && result.snapshot.vpcs.length).toBe(1);
  });

  it("reads only the listed files when asked", () => {
    const root = folder({
      "Vpcs.json": JSON.stringify({ Vpcs: [{ VpcId: "vpc-a" }] }),
      "Subnets.json": "{ broken",
    });
    const result = readSnapshot(root, { only: ["Vpcs.json"] });
    expect(result.ok).toBe(true);
  });

  it("reports unreadable JSON with the file name, and keeps going to report the rest", () => {
    const root = folder({
      "Subnets.json": "{ broken",
      "Vpcs.json": JSON.stringify({ Vpcs: [{ VpcId: 7 }] }),
    });
    const result = readSnapshot(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^Subnets\.json: not valid JSON/);
    expect(result.errors[1]).toBe("Vpcs.json: $.Vpcs[0].VpcId: expected string, received number");
  });

  it("reads files written with a byte-order mark, in UTF-8 or UTF-16 (Windows PowerShell's redirect)", () => {
    const json = JSON.stringify({ Vpcs: [{ VpcId: "vpc-a" }] });
    const root = folder({});
    writeFileSync(path.join(root, "utf8-bom.json"), `\ufeff${json}`);
    writeFileSync(path.join(root, "utf16.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]));
    const result = readSnapshot(root);
    expect(result.ok && result.snapshot.vpcs.length).toBe(2);
  });

  it("says so when the path does not exist or holds no JSON", () => {
    const missing = readSnapshot("/no/such/snapshot");
    expect(missing).toMatchObject({ ok: false, errors: ["/no/such/snapshot: no such file or folder"] });
    const empty = readSnapshot(folder({ "readme.md": "hi" }));
    expect(empty.ok).toBe(false);
    const notAws = readSnapshot(folder({ "package.json": JSON.stringify({ name: "x" }) }));
    expect(notAws).toMatchObject({ ok: false, errors: [expect.stringMatching(/no AWS describe-\* output found/)] });
    const emptyButAws = readSnapshot(folder({ "Vpcs.json": JSON.stringify({ Vpcs: [] }) }));
    expect(emptyButAws.ok).toBe(true);
  });
});
