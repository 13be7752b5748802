"use client";

import { useEffect, useRef, useState } from "react";
import { isJsonObject, toJson, type Json } from "./document";
import { importPastedText } from "./import-text";

/**
 * The same document as text. Every edit that parses as a JSON object becomes the document
 * (and an undo step); while the text does not parse, the document stays as it was and the
 * syntax error is shown. Changes made elsewhere (undo, the forms) replace the text.
 */
export function JsonView({ doc, onChange }: { doc: Json; onChange: (doc: Json, key: string) => void }) {
  const formatted = JSON.stringify(doc, null, 2);
  const [text, setText] = useState(formatted);
  const [error, setError] = useState<string | null>(null);
  const committed = useRef<Json>(doc);

  useEffect(() => {
    if (committed.current !== doc) {
      committed.current = doc;
      setText(JSON.stringify(doc, null, 2));
      setError(null);
    }
  }, [doc]);

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="topology-json" className="block font-medium">Topology JSON</label>
        <p id="topology-json-hint" className="text-sm text-slate-600 dark:text-slate-400">
          Kept in sync with the visual editor. Invalid JSON is not applied until it parses.
        </p>
        <textarea
          id="topology-json"
          className="mt-1 h-96 w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs text-slate-900 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
          value={text}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "topology-json-hint topology-json-error" : "topology-json-hint"}
          onChange={(e) => {
            setText(e.target.value);
            try {
              const parsed: unknown = JSON.parse(e.target.value);
              if (!isJsonObject(parsed)) {
                setError("The topology must be a JSON object ({ \"vpcs\": [...], ... }).");
                return;
              }
              const next = toJson(parsed);
              committed.current = next;
              setError(null);
              onChange(next, "json-view");
            } catch (err) {
              setError(`Not valid JSON yet: ${err instanceof Error ? err.message : "unreadable"}. The diagram shows the last valid version.`);
            }
          }}
        />
        {error ? <p id="topology-json-error" role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
      </div>
      <SnapshotImport onImport={(next) => onChange(next, "import")} />
    </div>
  );
}

function SnapshotImport({ onImport }: { onImport: (doc: Json) => void }) {
  const [text, setText] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="rounded border border-slate-200 p-3 dark:border-slate-700">
      <label htmlFor="snapshot-paste" className="block font-medium">Paste an AWS snapshot or a topology</label>
      <p id="snapshot-paste-hint" className="text-sm text-slate-600 dark:text-slate-400">
        The output of <code>aws ec2 describe-vpcs</code>, <code>describe-subnets</code>, <code>describe-route-tables</code>, … (one JSON document, or an array of them), or a topology JSON. It replaces the current topology; Undo brings it back.
      </p>
      <textarea id="snapshot-paste" aria-describedby="snapshot-paste-hint" className="mt-1 h-32 w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <button
        type="button"
        className="mt-2 rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
        onClick={() => {
          const result = importPastedText(text);
          if (!result.ok) {
            setMessage({ ok: false, text: result.error });
            return;
          }
          onImport(result.doc);
          setMessage({ ok: true, text: `Imported ${result.source === "aws" ? "the AWS snapshot" : "the topology"}.${result.warnings.length > 0 ? ` Warnings: ${result.warnings.slice(0, 3).join("; ")}` : ""}` });
          setText("");
        }}
      >
        Import
      </button>
      {message ? <p role={message.ok ? "status" : "alert"} className={`mt-1 text-sm ${message.ok ? "" : "text-red-700 dark:text-red-400"}`}>{message.text}</p> : null}
    </div>
  );
}
