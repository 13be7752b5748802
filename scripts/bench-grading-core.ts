/**
 * How long the grader takes per lab, without the HTTP endpoint or the
 * database: parse the topology, run every check through the evaluator.
 * Grades each lab's start and reference solution (the solution exercises
 * every path, the start the blocked ones) after a warm-up, and prints the
 * median and p95 per lab. Issue 5 asks for under 200 ms at the median.
 *
 *   npx tsx scripts/bench-grading-core.ts [iterations=50]
 */
import { performance } from "node:perf_hooks";
import { gradeLab, loadLabs } from "@/lib/labs";
import { readSolution } from "@/tests/labs/fixtures";

const iterations = Number(process.argv[2] ?? 50);
const warmup = 5;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

function time(run: () => void): number[] {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
}

const rows: string[][] = [];
const all: number[] = [];
for (const lab of await loadLabs()) {
  const solution = readSolution(lab.slug);
  const checkCount = gradeLab(lab, solution).ok ? lab.checks.length : 0;
  const samples = time(() => {
    gradeLab(lab, lab.start);
    gradeLab(lab, solution);
  }).map((ms) => ms / 2);
  all.push(...samples);
  rows.push([lab.slug, String(checkCount), quantile(samples, 0.5).toFixed(2), quantile(samples, 0.95).toFixed(2), (samples[samples.length - 1] ?? 0).toFixed(2)]);
}
all.sort((a, b) => a - b);
rows.push(["all labs", "", quantile(all, 0.5).toFixed(2), quantile(all, 0.95).toFixed(2), (all[all.length - 1] ?? 0).toFixed(2)]);

const header = ["lab", "checks", "median ms", "p95 ms", "max ms"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
console.log(`gradeLab per topology (start and reference solution), ${iterations} runs each after ${warmup} warm-up, node ${process.version}`);
console.log(line(header));
for (const r of rows) console.log(line(r));
