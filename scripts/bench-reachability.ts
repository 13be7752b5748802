/**
 * Benchmark of the reachability evaluator (issue 3): `npm run bench:reachability`.
 *
 * Synthetic topologies of 10, 100 and 1,000 VPCs. Each VPC has two subnets,
 * ten instances, a security group of twenty rules, a network ACL of ten
 * rules, a main route table with routes to its transit gateway, to a
 * peered neighbour and to an internet gateway. VPCs are attached in groups
 * of 250 to transit gateways (one route table each, propagation from every
 * VPC, static routes to the other gateways' VPCs over a full mesh of
 * transit gateway peerings), and each VPC peers with the next one.
 *
 * Prints: schema parse and index time, the median time of one query (warm
 * index) and of one query on a lesson-sized topology with a fresh index
 * (what a widget pays after an edit), the time and throughput of a
 * 10,000-pair instance matrix, and peak memory. With `--write` it also
 * replaces the figures in the "Reachability evaluator" section of
 * docs/benchmarks.md (`npm run --silent bench:reachability -- --write`).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import os from "node:os";
import { analyze, indexTopology, matrixEndpoints, matrixRow, matrixSourceClasses, parseTopology, reachabilityMatrix, type AnalysisQuery, type Topology, type TopologyInput } from "../lib/network/index";
import { threeTier } from "../lib/network/testing/three-tier";
import { synthetic } from "../lib/network/testing/synthetic";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

let peakRss = 0;
function sampleMemory(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

function time<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

function parse(input: TopologyInput): Topology {
  const parsed = parseTopology(input);
  if (!parsed.ok) throw new Error(`synthetic topology is invalid: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
  return parsed.topology;
}

const lines: string[] = [];
function out(line: string): void {
  lines.push(line);
  console.log(line);
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

function lessonSized(): void {
  const input = threeTier().toJSON();
  const base = parse(input);
  const query: AnalysisQuery = { source: "i-app", destinationIp: "8.8.8.8", protocol: "tcp", destinationPort: 443 };
  const warm: number[] = [];
  const cold: number[] = [];
  for (let k = 0; k < 300; k += 1) warm.push(time(() => analyze(base, query)).ms);
  for (let k = 0; k < 300; k += 1) {
    // A widget after an edit: a new topology object, so a fresh index.
    const edited = { ...base, instances: [...base.instances] };
    cold.push(time(() => analyze(edited, query)).ms);
  }
  const parseMs = median(Array.from({ length: 50 }, () => time(() => parse(input)).ms));
  out(`| lesson (three tiers, 3 instances) | ${fmt(parseMs)} | — | ${fmt(median(warm))} | ${fmt(median(cold))} | — | — |`);
}

function run(vpcCount: number): void {
  const input = synthetic(vpcCount);
  sampleMemory();
  const { value: topology, ms: parseMs } = time(() => parse(input));
  sampleMemory();
  const { ms: indexMs } = time(() => indexTopology(topology));
  sampleMemory();
  const instances = topology.instances.map((i) => i.instanceId);
  const pick = (k: number) => instances[(k * 7919) % instances.length] ?? "i-0-0-0";
  // Warm-up: compile the route tables the queries touch.
  for (let k = 0; k < 50; k += 1) analyze(topology, { source: pick(k), destination: pick(k + 1), protocol: "tcp", destinationPort: 443 });
  const single: number[] = [];
  let found = 0;
  for (let k = 0; k < 200; k += 1) {
    const { value, ms } = time(() => analyze(topology, { source: pick(k * 3), destination: pick(k * 5 + 1), protocol: "tcp", destinationPort: 443 }));
    single.push(ms);
    if (value.ok && value.networkPathFound) found += 1;
  }
  sampleMemory();
  // 100 sources × 100 destinations = 10,000 pairs.
  const sources = Array.from({ length: 100 }, (_, k) => pick(k * 13 + 3));
  const destinations = Array.from({ length: 100 }, (_, k) => pick(k * 17 + 5));
  const probes: AnalysisQuery[] = sources.flatMap((source) => destinations.map((destination) => ({ source, destination, protocol: "tcp", destinationPort: 443 })));
  const { value: entries, ms: matrixMs } = time(() => reachabilityMatrix(topology, probes));
  sampleMemory();
  const reachable = entries.filter((e) => e.result.ok && e.result.networkPathFound).length;
  out(
    `| ${vpcCount} VPCs, ${topology.instances.length} instances, ${topology.transitGateways.length} TGW, ${topology.vpcPeeringConnections.length} peerings | ${fmt(parseMs)} | ${fmt(indexMs)} | ${fmt(median(single))} (${found}/200 reachable) | — | ${fmt(matrixMs)} ms, ${Math.round(probes.length / (matrixMs / 1000))} pairs/s (${reachable}/${probes.length} reachable) | ${Math.round(peakRss / 2 ** 20)} MiB |`,
  );
}

out(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, Node ${process.version}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`);
out("");
out("| topology | parse (ms) | index (ms) | one query, median (ms) | one query, fresh index (ms) | 10,000-pair matrix | peak RSS |");
out("|---|---|---|---|---|---|---|");
lessonSized();
for (const n of [10, 100, 1000]) run(n);

/**
 * The analyze page's streamed matrix (`matrixRow`), on the 1,000-VPC topology:
 * time to the first row (which also builds the classes and compiles the
 * tables it touches), a row whose source class is new (one analysis per
 * destination class), a row from a class seen just before (no analysis),
 * and the full matrix estimated from them. Printed, not written to
 * docs/benchmarks.md. CPU time is given beside wall time because the shared
 * machine's load inflates wall time.
 */
function matrixRows(vpcCount: number): void {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const topology = parse(synthetic(vpcCount));
  indexTopology(topology);
  const endpoints = matrixEndpoints(topology, "instances");
  const options = { protocol: "tcp" as const, destinationPort: 443 };
  let c = cpu();
  const first = time(() => matrixRow(topology, 0, options, endpoints));
  const firstCpu = cpu() - c;
  const fresh: { ms: number; cpu: number }[] = [];
  const known: { ms: number; cpu: number }[] = [];
  for (let k = 1; k <= 10; k += 1) {
    const row = Math.floor((k * endpoints.length) / 11 / 10) * 10;
    c = cpu();
    const f = time(() => matrixRow(topology, row, options, endpoints));
    fresh.push({ ms: f.ms, cpu: cpu() - c });
    c = cpu();
    const n = time(() => matrixRow(topology, row + 1, options, endpoints));
    known.push({ ms: n.ms, cpu: cpu() - c });
  }
  const classes = matrixSourceClasses(topology, endpoints);
  const freshCpu = median(fresh.map((f) => f.cpu));
  const knownCpu = median(known.map((f) => f.cpu));
  console.log(`\nMatrix rows (matrixRow), ${vpcCount} VPCs, ${endpoints.length} instances, ${classes} source classes, ${first.value.analyses} analyses per new row:`);
  console.log(`  first row: ${fmt(first.ms)} ms (CPU ${fmt(firstCpu)} ms)`);
  console.log(`  row of a new source class: median ${fmt(median(fresh.map((f) => f.ms)))} ms (CPU ${fmt(freshCpu)} ms)`);
  console.log(`  row of a source class seen just before: median ${fmt(median(known.map((f) => f.ms)))} ms (CPU ${fmt(knownCpu)} ms)`);
  console.log(`  full matrix, estimated: ${fmt((classes * freshCpu + (endpoints.length - classes) * knownCpu) / 1000)} s of CPU`);
}
matrixRows(1000);

if (process.argv.includes("--write")) writeFigures("docs/benchmarks.md");

/** Replace the machine line and the table of the "Reachability evaluator" section, keeping the prose around them. */
function writeFigures(path: string): void {
  if (!existsSync(path)) {
    console.error(`${path} does not exist; nothing written`);
    return;
  }
  const doc = readFileSync(path, "utf8").split("\n");
  const heading = doc.findIndex((l) => l.trim() === "## Reachability evaluator");
  const start = heading < 0 ? -1 : doc.findIndex((l, i) => i > heading && l.startsWith("Machine:"));
  if (start < 0) {
    console.error(`${path} has no "## Reachability evaluator" section with a "Machine:" line; nothing written`);
    return;
  }
  let end = start + 1;
  while (end < doc.length && (doc[end] === "" || doc[end]?.startsWith("|"))) end += 1;
  while (end > start + 1 && doc[end - 1] === "") end -= 1;
  const dated = doc.map((l, i) => (i > heading && i < start && l.startsWith("Measured ") ? `Measured ${new Date().toISOString().slice(0, 10)} on the shared development machine (other sessions were` : l));
  writeFileSync(path, [...dated.slice(0, start), ...lines, ...dated.slice(end)].join("\n"));
  console.error(`updated ${path}`);
}
