"use client";

import dynamic from "next/dynamic";

export type DomainPoint = { week: string } & Partial<Record<`d${string}`, number | null>>;
export type TopicPoint = { topic: string; earlier: number | null; recent: number | null };

// Recharts draws with inline styles, which the CSP allows only when set from script
// (docs/decisions/007-security-headers-and-csp.md): the charts render in the browser only,
// and the tables beside them carry the same numbers for everyone.
const Charts = dynamic(() => import("./progress-charts-canvas"), {
  ssr: false,
  loading: () => <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Drawing the chart…</p>,
});

export function DomainAccuracyChart({ data, domains }: { data: DomainPoint[]; domains: { id: string; name: string }[] }) {
  return <Charts kind="domains" data={data} domains={domains} />;
}

export function TopicAccuracyChart({ data }: { data: TopicPoint[] }) {
  return <Charts kind="topics" data={data} />;
}
