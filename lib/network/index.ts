/**
 * Public surface of the reachability evaluator. Everything a lesson widget,
 * the grader, the snapshot reader or the CLI needs is exported from here.
 */
export * from "./model";
