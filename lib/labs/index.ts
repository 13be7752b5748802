/**
 * Graded labs: content in content/labs/NN-slug/ (brief.mdx + lab.json),
 * graded with the reachability evaluator. The app calls only these.
 */
import { gradeTopology } from "./grading/grade-topology";
import { specOf } from "./lab-registry";
import type { GradeResult, Lab } from "./types";

export { listLabs, loadLab, loadLabs, LabContentError, LABS_DIR } from "./load-labs";
export { hintFor } from "./hints";
export { compileLabBrief } from "./compile-lab-brief";
export { gradeTopology } from "./grading/grade-topology";
export type { Lab, LabMeta, PublicCheck, CheckResult, Counterexample, GradeResult } from "./types";
export type { Check, CheckKind, LabDifficulty } from "./lab-spec";

/** Grade a learner's topology (unknown input: parsed here) against a lab loaded with `loadLab`. */
export function gradeLab(lab: Lab, topology: unknown): GradeResult {
  return gradeTopology(specOf(lab).checks, topology);
}
