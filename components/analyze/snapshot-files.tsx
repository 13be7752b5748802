"use client";

import { useId, useState } from "react";
import type { DroppedFile, FileReport } from "@/lib/network/aws/read-files";
import { MAX_FILE_BYTES } from "@/lib/analyze/limits";

type Props = {
  files: DroppedFile[];
  reports: FileReport[] | undefined;
  general: { severity: "error" | "warning"; message: string }[] | undefined;
  onChange: (files: DroppedFile[]) => void;
};

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Files dropped, chosen or pasted; read in the browser (File.arrayBuffer), never uploaded. */
export function SnapshotFiles({ files, reports, general, onChange }: Props) {
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const [pasted, setPasted] = useState("");
  const [pastedName, setPastedName] = useState("");
  const [pasteError, setPasteError] = useState("");
  const inputId = useId();
  const folderId = useId();

  async function add(list: FileList | File[]) {
    const incoming: DroppedFile[] = [];
    const tooBig: string[] = [];
    for (const file of Array.from(list)) {
      const name = file.webkitRelativePath || file.name;
      if (file.size > MAX_FILE_BYTES) {
        tooBig.push(`${name}: ${sizeText(file.size)} is more than the ${sizeText(MAX_FILE_BYTES)} a browser tab can safely read; capture fewer resources per file (the reader merges pages: describe-instances.json, describe-instances.2.json, …).`);
        continue;
      }
      incoming.push({ name, bytes: new Uint8Array(await file.arrayBuffer()) });
    }
    setRefused(tooBig);
    if (incoming.length > 0) merge(incoming);
  }

  /** A file of the same name replaces the earlier one (a second capture of the same command). */
  function merge(incoming: DroppedFile[]) {
    const names = new Set(incoming.map((f) => f.name));
    onChange([...files.filter((f) => !names.has(f.name)), ...incoming]);
  }

  function addPasted() {
    const text = pasted.trim();
    if (text === "") {
      setPasteError("Paste the output of an aws … --output json command first.");
      return;
    }
    let n = 1;
    while (files.some((f) => f.name === `pasted-${n}.json`)) n += 1;
    const name = pastedName.trim() === "" ? `pasted-${n}.json` : pastedName.trim();
    setPasteError("");
    merge([{ name, text }]);
    setPasted("");
    setPastedName("");
  }

  const reportOf = (name: string) => reports?.find((r) => r.name === name);

  return (
    <section aria-labelledby="files-heading" className="mt-10">
      <h2 id="files-heading" className="text-xl font-semibold">2. Drop or paste the output</h2>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Your files are read in this browser tab and analysed in a web worker: nothing is uploaded.</p>
      <div
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void add(e.dataTransfer.files);
        }}
        className={`mt-3 rounded-xl border-2 border-dashed p-6 text-center ${dragging ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"}`}
      >
        <p className="font-medium">Drop the JSON files here</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">or</p>
        <div className="mt-2 flex flex-wrap justify-center gap-3">
          <label htmlFor={inputId} className="cursor-pointer rounded-md bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800">Choose files</label>
          <input id={inputId} type="file" multiple accept=".json,application/json" className="sr-only" onChange={(e) => e.target.files && void add(e.target.files).then(() => (e.target.value = ""))} />
          <label htmlFor={folderId} className="cursor-pointer rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-600">Choose a folder</label>
          <input
            id={folderId}
            type="file"
            className="sr-only"
            ref={(el) => {
              // Not a React prop: the browser's folder picker attribute.
              el?.setAttribute("webkitdirectory", "");
            }}
            onChange={(e) => e.target.files && void add(Array.from(e.target.files).filter((f) => f.name.endsWith(".json"))).then(() => (e.target.value = ""))}
          />
        </div>
      </div>
      {refused.length > 0 ? (
        <ul role="alert" className="mt-2 space-y-1 text-sm text-red-700 dark:text-red-400">
          {refused.map((r) => <li key={r}>{r}</li>)}
        </ul>
      ) : null}

      <details className="mt-4">
        <summary className="cursor-pointer font-medium">Paste one command&apos;s output instead</summary>
        <div className="mt-2 space-y-2">
          <label className="block text-sm font-medium">
            Output (JSON, as the CLI printed it)
            <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} rows={8} spellCheck={false} className="mt-1 block w-full rounded border border-slate-300 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900" />
          </label>
          <label className="block text-sm font-medium">
            File name (optional; per-subject outputs need theirs, e.g. search-transit-gateway-routes.tgw-rtb-….json)
            <input value={pastedName} onChange={(e) => setPastedName(e.target.value)} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-900" />
          </label>
          <button type="button" onClick={addPasted} className="rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-600">Add pasted output</button>
          {pasteError ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{pasteError}</p> : null}
        </div>
      </details>

      {files.length > 0 ? (
        <div className="mt-4">
          <div className="flex items-center gap-3">
            <h3 className="font-semibold">Files ({files.length})</h3>
            <button type="button" onClick={() => onChange([])} className="text-sm underline">Remove all</button>
          </div>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Files read">
            {files.map((f) => {
              const report = reportOf(f.name);
              const bad = report?.status === "not-read";
              return (
                <li key={f.name} className="rounded border border-slate-200 px-2 py-1 dark:border-slate-800" data-file={f.name} data-status={report?.status ?? "reading"}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={`rounded px-1.5 text-xs font-bold ${bad ? "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100" : report?.status === "read-in-part" ? "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100" : "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"}`}>
                      {report ? (bad ? "Not read" : report.status === "read-in-part" ? "Read in part" : "Read") : "Reading…"}
                    </span>
                    <code className="break-all">{f.name}</code>
                    {report && report.outputs.length > 0 ? <span className="text-slate-600 dark:text-slate-400">{report.outputs.map((o) => `${o.count} ${o.key}`).join(", ")}</span> : null}
                    <button type="button" onClick={() => onChange(files.filter((x) => x.name !== f.name))} className="ml-auto text-xs underline" aria-label={`Remove ${f.name}`}>Remove</button>
                  </div>
                  {report && report.errors.length > 0 ? (
                    <ul role="alert" className="mt-1 list-disc pl-5 text-red-700 dark:text-red-400">
                      {report.errors.map((m, i) => <li key={i}>{f.name}: {m}</li>)}
                    </ul>
                  ) : null}
                  {report && report.warnings.length > 0 ? (
                    <ul className="mt-1 list-disc pl-5 text-amber-800 dark:text-amber-300">
                      {report.warnings.map((m, i) => <li key={i}>{m}</li>)}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {general && general.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {general.map((g, i) => <li key={i} className={g.severity === "error" ? "text-red-700 dark:text-red-400" : "text-amber-800 dark:text-amber-300"}>{g.message}</li>)}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
