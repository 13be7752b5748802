"use client";

import { memo, useMemo, useState } from "react";
import { evidenceText, findingCodes, severities, type Finding, type Severity } from "@/lib/network";
import { findingsCsv, findingsJson } from "@/lib/analyze/export";
import { downloadText } from "./download";

const severityClass: Record<Severity, string> = {
  high: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  low: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  info: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
};

const exposure = new Set(["INTERNET_EXPOSED_PORT", "INTERNET_EXPOSED_LOAD_BALANCER"]);

/** Internet exposure first (whatever its severity), then the rest most severe first; exported as CSV or JSON in the browser. */
export const FindingsList = memo(function FindingsList({ findings, status, fileNames }: { findings: Finding[] | undefined; status: "idle" | "running" | "done"; fileNames: string[] }) {
  const [shown, setShown] = useState<Severity | "all">("all");
  const ordered = useMemo(() => {
    const all = findings ?? [];
    return [...all.filter((f) => exposure.has(f.code)), ...all.filter((f) => !exposure.has(f.code))];
  }, [findings]);
  const visible = shown === "all" ? ordered : ordered.filter((f) => f.severity === shown);

  return (
    <section aria-labelledby="findings-heading" className="mt-10">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="findings-heading" className="text-xl font-semibold">Findings{findings ? ` (${findings.length})` : ""}</h2>
        {findings && findings.length > 0 ? (
          <>
            <button type="button" onClick={() => downloadText("reachable-findings.csv", findingsCsv(ordered), "text/csv")} className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">Export CSV</button>
            <button type="button" onClick={() => downloadText("reachable-findings.json", findingsJson(ordered, fileNames), "application/json")} className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">Export JSON</button>
            <label className="ml-auto text-sm">
              Show{" "}
              <select value={shown} onChange={(e) => setShown(severities.find((s) => s === e.target.value) ?? "all")} className="rounded border border-slate-300 px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900">
                <option value="all">every severity</option>
                {severities.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
            </label>
          </>
        ) : null}
      </div>
      {status === "running" ? <p role="status" className="mt-2 text-slate-600 dark:text-slate-400">Reviewing the snapshot…</p> : null}
      {status === "done" && findings?.length === 0 ? <p className="mt-2">Nothing to report: no port open to the internet, no unused or shadowed rule, no route leading nowhere.</p> : null}
      <ul className="mt-3 space-y-2" aria-label="Findings">
        {visible.map((f, i) => (
          <li key={`${f.code}-${i}`} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800" data-finding={f.code}>
            <div className="flex flex-wrap items-center gap-2">
              <span className={`rounded px-1.5 text-xs font-bold uppercase ${severityClass[f.severity]}`}>{f.severity}</span>
              <code className="text-xs" title={findingCodes[f.code]}>{f.code}</code>
              {f.resources.map((r) => <code key={r.id} className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">{r.name ? `${r.id} (${r.name})` : r.id}</code>)}
            </div>
            <p className="mt-1">{f.message}</p>
            <p className="mt-1 break-words text-slate-600 dark:text-slate-400">{evidenceText(f.evidence)}</p>
            {f.documentation ? <a className="mt-1 inline-block text-sky-700 underline dark:text-sky-300" href={f.documentation} rel="noreferrer" target="_blank">AWS documentation</a> : null}
          </li>
        ))}
      </ul>
    </section>
  );
});
