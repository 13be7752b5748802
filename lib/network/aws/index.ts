import { readSnapshot, type ReadSnapshotOptions } from "./read-snapshot";
import { snapshotToTopology, type SnapshotToTopologyResult } from "./to-topology";

/**
 * Public surface of the AWS snapshot reader: a folder or file of unmodified
 * `aws ec2 describe-*` outputs in, the evaluator's topology out.
 */
export { addSnapshotDocument, emptySnapshot, knownTopLevelKeys, originFromRelativePath, type AwsSnapshot } from "./snapshot";
export { readSnapshot, type ReadSnapshotOptions, type ReadSnapshotResult } from "./read-snapshot";
export { regionOfZone, snapshotToTopology, type SnapshotToTopologyResult } from "./to-topology";

/** Read a snapshot from disk and turn it into a topology; never throws for bad input. */
export function readSnapshotTopology(snapshotPath: string, options: ReadSnapshotOptions = {}): SnapshotToTopologyResult {
  const read = readSnapshot(snapshotPath, options);
  if (!read.ok) {
    const notes = [...read.errors.map((message) => ({ severity: "error" as const, file: undefined, message })), ...read.warnings.map((message) => ({ severity: "warning" as const, file: undefined, message }))];
    return { ok: false, errors: read.errors, warnings: read.warnings, notes };
  }
  const converted = snapshotToTopology(read.snapshot);
  return converted.ok
    ? { ...converted, warnings: [...read.warnings, ...converted.warnings] }
    : { ...converted, warnings: [...read.warnings, ...converted.warnings] };
}
