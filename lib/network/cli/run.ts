import { analyze, instanceMatrix, toNetworkInsightsAnalysisJson, type AnalysisQuery, type Topology } from "../index";
import { readSnapshotTopology } from "../aws/index";
import { networkInsightsAnalysisSchema } from "./analysis-output";
import { parseCliArgs, usage, UsageError, type AnalyzeArgs, type MatrixArgs } from "./args";
import { formatAnalysisText } from "./format-text";
import { formatMatrix } from "./format-matrix";

/**
 * The CLI as a function of its arguments, so tests can call it without a
 * process: it writes to `out`/`err` and returns the exit status — 0 when the
 * analysis ran (whatever it found), 2 for bad input.
 */

export type Output = { out: (text: string) => void; err: (text: string) => void };

export const EXIT_OK = 0;
export const EXIT_INTERNAL_ERROR = 1;
export const EXIT_BAD_INPUT = 2;

/** A problem with what the person gave us: one line on stderr, exit 2. */
class BadInput extends Error {}

function loadTopology(snapshot: string, output: Output): Topology {
  const loaded = readSnapshotTopology(snapshot);
  for (const warning of loaded.warnings) output.err(`warning: ${warning}\n`);
  if (!loaded.ok) {
    const more = loaded.errors.length > 1 ? ` (and ${loaded.errors.length - 1} more problem${loaded.errors.length > 2 ? "s" : ""})` : "";
    throw new BadInput(`cannot read the snapshot: ${loaded.errors[0] ?? snapshot}${more}`);
  }
  return loaded.topology;
}

function queryOf(args: AnalyzeArgs): AnalysisQuery {
  return {
    source: args.source,
    ...(args.destination !== undefined ? { destination: args.destination } : {}),
    protocol: args.protocol,
    ...(args.destinationPort !== undefined ? { destinationPort: args.destinationPort } : {}),
    ...(args.sourceIp !== undefined ? { sourceIp: args.sourceIp } : {}),
    ...(args.destinationIp !== undefined ? { destinationIp: args.destinationIp } : {}),
  };
}

function runAnalyze(args: AnalyzeArgs, output: Output): number {
  const topology = loadTopology(args.snapshot, output);
  const result = analyze(topology, queryOf(args));
  if (!result.ok) throw new BadInput(result.error);
  const json = toNetworkInsightsAnalysisJson(result);
  if (args.format === "json") {
    output.out(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }
  // The story is told from the JSON, so text and JSON never disagree.
  const parsed = networkInsightsAnalysisSchema.parse(json);
  output.out(formatAnalysisText(parsed, args));
  return EXIT_OK;
}

function runMatrix(args: MatrixArgs, output: Output): number {
  const topology = loadTopology(args.snapshot, output);
  const matrix = instanceMatrix(topology, {
    protocol: args.protocol,
    ...(args.destinationPort !== undefined ? { destinationPort: args.destinationPort } : {}),
  });
  const instances = matrix.instanceIds.map((id) => ({
    id,
    name: topology.instances.find((i) => i.instanceId === id)?.tags.find((t) => t.key === "Name")?.value,
  }));
  output.out(formatMatrix(instances, matrix.cells, args));
  return EXIT_OK;
}

export function run(argv: readonly string[], output: Output): number {
  try {
    const args = parseCliArgs(argv);
    if (args.command === "help") {
      output.out(`${usage}\n`);
      return EXIT_OK;
    }
    return args.command === "analyze" ? runAnalyze(args, output) : runMatrix(args, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`reachability: ${error.message}\nRun "npm run --silent reachability -- --help" for usage.\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof BadInput) {
      output.err(`reachability: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    // A bug, not bad input: say so in one line; the stack only when asked.
    const message = error instanceof Error ? error.message : String(error);
    output.err(`reachability: internal error: ${message}\n`);
    if (process.env.REACHABILITY_DEBUG && error instanceof Error && error.stack) output.err(`${error.stack}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}
