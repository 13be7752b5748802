import type { ReactNode } from "react";
import type { AcceleratorOutcome, ProbeVerdict } from "@/lib/course/evaluate-probes";
import type { Probe, ScenarioData, TopologyOutcome } from "@/lib/course/scenario";
import type { ScenarioEvaluation } from "@/lib/course/scenario-evaluation";

/**
 * What a live scenario shows — controls, diagram, probes with their verdicts, explanations and
 * hop lists — as plain markup. Rendered twice: on the server, with the scenario's initial
 * verdicts and no handlers (the HTML a lesson arrives with), and in the browser by the
 * interactive widget once it has loaded (components/scenario-widget.tsx). No directive: each
 * side imports it as its own.
 */
export type ScenarioViewProps = {
  name: string;
  scenario: ScenarioData;
  states: Record<string, boolean>;
  selected: number;
  outcome: TopologyOutcome;
  evaluation: ScenarioEvaluation | null;
  diagram: ReactNode;
  /** Handlers once the widget runs in the browser; absent in the server's HTML. */
  interactive?: { onToggle(controlId: string, on: boolean): void; onSelect(index: number): void };
};

export function ScenarioView({ name, scenario, states, selected, outcome, evaluation, diagram, interactive }: ScenarioViewProps) {
  return (
    <section aria-label={`Live scenario: ${scenario.title}`} className="not-prose my-8 rounded-xl border-2 border-sky-200 p-4 dark:border-sky-900" data-scenario={name}>
      <h3 className="m-0 text-lg font-semibold">Try it: {scenario.title}</h3>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{scenario.description}</p>

      {scenario.controls.length > 0 ? (
        <fieldset className="mt-3 space-y-1">
          <legend className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Change the network</legend>
          {scenario.controls.map((control) => {
            const id = `${name}-${control.id}`;
            const on = states[control.id] ?? control.initial;
            return (
              <div key={control.id} className="flex items-start gap-2">
                {interactive ? (
                  <input id={id} type="checkbox" className="mt-1 h-4 w-4" data-control={control.id} checked={on} onChange={(e) => interactive.onToggle(control.id, e.target.checked)} />
                ) : (
                  // Before the widget loads the box is the browser's own: the island reads it when it takes over.
                  <input id={id} type="checkbox" className="mt-1 h-4 w-4" data-control={control.id} defaultChecked={on} />
                )}
                <label htmlFor={id}>{control.label}</label>
              </div>
            );
          })}
        </fieldset>
      ) : null}

      {!outcome.ok ? <p role="alert" className="mt-3 text-red-700 dark:text-red-400">{outcome.error}</p> : null}

      {outcome.ok ? diagram : null}

      {evaluation ? (
        <div className="mt-3">
          <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Probes</h4>
          <ul className="mt-2 space-y-2" aria-live="polite">
            {evaluation.verdicts.map((v, i) => (
              <ProbeRow key={`${v.probe.label}-${i}`} index={i} verdict={v} selected={i === selected} onSelect={interactive ? () => interactive.onSelect(i) : undefined} />
            ))}
          </ul>
          {evaluation.accelerator ? <AcceleratorPanel outcome={evaluation.accelerator} /> : null}
          {interactive ? <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Evaluated in your browser in {evaluation.ms.toFixed(1)} ms.</p> : null}
        </div>
      ) : null}
    </section>
  );
}

export function ProbeRow({ verdict, selected, onSelect, index, children }: { verdict: ProbeVerdict; selected: boolean; onSelect?: () => void; index?: number; children?: ReactNode }) {
  const reachable = verdict.status === "reachable";
  return (
    <li className={`rounded-md border p-3 ${selected ? "border-sky-500" : "border-slate-200 dark:border-slate-700"}`} data-probe={verdict.probe.label}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-bold ${reachable ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" : "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"}`} data-verdict={verdict.status}>
          {reachable ? "Reachable" : verdict.status === "error" ? "Error" : "Blocked"}
        </span>
        <span className="font-medium">{verdict.probe.label}</span>
        <span className="text-sm text-slate-600 dark:text-slate-400">{describeProbe(verdict.probe)}</span>
        <button type="button" onClick={onSelect} aria-pressed={selected} data-probe-index={index} className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-600">
          {selected ? "Shown on diagram" : "Show path"}
        </button>
      </div>
      {verdict.explanations.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {verdict.explanations.map((e, i) => (
            <li key={i}>
              <code className="mr-1 text-xs">{e.code}</code> {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {verdict.flowLogRecords.length > 0 ? <FlowLogRecords verdict={verdict} /> : null}
      {verdict.mirroredCopies.length > 0 ? <MirroredCopies verdict={verdict} /> : null}
      {verdict.forward.length > 0 ? (
        <details className="mt-2 text-sm" open={selected}>
          <summary className="cursor-pointer">Hop by hop ({verdict.forward.length} steps{verdict.returnPath.length > 0 ? `, return ${verdict.returnPath.length}` : ""})</summary>
          <ol className="mt-1 list-decimal space-y-0.5 pl-6">
            {verdict.forward.map((hop, i) => (
              <li key={i}><code className="text-xs">{hop.id}</code> {hop.note}</li>
            ))}
          </ol>
          {verdict.returnPath.length > 0 ? (
            <>
              <p className="mt-2 font-medium">Return path</p>
              <ol className="mt-1 list-decimal space-y-0.5 pl-6">
                {verdict.returnPath.map((hop, i) => (
                  <li key={i}><code className="text-xs">{hop.id}</code> {hop.note}</li>
                ))}
              </ol>
            </>
          ) : null}
        </details>
      ) : null}
      {children}
    </li>
  );
}

/** The flow-log records the evaluator generates for a probe's traffic, as CloudWatch Logs would show them. */
function FlowLogRecords({ verdict }: { verdict: ProbeVerdict }) {
  return (
    <div className="mt-2 text-sm" data-flow-log-records>
      <p className="font-medium">Flow log records (version 2, default format)</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <code>version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status</code>
      </p>
      <ul className="mt-1 space-y-1">
        {verdict.flowLogRecords.map((r, i) => (
          <li key={i} className="rounded bg-slate-100 px-2 py-1 dark:bg-slate-900">
            <code className="block break-all text-xs">{r.line}</code>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {r.flowLogId}: the {r.path === "forward" ? "request" : "reply"}, {r.direction === "ingress" ? "inbound" : "outbound"}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The packets a Traffic Mirroring session copies to its target. */
function MirroredCopies({ verdict }: { verdict: ProbeVerdict }) {
  return (
    <div className="mt-2 text-sm" data-mirrored-copies>
      <p className="font-medium">Traffic Mirroring copies</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-6">
        {verdict.mirroredCopies.map((c, i) => (
          <li key={i}>
            <code className="text-xs">{c.trafficMirrorSessionId}</code> copies the {c.path === "forward" ? "request" : "reply"} {c.sourceIp} → {c.destinationIp} ({c.direction === "ingress" ? "inbound" : "outbound"} at <code className="text-xs">{c.networkInterfaceId}</code>, filter rule {c.ruleNumber}) to <code className="text-xs">{c.targetResourceId ?? c.trafficMirrorTargetId}</code>, wrapped in VXLAN (UDP 4789).
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where Global Accelerator sends each client, given the endpoints' health. */
function AcceleratorPanel({ outcome }: { outcome: AcceleratorOutcome }) {
  return (
    <div className="mt-4" data-accelerator-routing>
      <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Where Global Accelerator sends clients</h4>
      {outcome.health.length > 0 ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Health checks:{" "}
          {outcome.health.map((h, i) => (
            <span key={h.endpointId}>
              {i > 0 ? "; " : ""}
              <code className="text-xs">{h.endpointId}</code> {h.healthy ? "healthy" : "unhealthy"}
            </span>
          ))}
          .
        </p>
      ) : null}
      <ul className="mt-2 space-y-2">
        {outcome.routing.map(({ client, selection }) => (
          <li key={client.label} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700" data-client={client.label}>
            <p className="font-medium">{client.label} ({client.region})</p>
            {selection.ok ? (
              <p>
                → endpoint group <strong>{selection.endpointGroupRegion}</strong>:{" "}
                {selection.endpoints.map((e, i) => (
                  <span key={e.endpointId}>
                    {i > 0 ? ", " : ""}
                    <code className="text-xs">{e.endpointId}</code> {Math.round(e.share * 100)}%
                  </span>
                ))}
                {selection.failOpen ? " (failing open)" : ""}
              </p>
            ) : (
              <p>
                → nowhere: <code className="text-xs">{selection.code}</code>
              </p>
            )}
            <p className="text-slate-600 dark:text-slate-400">{selection.explanation}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describeProbe(p: Probe): string {
  const port = p.destinationPort !== undefined ? ` port ${p.destinationPort}` : "";
  return `${p.protocol.toUpperCase()}${port}`;
}
