import { addSnapshotDocument, emptySnapshot, knownTopLevelKeys } from "@/lib/network/aws/snapshot";
import { snapshotToTopology } from "@/lib/network/aws/to-topology";
import { isJsonObject, toJson, type Json } from "./document";

/**
 * Text pasted into the editor: either the evaluator's topology JSON, or AWS CLI output
 * (`aws ec2 describe-vpcs`, `describe-subnets`, … — one document, or an array of them),
 * which the snapshot reader turns into a topology. Pure, so it runs in the browser.
 * (Imports the reader's pure modules, not lib/network/aws/index.ts, which reads folders with node:fs.)
 */
export type ImportResult = { ok: true; doc: Json; source: "topology" | "aws"; warnings: string[] } | { ok: false; error: string };

const awsKeys = new Set(knownTopLevelKeys);

function looksLikeAws(document: unknown): boolean {
  return isJsonObject(document) && Object.keys(document).some((k) => awsKeys.has(k) || /^[A-Z]/.test(k));
}

export function importPastedText(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This is not valid JSON: ${error instanceof Error ? error.message : "unreadable"}.` };
  }
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  if (documents.length > 0 && documents.every(looksLikeAws)) {
    const snapshot = emptySnapshot();
    const errors: string[] = [];
    const warnings: string[] = [];
    documents.forEach((document, i) => {
      const messages = addSnapshotDocument(snapshot, document, { file: documents.length > 1 ? `pasted document ${i + 1}` : "pasted text" });
      errors.push(...messages.errors);
      warnings.push(...messages.warnings);
    });
    if (errors.length > 0) return { ok: false, error: `The AWS output could not be read: ${errors.slice(0, 3).join("; ")}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ""}.` };
    const converted = snapshotToTopology(snapshot);
    if (!converted.ok) return { ok: false, error: `The AWS output could not become a topology: ${converted.errors.slice(0, 3).join("; ")}.` };
    return { ok: true, doc: toJson(converted.topology), source: "aws", warnings: [...warnings, ...converted.warnings] };
  }
  if (!isJsonObject(parsed)) return { ok: false, error: "Expected a topology (a JSON object with vpcs, subnets, …) or AWS describe-* output." };
  return { ok: true, doc: toJson(parsed), source: "topology", warnings: [] };
}
