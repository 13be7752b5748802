"use client";

import { proxy, wrap, type Remote } from "comlink";
import { useCallback, useEffect, useRef, useState } from "react";
import type { DroppedFile } from "@/lib/network/aws/read-files";
import type { Finding, MatrixEndpoint } from "@/lib/network";
import type { ProbeVerdict } from "@/lib/course/evaluate-probes";
import { applyBatch, type RowBatch } from "@/lib/analyze/matrix-batch";
import type { AnalyzeSession, ExplainRequest, LoadResult, MatrixRequest, RowSummary } from "@/lib/analyze/session";

type Connection = { worker: Worker; api: Remote<AnalyzeSession>; loaded: Promise<LoadResult> };

export type MatrixState = {
  request: MatrixRequest;
  status: "running" | "done" | "cancelled" | "failed";
  /** The grid's columns (the first GRID_LIMIT endpoints). */
  columns: MatrixEndpoint[];
  /** The grid's rows, as they arrive (the first GRID_LIMIT). */
  rows: RowSummary[];
  total: number;
  done: number;
  reachable: number;
  blocked: number;
  errors: number;
  codes: Record<string, number>;
  startedAt: number;
  firstRowMs?: number;
  elapsedMs?: number;
  error?: string;
};

export type AnalyzerState = {
  status: "empty" | "reading" | "ready" | "failed";
  load?: LoadResult;
  findings?: Finding[];
  findingsStatus: "idle" | "running" | "done";
  matrix?: MatrixState;
  error?: string;
};

function connect(files: DroppedFile[]): Connection {
  // A same-origin module worker: the CSP's worker-src 'self' allows it (lib/http/security-headers.ts).
  const worker = new Worker(new URL("../../lib/analyze/analyze.worker.ts", import.meta.url), { type: "module", name: "analyze" });
  const api = wrap<AnalyzeSession>(worker);
  return { worker, api, loaded: api.load(files) };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The analyze page's one worker: created when files are dropped, terminated by Cancel (and
 * re-created, reading the same files again, when the next question comes), terminated when
 * the page goes away. The worker sends the matrix in batches about ten times a second
 * (`lib/analyze/matrix-batch.ts`); batches that arrive within one frame are still gathered
 * and rendered once, at the next animation frame, so the page never waits on the worker.
 */
export function useAnalyzer() {
  const [state, setState] = useState<AnalyzerState>({ status: "empty", findingsStatus: "idle" });
  const files = useRef<DroppedFile[]>([]);
  const connection = useRef<Connection | null>(null);
  const run = useRef(0);
  const pending = useRef<RowBatch[]>([]);
  const flushFrame = useRef<number | null>(null);
  const firstRowAt = useRef<number | undefined>(undefined);

  const stop = useCallback(() => {
    connection.current?.worker.terminate();
    connection.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const ensure = useCallback((): Connection => {
    if (!connection.current) connection.current = connect(files.current);
    return connection.current;
  }, []);

  const flush = useCallback((runId: number) => {
    if (flushFrame.current !== null) cancelAnimationFrame(flushFrame.current);
    flushFrame.current = null;
    if (runId !== run.current) return;
    const batches = pending.current;
    pending.current = [];
    if (batches.length === 0) return;
    setState((s) => {
      const m = s.matrix;
      if (!m) return s;
      let next = m;
      for (const batch of batches) next = applyBatch(next, batch);
      if (next.firstRowMs === undefined && firstRowAt.current !== undefined) next = { ...next, firstRowMs: firstRowAt.current - m.startedAt };
      return { ...s, matrix: next };
    });
  }, []);

  /** Replace the snapshot: read every file in a fresh worker, then review it. */
  const setFiles = useCallback(
    async (next: DroppedFile[]) => {
      stop();
      run.current += 1;
      const runId = run.current;
      files.current = next;
      if (next.length === 0) {
        setState({ status: "empty", findingsStatus: "idle" });
        return;
      }
      setState({ status: "reading", findingsStatus: "idle" });
      const c = ensure();
      try {
        const load = await c.loaded;
        if (runId !== run.current) return;
        setState({ status: "ready", load, findingsStatus: load.summary ? "running" : "idle" });
        if (!load.summary) return;
        const findings = await c.api.findings();
        if (runId !== run.current) return;
        setState((s) => ({ ...s, findings, findingsStatus: "done" }));
      } catch (error) {
        if (runId === run.current) setState((s) => ({ ...s, status: s.load ? s.status : "failed", findingsStatus: "idle", error: `The analysis stopped: ${message(error)}` }));
      }
    },
    [ensure, stop],
  );

  const startMatrix = useCallback(
    async (request: MatrixRequest) => {
      // A new matrix replaces one still running: the worker is busy with it, so start afresh.
      if (state.matrix?.status === "running") stop();
      run.current += 1;
      const runId = run.current;
      pending.current = [];
      firstRowAt.current = undefined;
      const startedAt = performance.now();
      setState((s) => ({ ...s, matrix: { request, status: "running", columns: [], rows: [], total: 0, done: 0, reachable: 0, blocked: 0, errors: 0, codes: {}, startedAt } }));
      const c = ensure();
      try {
        await c.loaded;
        await c.api.matrix(
          request,
          proxy((start: { endpoints: MatrixEndpoint[]; total: number }) => {
            if (runId === run.current) setState((s) => (s.matrix ? { ...s, matrix: { ...s.matrix, columns: start.endpoints, total: start.total } } : s));
          }),
          proxy((batch: RowBatch) => {
            if (runId !== run.current) return;
            firstRowAt.current ??= performance.now();
            pending.current.push(batch);
            flushFrame.current ??= requestAnimationFrame(() => flush(run.current));
          }),
        );
        if (runId !== run.current) return;
        // The worker awaited every batch: all of them are pending or rendered, none is still on its way.
        flush(runId);
        setState((s) => (s.matrix ? { ...s, matrix: { ...s.matrix, status: "done", elapsedMs: performance.now() - startedAt } } : s));
      } catch (error) {
        if (runId === run.current) setState((s) => (s.matrix ? { ...s, matrix: { ...s.matrix, status: "failed", error: message(error) } } : s));
      }
    },
    [ensure, flush, state.matrix?.status, stop],
  );

  /** Cancel: terminate the worker; the rows computed so far stay on the page. */
  const cancelMatrix = useCallback(() => {
    flush(run.current);
    stop();
    run.current += 1;
    setState((s) => (s.matrix?.status === "running" ? { ...s, matrix: { ...s.matrix, status: "cancelled", elapsedMs: performance.now() - s.matrix.startedAt } } : s));
  }, [flush, stop]);

  const explain = useCallback(
    async (request: ExplainRequest): Promise<ProbeVerdict> => {
      const c = ensure();
      await c.loaded;
      return c.api.explain(request);
    },
    [ensure],
  );

  return { state, setFiles, startMatrix, cancelMatrix, explain };
}
