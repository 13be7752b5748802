import { indexTopology } from "../model/indexed-topology";
import type { Topology } from "../model/topology";
import { analysisQuerySchema, analyzeIndexed, type AnalysisQuery, type AnalysisResult } from "./analyze";
import type { ExplanationCode } from "./explanations";

/**
 * Many questions over one topology, indexed once: the lesson widgets and
 * the grader ask a handful of probes at every edit, the CLI's matrix asks
 * every instance about every other.
 */

export interface MatrixEntry {
  query: AnalysisQuery;
  result: AnalysisResult;
}

export function reachabilityMatrix(topology: Topology, probes: readonly AnalysisQuery[]): MatrixEntry[] {
  const index = indexTopology(topology);
  return probes.map((query) => {
    const parsed = analysisQuerySchema.safeParse(query);
    if (!parsed.success) {
      return { query, result: { ok: false, errorCode: "INVALID_QUERY", error: parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "query"}: ${i.message}`).join("; ") } };
    }
    return { query, result: analyzeIndexed(index, parsed.data) };
  });
}

export type MatrixCell = { kind: "self" } | { kind: "reachable" } | { kind: "blocked"; code: ExplanationCode | undefined; message: string | undefined } | { kind: "error"; message: string };

export interface InstanceMatrix {
  instanceIds: string[];
  /** `cells[i][j]`: from `instanceIds[i]` to `instanceIds[j]`. */
  cells: MatrixCell[][];
}

/** Every running instance to every other, on one protocol and port. */
export function instanceMatrix(topology: Topology, options: { protocol?: AnalysisQuery["protocol"]; destinationPort?: number } = {}): InstanceMatrix {
  const index = indexTopology(topology);
  const instanceIds = topology.instances.filter((i) => i.state === "running").map((i) => i.instanceId);
  const protocol = options.protocol ?? "tcp";
  const cells = instanceIds.map((source) =>
    instanceIds.map((destination): MatrixCell => {
      if (source === destination) return { kind: "self" };
      const parsed = analysisQuerySchema.safeParse({ source, destination, protocol, ...(options.destinationPort !== undefined ? { destinationPort: options.destinationPort } : {}) });
      if (!parsed.success) return { kind: "error", message: parsed.error.message };
      const result = analyzeIndexed(index, parsed.data);
      if (!result.ok) return { kind: "error", message: result.error };
      if (result.networkPathFound) return { kind: "reachable" };
      return { kind: "blocked", code: result.explanations[0]?.explanationCode, message: result.explanations[0]?.message };
    }),
  );
  return { instanceIds, cells };
}
