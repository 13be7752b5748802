import { describe, expect, it } from "vitest";
import type { MatrixEndpoint } from "@/lib/network";
import { applyBatch, createRowBatcher, type MatrixTotals } from "./matrix-batch";
import type { RowSummary } from "./session";

const endpoint = (n: number): MatrixEndpoint => ({ id: `i-${n}`, type: "instance", name: undefined, vpcId: "vpc-1", subnetId: "subnet-1", address: `10.0.0.${n}` });
const row = (index: number, reachable: number, blocked: number, codes: Record<string, number> = blocked > 0 ? { ENI_SG_RULES_MISMATCH: blocked } : {}): RowSummary => ({ index, source: endpoint(index), cells: [{ kind: "self" }], reachable, blocked, errors: 0, codes });
const empty = (): MatrixTotals => ({ rows: [], done: 0, reachable: 0, blocked: 0, errors: 0, codes: {} });

describe("the matrix's batches from the worker to the page", () => {
  it("sum every row's counts, and carry only the rows the grid shows", () => {
    const batcher = createRowBatcher(2);
    batcher.add(row(0, 3, 1));
    batcher.add(row(1, 2, 2, { ENI_SG_RULES_MISMATCH: 1, NACL_DENY: 1 }));
    batcher.add(row(2, 4, 0));
    const batch = batcher.take();
    expect(batch).toEqual({ rows: 3, reachable: 9, blocked: 3, errors: 0, codes: { ENI_SG_RULES_MISMATCH: 2, NACL_DENY: 1 }, gridRows: [row(0, 3, 1), row(1, 2, 2, { ENI_SG_RULES_MISMATCH: 1, NACL_DENY: 1 })] });
    // Taking empties the batcher: a row is sent once.
    expect(batcher.take()).toBeUndefined();
    batcher.add(row(3, 1, 0));
    expect(batcher.take()).toMatchObject({ rows: 1, reachable: 1, gridRows: [] });
  });

  it("add up on the page to what the rows say, in any grouping", () => {
    const rows = [row(0, 3, 1), row(1, 2, 2), row(2, 4, 0), row(3, 0, 4)];
    const inBatches = (sizes: number[]) => {
      const batcher = createRowBatcher(2);
      let totals = empty();
      let next = 0;
      for (const size of sizes) {
        for (const r of rows.slice(next, next + size)) batcher.add(r);
        next += size;
        const batch = batcher.take();
        if (batch) totals = applyBatch(totals, batch);
      }
      return totals;
    };
    const oneByOne = inBatches([1, 1, 1, 1]);
    expect(inBatches([4])).toEqual(oneByOne);
    expect(inBatches([1, 3])).toEqual(oneByOne);
    expect(oneByOne).toMatchObject({ done: 4, reachable: 9, blocked: 7, codes: { ENI_SG_RULES_MISMATCH: 7 } });
    expect(oneByOne.rows.map((r) => r.index)).toEqual([0, 1]);
  });

  it("keep the grid's array when a batch holds no grid row, so the grid is not rendered again", () => {
    const totals = applyBatch(empty(), { rows: 1, reachable: 1, blocked: 0, errors: 0, codes: {}, gridRows: [row(0, 1, 0)] });
    const later = applyBatch(totals, { rows: 500, reachable: 400, blocked: 100, errors: 0, codes: { ENI_SG_RULES_MISMATCH: 100 }, gridRows: [] });
    expect(later.rows).toBe(totals.rows);
    expect(later.done).toBe(501);
    // The earlier totals are not changed in place (React compares them).
    expect(totals.codes).toEqual({});
  });
});
