import { env } from "@/lib/env";
import { gradeLab, hintFor, loadLab } from "@/lib/labs";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import type { LabGrader } from "./submission";

/**
 * Storage of lab attempts and drafts, and the submission pipeline the API routes call.
 * The grading itself lives in lib/labs; this module never decides a verdict.
 */
export {
  countFailedLabAttempts,
  getLabAttemptTopology,
  listLabAttempts,
  listLabAttemptsWithTopology,
  listLabBests,
  saveLabAttempt,
  type LabAttemptSummary,
  type LabAttemptWithTopology,
  type LabBest,
  type StoredCheckResult,
} from "./attempts";
export { deleteLabDraft, getLabDraft, saveLabDraft, type LabDraft } from "./drafts";
export { readBodyText } from "@/lib/http/read-body";
export { createRateLimiter, type RateLimitDecision, type RateLimiter } from "@/lib/rate-limit";
export {
  MAX_TOPOLOGY_BYTES,
  labSlugSchema,
  parseTopologyBody,
  saveLabDraftFromBody,
  submitLabAttempt,
  tooLarge,
  unauthorized,
  type LabDraftOutcome,
  type LabGrader,
  type LabSubmitBody,
  type LabSubmitOutcome,
} from "./submission";

const globalForLimiter = globalThis as unknown as { labSubmissionLimiter?: RateLimiter };

/** The limit on lab submissions (default 10 per learner per minute), counted in the database so it holds across app processes. */
export function labSubmissionLimiter(): RateLimiter {
  globalForLimiter.labSubmissionLimiter ??= createRateLimiter({ name: "lab-submission", limit: env().LAB_SUBMISSIONS_PER_MINUTE, windowMs: 60_000 });
  return globalForLimiter.labSubmissionLimiter;
}

/** lib/labs' grader, as the submission pipeline calls it. */
export const labGrader: LabGrader = { loadLab: (slug) => loadLab(slug), gradeLab, hintFor };
