import { z } from "zod";
import { describeJsonProblem, parseJsonText } from "@/lib/http/json-body";
import { LIMITS, formatBytes } from "@/lib/http/limits";
import { findLabAttemptByKey, labCounts, saveLabAttempt, type LabAttemptSummary } from "./attempts";
import { saveLabDraft, type LabDraft } from "./drafts";
import type { GradeResult, Lab } from "./lab-contract";
import type { RateLimiter } from "@/lib/rate-limit";

/** The largest topology a learner may submit or save: far above any lab's solution (a few kB). */
export const MAX_TOPOLOGY_BYTES = LIMITS.topologyBytes;

export const labSlugSchema = z.string().max(LIMITS.slugChars).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "not a lab slug");

/** The Idempotency-Key header a client may send with a submission (the lab editor sends a UUID per submission). */
export const submissionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, "an Idempotency-Key is 8 to 100 letters, digits, dashes or underscores");

/** What the browser sends: the topology only. The verdict is always computed here. */
export const labSubmissionSchema = z.strictObject(
  { topology: z.record(z.string(), z.unknown(), { error: "expected the topology as a JSON object ({ \"vpcs\": [...], ... })" }) },
  { error: "expected a JSON object of the form { \"topology\": { ... } }" },
);

/** The grader the store calls: lib/labs in the app, the same functions in tests. */
export type LabGrader = {
  loadLab(slug: string): Promise<Lab | null>;
  gradeLab(lab: Lab, topology: unknown): GradeResult;
  hintFor(lab: Lab, failedAttempts: number): string | null;
};

export type FieldIssue = { path: string; message: string };

/** Every outcome of a submission, each with the HTTP status the route answers with. */
export type LabSubmitOutcome =
  | { status: 200 | 201; body: { kind: "graded"; attempt: LabAttemptSummary; hint: string | null; bestPercent: number; attemptCount: number; durationMs: number; replayed: boolean } }
  | { status: 400; body: { kind: "bad-request"; error: string; issues: FieldIssue[] } }
  | { status: 400; body: { kind: "too-deep"; error: string; maxDepth: number } }
  | { status: 401; body: { kind: "unauthorized"; error: string } }
  | { status: 404; body: { kind: "not-found"; error: string } }
  | { status: 409; body: { kind: "key-reused"; error: string } }
  | { status: 413; body: { kind: "too-large"; error: string } }
  | { status: 422; body: { kind: "invalid-topology"; error: string; issues: FieldIssue[] } }
  | { status: 429; body: { kind: "rate-limited"; error: string; retryAfterSeconds: number } }
  | { status: 503; body: { kind: "not-saved"; error: string } };

export type LabSubmitBody = LabSubmitOutcome["body"];

const KEEP = "Nothing you saved before was changed.";

export const unauthorized = { status: 401, body: { kind: "unauthorized", error: "Sign in to save and submit lab work (your session may have expired)." } } as const satisfies LabSubmitOutcome;

/** Bytes too many: said before reading the body when the client declares its length. */
export function tooLarge(bytes: number): Extract<LabSubmitOutcome, { status: 413 }> {
  return { status: 413, body: { kind: "too-large", error: `The topology is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_TOPOLOGY_BYTES)}. Remove resources the lab does not need. ${KEEP}` } };
}

type ParsedBody = { ok: true; topology: Record<string, unknown> } | { ok: false; outcome: Extract<LabSubmitOutcome, { status: 400 | 413 }> };

/**
 * Size limit, nesting depth (before anything recurses into the body), JSON syntax and shape
 * of a request body, with messages a learner can act on. These are answered as the learner's
 * mistake (400/413), never as "try again": the same body would fail the same way.
 */
export function parseTopologyBody(text: string): ParsedBody {
  const read = parseJsonText(text, { maxBytes: MAX_TOPOLOGY_BYTES, maxDepth: LIMITS.jsonDepth });
  if (!read.ok) {
    const { problem } = read;
    switch (problem.kind) {
      case "too-large":
        return { ok: false, outcome: tooLarge(problem.bytes) };
      case "too-deep":
        return { ok: false, outcome: { status: 400, body: { kind: "too-deep", error: `${describeJsonProblem(problem, "The topology")} A lab's topology needs about 8. ${KEEP}`, maxDepth: problem.maxDepth } } };
      case "invalid-json":
        return { ok: false, outcome: { status: 400, body: { kind: "bad-request", error: `${describeJsonProblem(problem, "The request")} ${KEEP}`, issues: [] } } };
      default:
        return problem satisfies never;
    }
  }
  const json = read.value;
  const parsed = labSubmissionSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
    const first = issues[0];
    return { ok: false, outcome: { status: 400, body: { kind: "bad-request", error: `The request could not be read${first ? ` at ${first.path}: ${first.message}` : ""}. ${KEEP}`, issues } } };
  }
  return { ok: true, topology: parsed.data.topology };
}

/**
 * Grades a learner's submission on the server and stores it: rate limit, size limit, JSON,
 * shape, the lab, the grader's verdict, then one transaction. An invalid topology is
 * answered with its issues and stores nothing, so the learner's history and draft stay as they were.
 * A request that repeats an earlier one's Idempotency-Key is answered with the stored attempt
 * (200, `replayed`), graded and stored once however often it is sent.
 */
export async function submitLabAttempt(
  input: { userId: string; slug: string; text: string; submissionKey?: string | null },
  deps: { grader: LabGrader; limiter: RateLimiter },
): Promise<LabSubmitOutcome> {
  const slug = labSlugSchema.safeParse(input.slug);
  if (!slug.success) return { status: 404, body: { kind: "not-found", error: "There is no lab at this address." } };
  const key = input.submissionKey == null ? null : submissionKeySchema.safeParse(input.submissionKey);
  if (key && !key.success) return { status: 400, body: { kind: "bad-request", error: `The Idempotency-Key header is not valid: ${key.error.issues[0]?.message ?? "invalid"}. ${KEEP}`, issues: [] } };
  const submissionKey = key?.data ?? null;
  if (submissionKey) {
    const earlier = await findLabAttemptByKey(input.userId, submissionKey);
    if (earlier && earlier.labSlug !== slug.data) return { status: 409, body: { kind: "key-reused", error: `This Idempotency-Key was already used for another lab; send a new key with each submission. ${KEEP}` } };
    if (earlier) return replay(input.userId, earlier, deps);
  }
  const decision = await deps.limiter.take(input.userId);
  if (!decision.allowed) {
    return {
      status: 429,
      body: { kind: "rate-limited", error: `Too many submissions: wait ${decision.retryAfterSeconds} s before submitting again. Your draft is kept meanwhile.`, retryAfterSeconds: decision.retryAfterSeconds },
    };
  }
  const body = parseTopologyBody(input.text);
  if (!body.ok) return body.outcome;
  const lab = await deps.grader.loadLab(slug.data);
  if (!lab) return { status: 404, body: { kind: "not-found", error: `There is no lab called "${slug.data}".` } };

  const graded = deps.grader.gradeLab(lab, body.topology);
  if (!graded.ok) {
    const first = graded.issues[0];
    return {
      status: 422,
      body: { kind: "invalid-topology", error: `${graded.error}${first ? ` First problem at ${first.path}: ${first.message}.` : ""} This attempt was not graded or stored.`, issues: graded.issues.slice(0, 50) },
    };
  }
  try {
    const saved = await saveLabAttempt(input.userId, lab.slug, JSON.stringify(body.topology), graded, submissionKey);
    const hint = saved.attempt.percent >= 100 ? null : deps.grader.hintFor(lab, saved.failedAttempts);
    return { status: saved.replayed ? 200 : 201, body: { kind: "graded", attempt: saved.attempt, hint, bestPercent: saved.bestPercent, attemptCount: saved.attemptCount, durationMs: graded.durationMs, replayed: saved.replayed } };
  } catch {
    return { status: 503, body: { kind: "not-saved", error: `Your attempt was graded but could not be stored just now; please submit again. ${KEEP}` } };
  }
}

/** The answer to a repeated submission: the stored attempt and the learner's numbers as they are now. */
async function replay(userId: string, attempt: LabAttemptSummary, deps: { grader: LabGrader }): Promise<LabSubmitOutcome> {
  const [lab, counts] = await Promise.all([deps.grader.loadLab(attempt.labSlug), labCounts(userId, attempt.labSlug)]);
  const hint = lab && attempt.percent < 100 ? deps.grader.hintFor(lab, counts.failedAttempts) : null;
  return { status: 200, body: { kind: "graded", attempt, hint, bestPercent: counts.bestPercent, attemptCount: counts.attemptCount, durationMs: 0, replayed: true } };
}

export type LabDraftOutcome =
  | { status: 200; body: { kind: "saved"; draft: Pick<LabDraft, "updatedAt"> } }
  | Extract<LabSubmitOutcome, { status: 400 | 401 | 404 | 413 | 503 }>;

/** Autosave: any JSON object up to the size limit (a half-finished topology is still a draft). */
export async function saveLabDraftFromBody(input: { userId: string; slug: string; text: string }, deps: { grader: Pick<LabGrader, "loadLab"> }): Promise<LabDraftOutcome> {
  const slug = labSlugSchema.safeParse(input.slug);
  const lab = slug.success ? await deps.grader.loadLab(slug.data) : null;
  if (!lab) return { status: 404, body: { kind: "not-found", error: "There is no lab at this address." } };
  const body = parseTopologyBody(input.text);
  if (!body.ok) return body.outcome;
  try {
    const draft = await saveLabDraft(input.userId, lab.slug, JSON.stringify(body.topology));
    return { status: 200, body: { kind: "saved", draft: { updatedAt: draft.updatedAt } } };
  } catch {
    return { status: 503, body: { kind: "not-saved", error: `The draft could not be saved just now; it is still in this page. ${KEEP}` } };
  }
}
