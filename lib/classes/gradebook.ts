import { stringify } from "csv-stringify/sync";
import type { ClassMatrix, CellStatus } from "./progress";

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * a learner named "=HYPERLINK(…)" must not become one in the instructor's spreadsheet. OWASP's
 * advice: prefix such text with a single quote. Only text is guarded; scores are numbers.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The column title of an assignment, unique within the class (kind and slug are unique together). */
function columnTitle(a: ClassMatrix["assignments"][number]): string {
  return `${a.title} (${a.kind}: ${a.ref})`;
}

/**
 * The gradebook as CSV: one row per learner — email, name, one column per assignment (the
 * score in percent, empty before any work), total (mean percent, unfinished work counting 0).
 * UTF-8 with a byte-order mark so Excel reads accents, CRLF line ends as RFC 4180 has them.
 */
export function gradebookCsv(matrix: ClassMatrix): string {
  const header = ["email", "name", ...matrix.assignments.map(columnTitle), "total"].map(guardFormula);
  const rows = matrix.rows.map((row) => [guardFormula(row.email), guardFormula(row.name), ...row.cells.map((c) => (c.score === null ? "" : c.score)), row.total]);
  return stringify([header, ...rows], { bom: true, record_delimiter: "windows" });
}

export type GradebookJson = {
  class: { id: string; name: string; term: string };
  generatedAt: string;
  assignments: { id: string; kind: string; ref: string; title: string; dueAt: string; minScore: number | null }[];
  learners: {
    userId: string;
    email: string;
    name: string;
    lastActivityAt: string | null;
    atRisk: boolean;
    total: number;
    results: { assignmentId: string; status: CellStatus; score: number | null; finishedAt: string | null; overdue: boolean }[];
  }[];
};

/** The same gradebook as JSON, with each result's status (late, overdue) and dates for other systems. */
export function gradebookJson(classInfo: GradebookJson["class"], matrix: ClassMatrix, now: Date): GradebookJson {
  return {
    class: classInfo,
    generatedAt: now.toISOString(),
    assignments: matrix.assignments.map((a) => ({ id: a.id, kind: a.kind, ref: a.ref, title: a.title, dueAt: a.dueAt.toISOString(), minScore: a.minScore })),
    learners: matrix.rows.map((r) => ({
      userId: r.userId,
      email: r.email,
      name: r.name,
      lastActivityAt: r.lastActivityAt,
      atRisk: r.atRisk,
      total: r.total,
      results: r.cells.map((c) => ({ assignmentId: c.assignmentId, status: c.status, score: c.score, finishedAt: c.finishedAt, overdue: c.overdue })),
    })),
  };
}

/** A file name for the download: the class name's letters and digits, then the date. */
export function gradebookFileName(className: string, now: Date, extension: "csv" | "json"): string {
  const base = className.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "class";
  return `${base}-gradebook-${now.toISOString().slice(0, 10)}.${extension}`;
}
