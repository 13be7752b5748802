/**
 * The benchmark topology (`lib/network/testing/synthetic.ts`, the 1,000-VPC one of
 * `npm run bench:reachability`) as the files a learner would drop on /analyze: each AWS
 * output as `aws … --output json` prints it, named as the capture script names them.
 * Used by e2e/analyze.spec.ts and scripts/bench-analyze.mjs:
 *   npx tsx scripts/synthetic-snapshot.ts VPC_COUNT FOLDER
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseTopology } from "../lib/network/model/topology";
import { synthetic } from "../lib/network/testing/synthetic";
import { exportAwsSnapshot } from "../lib/network/testing/to-aws-snapshot";

export type SnapshotFileText = { name: string; content: string };

export function syntheticSnapshotFiles(vpcCount: number): SnapshotFileText[] {
  const parsed = parseTopology(synthetic(vpcCount));
  if (!parsed.ok) throw new Error(`synthetic topology is invalid: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
  // Several documents of one command in one folder are pages of its output: number them as the reader expects.
  const seen = new Map<string, number>();
  return exportAwsSnapshot(parsed.topology).files.map((f) => {
    const n = (seen.get(f.path) ?? 0) + 1;
    seen.set(f.path, n);
    const name = n === 1 ? f.path : f.path.replace(/\.json$/, `.${n}.json`);
    return { name, content: `${JSON.stringify(f.document, null, 4)}\n` };
  });
}

if (process.argv[1]?.endsWith("synthetic-snapshot.ts")) {
  const [count, folder] = process.argv.slice(2);
  if (!count || !/^\d+$/.test(count) || !folder) {
    console.error("usage: npx tsx scripts/synthetic-snapshot.ts VPC_COUNT FOLDER");
    process.exit(2);
  }
  for (const f of syntheticSnapshotFiles(Number(count))) {
    const path = join(folder, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
}
