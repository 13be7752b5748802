import type { CheckKind, LabDifficulty } from "./lab-spec";

/** What the outline shows for a lab. */
export type LabMeta = {
  slug: string;
  order: number;
  title: string;
  summary: string;
  estimatedMinutes: number;
  difficulty: LabDifficulty;
};

/** What a learner may see of a check before grading. */
export type PublicCheck = { id: string; title: string; weight: number; kind: CheckKind };

/**
 * A loaded lab. Safe to hand to the browser: the checks' details and the
 * hints stay on the server (held beside the object, not in it), so
 * `gradeLab` and `hintFor` need the object `loadLab` returned, or one with
 * the same slug after `loadLab` ran in this process.
 */
export type Lab = LabMeta & {
  /** The MDX body of brief.mdx, without its frontmatter. */
  briefSource: string;
  /** The starting topology as authored (JSON in the evaluator's model). */
  start: unknown;
  checks: PublicCheck[];
  hintCount: number;
};

/** A concrete packet that shows why a check failed. */
export type Counterexample = {
  source: string;
  sourceIp?: string;
  destination?: string;
  destinationIp?: string;
  protocol: string;
  destinationPort?: number;
  /** One sentence: the packet and what happened to it. */
  description: string;
  /** The evaluator's explanation codes for the block (empty when the packet got through). */
  explanationCodes: string[];
};

export type CheckResult = PublicCheck & {
  passed: boolean;
  earned: number;
  /** Why it passed or failed, in the evaluator's words where it has them. */
  explanation: string;
  counterexample?: Counterexample;
};

export type GradeResult =
  | { ok: true; score: number; maxScore: number; percent: number; checks: CheckResult[]; durationMs: number }
  | { ok: false; error: string; issues: { path: string; message: string }[] };
