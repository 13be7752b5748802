import { specOf } from "./lab-registry";
import type { Lab } from "./types";

/** The hint to show after `failedAttempts` failed attempts (1 → the first hint); null before any failure or when none are left. */
export function hintFor(lab: Lab, failedAttempts: number): string | null {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) return null;
  return specOf(lab).hints[failedAttempts - 1] ?? null;
}
