import { scanJsonDepth } from "./json-depth";
import { LIMITS, formatBytes } from "./limits";

export type JsonTextProblem =
  | { kind: "too-large"; bytes: number; maxBytes: number }
  | { kind: "too-deep"; maxDepth: number }
  | { kind: "invalid-json"; detail: string };

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; problem: JsonTextProblem };

/**
 * A request body's text as JSON, checked in the order that keeps each step cheap: its size,
 * then how deeply it nests (by scanning, before JSON.parse recurses), then its syntax.
 * The shape is the caller's zod schema's job.
 */
export function parseJsonText(text: string, limits: { maxBytes: number; maxDepth?: number }): JsonTextResult {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxBytes) return { ok: false, problem: { kind: "too-large", bytes, maxBytes: limits.maxBytes } };
  const maxDepth = limits.maxDepth ?? LIMITS.jsonDepth;
  if (!scanJsonDepth(text, maxDepth).ok) return { ok: false, problem: { kind: "too-deep", maxDepth } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: { kind: "invalid-json", detail: error instanceof SyntaxError ? error.message : "unreadable" } };
  }
}

/** What a person should change, for each problem; `what` names the document ("The topology"). */
export function describeJsonProblem(problem: JsonTextProblem, what: string): string {
  switch (problem.kind) {
    case "too-large":
      return `${what} is ${formatBytes(problem.bytes)}; the limit is ${formatBytes(problem.maxBytes)}.`;
    case "too-deep":
      return `${what} nests objects and lists inside each other more than ${problem.maxDepth} levels deep; the limit is ${problem.maxDepth} levels. Remove the extra nesting.`;
    case "invalid-json":
      return `${what} is not valid JSON (${problem.detail}).`;
    default:
      return problem satisfies never;
  }
}
