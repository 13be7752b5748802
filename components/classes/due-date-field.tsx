"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A due date picked in the viewer's time zone (the browser's datetime-local input) and sent as
 * the UTC instant it means, in the hidden `dueAt` field: the server stores UTC and never guesses
 * the instructor's zone.
 */
export function DueDateField({ id, defaultIso, label = "Due" }: { id: string; defaultIso?: string; label?: string }) {
  const [iso, setIso] = useState(defaultIso ?? "");
  const zone = useSyncExternalStore(subscribe, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "your time zone");
  const initial = useSyncExternalStore(subscribe, () => toLocalInput(defaultIso), () => "");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">{label} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({zone})</span></label>
      <input
        id={id}
        type="datetime-local"
        key={initial}
        defaultValue={initial}
        required
        onChange={(e) => {
          const value = e.currentTarget.value;
          const date = value ? new Date(value) : null;
          setIso(date && !Number.isNaN(date.getTime()) ? date.toISOString() : "");
        }}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      />
      <input type="hidden" name="dueAt" value={iso} />
    </div>
  );
}
