"use client";

import { useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { evaluateProbes } from "@/lib/course/evaluate-probes";
import { probeSchema, type Probe } from "@/lib/course/scenario";
import type { Topology } from "@/lib/network";
import { ProbeRow } from "../scenario-view";

type Draft = { source: string; destination: string; protocol: Probe["protocol"]; port: string };

/** Places a probe may start or end at, for suggestions. */
function endpoints(topology: Topology): string[] {
  return [
    ...topology.instances.map((i) => i.instanceId),
    "internet",
    ...topology.awsServices.map((s) => s.serviceName),
    ...topology.onPremisesNetworks.map((o) => o.id),
    ...topology.subnets.map((s) => s.subnetId),
    ...topology.vpcEndpoints.map((e) => e.vpcEndpointId),
  ];
}

/**
 * Probes the learner chooses, re-run by the evaluator in the browser on every edit (as in the
 * lesson widgets). They help while building; the grade always comes from the server.
 */
export function ProbesPanel({ slug, topology, selected, onSelect }: { slug: string; topology: Topology | null; selected: number; onSelect: (i: number, pathIds: string[]) => void }) {
  const [probes, setProbes] = useState<Probe[]>([]);
  // The learner's probes stay in this browser, per lab (read after mount: the server has no localStorage).
  const storageKey = `reachable:lab-probes:${slug}`;
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    try {
      const stored = z.array(probeSchema).max(20).safeParse(JSON.parse(window.localStorage.getItem(storageKey) ?? "[]"));
      if (stored.success) setProbes(stored.data);
    } catch {
      // Unreadable storage: start with no probes.
    }
    setLoaded(true);
  }, [storageKey]);
  useEffect(() => {
    if (!loaded) return;
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(probes));
    } catch {
      // Storage full or disabled: the probes still work for this visit.
    }
  }, [loaded, probes, storageKey]);
  const [draft, setDraft] = useState<Draft>({ source: "", destination: "", protocol: "tcp", port: "443" });
  const [error, setError] = useState<string | null>(null);
  const verdicts = useMemo(() => (topology ? evaluateProbes(topology, probes) : []), [topology, probes]);
  const suggestions = topology ? endpoints(topology) : [];

  const add = () => {
    const port = draft.port.trim() === "" ? undefined : Number(draft.port);
    if (!draft.source.trim() || !draft.destination.trim()) return setError("Give a source and a destination (an instance id, \"internet\", a service name, …).");
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) return setError("The port must be a whole number from 0 to 65535.");
    setError(null);
    const label = `${draft.source.trim()} → ${draft.destination.trim()}`;
    setProbes((p) => [...p, { label, source: draft.source.trim(), destination: draft.destination.trim(), protocol: draft.protocol, destinationPort: draft.protocol === "tcp" || draft.protocol === "udp" ? port : undefined }]);
  };

  return (
    <section aria-labelledby="probes-heading" className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h3 id="probes-heading" className="font-semibold">Live probes</h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">Ask the evaluator whether traffic gets through while you edit. Probes are re-run after every change.</p>
      <form
        className="mt-2 grid gap-2 sm:grid-cols-[1fr_1fr_7rem_6rem_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <datalist id="probe-endpoints">{suggestions.map((s) => <option key={s} value={s} />)}</datalist>
        <div>
          <label htmlFor="probe-source" className="block text-sm font-medium">Probe source</label>
          <input id="probe-source" list="probe-endpoints" className="w-full rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value })} />
        </div>
        <div>
          <label htmlFor="probe-destination" className="block text-sm font-medium">Probe destination</label>
          <input id="probe-destination" list="probe-endpoints" className="w-full rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" value={draft.destination} onChange={(e) => setDraft({ ...draft, destination: e.target.value })} />
        </div>
        <div>
          <label htmlFor="probe-protocol" className="block text-sm font-medium">Protocol</label>
          <select id="probe-protocol" className="w-full rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" value={draft.protocol} onChange={(e) => setDraft({ ...draft, protocol: e.target.value === "udp" ? "udp" : e.target.value === "icmp" ? "icmp" : e.target.value === "all" ? "all" : "tcp" })}>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
            <option value="icmp">ICMP</option>
            <option value="all">All</option>
          </select>
        </div>
        <div>
          <label htmlFor="probe-port" className="block text-sm font-medium">Port</label>
          <input id="probe-port" inputMode="numeric" className="w-full rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" value={draft.port} onChange={(e) => setDraft({ ...draft, port: e.target.value })} />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">Add probe</button>
      </form>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">{error}</p> : null}
      {!topology && probes.length > 0 ? <p className="mt-2 text-sm">Probes wait until the topology is valid again.</p> : null}
      <ul className="mt-3 space-y-2" aria-live="polite">
        {verdicts.map((v, i) => (
          <ProbeRow key={`${v.probe.label}-${i}`} verdict={v} selected={i === selected} onSelect={() => onSelect(i, v.pathIds)}>
            <button type="button" className="mt-1 text-xs underline" onClick={() => setProbes((p) => p.filter((_, j) => j !== i))}>Remove probe {i + 1}</button>
          </ProbeRow>
        ))}
      </ul>
    </section>
  );
}
