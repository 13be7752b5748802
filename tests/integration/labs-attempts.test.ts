import { readFileSync } from "node:fs";
import jsonPatch, { type Operation } from "fast-json-patch";
import { beforeEach, describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import { loadLab } from "@/lib/labs";
import {
  MAX_TOPOLOGY_BYTES,
  createRateLimiter,
  getLabAttemptTopology,
  getLabDraft,
  labGrader,
  listLabAttempts,
  listLabBests,
  readBodyText,
  saveLabDraftFromBody,
  submitLabAttempt,
  type LabSubmitOutcome,
} from "@/lib/labs-store";
import { LIMITS } from "@/lib/http/limits";
import { getLabProgress } from "@/lib/progress/dashboard";
import { newUserInput } from "../factories";

// A real lab, its reference solution and one of its wrong solutions (tests/labs/, never shipped).
const SLUG = "s3-and-dynamodb-without-the-internet";
const solution: unknown = JSON.parse(readFileSync(`tests/labs/solutions/${SLUG}.json`, "utf8"));
const wrongSpec = JSON.parse(readFileSync(`tests/labs/wrong/${SLUG}-keeps-nat-gateway.json`, "utf8")) as { patch: Operation[]; expectedLostChecks: string[] };
const wrong: unknown = jsonPatch.applyPatch(structuredClone(solution), wrongSpec.patch, true, false).newDocument;

let limiter = createRateLimiter({ name: "test-lab-submission", limit: 1000, windowMs: 60_000 });
beforeEach(() => {
  limiter = createRateLimiter({ name: "test-lab-submission", limit: 1000, windowMs: 60_000 });
});

async function learner() {
  return upsertUser({ ...newUserInput(), role: "learner" });
}

function submit(userId: string, text: string, slug = SLUG) {
  return submitLabAttempt({ userId, slug, text }, { grader: labGrader, limiter });
}

const body = (topology: unknown) => JSON.stringify({ topology });

function graded(outcome: LabSubmitOutcome) {
  if (outcome.body.kind !== "graded") throw new Error(`expected a graded attempt, got ${outcome.status} ${JSON.stringify(outcome.body)}`);
  return outcome.body;
}

describe("lab submissions", () => {
  it("grades the reference solution on the server at 100%, stores it, and shows it as the best score", async () => {
    const user = await learner();
    const outcome = await submit(user.id, body(solution));
    expect(outcome.status).toBe(201);
    const result = graded(outcome);
    expect(result.attempt.percent).toBe(100);
    expect(result.attempt.checks.every((c) => c.passed)).toBe(true);
    expect(result.hint).toBeNull();
    expect(result.bestPercent).toBe(100);

    const history = await listLabAttempts(user.id, SLUG);
    expect(history.map((a) => a.id)).toEqual([result.attempt.id]);
    expect(JSON.parse((await getLabAttemptTopology(user.id, result.attempt.id)) ?? "null")).toEqual(solution);
    expect(await listLabBests(user.id)).toMatchObject([{ labSlug: SLUG, bestPercent: 100, attempts: 1 }]);
    expect(await getLabProgress(user.id)).toMatchObject([{ labSlug: SLUG, bestPercent: 100 }]);
  });

  it("fails exactly the checks a wrong solution breaks, with a counterexample and the next hint after each failure", async () => {
    const user = await learner();
    const lab = await loadLab(SLUG);
    const first = graded(await submit(user.id, body(wrong)));
    const failedIds = first.attempt.checks.filter((c) => !c.passed).map((c) => c.id);
    expect(failedIds.sort()).toEqual([...wrongSpec.expectedLostChecks].sort());
    expect(first.attempt.percent).toBeLessThan(100);
    for (const check of first.attempt.checks.filter((c) => !c.passed && (c.kind === "must-not-reach" || c.kind === "least-privilege"))) {
      expect(check.counterexample?.description, check.id).toBeTruthy();
    }
    expect(first.hint).toBe(lab && labGrader.hintFor(lab, 1));
    expect(first.hint).toBeTruthy();

    const second = graded(await submit(user.id, body(wrong)));
    expect(second.hint).toBe(lab && labGrader.hintFor(lab, 2));
    expect(second.hint).not.toBe(first.hint);

    // A success later keeps the history and raises the best score.
    const third = graded(await submit(user.id, body(solution)));
    expect(third.bestPercent).toBe(100);
    expect(third.attemptCount).toBe(3);
    expect((await listLabAttempts(user.id, SLUG)).map((a) => a.percent)).toEqual([100, first.attempt.percent, first.attempt.percent]);
  });

  it("refuses malformed, oversized and invalid topologies with clear messages and stores nothing", async () => {
    const user = await learner();
    const saved = await saveLabDraftFromBody({ userId: user.id, slug: SLUG, text: body({ name: "my work" }) }, { grader: labGrader });
    expect(saved.status).toBe(200);

    const notJson = await submit(user.id, "{ topology: ");
    expect(notJson).toMatchObject({ status: 400, body: { kind: "bad-request" } });
    expect(notJson.body.kind === "bad-request" && notJson.body.error).toMatch(/not valid JSON/);

    const notAnObject = await submit(user.id, JSON.stringify({ topology: [1, 2] }));
    expect(notAnObject).toMatchObject({ status: 400, body: { kind: "bad-request", issues: [{ path: "topology" }] } });

    const extraField = await submit(user.id, JSON.stringify({ topology: {}, verdict: "passed" }));
    expect(extraField.status).toBe(400);

    const notAnEnvelope = await submit(user.id, JSON.stringify("vpcs"));
    expect(notAnEnvelope.body.kind === "bad-request" && notAnEnvelope.body.error).toMatch(/expected a JSON object of the form \{ "topology"/);

    const huge = await submit(user.id, body({ description: "x".repeat(MAX_TOPOLOGY_BYTES) }));
    expect(huge).toMatchObject({ status: 413, body: { kind: "too-large" } });
    expect(huge.body.kind === "too-large" && huge.body.error).toMatch(/limit is 256 kB/);

    const invalid = await submit(user.id, body({ vpcs: [{ vpcId: "not-a-vpc", cidrBlock: "10.0.0.0/33" }] }));
    expect(invalid).toMatchObject({ status: 422, body: { kind: "invalid-topology" } });
    if (invalid.body.kind !== "invalid-topology") throw new Error("unreachable");
    expect(invalid.body.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["vpcs.0.vpcId", "vpcs.0.cidrBlock"]));
    expect(invalid.body.error).not.toMatch(/at .*\.ts:\d+/); // no stack trace

    expect(await listLabAttempts(user.id, SLUG)).toEqual([]);
    expect(JSON.parse((await getLabDraft(user.id, SLUG))?.topology ?? "null")).toEqual({ name: "my work" });
  });

  it("answers 404 for a lab that does not exist or a slug that is not one", async () => {
    const user = await learner();
    expect((await submit(user.id, body(solution), "no-such-lab")).status).toBe(404);
    expect((await submit(user.id, body(solution), "../../etc/passwd")).status).toBe(404);
    expect(await listLabAttempts(user.id, "no-such-lab")).toEqual([]);
  });

  it("limits submissions per learner and says how long to wait", async () => {
    limiter = createRateLimiter({ name: "test-lab-submission-strict", limit: 2, windowMs: 60_000 });
    const [ana, ben] = await Promise.all([learner(), learner()]);
    expect((await submit(ana.id, body(wrong))).status).toBe(201);
    expect((await submit(ana.id, "not json")).status).toBe(400);
    const limited = await submit(ana.id, body(solution));
    expect(limited).toMatchObject({ status: 429, body: { kind: "rate-limited" } });
    expect(limited.body.kind === "rate-limited" && limited.body.error).toMatch(/wait \d+ s/);
    expect((await submit(ben.id, body(solution))).status).toBe(201);
    expect(await listLabAttempts(ana.id, SLUG)).toHaveLength(1);
  });

  it("loses no attempt when one learner and others submit concurrently", async () => {
    const [ana, ben] = await Promise.all([learner(), learner()]);
    const submissions = [
      ...Array.from({ length: 12 }, (_, i) => submit(ana.id, body(i % 2 === 0 ? solution : wrong))),
      ...Array.from({ length: 6 }, () => submit(ben.id, body(wrong))),
    ];
    const outcomes = await Promise.all(submissions);
    expect(outcomes.map((o) => o.status)).toEqual(Array(18).fill(201));
    const anaAttempts = await listLabAttempts(ana.id, SLUG);
    expect(anaAttempts).toHaveLength(12);
    expect(new Set(anaAttempts.map((a) => a.id)).size).toBe(12);
    expect(anaAttempts.filter((a) => a.percent === 100)).toHaveLength(6);
    expect(await listLabAttempts(ben.id, SLUG)).toHaveLength(6);
    // Each transaction counted its own attempt: the counts seen are 1..12, each once.
    const counts = outcomes.slice(0, 12).map((o) => graded(o).attemptCount).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("stores a submission once however often its Idempotency-Key is sent, even at the same moment", async () => {
    const ana = await learner();
    const once = (key: string, slug = SLUG) => submitLabAttempt({ userId: ana.id, slug, text: body(wrong), submissionKey: key }, { grader: labGrader, limiter });
    const first = await once("retry-key-0001");
    expect(first).toMatchObject({ status: 201, body: { kind: "graded", replayed: false, attemptCount: 1 } });
    const again = await once("retry-key-0001");
    expect(again).toMatchObject({ status: 200, body: { kind: "graded", replayed: true, attemptCount: 1 } });
    expect(graded(again).attempt.id).toBe(graded(first).attempt.id);

    const doubled = await Promise.all(Array.from({ length: 8 }, () => once("double-click-0002")));
    expect(doubled.filter((o) => o.status === 201)).toHaveLength(1);
    expect(new Set(doubled.map((o) => graded(o).attempt.id)).size).toBe(1);
    expect(await listLabAttempts(ana.id, SLUG)).toHaveLength(2);

    expect(await once("retry-key-0001", "three-tier-vpc-with-nat")).toMatchObject({ status: 409, body: { kind: "key-reused" } });
    expect(await once("bad key!")).toMatchObject({ status: 400, body: { kind: "bad-request" } });
    expect(await listLabAttempts(ana.id, SLUG)).toHaveLength(2);
  });

  it("keeps every learner's attempts and drafts to themselves", async () => {
    const [ana, ben] = await Promise.all([learner(), learner()]);
    const mine = graded(await submit(ana.id, body(solution)));
    expect(await getLabAttemptTopology(ben.id, mine.attempt.id)).toBeNull();
    await saveLabDraftFromBody({ userId: ana.id, slug: SLUG, text: body({ name: "ana" }) }, { grader: labGrader });
    expect(await getLabDraft(ben.id, SLUG)).toBeNull();
  });
});

describe("lab drafts", () => {
  it("saves any JSON object (an unfinished topology too), and keeps the last good draft when a save is refused", async () => {
    const user = await learner();
    const unfinished = { vpcs: [{ vpcId: "vpc-a", cidrBlock: "10.0.0" }] };
    expect((await saveLabDraftFromBody({ userId: user.id, slug: SLUG, text: body(unfinished) }, { grader: labGrader })).status).toBe(200);
    expect((await saveLabDraftFromBody({ userId: user.id, slug: SLUG, text: "{" }, { grader: labGrader })).status).toBe(400);
    expect((await saveLabDraftFromBody({ userId: user.id, slug: SLUG, text: body({ d: "x".repeat(MAX_TOPOLOGY_BYTES) }) }, { grader: labGrader })).status).toBe(413);
    expect((await saveLabDraftFromBody({ userId: user.id, slug: "no-such-lab", text: body({}) }, { grader: labGrader })).status).toBe(404);
    expect(JSON.parse((await getLabDraft(user.id, SLUG))?.topology ?? "null")).toEqual(unfinished);
  });

  it("answers a draft nested 5,000 levels deep with a 400 that names the limit (it used to be a 503 'try again'), keeping the saved draft", async () => {
    const user = await learner();
    await saveLabDraftFromBody({ userId: user.id, slug: SLUG, text: body(solution) }, { grader: labGrader });
    const before = await getLabDraft(user.id, SLUG);
    const deep = `{"topology":${'{"a":'.repeat(4999)}{}${"}".repeat(4999)}}`;
    const outcome = await saveLabDraftFromBody({ userId: user.id, slug: SLUG, text: deep }, { grader: labGrader });
    expect(outcome).toEqual({
      status: 400,
      body: {
        kind: "too-deep",
        maxDepth: LIMITS.jsonDepth,
        error: `The topology nests objects and lists inside each other more than ${LIMITS.jsonDepth} levels deep; the limit is ${LIMITS.jsonDepth} levels. Remove the extra nesting. A lab's topology needs about 8. Nothing you saved before was changed.`,
      },
    });
    expect(await getLabDraft(user.id, SLUG)).toEqual(before);
    // The same for a submission: refused before grading, nothing stored.
    expect((await submit(user.id, deep)).body.kind).toBe("too-deep");
    expect(await listLabAttempts(user.id, SLUG)).toEqual([]);
  });
});

describe("reading a request body", () => {
  it("refuses a declared length over the limit without reading, and stops reading a stream once it passes the limit", async () => {
    const declared = new Request("http://localhost/", { method: "POST", body: "{}", headers: { "content-length": String(MAX_TOPOLOGY_BYTES + 1) } });
    expect(await readBodyText(declared, MAX_TOPOLOGY_BYTES)).toEqual({ ok: false, bytes: MAX_TOPOLOGY_BYTES + 1 });
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = new Request("http://localhost/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    const result = await readBodyText(streamed, MAX_TOPOLOGY_BYTES);
    expect(result.ok).toBe(false);
    expect(sent).toBeLessThan(10);
    expect(await readBodyText(new Request("http://localhost/", { method: "POST", body: '{"topology":{}}' }), MAX_TOPOLOGY_BYTES)).toEqual({ ok: true, text: '{"topology":{}}' });
  });
});
