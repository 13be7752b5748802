/** The lab types this store and the app use, from lib/labs (.tmp/labs-contract.md), in one place. */
export type { CheckResult, Counterexample, GradeResult, Lab, LabMeta, PublicCheck } from "@/lib/labs";
