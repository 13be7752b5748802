/**
 * How fast the question generator writes questions, per template: for seeds 0..N-1 (after a
 * warm-up on other seeds), the whole of `generateQuestion` — building the variant, asking the
 * evaluator about every option, rejecting and retrying ambiguous variants, the explanations.
 * Prints a table: questions per second (wall clock), median and p95 per question, the mean CPU
 * time per question (less sensitive than the wall clock to other processes on a shared machine),
 * and tries per question (1.00 when no variant had to be rejected).
 *   npm run --silent bench:generated-questions            (200 seeds per template)
 *   npm run --silent bench:generated-questions -- --seeds 1000
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { QUESTION_TEMPLATES } from "@/content/question-templates";
import { generateQuestion } from "@/lib/questions/generated/generate";

const { values } = parseArgs({ options: { seeds: { type: "string", default: "200" } } });
const seeds = Number(values.seeds);
if (!Number.isInteger(seeds) || seeds < 10 || seeds > 100_000) {
  process.stderr.write("bench-generated-questions: --seeds must be a whole number from 10 to 100000\n");
  process.exit(2);
}
const WARM_UP = 20;

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const rows: string[] = [];
let totalQuestions = 0;
let totalMs = 0;
const load = loadavg()[0]?.toFixed(1);
for (const template of QUESTION_TEMPLATES) {
  // Warm the JIT on seeds the measurement does not use.
  for (let seed = 0; seed < WARM_UP; seed++) generateQuestion(template, 1_000_000 + seed);
  const samples: number[] = [];
  let tries = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let seed = 0; seed < seeds; seed++) {
    const t0 = performance.now();
    const result = generateQuestion(template, seed);
    samples.push(performance.now() - t0);
    if (!result.ok) throw new Error(result.error);
    tries += result.attempts;
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  samples.sort((a, b) => a - b);
  totalQuestions += seeds;
  totalMs += elapsed;
  rows.push(
    `| ${template.id} | ${template.kind} | ${((seeds * 1000) / elapsed).toFixed(0)} | ${quantile(samples, 0.5).toFixed(2)} | ${quantile(samples, 0.95).toFixed(2)} | ${((cpu.user + cpu.system) / 1000 / seeds).toFixed(2)} | ${(tries / seeds).toFixed(2)} |`,
  );
}

console.log(`Generated questions: ${seeds} seeds per template after ${WARM_UP} warm-up, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, load average ${load} at start\n`);
console.log("| template | asks | questions/s | median ms | p95 ms | CPU ms per question | tries per question |");
console.log("|---|---|---|---|---|---|---|");
console.log(rows.join("\n"));
console.log(`| all templates | | ${((totalQuestions * 1000) / totalMs).toFixed(0)} | | | | |`);
