#!/usr/bin/env node
/**
 * The /analyze page in a real browser on the benchmark topology (issue 13): `npm run
 * bench:analyze -- --url http://localhost:3000 [--vpcs 1000] [--port 443]`, against a
 * production server (`npx next build && npx next start`).
 *
 * It writes the synthetic N-VPC topology of `npm run bench:reachability` as the files the
 * capture script would (scripts/synthetic-snapshot.ts), chooses them on the page, and reports:
 * the time until the files are read (summary shown), until the findings are shown, the time to
 * the first matrix row and to the full matrix (as the page measures them: from pressing
 * "Compute matrix" to the row's arrival in the main thread), and the main thread's longest task
 * and tasks over 100 and 200 ms meanwhile (the page must never freeze), for the reading of the
 * files and for the matrix apart. Debian's Chromium, headless.
 *
 * `--profile DIR` also writes the main thread's CPU profile of each phase (read with
 * `node scripts/cpu-profile-summary.mjs DIR/*.cpuprofile`), to see where a long task comes from.
 */
/* global window, PerformanceObserver */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const url = option("url", "http://localhost:3000");
const vpcs = Number(option("vpcs", "1000"));
const port = option("port", "443");
const profileDir = option("profile", "");
if (!Number.isInteger(vpcs) || vpcs < 1) {
  console.error("--vpcs takes a whole number of VPCs");
  process.exit(2);
}

const folder = mkdtempSync(path.join(os.tmpdir(), "bench-analyze-"));
const files = [];
try {
  execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/synthetic-snapshot.ts", String(vpcs), folder], { stdio: "inherit" });
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : files.push(path.join(dir, e.name))));
  walk(folder);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  // The main thread's long tasks while the worker computes (https://w3c.github.io/longtasks/).
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${url}/analyze`);
  await page.waitForLoadState("networkidle");
  const cdp = profileDir ? await page.context().newCDPSession(page) : undefined;
  const startProfile = async () => {
    if (!cdp) return;
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    await cdp.send("Profiler.start");
  };
  const stopProfile = async (name) => {
    if (!cdp) return;
    const { profile } = await cdp.send("Profiler.stop");
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
  };
  await page.evaluate(() => (window.__longTasks = []));
  await startProfile();

  let start = Date.now();
  await page.locator("input[type=file][multiple]").setInputFiles(files);
  await page.getByTestId("snapshot-summary").waitFor({ timeout: 600_000 });
  const readMs = Date.now() - start;
  await page.locator("#findings-heading").filter({ hasText: /Findings \(\d+\)/ }).waitFor({ timeout: 600_000 });
  await page.locator('[role="status"]', { hasText: "Reviewing the snapshot" }).waitFor({ state: "detached", timeout: 600_000 }).catch(() => undefined);
  const findingsMs = Date.now() - start;
  await stopProfile("read");
  const readTasks = await page.evaluate(() => window.__longTasks);

  await page.evaluate(() => (window.__longTasks = []));
  await startProfile();
  await page.getByLabel("Destination port").fill(port);
  start = Date.now();
  await page.getByRole("button", { name: "Compute matrix" }).click();
  const matrix = page.locator("[data-matrix-status]");
  await page.locator("[data-first-row-ms]").waitFor({ timeout: 600_000 });
  await page.locator('[data-matrix-status="done"]').waitFor({ timeout: 3_600_000 });
  const wallMs = Date.now() - start;
  const firstRowMs = Number(await matrix.getAttribute("data-first-row-ms"));
  const fullMs = Number(await matrix.getAttribute("data-elapsed-ms"));
  const summary = await page.locator("[data-matrix-status] > p").first().textContent();
  const longTasks = await page.evaluate(() => window.__longTasks);
  await stopProfile("matrix");
  const rows = await page.locator("[data-matrix-status] [role=status]").textContent();
  await browser.close();

  const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, Chromium headless, ${url}`);
  console.log(`Snapshot: ${vpcs} VPCs, ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  console.log("");
  console.log("| step | time |");
  console.log("|---|---|");
  console.log(`| files read, summary shown | ${fmt(readMs)} |`);
  console.log(`| findings shown | ${fmt(findingsMs)} |`);
  console.log(`| first matrix row (TCP ${port}) | ${fmt(firstRowMs)} |`);
  console.log(`| full matrix | ${fmt(fullMs)} (${rows?.trim()}) |`);
  const tasks = (list) => `longest task ${Math.round(Math.max(0, ...list))} ms, ${list.filter((d) => d > 100).length} over 100 ms, ${list.filter((d) => d > 200).length} over 200 ms (${list.length} over 50 ms)`;
  console.log(`| main thread while reading the files and reviewing | ${tasks(readTasks)} |`);
  console.log(`| main thread during the matrix | ${tasks(longTasks)} |`);
  console.log("");
  console.log(`Matrix: ${summary?.trim()} (wall clock from the click: ${fmt(wallMs)})`);
  console.log(`Load average at the end (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
