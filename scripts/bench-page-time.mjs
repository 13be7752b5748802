#!/usr/bin/env node
// Server response time of pages from a running production server (`npx next build`, then
// `next start`): the first request after start (cold: compiles and caches), then the median and
// p95 of sequential requests, time to headers and time to the whole HTML.
//   node scripts/bench-page-time.mjs [--url http://localhost:3000] [--requests 40] [path ...]
/* global fetch */
import { Buffer } from "node:buffer";
import { performance } from "node:perf_hooks";
import { URL } from "node:url";

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}
const base = option("--url", "http://localhost:3000");
const requests = Number(option("--requests", "40"));
const paths = args.length > 0 ? args : ["/lessons/route-tables", "/lessons/transit-gateway", "/lessons/nat-instance-and-nat-gateway"];

async function timeOnce(path) {
  const started = performance.now();
  const response = await fetch(new URL(path, base), { redirect: "manual" });
  const headers = performance.now() - started;
  const body = await response.text();
  return { status: response.status, headers, total: performance.now() - started, bytes: Buffer.byteLength(body) };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (n) => `${n.toFixed(1).padStart(7)} ms`;
for (const path of paths) {
  const cold = await timeOnce(path);
  const runs = [];
  for (let i = 0; i < requests; i++) runs.push(await timeOnce(path));
  const heads = runs.map((r) => r.headers).sort((a, b) => a - b);
  const totals = runs.map((r) => r.total).sort((a, b) => a - b);
  console.log(
    `${path.padEnd(44)} HTTP ${cold.status}  first ${ms(cold.total)}   median: headers ${ms(percentile(heads, 50))}, HTML ${ms(percentile(totals, 50))}   p95: HTML ${ms(percentile(totals, 95))}   (${(cold.bytes / 1024).toFixed(0)} kB, ${requests} requests)`,
  );
}
