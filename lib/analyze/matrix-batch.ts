import type { RowSummary } from "./session";

/**
 * The matrix crosses from the worker to the page in batches, not a row at a time: on the
 * 1,000-VPC benchmark the worker finishes hundreds of rows a second, and a message, a state
 * update and a render per row would keep the main thread busy for nothing. A batch is small
 * whatever the snapshot's size: the rows the grid shows (at most `gridLimit` of them, each
 * with `gridLimit` cells) and the counts of every other row, summed.
 */
export type RowBatch = {
  /** Rows computed in this batch, shown or not. */
  rows: number;
  reachable: number;
  blocked: number;
  errors: number;
  /** Blocked cells by explanation code. */
  codes: Record<string, number>;
  /** The rows of this batch that the grid shows, in order. */
  gridRows: RowSummary[];
};

/** What the page keeps of a streaming matrix: the grid and the running counts. */
export type MatrixTotals = {
  rows: RowSummary[];
  done: number;
  reachable: number;
  blocked: number;
  errors: number;
  codes: Record<string, number>;
};

/** Gathers rows in the worker until the next batch is taken. */
export function createRowBatcher(gridLimit: number) {
  let batch: RowBatch | undefined;
  return {
    add(row: RowSummary) {
      batch ??= { rows: 0, reachable: 0, blocked: 0, errors: 0, codes: {}, gridRows: [] };
      batch.rows += 1;
      batch.reachable += row.reachable;
      batch.blocked += row.blocked;
      batch.errors += row.errors;
      for (const [code, n] of Object.entries(row.codes)) batch.codes[code] = (batch.codes[code] ?? 0) + n;
      if (row.index < gridLimit) batch.gridRows.push(row);
    },
    /** The rows gathered since the last call, or undefined when there are none. */
    take(): RowBatch | undefined {
      const taken = batch;
      batch = undefined;
      return taken;
    },
  };
}

/**
 * The totals after one more batch. A batch without grid rows leaves `rows` the same array, so
 * the memoised grid is not rendered again while rows beyond it stream in.
 */
export function applyBatch<T extends MatrixTotals>(totals: T, batch: RowBatch): T {
  const codes = { ...totals.codes };
  for (const [code, n] of Object.entries(batch.codes)) codes[code] = (codes[code] ?? 0) + n;
  return {
    ...totals,
    rows: batch.gridRows.length > 0 ? [...totals.rows, ...batch.gridRows] : totals.rows,
    done: totals.done + batch.rows,
    reachable: totals.reachable + batch.reachable,
    blocked: totals.blocked + batch.blocked,
    errors: totals.errors + batch.errors,
    codes,
  };
}
