import { describe, expect, it } from "vitest";
import { network } from "@/lib/network/testing/builder";
import { addSecurityGroupRule } from "./changes";
import { MAX_ATTEMPTS, generateQuestion } from "./generate";
import { defineTemplate, type ClaimDraft, type FlowDraft } from "./template";
import type { PacketFlow } from "./types";

/**
 * The engine on small hand-made templates: the key comes from the evaluator, and variants that
 * are ambiguous or trivial are rejected, retried deterministically, and finally reported.
 */

// An app server and a database; the database's group admits 5432 from `allowed` only.
function twoTier(allowed: string) {
  return network()
    .vpc("vpc-app", "10.1.0.0/16")
    .subnet("subnet-app", "vpc-app", "10.1.1.0/24")
    .subnet("subnet-db", "vpc-app", "10.1.2.0/24")
    .routeTable("rtb-main", "vpc-app", { main: true })
    .securityGroup("sg-app", {})
    .securityGroup("sg-db", { inbound: [`tcp 5432 ${allowed}`] })
    .instance("i-app", "subnet-app", "10.1.1.10", { groups: ["sg-app"] })
    .instance("i-db", "subnet-db", "10.1.2.10", { groups: ["sg-db"] })
    .toJSON();
}
const toDb: PacketFlow = { kind: "packet", source: "i-app", destination: "i-db", protocol: "tcp", destinationPort: 5432 };
const claims: ClaimDraft[] = [
  { text: "Yes, directly over the local route.", claim: { works: true, via: ["i-db"] } },
  { text: "No: sg-db refuses it.", claim: { works: false, blockedBy: "sg-db" } },
  { text: "No: sg-app refuses it.", claim: { works: false, blockedBy: "sg-app" } },
  { text: "No: rtb-main has no route.", claim: { works: false, blockedBy: "rtb-main" } },
];
const base = {
  lesson: "security-groups-and-network-acls",
  section: "following-one-packet",
  task: "4.1",
  difficulty: "easy",
  docs: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html"],
  teaches: ["ENI_SG_RULES_MISMATCH"],
} as const;

const canReach = (id: string, allowed: (rng: { chance(p: number): boolean }) => string, pivotRule = "tcp 5432 10.1.1.0/24") =>
  defineTemplate({
    ...base,
    id,
    title: "test",
    kind: "can-reach",
    build: (rng) => ({
      kind: "can-reach",
      topology: twoTier(allowed(rng)),
      stem: "Can i-app reach i-db on 5432?",
      facts: () => [],
      flow: { label: "i-app to i-db", flow: toDb },
      options: claims,
      pivot: addSecurityGroupRule("sg-db", "inbound", pivotRule),
    }),
  });

describe("generateQuestion", () => {
  it("takes the key from the evaluator and explains every option with the evaluator's reason", () => {
    const result = generateQuestion(canReach("blocked-db", () => "10.9.0.0/16"), 1);
    if (!result.ok) throw new Error(result.error);
    const { public: q, answer } = result.question;
    const key = q.options.find((o) => o.id === answer.correctOptionIds[0]);
    expect(key?.text).toBe("No: sg-db refuses it.");
    expect(answer.options).toHaveLength(4);
    const wrong = answer.options.filter((v) => !v.correct);
    for (const v of wrong) expect(v.explanation).toMatch(/ENI_SG_RULES_MISMATCH/);
    expect(answer.options.find((v) => v.correct)?.explanation).toMatch(/^Correct\. The request is stopped at sg-db \(ENI_SG_RULES_MISMATCH\)/);
  });

  it("keeps the key and the explanations out of the public part", () => {
    const result = generateQuestion(canReach("public-part", () => "10.9.0.0/16"), 2);
    if (!result.ok) throw new Error(result.error);
    const published = JSON.stringify(result.question.public);
    expect(published).not.toMatch(/"correct|"explanation"|"evidence"/);
    expect(result.question.public).toMatchObject({ id: "public-part/2", templateId: "public-part", seed: 2, kind: "can-reach", response: "single", choose: 1, domain: "4", task: "4.1" });
  });

  it("is a pure function of (template, seed)", () => {
    const template = canReach("same-seed", (rng) => (rng.chance(0.5) ? "10.9.0.0/16" : "10.1.1.0/24"));
    expect(generateQuestion(template, 7)).toEqual(generateQuestion(template, 7));
  });

  it("rejects a variant whose answer does not depend on the taught rule, retrying with the next derived seed", () => {
    // Half the variants allow 5432 from everywhere, so the pivot (allow it from the app subnet) changes nothing there.
    const template = canReach("sometimes-trivial", (rng) => (rng.chance(0.5) ? "0.0.0.0/0" : "10.9.0.0/16"));
    const results = Array.from({ length: 20 }, (_, seed) => generateQuestion(template, seed));
    expect(results.every((r) => r.ok)).toBe(true);
    const retried = results.filter((r) => r.ok && r.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    for (const r of retried) expect(r.rejections.join()).toMatch(/does not depend on the rule the template teaches/);
  });

  it("gives up after a bounded number of tries with an error naming the template, the seed and the reason", () => {
    const result = generateQuestion(canReach("always-trivial", () => "0.0.0.0/0"), 5);
    expect(result).toMatchObject({ ok: false, code: "NO_VARIANT" });
    if (result.ok) return;
    expect(result.rejections).toHaveLength(MAX_ATTEMPTS);
    expect(result.error).toMatch(/^template "always-trivial" found no unambiguous variant for seed 5 in \d+ tries/);
  });

  it("rejects a choose-two variant with three allowed flows, and a flow blocked by a rule the template does not teach", () => {
    const flows = (ports: number[], offTopic: boolean) =>
      defineTemplate({
        ...base,
        id: "choose",
        title: "test",
        kind: "choose-two",
        build: () => ({
          kind: "choose-two",
          topology: twoTier("10.1.1.0/24"),
          stem: "Which flows work? (Choose two.)",
          facts: () => [],
          options: ports.map((port, i): FlowDraft => {
            const toInternet: PacketFlow = { kind: "packet", source: "i-db", destinationIp: "192.0.2.10", protocol: "tcp", destinationPort: port };
            return { text: `flow ${i} to ${port}`, flow: offTopic && i === 4 ? toInternet : { ...toDb, destinationPort: port, sourcePort: 40000 + i } };
          }),
        }),
      });
    // Same port three times: three allowed flows.
    const tooMany = generateQuestion(flows([5432, 5432, 5432, 22, 23], false), 0);
    expect(tooMany.ok ? "" : tooMany.error).toMatch(/3 options are right, the question needs exactly 2/);
    // The fifth flow has no route to the internet: NO_ROUTE_TO_DESTINATION is not what this template teaches.
    const offTopic = generateQuestion(flows([5432, 5432, 22, 23, 24], true), 0);
    expect(offTopic.ok ? "" : offTopic.error).toMatch(/blocked by NO_ROUTE_TO_DESTINATION at rtb-main, not by the rule the template teaches/);
  });

  it("rejects a single-change variant whose change does nothing or repeats another", () => {
    const changes = (rules: string[]) =>
      defineTemplate({
        ...base,
        id: "changes",
        title: "test",
        kind: "single-change",
        build: () => ({
          kind: "single-change",
          topology: twoTier("10.9.0.0/16"),
          stem: "Which change lets i-app reach i-db?",
          facts: () => [],
          flow: { label: "i-app to i-db", flow: toDb },
          keep: [],
          options: rules.map((rule, i) => ({ text: `change ${i}: ${rule}`, change: addSecurityGroupRule("sg-db", "inbound", rule) })),
        }),
      });
    const ok = generateQuestion(changes(["tcp 5432 10.1.1.0/24", "tcp 22 10.1.1.0/24", "udp 5432 10.1.1.0/24", "tcp 5432 10.2.0.0/16"]), 0);
    expect(ok.ok).toBe(true);
    const repeated = generateQuestion(changes(["tcp 5432 10.1.1.0/24", "tcp 22 10.1.1.0/24", "tcp 22 10.1.1.0/24", "tcp 5432 10.2.0.0/16"]), 0);
    expect(repeated.ok ? "" : repeated.error).toMatch(/two options have the same text|two changes have the same effect/);
  });

  it("refuses a seed that is not a whole number from 0 up", () => {
    const template = canReach("seeds", () => "10.9.0.0/16");
    for (const seed of [-1, 1.5, Number.NaN, 2 ** 53]) expect(generateQuestion(template, seed)).toMatchObject({ ok: false, code: "INVALID_SEED" });
  });

  it("treats a broken template as a programmer error that names it", () => {
    const broken = defineTemplate({
      ...base,
      id: "broken",
      title: "test",
      kind: "can-reach",
      build: () => ({ kind: "can-reach", topology: { vpcs: [{ vpcId: "vpc-x", cidrBlock: "10.0.0.0/33" }] }, stem: "", facts: () => [], flow: { label: "x", flow: toDb }, options: claims, pivot: () => [] }),
    });
    expect(() => generateQuestion(broken, 0)).toThrow(/question template "broken" built an invalid topology: vpcs\.0\.cidrBlock/);
  });
});

describe("defineTemplate", () => {
  it("rejects a template whose metadata is wrong, listing every problem", () => {
    expect(() => defineTemplate({ ...base, id: "Bad Id", title: "t", kind: "can-reach", task: "1.1", domain: "4", docs: ["https://example.com/x"], build: () => { throw new Error("unused"); } })).toThrow(
      /question template "Bad Id": id must be kebab-case; task 1\.1 belongs to domain 1, not 4; docs must list AWS documentation pages/,
    );
  });
});
