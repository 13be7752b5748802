/**
 * How long a lesson widget takes to re-evaluate after a control changes: for every scenario
 * and every combination of its controls, apply the patches, parse the topology and run
 * every probe, exactly as components/scenario-widget.tsx does. Prints per-scenario figures.
 *   npx tsx scripts/bench-widgets.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { evaluateProbes } from "@/lib/course/evaluate-probes";
import { allControlStates, applyControls, scenarioSchema } from "@/lib/course/scenario";

const ROUNDS = 30;
const BUDGET_MS = 16;
const all: number[] = [];
const rows: string[] = [];
// Re-evaluations over the frame budget, by scenario and round: cold JIT shows up in round 0.
const over: string[] = [];
for (const file of readdirSync("content/scenarios").filter((f) => f.endsWith(".json")).sort()) {
  const scenario = scenarioSchema.parse(JSON.parse(readFileSync(`content/scenarios/${file}`, "utf8")));
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const states of allControlStates(scenario)) {
      const started = performance.now();
      const outcome = applyControls(scenario, states);
      if (outcome.ok) evaluateProbes(outcome.topology, scenario.probes);
      const ms = performance.now() - started;
      samples.push(ms);
      if (ms > BUDGET_MS) over.push(`${file} round ${round}: ${ms.toFixed(2)} ms`);
    }
  }
  // The first rounds include JIT warm-up, as a learner's first click does; keep them.
  samples.sort((a, b) => a - b);
  all.push(...samples);
  rows.push(`${file.padEnd(44)} probes ${String(scenario.probes.length).padStart(2)}  median ${q(samples, 0.5)} ms  p95 ${q(samples, 0.95)} ms  max ${samples.at(-1)?.toFixed(2)} ms`);
}
all.sort((a, b) => a - b);
console.log(rows.join("\n"));
console.log(`\nall scenarios: ${all.length} re-evaluations, median ${q(all, 0.5)} ms, p95 ${q(all, 0.95)} ms, p99 ${q(all, 0.99)} ms, max ${all.at(-1)?.toFixed(2)} ms (budget ${BUDGET_MS} ms)`);
console.log(`over the budget: ${over.length} of ${all.length}${over.length > 0 ? ` (${over.join("; ")})` : ""}`);

function q(sorted: number[], p: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(2);
}
