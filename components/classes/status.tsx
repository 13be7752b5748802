import type { MatrixCell } from "@/lib/classes";

const LABEL: Record<MatrixCell["status"], string> = { "not-started": "Not started", "in-progress": "In progress", done: "Done", late: "Late" };
const TONE: Record<MatrixCell["status"], string> = {
  "not-started": "text-slate-600 dark:text-slate-400",
  "in-progress": "text-amber-800 dark:text-amber-300",
  done: "text-emerald-800 dark:text-emerald-300",
  late: "text-orange-800 dark:text-orange-300",
};

export function statusLabel(status: MatrixCell["status"]): string {
  return LABEL[status];
}

/** One cell of the matrix: the status in words (never colour alone), the score, and "overdue". */
export function CellStatusText({ cell }: { cell: MatrixCell }) {
  return (
    <span className={TONE[cell.status]}>
      {LABEL[cell.status]}
      {cell.score !== null ? ` · ${cell.score}%` : ""}
      {cell.overdue ? <span className="ml-1 font-semibold text-red-700 dark:text-red-400">(overdue)</span> : null}
    </span>
  );
}
