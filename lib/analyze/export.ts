import { stringify } from "csv-stringify/browser/esm/sync";
import { findingsTable, type Finding } from "@/lib/network";

/**
 * The findings as the files a reviewer downloads: CSV (one row per finding, the findings
 * module's columns, quoted by csv-stringify so messages with commas and quotes survive) and
 * JSON (the findings as the evaluator returns them, with the snapshot's file names).
 */
export function findingsCsv(findings: readonly Finding[]): string {
  return stringify(findingsTable(findings));
}

export function findingsJson(findings: readonly Finding[], files: readonly string[]): string {
  return `${JSON.stringify({ generatedBy: "Reachable /analyze", files, findings }, null, 2)}\n`;
}
