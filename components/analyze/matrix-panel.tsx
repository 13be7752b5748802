"use client";

import { memo, useCallback, useRef, useState } from "react";
import type { MatrixCell, MatrixEndpoint } from "@/lib/network";
import type { ProbeVerdict } from "@/lib/course/evaluate-probes";
import { GRID_LIMIT, type MatrixProtocol, type MatrixRequest, type RowSummary } from "@/lib/analyze/session";
import { ProbeRow } from "@/components/scenario-view";
import type { MatrixState } from "./use-analyzer";

type Props = {
  vpcs: { id: string; name: string | undefined }[];
  matrix: MatrixState | undefined;
  onStart: (request: MatrixRequest) => void;
  onCancel: () => void;
  onExplain: (source: MatrixEndpoint, destination: MatrixEndpoint) => void;
  explanation: { source: string; destination: string; verdict: ProbeVerdict | undefined; error?: string } | undefined;
};

const protocols: MatrixProtocol[] = ["tcp", "udp", "icmp", "all"];
const label = (e: MatrixEndpoint) => (e.name ? `${e.name} (${e.id})` : e.id);
const short = (e: MatrixEndpoint) => e.name ?? e.id;

function cellText(cell: MatrixCell): { text: string; verdict: string; className: string } {
  switch (cell.kind) {
    case "self":
      return { text: "·", verdict: "itself", className: "text-slate-500" };
    case "reachable":
      return { text: "✓", verdict: "reachable", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" };
    case "blocked":
      return { text: "✗", verdict: `blocked${cell.code ? ` (${cell.code})` : ""}`, className: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100" };
    case "error":
      return { text: "!", verdict: `error: ${cell.message}`, className: "bg-amber-100 text-amber-900" };
    default:
      return cell satisfies never;
  }
}

/** The reachability matrix for a chosen protocol and port, computed row by row in the worker. */
export function MatrixPanel({ vpcs, matrix, onStart, onCancel, onExplain, explanation }: Props) {
  const [protocol, setProtocol] = useState<MatrixProtocol>("tcp");
  const [port, setPort] = useState("443");
  const [endpoints, setEndpoints] = useState<MatrixRequest["endpoints"]>("instances");
  const [vpcId, setVpcId] = useState("");
  const [portError, setPortError] = useState("");
  const running = matrix?.status === "running";
  // The grid is memoised; the parent's handler changes every render, so the grid gets a stable one.
  const explainRef = useRef(onExplain);
  explainRef.current = onExplain;
  const stableExplain = useCallback((source: MatrixEndpoint, destination: MatrixEndpoint) => explainRef.current(source, destination), []);
  const selectedKey = explanation ? `${explanation.source}:${explanation.destination}` : undefined;
  const needsPort = protocol === "tcp" || protocol === "udp";

  function start(e: React.FormEvent) {
    e.preventDefault();
    let portNumber: number | undefined;
    if (needsPort) {
      portNumber = Number(port);
      if (!/^\d+$/.test(port.trim()) || portNumber < 0 || portNumber > 65535) {
        setPortError(`“${port}” is not a port: give a whole number from 0 to 65535.`);
        return;
      }
    }
    setPortError("");
    onStart({ protocol, port: portNumber, endpoints, vpcId: vpcId || undefined });
  }

  const progress = matrix && matrix.total > 0 ? matrix.done / matrix.total : 0;
  const columns = matrix?.columns ?? [];

  return (
    <section aria-labelledby="matrix-heading" className="mt-10">
      <h2 id="matrix-heading" className="text-xl font-semibold">Reachability matrix</h2>
      <form onSubmit={start} className="mt-3 flex flex-wrap items-end gap-3" aria-label="Matrix question">
        <label className="flex flex-col text-sm font-medium">
          Protocol
          <select value={protocol} onChange={(e) => setProtocol(protocols.find((p) => p === e.target.value) ?? "tcp")} className="mt-1 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900">
            {protocols.map((p) => <option key={p} value={p}>{p === "all" ? "all traffic (-1)" : p.toUpperCase()}</option>)}
          </select>
        </label>
        {needsPort ? (
          <label className="flex flex-col text-sm font-medium">
            Destination port
            <input value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" aria-invalid={portError !== ""} className="mt-1 w-28 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900" />
          </label>
        ) : null}
        <label className="flex flex-col text-sm font-medium">
          Between
          <select value={endpoints} onChange={(e) => setEndpoints(e.target.value === "interfaces" ? "interfaces" : "instances")} className="mt-1 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900">
            <option value="instances">running instances</option>
            <option value="interfaces">network interfaces</option>
          </select>
        </label>
        <label className="flex flex-col text-sm font-medium">
          In
          <select value={vpcId} onChange={(e) => setVpcId(e.target.value)} className="mt-1 max-w-64 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900">
            <option value="">every VPC</option>
            <VpcOptions vpcs={vpcs} />
          </select>
        </label>
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800">Compute matrix</button>
        {running ? <button type="button" onClick={onCancel} className="rounded-md border border-red-400 px-3 py-1.5 text-red-800 dark:text-red-300">Cancel</button> : null}
      </form>
      {portError ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">{portError}</p> : null}

      {matrix ? (
        <div className="mt-4" data-matrix-status={matrix.status} data-first-row-ms={matrix.firstRowMs?.toFixed(0)} data-elapsed-ms={matrix.elapsedMs?.toFixed(0)}>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <label className="flex items-center gap-2">
              Progress
              <progress max={1} value={progress} aria-valuetext={`${matrix.done} of ${matrix.total} rows`} className="h-3 w-56" />
            </label>
            <span role="status">
              {matrix.status === "running" ? `${matrix.done.toLocaleString("en-US")} of ${matrix.total.toLocaleString("en-US")} rows…` : null}
              {matrix.status === "done" ? `Done: ${matrix.total.toLocaleString("en-US")} rows in ${((matrix.elapsedMs ?? 0) / 1000).toFixed(1)} s.` : null}
              {matrix.status === "cancelled" ? `Cancelled after ${matrix.done.toLocaleString("en-US")} of ${matrix.total.toLocaleString("en-US")} rows; the rows computed so far stay below.` : null}
              {matrix.status === "failed" ? `The matrix stopped: ${matrix.error}` : null}
            </span>
          </div>
          <p className="mt-2 text-sm">
            {matrix.reachable.toLocaleString("en-US")} reachable, {matrix.blocked.toLocaleString("en-US")} blocked{matrix.errors > 0 ? `, ${matrix.errors} could not be analysed` : ""} ({matrix.request.protocol === "all" ? "all traffic" : `${matrix.request.protocol.toUpperCase()}${matrix.request.port !== undefined ? ` ${matrix.request.port}` : ""}`}).
            {Object.keys(matrix.codes).length > 0 ? ` Blocked by: ${Object.entries(matrix.codes).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n.toLocaleString("en-US")}`).join(", ")}.` : ""}
          </p>
          {matrix.total > GRID_LIMIT ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">The grid shows the first {GRID_LIMIT} of {matrix.total.toLocaleString("en-US")} sources and destinations; the counts above cover them all. Choose one VPC to see its own.</p> : null}
          {matrix.total === 0 && matrix.status === "done" ? <p className="mt-2">No {matrix.request.endpoints === "instances" ? "running instances" : "network interfaces"} here to put in a matrix.</p> : null}

          {columns.length > 0 ? <MatrixGrid columns={columns} rows={matrix.rows} selected={selectedKey} onExplain={stableExplain} /> : null}
        </div>
      ) : null}

      {explanation ? (
        <div className="mt-4" aria-live="polite">
          <h3 className="font-semibold">Hop by hop: {explanation.source} → {explanation.destination}</h3>
          {explanation.error ? <p role="alert" className="text-red-700 dark:text-red-400">{explanation.error}</p> : null}
          {explanation.verdict ? (
            <ul className="mt-2">
              <ProbeRow verdict={explanation.verdict} selected onSelect={() => undefined} />
            </ul>
          ) : explanation.error ? null : <p role="status">Explaining…</p>}
        </div>
      ) : null}
    </section>
  );
}

/** A thousand VPCs are a thousand options: rendered once per snapshot, not at every batch of rows. */
const VpcOptions = memo(function VpcOptions({ vpcs }: { vpcs: Props["vpcs"] }) {
  return vpcs.map((v) => <option key={v.id} value={v.id}>{v.name ? `${v.name} (${v.id})` : v.id}</option>);
});

/**
 * The grid of the first GRID_LIMIT rows and columns. Memoised: while the worker streams rows
 * beyond the grid, only the counts above change, and these 2,500 cells are not re-rendered.
 */
const MatrixGrid = memo(function MatrixGrid({ columns, rows, selected, onExplain }: { columns: MatrixEndpoint[]; rows: RowSummary[]; selected: string | undefined; onExplain: (source: MatrixEndpoint, destination: MatrixEndpoint) => void }) {
  return (
    <div className="mt-3 max-h-[36rem] overflow-auto rounded border [contain:content] border-slate-200 dark:border-slate-800">
      <table className="border-collapse text-xs">
        <caption className="sr-only">From each row&apos;s source to each column&apos;s destination; press a cell for its hop-by-hop explanation.</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 top-0 z-20 bg-white p-1 text-left dark:bg-slate-950">from ↓ to →</th>
            {columns.map((c) => (
              <th key={c.id} scope="col" title={`${label(c)} ${c.address}`} className="sticky top-0 z-10 h-28 bg-white p-1 align-bottom font-normal dark:bg-slate-950">
                <span className="inline-block max-h-28 overflow-hidden whitespace-nowrap [writing-mode:vertical-rl] rotate-180">{short(c)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index}>
              <th scope="row" title={`${label(row.source)} ${row.source.address}`} className="sticky left-0 z-10 max-w-48 truncate bg-white p-1 text-left font-normal dark:bg-slate-950">{short(row.source)}</th>
              {row.cells.map((cell, j) => {
                const destination = columns[j];
                if (!destination) return null;
                const t = cellText(cell);
                const isSelected = selected === `${row.source.id}:${destination.id}`;
                return (
                  <td key={destination.id} className="p-0">
                    {cell.kind === "self" ? (
                      <span className={`block h-6 w-6 text-center leading-6 ${t.className}`}>
                        <span aria-hidden="true">{t.text}</span>
                        <span className="sr-only">{short(row.source)} to itself</span>
                      </span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => onExplain(row.source, destination)}
                        aria-label={`${short(row.source)} to ${short(destination)}: ${t.verdict}`}
                        aria-pressed={isSelected}
                        title={cell.kind === "blocked" ? cell.message : undefined}
                        data-cell={`${row.source.id}:${destination.id}`}
                        className={`block h-6 w-6 text-center ${t.className} ${isSelected ? "outline-2 outline-sky-600" : ""}`}
                      >
                        {t.text}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
