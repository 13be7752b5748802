import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { decodeJsonBytes } from "./decode-json";
import { addSnapshotDocument, emptySnapshot, originFromRelativePath, paginationWarnings, type AwsSnapshot, type SnapshotMessages } from "./snapshot";

/**
 * Read an AWS snapshot from disk: one JSON file, or a folder searched
 * recursively for `*.json` (flat, per Region `us-east-1/`, per account
 * `accounts/<id>/<region>/`). Never throws for bad input: problems come back
 * as messages that name the file and the JSON path.
 */

export type ReadSnapshotResult =
  | { ok: true; snapshot: AwsSnapshot; warnings: string[]; files: string[] }
  | { ok: false; errors: string[]; warnings: string[] };

export type ReadSnapshotOptions = {
  /** Only these files, relative to the folder (a scenario's `loaded_files.json`). */
  only?: readonly string[];
};

function listJsonFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".json")) found.push(path.relative(root, full));
    }
  };
  walk(root);
  return found;
}

/**
 * The text of a JSON file as the AWS CLI may have written it: UTF-8, UTF-8
 * with a byte-order mark, or UTF-16 (what Windows PowerShell 5's `>` writes).
 */
export function decodeJsonText(bytes: Buffer): string {
  return decodeJsonBytes(bytes);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function readSnapshot(snapshotPath: string, options: ReadSnapshotOptions = {}): ReadSnapshotResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  let stats;
  try {
    stats = statSync(snapshotPath);
  } catch {
    return { ok: false, errors: [`${snapshotPath}: no such file or folder`], warnings };
  }

  let root: string;
  let files: string[];
  if (stats.isDirectory()) {
    root = snapshotPath;
    try {
      files = options.only ? [...options.only] : listJsonFiles(root);
    } catch (error) {
      return { ok: false, errors: [`${snapshotPath}: cannot list the folder (${errorText(error)})`], warnings };
    }
  } else {
    root = path.dirname(snapshotPath);
    files = [path.basename(snapshotPath)];
  }
  if (files.length === 0) {
    return { ok: false, errors: [`${snapshotPath}: no .json files found`], warnings };
  }

  const snapshot = emptySnapshot();
  let outputs = 0;
  const documents: { file: string; messages: SnapshotMessages }[] = [];
  for (const relative of files) {
    const display = stats.isDirectory() ? relative.split(path.sep).join("/") : snapshotPath;
    let text: string;
    try {
      text = decodeJsonText(readFileSync(path.join(root, relative)));
    } catch (error) {
      errors.push(`${display}: cannot read the file (${errorText(error)})`);
      continue;
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      errors.push(`${display}: not valid JSON (${errorText(error)})`);
      continue;
    }
    const origin = { ...originFromRelativePath(relative.split(path.sep).join("/")), file: display };
    const messages = addSnapshotDocument(snapshot, document, origin);
    errors.push(...messages.errors);
    warnings.push(...messages.warnings);
    outputs += messages.outputs;
    documents.push({ file: display, messages });
  }
  warnings.push(...paginationWarnings(documents));
  if (errors.length === 0 && outputs === 0) {
    errors.push(`${snapshotPath}: no AWS describe-* output found (no file has a top-level key such as "Vpcs", "Subnets" or "Reservations")`);
  }

  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, snapshot, warnings, files };
}
