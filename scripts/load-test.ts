/**
 * Load test: 200 concurrent learners against two `next start` processes on one PostgreSQL,
 * each saving a lab draft, submitting the lab (graded and stored), submitting the same
 * attempt again with the same Idempotency-Key (a double click), and answering a lesson check
 * (the server action browsers call). Afterwards it checks the database: every accepted
 * attempt stored exactly once, double submits stored once, and no 5xx answer.
 * A second phase measures the grading endpoint alone.
 *
 *   npx next build
 *   TEST_POSTGRES_URL=postgresql://user:pass@127.0.0.1/db npm run --silent bench:load -- [--learners 200] [--seconds 30] [--grading-seconds 20] [--profile DIR]
 *
 * The grading phase also reports where the machine's CPU went (this process, which runs the
 * load generator; each app process; PostgreSQL's processes). `--profile DIR` writes a V8 CPU
 * profile of each app process to DIR; `node scripts/cpu-profile-summary.mjs DIR/*.cpuprofile`
 * tells where their time went.
 *
 * It creates and drops its own database on that server (the role needs CREATEDB).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { loadLessonSources } from "@/lib/course/lessons";
import { createPostgresDatabase, dropPostgresDatabases, migrate, uniqueDatabaseName } from "@/tests/setup/test-database";
import { freePort, startAppServer, TEST_SECRET, type AppServer } from "./lib/app-server";
import { cpuSecondsOf, postgresPids } from "./lib/process-cpu";

const { values: args } = parseArgs({
  options: {
    learners: { type: "string", default: "200" },
    seconds: { type: "string", default: "30" },
    "grading-seconds": { type: "string", default: "20" },
    lab: { type: "string", default: "three-tier-vpc-with-nat" },
    lesson: { type: "string", default: "security-groups-and-network-acls" },
    profile: { type: "string" },
  },
});
const learnerCount = Math.min(Math.max(Number(args.learners) || 200, 2), 1000);
const seconds = Math.min(Math.max(Number(args.seconds) || 30, 5), 300);
const gradingSeconds = Math.min(Math.max(Number(args["grading-seconds"]) || 20, 0), 300);
const LAB = args.lab;
const LESSON = args.lesson;

if (!process.env.TEST_POSTGRES_URL) {
  console.error("bench:load runs on PostgreSQL: set TEST_POSTGRES_URL=postgresql://user:password@host/db (a role that may create databases).");
  process.exit(2);
}

const solution = JSON.parse(readFileSync(`tests/labs/solutions/${LAB}.json`, "utf8")) as unknown;
const attemptBody = JSON.stringify({ topology: solution });
const draftBody = JSON.stringify({ topology: { ...(solution as object), note: "draft saved under load" } });
const lesson = (await loadLessonSources()).find((l) => l.slug === LESSON);
if (!lesson) throw new Error(`No lesson ${LESSON}`);
const checkBody = JSON.stringify([{ lessonSlug: LESSON, answers: Object.fromEntries(lesson.quiz.map((q) => [q.id, 0])) }]);
const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
const checkActionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "submitLessonCheck")?.[0];
if (!checkActionId) throw new Error("submitLessonCheck is not in the build's server-reference manifest");

const database = uniqueDatabaseName("reachable_load");
const url = await createPostgresDatabase(database);
const servers: AppServer[] = [];
let exitCode = 0;

function percent(n: number, of: number) {
  return of === 0 ? "0" : ((100 * n) / of).toFixed(1);
}

try {
  migrate(url);
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const passwordHash = await hashPassword("load-test-password-1");
  const learners = Array.from({ length: learnerCount }, (_, i) => ({ id: `load-learner-${i}`, email: `load-${i}@example.test`, name: `Load Learner ${i}`, passwordHash, role: "learner" }));
  await db.user.createMany({ data: learners });
  // Session cookies as next-auth issues them at sign-in (a signed, encrypted JWT), minted
  // directly so the test measures the work learners do, not 200 bcrypt sign-ins.
  const cookies = await Promise.all(
    learners.map(async (l) => `next-auth.session-token=${await encode({ token: { sub: l.id, name: l.name, email: l.email, role: "learner" }, secret: TEST_SECRET })}`),
  );

  const env = { DATABASE_URL: url, LAB_SUBMISSIONS_PER_MINUTE: "1000000", DATABASE_POOL_SIZE: "10" };
  const nodeArgs = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${args.profile}`] : [];
  servers.push(...(await Promise.all([startAppServer(await freePort(), env, nodeArgs), startAppServer(await freePort(), env, nodeArgs)])));

  type Tally = Record<string, Record<number, number>>;
  const tally: Tally = {};
  const count = (kind: string, status: number) => {
    tally[kind] ??= {};
    tally[kind][status] = (tally[kind][status] ?? 0) + 1;
  };
  const keysAccepted = new Set<string>();
  let nextLearner = 0;
  type Context = { learner?: number; key?: string };
  const who = (context: Context) => (context.learner ??= nextLearner++ % learnerCount);

  const run = (server: AppServer, connections: number, duration: number, mix: "all" | "grading") =>
    autocannon({
      url: server.base,
      connections,
      duration,
      timeout: 60,
      requests: [
        ...(mix === "all"
          ? [
              {
                method: "PUT" as const,
                path: `/api/labs/${LAB}/draft`,
                setupRequest: (req: autocannon.Request, context: Context) => ({
                  ...req,
                  headers: { cookie: cookies[who(context)], origin: server.base, "content-type": "application/json" },
                  body: draftBody,
                }),
                onResponse: (status: number) => count("draft", status),
              },
            ]
          : []),
        {
          method: "POST" as const,
          path: `/api/labs/${LAB}/attempts`,
          setupRequest: (req: autocannon.Request, context: Context) => {
            context.key = randomUUID();
            return { ...req, headers: { cookie: cookies[who(context)], origin: server.base, "content-type": "application/json", "idempotency-key": context.key }, body: attemptBody };
          },
          onResponse: (status: number, _body: string, context: Context) => {
            count("attempt", status);
            if (status === 201 && context.key) keysAccepted.add(context.key);
          },
        },
        ...(mix === "all"
          ? [
              {
                method: "POST" as const,
                path: `/api/labs/${LAB}/attempts`,
                setupRequest: (req: autocannon.Request, context: Context) => ({
                  ...req,
                  headers: { cookie: cookies[who(context)], origin: server.base, "content-type": "application/json", "idempotency-key": context.key ?? randomUUID() },
                  body: attemptBody,
                }),
                onResponse: (status: number) => count("double submit", status),
              },
              {
                method: "POST" as const,
                path: `/lessons/${LESSON}`,
                setupRequest: (req: autocannon.Request, context: Context) => ({
                  ...req,
                  headers: { cookie: cookies[who(context)], origin: server.base, "next-action": checkActionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
                  body: checkBody,
                }),
                onResponse: (status: number) => count("lesson check", status),
              },
            ]
          : []),
      ],
    });

  console.log(`Load test — ${learnerCount} learners over 2 next start processes on PostgreSQL, ${seconds} s; ${os.cpus().length} CPUs, Node ${process.version}`);
  const half = Math.ceil(learnerCount / 2);
  const mixed = await Promise.all(servers.map((s, i) => run(s, i === 0 ? half : learnerCount - half, seconds, "all")));
  const total = mixed.reduce((n, r) => n + r.requests.total, 0);
  const latency = (p: "p50" | "p99") => Math.max(...mixed.map((r) => r.latency[p]));
  console.log(`Mixed: ${total} requests, ${(total / seconds).toFixed(1)} req/s; latency p50 ${latency("p50")} ms, p99 ${latency("p99")} ms (the slower process); errors ${mixed.reduce((n, r) => n + r.errors, 0)}, timeouts ${mixed.reduce((n, r) => n + r.timeouts, 0)}`);
  for (const [kind, statuses] of Object.entries(tally)) {
    const n = Object.values(statuses).reduce((a, b) => a + b, 0);
    console.log(`  ${kind}: ${n} (${(n / seconds).toFixed(1)}/s) ${JSON.stringify(statuses)}`);
  }

  // What the database holds must match what the learners were told.
  const rows = await db.labAttempt.findMany({ where: { userId: { startsWith: "load-learner-" } }, select: { submissionKey: true } });
  const stored = new Map<string, number>();
  for (const r of rows) if (r.submissionKey) stored.set(r.submissionKey, (stored.get(r.submissionKey) ?? 0) + 1);
  const duplicates = [...stored.values()].filter((n) => n > 1).length;
  const missing = [...keysAccepted].filter((k) => !stored.has(k)).length;
  const unexplained = [...stored.keys()].filter((k) => !keysAccepted.has(k)).length;
  const fiveHundreds = Object.values(tally).reduce((n, statuses) => n + Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((a, [, c]) => a + c, 0), 0);
  console.log(`Database: ${rows.length} attempts stored for ${keysAccepted.size} accepted submissions; keys stored twice ${duplicates}, accepted but missing ${missing}, stored but never accepted ${unexplained}; 5xx answers ${fiveHundreds}`);
  if (duplicates > 0 || missing > 0 || fiveHundreds > 0 || rows.length !== keysAccepted.size + unexplained) exitCode = 1;
  if (unexplained > 0) console.log("  (stored but never accepted: requests whose answer arrived after the run ended; still stored once each)");

  if (gradingSeconds > 0) {
    const before = keysAccepted.size;
    const pids = { "load generator (this process)": [process.pid], ...Object.fromEntries(servers.map((s, i) => [`app process ${i + 1}`, s.pid ? [s.pid] : []])), PostgreSQL: postgresPids() };
    const cpuBefore = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpuSecondsOf(p)]));
    const wallBefore = performance.now();
    const grading = await Promise.all(servers.map((s) => run(s, 25, gradingSeconds, "grading")));
    const wall = (performance.now() - wallBefore) / 1000;
    const graded = keysAccepted.size - before;
    console.log(
      `Grading only (2 × 25 connections, ${gradingSeconds} s): ${(graded / gradingSeconds).toFixed(1)} gradings/s stored; latency p50 ${Math.max(...grading.map((r) => r.latency.p50))} ms, p99 ${Math.max(...grading.map((r) => r.latency.p99))} ms; non-2xx ${grading.reduce((n, r) => n + r.non2xx, 0)} (${percent(grading.reduce((n, r) => n + r.non2xx, 0), grading.reduce((n, r) => n + r.requests.total, 0))} %)`,
    );
    const shares = Object.entries(pids).map(([k, p]) => `${k} ${(cpuSecondsOf(p) - (cpuBefore[k] ?? 0)).toFixed(1)} s`);
    console.log(`  CPU time during it (${wall.toFixed(1)} s of wall clock × ${os.cpus().length} CPUs = ${(wall * os.cpus().length).toFixed(1)} CPU-s available): ${shares.join(", ")}; load average ${os.loadavg()[0]?.toFixed(1)}`);
    if (graded > 0) {
      const appCpu = Object.entries(pids).filter(([k]) => k.startsWith("app process")).reduce((n, [k, p]) => n + cpuSecondsOf(p) - (cpuBefore[k] ?? 0), 0);
      console.log(`  App CPU per stored grading: ${((1000 * appCpu) / graded).toFixed(1)} ms`);
    }
  }
  await db.$disconnect();
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await dropPostgresDatabases([database]);
}
process.exitCode = exitCode;
