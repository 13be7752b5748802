import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeLab, hintFor, LabContentError, listLabs, loadLab } from "./index";
import { parseLabFiles } from "./load-labs";

const front = `title: A tiny lab
summary: One subnet and one instance, enough to grade a packet.
order: 1
estimatedMinutes: 5
difficulty: intro`;

const start = {
  vpcs: [{ vpcId: "vpc-a", cidrBlock: "10.0.0.0/16" }],
  subnets: [{ subnetId: "subnet-a", vpcId: "vpc-a", cidrBlock: "10.0.1.0/24" }],
  securityGroups: [{ groupId: "sg-a", vpcId: "vpc-a", ipPermissions: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipRanges: [{ cidrIp: "0.0.0.0/0" }] }] }],
  instances: [
    { instanceId: "i-a", subnetId: "subnet-a", privateIpAddress: "10.0.1.10", securityGroupIds: ["sg-a"] },
    { instanceId: "i-b", subnetId: "subnet-a", privateIpAddress: "10.0.1.20", securityGroupIds: ["sg-a"] },
  ],
};

const spec = {
  start,
  checks: [
    { id: "a-to-b-ssh", title: "A reaches B on SSH", weight: 30, kind: "must-reach", source: "i-a", destination: "i-b", port: 22 },
    { id: "no-open-ssh", title: "No group allows SSH from anywhere", weight: 70, kind: "no-open-port", port: 22 },
  ],
  hints: ["Look at the security group first.", "Narrow the SSH rule to the VPC's range."],
};

function labFolder(files: { brief?: string; lab?: unknown; name?: string }) {
  const dir = mkdtempSync(path.join(tmpdir(), "labs-"));
  const folder = path.join(dir, files.name ?? "01-tiny-lab");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "brief.mdx"), files.brief ?? `---\n${front}\n---\n## Goal\n\nDo it.\n`);
  writeFileSync(path.join(folder, "lab.json"), typeof files.lab === "string" ? files.lab : JSON.stringify(files.lab ?? spec));
  return dir;
}

function parse(brief: string, lab: unknown = spec) {
  return parseLabFiles(
    "content/labs/01-tiny-lab",
    { file: "content/labs/01-tiny-lab/brief.mdx", raw: brief },
    { file: "content/labs/01-tiny-lab/lab.json", raw: typeof lab === "string" ? lab : JSON.stringify(lab) },
  );
}

describe("loading labs", () => {
  it("lists a valid lab with its metadata and keeps check details and hints out of the Lab object", async () => {
    const dir = labFolder({});
    expect(await listLabs(dir)).toEqual([{ slug: "tiny-lab", order: 1, title: "A tiny lab", summary: "One subnet and one instance, enough to grade a packet.", estimatedMinutes: 5, difficulty: "intro" }]);
    const lab = await loadLab("tiny-lab", dir);
    expect(lab?.checks).toEqual([
      { id: "a-to-b-ssh", title: "A reaches B on SSH", weight: 30, kind: "must-reach" },
      { id: "no-open-ssh", title: "No group allows SSH from anywhere", weight: 70, kind: "no-open-port" },
    ]);
    expect(lab?.hintCount).toBe(2);
    expect(JSON.stringify(lab)).not.toContain("Narrow the SSH rule");
    expect(await loadLab("no-such-lab", dir)).toBeNull();
  });

  it("names the file and the frontmatter field", () => {
    expect(() => parse(`---\n${front.replace("difficulty: intro", "difficulty: hard")}\n---\nBody`)).toThrowError(/^content\/labs\/01-tiny-lab\/brief\.mdx: field "difficulty": /);
    expect(() => parse(`---\n${front.replace("order: 1", "order: 2")}\n---\nBody`)).toThrowError(/brief\.mdx: field "order": is 2 but the folder name starts with 01/);
  });

  it("names lab.json and the path of a bad check or a bad starting topology", () => {
    const badCheck = { ...spec, checks: [{ ...spec.checks[0], kind: "must-teleport" }] };
    expect(() => parse(`---\n${front}\n---\nBody`, badCheck)).toThrowError(/^content\/labs\/01-tiny-lab\/lab\.json: field "checks\.0\.kind": /);
    const badStart = { ...spec, start: { ...start, subnets: [{ subnetId: "subnet-a", vpcId: "vpc-a", cidrBlock: "10.0.1.0/33" }] } };
    expect(() => parse(`---\n${front}\n---\nBody`, badStart)).toThrowError(/lab\.json: field "start\.subnets\.0\.cidrBlock": expected an IPv4 CIDR block/);
    const duplicate = { ...spec, checks: [spec.checks[0], spec.checks[0]] };
    expect(() => parse(`---\n${front}\n---\nBody`, duplicate)).toThrowError(/field "checks\.1\.id": duplicate check id "a-to-b-ssh"/);
    expect(() => parse(`---\n${front}\n---\nBody`, "{ not json")).toThrowError(/lab\.json: not valid JSON/);
  });

  it("allows only <Callout> with a known type in a brief", () => {
    expect(() => parse(`---\n${front}\n---\n<Scenario name="x" />`)).toThrowError(/<Scenario> is not available in lab briefs/);
    expect(() => parse(`---\n${front}\n---\n<Callout type="danger">x</Callout>`)).toThrowError(/needs type="note", "tip" or "warning"/);
    expect(parse(`---\n${front}\n---\n<Callout type="tip">\nFine.\n</Callout>`).lab.briefSource).toContain("Fine.");
  });

  it("throws LabContentError for a folder without lab.json", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "labs-"));
    mkdirSync(path.join(dir, "01-empty"));
    writeFileSync(path.join(dir, "01-empty", "brief.mdx"), `---\n${front}\n---\nBody`);
    await expect(listLabs(dir)).rejects.toBeInstanceOf(LabContentError);
    await expect(listLabs(dir)).rejects.toThrowError(/lab\.json: is missing/);
  });
});

describe("grading and hints", () => {
  it("grades by weight and explains each check", async () => {
    const lab = await loadLab("tiny-lab", labFolder({}));
    if (!lab) throw new Error("lab not loaded");
    const result = gradeLab(lab, lab.start);
    if (!result.ok) throw new Error(result.error);
    expect(result).toMatchObject({ score: 30, maxScore: 100, percent: 30 });
    expect(result.checks.map((c) => [c.id, c.passed, c.earned])).toEqual([["a-to-b-ssh", true, 30], ["no-open-ssh", false, 0]]);
    expect(result.checks[1]?.explanation).toBe("Security group sg-a allows TCP 22 from 0.0.0.0/0.");
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("returns field errors, not an exception, for an invalid topology", async () => {
    const lab = await loadLab("tiny-lab", labFolder({}));
    if (!lab) throw new Error("lab not loaded");
    const result = gradeLab(lab, { vpcs: [{ vpcId: "vpc-a", cidrBlock: "nope" }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path: "vpcs.0.cidrBlock", message: 'expected an IPv4 CIDR block like "10.0.0.0/16"' });
    expect(result.error).toMatch(/^The topology is not valid \(1 problem; first at vpcs\.0\.cidrBlock/);
    expect(gradeLab(lab, "not even an object").ok).toBe(false);
  });

  it("grades a copy of the Lab object (as after serialising it) by its slug", async () => {
    const lab = await loadLab("tiny-lab", labFolder({}));
    if (!lab) throw new Error("lab not loaded");
    const copy = structuredClone(lab);
    expect(gradeLab(copy, lab.start)).toMatchObject({ ok: true, score: 30 });
    expect(hintFor(copy, 1)).toBe("Look at the security group first.");
  });

  it("reveals one hint per failed attempt, then none", async () => {
    const lab = await loadLab("tiny-lab", labFolder({}));
    if (!lab) throw new Error("lab not loaded");
    expect([0, 1, 2, 3, -1, 1.5].map((n) => hintFor(lab, n))).toEqual([null, "Look at the security group first.", "Narrow the SSH rule to the VPC's range.", null, null, null]);
  });
});
