"use client";

import { useMemo, useState } from "react";
import { TopologyDiagram } from "@/components/topology-figure";
import { parseTopology } from "@/lib/network";

/**
 * The exact topology a learner submitted: the diagram (drawn only when opened, since a learner
 * may have dozens of attempts) and the read-only JSON.
 */
export function AttemptTopology({ json, label }: { json: string; label: string }) {
  const [open, setOpen] = useState(false);
  const parsed = useMemo(() => {
    try {
      return parseTopology(JSON.parse(json));
    } catch {
      return null;
    }
  }, [json]);
  const pretty = useMemo(() => {
    try {
      return JSON.stringify(JSON.parse(json), null, 2);
    } catch {
      return json;
    }
  }, [json]);
  return (
    <details className="mt-2" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-sky-700 dark:text-sky-300">Submitted topology</summary>
      {open ? (
        parsed?.ok ? (
          <TopologyDiagram topology={parsed.topology} label={label} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">This submission is not a valid topology, so there is no diagram; the JSON below is what was sent.</p>
        )
      ) : null}
      <pre aria-label="Submitted topology as JSON (read-only)" className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-900">{pretty}</pre>
    </details>
  );
}
