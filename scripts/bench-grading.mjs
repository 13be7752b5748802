#!/usr/bin/env node
/* global fetch, URLSearchParams, performance, setTimeout */
// Measures the lab grading endpoint (POST /api/labs/<slug>/attempts) of a production build on
// loopback: the server-side grading time per request, then throughput and latency percentiles
// under concurrent load with autocannon, in bounded runs. Every request is a real submission:
// signed in, graded by lib/labs, stored in SQLite.
//
//   npx next build && node scripts/bench-grading.mjs [--lab three-tier-vpc-with-nat] [--connections 10] [--seconds 10]
//
// It starts its own `next start` on a fresh database (.tmp/bench-grading.db) with the per-learner
// rate limit raised (LAB_SUBMISSIONS_PER_MINUTE), and stops it when done.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values: args } = parseArgs({
  options: {
    lab: { type: "string", default: "three-tier-vpc-with-nat" },
    connections: { type: "string", default: "10" },
    seconds: { type: "string", default: "10" },
    port: { type: "string", default: "3200" },
  },
});
const connections = Math.min(Math.max(Number(args.connections) || 10, 1), 64);
const seconds = Math.min(Math.max(Number(args.seconds) || 10, 1), 60);
const base = `http://127.0.0.1:${args.port}`;
const db = ".tmp/bench-grading.db";
const solutionFile = `tests/labs/solutions/${args.lab}.json`;

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npx next build` first.");
  process.exit(1);
}
if (!existsSync(solutionFile)) {
  console.error(`No reference solution at ${solutionFile}; pass --lab <slug> of a lab that has one.`);
  process.exit(1);
}
const body = JSON.stringify({ topology: JSON.parse(readFileSync(solutionFile, "utf8")) });

rmSync(db, { force: true });
const env = {
  ...process.env,
  DATABASE_URL: `file:./${db}`,
  NEXTAUTH_URL: base,
  NEXTAUTH_SECRET: "bench-only-secret-not-used-anywhere-else-0123456789",
  LAB_SUBMISSIONS_PER_MINUTE: "1000000",
  NODE_ENV: "production",
};
execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { env, stdio: "pipe" });
execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], { env, stdio: "pipe" });

const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", args.port, "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));
const stop = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
};
process.on("exit", stop);
process.on("SIGINT", () => process.exit(130));

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`${base}/api/auth/csrf`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not start:\n${serverLog}`);
}

/** Signs the seed's demo learner in through next-auth and returns the cookie header. */
async function signIn() {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: "learner@reachable.test", password: "learn-vpc-2026", json: "true" }),
  });
  const all = [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!all.some((c) => c.startsWith("next-auth.session-token="))) throw new Error(`Sign-in failed (HTTP ${response.status}).`);
  return all.join("; ");
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const url = `${base}/api/labs/${args.lab}/attempts`;
try {
  await waitForServer();
  const cookie = await signIn();
  const headers = { "content-type": "application/json", cookie };

  // Warm up, then one request at a time: the grader's own time (durationMs) and the round trip.
  const grading = [];
  const roundTrip = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    const response = await fetch(url, { method: "POST", headers, body });
    const result = await response.json();
    if (response.status !== 201 || result.attempt.percent !== 100) throw new Error(`Unexpected answer: ${response.status} ${JSON.stringify(result).slice(0, 300)}`);
    if (i >= 10) {
      roundTrip.push(performance.now() - started);
      grading.push(result.durationMs);
    }
  }
  grading.sort((a, b) => a - b);
  roundTrip.sort((a, b) => a - b);

  const run = await autocannon({ url, method: "POST", headers, body, connections, duration: seconds, timeout: 30 });
  const fmt = (n) => (typeof n === "number" ? n.toFixed(1) : String(n));
  console.log(`Lab grading endpoint benchmark — POST /api/labs/${args.lab}/attempts (reference solution, graded and stored), loopback, production build`);
  console.log(`Machine: ${(await import("node:os")).cpus().length} CPUs, Node ${process.version}`);
  console.log(`Sequential (50 requests after 10 warm-up): grading median ${fmt(percentile(grading, 50))} ms, p99 ${fmt(percentile(grading, 99))} ms; round trip median ${fmt(percentile(roundTrip, 50))} ms, p99 ${fmt(percentile(roundTrip, 99))} ms`);
  console.log(`Concurrent (${connections} connections, ${seconds} s): ${fmt(run.requests.average)} req/s average, ${run.requests.total} requests, latency p50 ${fmt(run.latency.p50)} ms, p90 ${fmt(run.latency.p90)} ms, p99 ${fmt(run.latency.p99)} ms, max ${fmt(run.latency.max)} ms; non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}`);
} finally {
  stop();
}
