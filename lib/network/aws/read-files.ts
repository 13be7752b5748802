import { checkReferences } from "../model/references";
import type { Topology } from "../model/topology";
import { decodeJsonBytes, stripByteOrderMark } from "./decode-json";
import { addSnapshotDocument, emptySnapshot, originFromRelativePath, paginationWarnings, type SnapshotMessages, type SnapshotOutputRead } from "./snapshot";
import { snapshotToTopology } from "./to-topology";

/**
 * The browser's entry point to the snapshot reader: the files a person drops
 * or pastes on the page, exactly as `aws … --output json` wrote them, in; the
 * topology and a report per file out. Pure (no `fs`), so it runs in a web
 * worker; `read-snapshot.ts` is the Node counterpart for folders.
 *
 * One bad file never discards the good ones: a file that is not JSON, not an
 * AWS output the reader knows, or invalid in part is reported with its name
 * and what is wrong, and everything else is read. Resources the model refuses
 * are left out and reported against the file that held them.
 */

/** A file as the page has it: its name (a relative path keeps its folders: `accounts/<id>/<region>/…`) and its text or bytes. */
export type DroppedFile = { name: string; text: string } | { name: string; bytes: Uint8Array };

export type FileStatus =
  /** Its AWS outputs were read (warnings may still say what they lack or what was skipped). */
  | "read"
  /** Some of it was read; `errors` say what was left out. */
  | "read-in-part"
  /** Nothing in it was read; `errors` or `warnings` say why. */
  | "not-read";

export type FileReport = {
  name: string;
  status: FileStatus;
  /** The AWS outputs found in it, with how many elements of each were read. */
  outputs: SnapshotOutputRead[];
  /** What was wrong, each in a sentence without the file's name. */
  errors: string[];
  /** What was skipped or may be incomplete. */
  warnings: string[];
};

export type ReadFilesResult = {
  /** The topology of everything that could be read; undefined when no file held an AWS output. */
  topology: Topology | undefined;
  /** One report per file, in the order given. */
  files: FileReport[];
  /** Messages about the snapshot as a whole rather than one file (references between files that point nowhere). */
  general: { severity: "error" | "warning"; message: string }[];
};

function withoutFilePrefix(name: string, message: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

/** The text of a dropped file, or why it has none. */
function textOf(file: DroppedFile): { text: string } | { problem: string } {
  const text = "bytes" in file ? decodeJsonBytes(file.bytes) : stripByteOrderMark(file.text);
  if (text.trim() === "") return { problem: "the file is empty" };
  if (text.includes("\u0000")) {
    return { problem: "the file looks like UTF-16 text read as UTF-8 (Windows PowerShell 5 writes UTF-16): give the reader its bytes, or save it as UTF-8 (aws … --output json | Out-File -Encoding utf8)" };
  }
  return { text };
}

function parseJson(text: string): { document: unknown } | { problem: string } {
  try {
    return { document: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /^\s*[[{]/.test(text) ? "" : ": AWS CLI output is read as JSON; run the command with --output json";
    return { problem: `not valid JSON (${reason})${hint}` };
  }
}

/** Read the dropped files into one topology; never throws for bad input. */
export function readAwsFiles(files: readonly DroppedFile[]): ReadFilesResult {
  const snapshot = emptySnapshot();
  const reports: FileReport[] = files.map((f) => ({ name: f.name, status: "not-read", outputs: [], errors: [], warnings: [] }));
  const documents: { file: string; messages: SnapshotMessages }[] = [];

  files.forEach((file, n) => {
    const report = reports[n] as FileReport;
    const text = textOf(file);
    if ("problem" in text) {
      report.errors.push(text.problem);
      return;
    }
    const parsed = parseJson(text.text);
    if ("problem" in parsed) {
      report.errors.push(parsed.problem);
      return;
    }
    const origin = originFromRelativePath(file.name);
    const messages = addSnapshotDocument(snapshot, parsed.document, { ...origin, file: file.name });
    documents.push({ file: file.name, messages });
    report.outputs.push(...messages.read);
    report.errors.push(...messages.errors.map((m) => withoutFilePrefix(file.name, m)));
    report.warnings.push(...messages.warnings.map((m) => withoutFilePrefix(file.name, m)));
  });
  for (const warning of paginationWarnings(documents)) {
    const report = reports.find((r) => warning.startsWith(`${r.name}: `));
    if (report) report.warnings.push(withoutFilePrefix(report.name, warning));
  }

  const general: ReadFilesResult["general"] = [];
  let topology: Topology | undefined;
  if (reports.some((r) => r.outputs.length > 0)) {
    const converted = snapshotToTopology(snapshot, { onInvalidResource: "drop" });
    for (const note of converted.notes) {
      const report = note.file === undefined ? undefined : reports.find((r) => r.name === note.file);
      if (report) (note.severity === "error" ? report.errors : report.warnings).push(note.message);
      else general.push({ severity: note.severity, message: note.message });
    }
    if (converted.ok) {
      topology = converted.topology;
      for (const issue of checkReferences(topology)) general.push({ severity: "warning", message: `${issue.path}: ${issue.message}` });
    } else {
      for (const error of converted.errors) general.push({ severity: "error", message: error });
    }
  } else if (files.length > 0) {
    general.push({ severity: "error", message: 'No AWS output among these files: the reader looks for the JSON that "aws … --output json" prints, such as describe-vpcs\' {"Vpcs": […]}.' });
  }

  for (const report of reports) {
    const read = report.outputs.some((o) => o.count > 0) || (report.outputs.length > 0 && report.errors.length === 0);
    report.status = !read ? "not-read" : report.errors.length > 0 ? "read-in-part" : "read";
  }
  return { topology, files: reports, general };
}
