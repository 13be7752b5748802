/**
 * Lighthouse 12 (mobile preset, its default: simulated slow 4G and a 4× slower CPU) over every
 * lesson page, the home page and the outline, on a production build: performance score, Total
 * Blocking Time, Largest Contentful Paint, Cumulative Layout Shift, JavaScript transferred, and
 * the accessibility, best-practices and SEO scores. Each page is measured `--runs` times (3 by
 * default), each run in a fresh Chromium, and the median of each figure is printed; `--all`
 * also prints every run's figures.
 *
 *   npx next build
 *   npm run --silent bench:lighthouse -- [--runs 3] [--all] [--url http://localhost:3000] [slug ...]
 *
 * Without --url it starts `next start` on a free port with a throw-away SQLite database.
 * Debian's Chromium by default (CHROME_PATH to use another).
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { listLessons } from "@/lib/course/lessons";
import { freePort, startAppServer, type AppServer } from "./lib/app-server";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "3" }, url: { type: "string" }, all: { type: "boolean", default: false } },
});
const runs = Math.min(Math.max(Number(args.runs) || 3, 1), 9);
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

type Row = { page: string; performance: number; tbt: number; lcp: number; cls: number; jsKb: number; accessibility: number; bestPractices: number; seo: number };

async function measure(url: string): Promise<Row | string> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: "error", output: "json", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
    const lhr = result?.lhr;
    if (!lhr) return "Lighthouse returned no report";
    if (lhr.runtimeError) return `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
    const score = (id: string) => Math.round(100 * (lhr.categories[id]?.score ?? 0));
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const summary = lhr.audits["resource-summary"]?.details;
    const items = summary && "items" in summary ? (summary.items as { resourceType?: string; transferSize?: number }[]) : [];
    const js = items.find((i) => i.resourceType === "script")?.transferSize ?? 0;
    return {
      page: new URL(url).pathname,
      performance: score("performance"),
      tbt: numeric("total-blocking-time"),
      lcp: numeric("largest-contentful-paint"),
      cls: numeric("cumulative-layout-shift"),
      jsKb: js / 1024,
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
    };
  } finally {
    await chrome.kill();
  }
}

/** Each figure's own median over the runs (so a row may combine figures from different runs). */
function median(rows: Row[]): Row {
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const of = (key: Exclude<keyof Row, "page">) => mid(rows.map((r) => r[key]));
  return {
    page: rows[0]?.page ?? "",
    performance: of("performance"),
    tbt: of("tbt"),
    lcp: of("lcp"),
    cls: of("cls"),
    jsKb: of("jsKb"),
    accessibility: of("accessibility"),
    bestPractices: of("bestPractices"),
    seo: of("seo"),
  };
}

let server: AppServer | undefined;
let exitCode = 0;
try {
  let base = args.url;
  if (!base) {
    const port = await freePort();
    const DATABASE_URL = "file:./.tmp/lighthouse.db";
    const reset = spawnSync(process.execPath, ["scripts/reset-database.mjs"], { env: { ...process.env, DATABASE_URL }, stdio: "inherit" });
    if (reset.status !== 0) throw new Error("Could not create the throw-away database (scripts/reset-database.mjs).");
    server = await startAppServer(port, { DATABASE_URL });
    base = server.base;
  }
  const slugs = positionals.length > 0 ? positionals : (await listLessons()).map((l) => l.slug);
  const pages = [...(positionals.length > 0 ? [] : ["/", "/lessons"]), ...slugs.map((s) => `/lessons/${s}`)];
  console.log(`Lighthouse, mobile preset, median of ${runs} run(s) per page; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)} at the start, Node ${process.version}`);
  console.log("| page | performance | TBT ms | LCP s | CLS | JS kB (transferred) | accessibility | best practices | SEO |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const page of pages) {
    const rows: Row[] = [];
    for (let i = 0; i < runs; i++) {
      let row = await measure(new URL(page, base).toString());
      // Chromium now and then fails to record the trace (NO_NAVSTART): one more try.
      if (typeof row === "string") row = await measure(new URL(page, base).toString());
      if (typeof row === "string") {
        console.error(`${page}: ${row}`);
        exitCode = 1;
        continue;
      }
      rows.push(row);
    }
    if (rows.length === 0) continue;
    if (args.all) for (const r of rows) console.log(`|   run: ${r.performance} | ${Math.round(r.tbt)} | ${(r.lcp / 1000).toFixed(1)} | ${r.cls.toFixed(3)} | ${r.jsKb.toFixed(0)} | | | |`);
    const m = median(rows);
    console.log(`| ${m.page} | ${m.performance} | ${Math.round(m.tbt)} | ${(m.lcp / 1000).toFixed(1)} | ${m.cls.toFixed(3)} | ${m.jsKb.toFixed(0)} | ${m.accessibility} | ${m.bestPractices} | ${m.seo} |`);
  }
  console.log(`Load average at the end ${os.loadavg()[0]?.toFixed(1)}.`);
} finally {
  await server?.stop();
}
process.exitCode = exitCode;
