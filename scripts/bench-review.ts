/**
 * The review queue for a learner with 10,000 cards: how long the /review page's and the
 * dashboard's queries take. Builds a throw-away database (SQLite by default; PostgreSQL with
 * TEST_POSTGRES_URL), fills it with one learner's cards, review logs and answers, then times
 * each query (median and p95 of --runs).
 *
 *   npm run --silent bench:review [-- --cards 10000 --runs 30]
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPostgresDatabase, dropPostgresDatabases, migrate, uniqueDatabaseName } from "@/tests/setup/test-database";

const { values } = parseArgs({ options: { cards: { type: "string", default: "10000" }, runs: { type: "string", default: "30" } } });
const CARDS = Number(values.cards);
const RUNS = Number(values.runs);
if (!Number.isInteger(CARDS) || CARDS < 1 || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error("--cards and --runs take whole numbers of at least 1");
  process.exit(2);
}

const DAY = 86_400_000;
const postgres = Boolean(process.env.TEST_POSTGRES_URL);
const sqliteFile = path.resolve(`.tmp/bench-review/${randomUUID()}.db`);
const postgresName = uniqueDatabaseName("reachable_bench_review");

async function databaseUrl(): Promise<string> {
  if (postgres) return createPostgresDatabase(postgresName);
  mkdirSync(path.dirname(sqliteFile), { recursive: true });
  return `file:${sqliteFile}`;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(label: string, run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const { median, p95 } = stats(times);
  return `| ${label} | ${median.toFixed(1)} | ${p95.toFixed(1)} |`;
}

async function main() {
  const url = await databaseUrl();
  migrate(url);
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { getReviewQueue, countDueToday, getUpcomingCards } = await import("@/lib/review/queue");
  const { loadProgress } = await import("@/lib/review/progress");
  const { DOMAIN_IDS } = await import("@/lib/questions/exam-guide");
  try {
    const now = new Date();
    const user = await db.user.create({ data: { email: `bench-${randomUUID()}@example.test`, name: "Bench Learner", passwordHash: "not-a-hash" } });
    const lessons = ["vpc-fundamentals", "subnets", "route-tables", "vpc-peering", "transit-gateway", "site-to-site-vpn", "direct-connect", "vpc-flow-logs"];
    const kinds = ["bank", "lesson-check", "template"] as const;
    const load = performance.now();
    for (let start = 0; start < CARDS; start += 500) {
      const batch = Array.from({ length: Math.min(500, CARDS - start) }, (_, j) => {
        const i = start + j;
        // Due dates spread from a month ago to a year ahead; a third never reviewed in the queue.
        const due = new Date(now.getTime() + ((i * 7919) % 395 - 30) * DAY);
        return {
          id: `card-${i}`,
          userId: user.id,
          refKind: kinds[i % 3] ?? "bank",
          refId: `ref-${i}`,
          lesson: lessons[i % lessons.length] ?? "subnets",
          domain: String((i % 4) + 1),
          due,
          stability: 1 + (i % 200),
          difficulty: 1 + (i % 9),
          elapsedDays: i % 30,
          scheduledDays: i % 60,
          learningSteps: 0,
          reps: 1 + (i % 12),
          lapses: i % 3,
          state: 2,
          lastReview: new Date(due.getTime() - 10 * DAY),
          queuedAt: i % 3 === 0 ? null : new Date(due.getTime() - 10 * DAY),
        };
      });
      await db.reviewCard.createMany({ data: batch });
      await db.reviewLog.createMany({ data: batch.map((c) => ({ cardId: c.id, userId: user.id, rating: 1 + (Number(c.id.slice(5)) % 4), ratedBy: "answer", before: "{}", review: c.lastReview })) });
      await db.practiceAnswer.createMany({
        data: batch.map((c, j) => ({ userId: user.id, source: "bank", questionId: c.refId, lesson: c.lesson, domain: c.domain, chosen: '["a"]', correct: j % 3 !== 0, answeredAt: new Date(now.getTime() - ((start + j) % 300) * DAY) })),
      });
    }
    const loadSeconds = (performance.now() - load) / 1000;
    const queue = await getReviewQueue(user.id, now);
    const rows = [
      await time("today's queue (`getReviewQueue`: due cards, new-card limit)", () => getReviewQueue(user.id, now)),
      await time('"N due today" on the dashboard (`countDueToday`)', () => countDueToday(user.id, now)),
      await time("the next 20 cards (`getUpcomingCards`)", () => getUpcomingCards(user.id, now, 20)),
      await time("progress: streak, weekly accuracy, topics (`loadProgress`, 10,000 answers)", () => loadProgress(user.id, now, DOMAIN_IDS)),
    ];
    console.log(`Review queue benchmark: one learner with ${CARDS.toLocaleString("en")} cards, as many review logs and practice answers, on ${postgres ? "PostgreSQL" : "SQLite"}`);
    console.log(`(filled in ${loadSeconds.toFixed(1)} s; today's queue holds ${queue.cards.length} cards, ${queue.heldBack} held back by the new-card limit; ${RUNS} timed runs after one warm-up; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${os.loadavg()[0]?.toFixed(1)})`);
    console.log("");
    console.log("| query | median ms | p95 ms |");
    console.log("|---|---|---|");
    for (const row of rows) console.log(row);
  } finally {
    await db.$disconnect();
    if (postgres) await dropPostgresDatabases([postgresName]);
    else for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(sqliteFile + suffix, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
