import { parseTopology } from "@/lib/network";
import type { Check } from "../lab-spec";
import type { CheckResult, GradeResult } from "../types";
import { evaluateCheck } from "./evaluate-check";

/**
 * Grade a learner's topology against a lab's checks. Pure (no I/O): the
 * caller passes the checks; partial credit is the sum of the weights of the
 * checks that pass.
 */
export function gradeTopology(checks: Check[], input: unknown): GradeResult {
  const started = performance.now();
  const parsed = parseTopology(input);
  if (!parsed.ok) {
    const count = parsed.issues.length;
    const first = parsed.issues[0];
    return {
      ok: false,
      error: `The topology is not valid (${count} problem${count === 1 ? "" : "s"}${first ? `; first at ${first.path}: ${first.message}` : ""}).`,
      issues: parsed.issues,
    };
  }
  const results: CheckResult[] = checks.map((check) => {
    const outcome = evaluateCheck(parsed.topology, check);
    return {
      id: check.id,
      title: check.title,
      weight: check.weight,
      kind: check.kind,
      passed: outcome.passed,
      earned: outcome.passed ? check.weight : 0,
      explanation: outcome.explanation,
      ...(outcome.counterexample ? { counterexample: outcome.counterexample } : {}),
    };
  });
  const score = results.reduce((sum, r) => sum + r.earned, 0);
  const maxScore = checks.reduce((sum, c) => sum + c.weight, 0);
  return {
    ok: true,
    score,
    maxScore,
    percent: maxScore === 0 ? 0 : Math.round((score / maxScore) * 100),
    checks: results,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  };
}
