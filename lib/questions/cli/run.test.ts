import { describe, expect, it } from "vitest";
import { run } from "./run";

/** The questions command in-process: what goes to stdout and stderr, and the exit code. */
async function questions(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("questions templates", () => {
  it("--json lists every template with its id, topic (a lesson slug) and kind", async () => {
    const { code, stdout, stderr } = await questions("templates", "--json");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const list: unknown = JSON.parse(stdout);
    expect(Array.isArray(list) && list.length >= 12).toBe(true);
    expect(list).toContainEqual(expect.objectContaining({ id: "nacl-ephemeral-ports", topic: "security-groups-and-network-acls", kind: "single-change" }));
  });

  it("prints a readable table without --json", async () => {
    const { code, stdout } = await questions("templates");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ templates/);
    expect(stdout).toMatch(/flow-log-inbound-records\s+flow-log-record\s+vpc-flow-logs#reading-accept-and-reject/);
  });
});

describe("questions generate", () => {
  it("--json prints the question, its options, the key, every explanation and the topology, the same every time", async () => {
    const first = await questions("generate", "--template", "peering-not-transitive", "--seed", "12", "--json");
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: "" });
    const question = JSON.parse(first.stdout);
    expect(question.public).toMatchObject({ id: "peering-not-transitive/12", kind: "can-reach", lesson: "vpc-peering" });
    expect(question.public.options).toHaveLength(4);
    expect(question.public.topology.vpcs).toHaveLength(3);
    expect(question.answer.correctOptionIds).toHaveLength(1);
    expect(question.answer.options.map((o: { optionId: string }) => o.optionId).sort()).toEqual(["a", "b", "c", "d"]);
    const again = await questions("generate", "--seed", "12", "--template", "peering-not-transitive", "--json");
    expect(again.stdout).toBe(first.stdout);
  });

  it("prints the stem, the options, the key and the explanations as text without --json", async () => {
    const { code, stdout } = await questions("generate", "--template", "tgw-segmentation", "--seed", "3");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^tgw-segmentation\/3 — choose-two, multiple response/);
    expect(stdout).toMatch(/\(Choose two\.\)/);
    expect(stdout).toMatch(/\nKey: [a-e], [a-e]\n/);
    expect(stdout).toMatch(/ {2}e\) (right|wrong): /);
  });

  it.each([
    [["generate", "--template", "no-such-template", "--seed", "1"], /^questions: unknown template "no-such-template"; known templates: /],
    [["generate", "--template", "nat-gateway-placement", "--seed", "1.5"], /^questions: --seed must be a whole number from 0 to \d+, not "1\.5"/],
    [["generate", "--template", "nat-gateway-placement", "--seed", "-3"], /^questions: --seed must be a whole number from 0 to \d+, not "-3"/],
    [["generate", "--template", "nat-gateway-placement", "--seed", "ten"], /^questions: --seed must be a whole number/],
    [["generate", "--template", "nat-gateway-placement"], /^questions: --seed N is required/],
    [["generate", "--seed", "4"], /^questions: --template ID is required/],
    [["generate", "--template", "nat-gateway-placement", "--seed", "4", "--colour"], /^questions: Unknown option '--colour'/],
    [["templates", "--verbose"], /^questions: Unknown option '--verbose'/],
  ])("%j exits 2 with one line on stderr and nothing on stdout", async (argv, message) => {
    const { code, stdout, stderr } = await questions(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("the existing commands", () => {
  it("stats --json and validate still read the hand-written bank", async () => {
    const stats = await questions("stats", "--json");
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ total: expect.any(Number), byDomain: expect.any(Object) });
    const validate = await questions("validate");
    expect(validate).toMatchObject({ code: 0, stdout: expect.stringMatching(/^The question bank is valid/) });
  });

  it("help lists every command", async () => {
    const { code, stdout } = await questions("help");
    expect(code).toBe(0);
    for (const command of ["stats", "validate", "templates", "generate --template ID --seed N"]) expect(stdout).toContain(command);
  });
});
