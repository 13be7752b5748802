/**
 * Starting and scoring exam attempts with 10,000 attempts already stored: a throw-away database
 * (SQLite, or PostgreSQL with TEST_POSTGRES_URL and --postgres) is migrated and filled with
 * 1,000 learners × 10 finished 20-question attempts (200,000 answers), then for N fresh runs of
 * the full 65-question simulation it times each step through lib/exams as the pages call it:
 * start (draw and insert), saving one answer, submit (finalize and score), the result page's
 * read, and the history list. Prints a Markdown table of the median and p95 per step.
 *   npx tsx scripts/bench-exams.ts [--runs 40] [--postgres]
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createPostgresDatabase, dropPostgresDatabases, migrate, uniqueDatabaseName } from "../tests/setup/test-database";

const { values } = parseArgs({ options: { runs: { type: "string", default: "40" }, users: { type: "string", default: "1000" }, postgres: { type: "boolean", default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 5 || runs > 1000) {
  process.stderr.write("bench-exams: --runs must be a whole number from 5 to 1000\n");
  process.exit(2);
}

const STORED_USERS = Number(values.users);
const ATTEMPTS_PER_USER = 10;
const sqliteFile = path.resolve(`.tmp/bench-exams/${randomUUID()}.db`);
let postgresName: string | null = null;
if (values.postgres) {
  postgresName = uniqueDatabaseName("reachable_bench_exams");
  process.env.DATABASE_URL = await createPostgresDatabase(postgresName);
} else {
  mkdirSync(path.dirname(sqliteFile), { recursive: true });
  process.env.DATABASE_URL = `file:${sqliteFile}`;
}
migrate(process.env.DATABASE_URL);

// As under `next start`: the question bank is read and validated once, then cached.
Object.assign(process.env, { NODE_ENV: "production" });
// Imported after DATABASE_URL is set: lib/db opens the database named then.
const { db } = await import("@/lib/db");
const { getExamResult, listExamAttempts, saveExamAnswer, startExamAttempt, submitExamAttempt, getExamPlayer } = await import("@/lib/exams");
const { loadQuestionBank } = await import("@/lib/questions/bank");

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function seed() {
  const bank = await loadQuestionBank();
  const t0 = performance.now();
  const users = Array.from({ length: STORED_USERS }, (_, i) => ({ id: `bench-user-${i}`, email: `bench-${i}@example.test`, name: `Bench ${i}`, passwordHash: "x" }));
  await db.user.createMany({ data: users });
  const start = new Date("2026-01-01T00:00:00Z");
  for (let u = 0; u < STORED_USERS; u += 100) {
    const attempts = [];
    const answers = [];
    for (let i = u; i < u + 100; i++) {
      for (let a = 0; a < ATTEMPTS_PER_USER; a++) {
        const id = `bench-${i}-${a}`;
        const questions = Array.from({ length: 20 }, (_, q) => bank[(i * 7 + a * 20 + q) % bank.length]?.id ?? "");
        const startedAt = new Date(start.getTime() + (a * STORED_USERS + i) * 60_000);
        attempts.push({ id, userId: `bench-user-${i}`, kind: "ans-c01-short", questionIds: JSON.stringify(questions), seed: a, startedAt, deadline: new Date(startedAt.getTime() + 50 * 60_000), submittedAt: new Date(startedAt.getTime() + 40 * 60_000), status: "submitted", score: 600 + a * 20, result: null, updatedAt: startedAt });
        for (const questionId of questions) answers.push({ attemptId: id, questionId, chosen: "[0]", flagged: false, updatedAt: startedAt });
      }
    }
    await db.examAttempt.createMany({ data: attempts });
    await db.examAnswer.createMany({ data: answers });
    process.stderr.write(`\rseeded ${u + 100} of ${STORED_USERS} learners`);
  }
  return performance.now() - t0;
}

const steps = { start: [] as number[], save: [] as number[], submit: [] as number[], result: [] as number[], history: [] as number[] };
async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const value = await run();
  samples.push(performance.now() - t0);
  return value;
}

try {
  const seedMs = await seed();
  process.stderr.write("\n");
  const storedAttempts = await db.examAttempt.count();
  const storedAnswers = await db.examAnswer.count();
  await loadQuestionBank();
  for (let r = 0; r < runs; r++) {
    const userId = `bench-user-${r % STORED_USERS}`;
    const now = new Date(Date.UTC(2026, 5, 1) + r * 3_600_000);
    const started = await timed(steps.start, () => startExamAttempt(userId, "ans-c01-full", now, { seed: r }));
    if (!started.ok) throw new Error(started.error);
    const player = await getExamPlayer(userId, started.attemptId, now);
    if (player?.status !== "in_progress") throw new Error("the attempt did not start");
    for (const q of player.questions) {
      const saved = await timed(steps.save, () => saveExamAnswer(userId, { attemptId: started.attemptId, questionId: q.id, chosen: [0], flagged: false }, now));
      if (!saved.ok) throw new Error(saved.error);
    }
    const submitted = await timed(steps.submit, () => submitExamAttempt(userId, started.attemptId, now));
    if (!submitted.ok || !submitted.scoredNow) throw new Error("the attempt was not scored");
    await timed(steps.result, () => getExamResult(userId, started.attemptId, now));
    await timed(steps.history, () => listExamAttempts(userId, now));
  }
  const provider = values.postgres ? "PostgreSQL" : "SQLite";
  console.log(`${provider}: ${storedAttempts.toLocaleString("en-US")} stored attempts, ${storedAnswers.toLocaleString("en-US")} answers (seeded in ${(seedMs / 1000).toFixed(1)} s); ${runs} runs of the 65-question simulation; load average ${loadavg()[0]?.toFixed(1)}`);
  console.log("");
  console.log("| step | median ms | p95 ms |");
  console.log("|---|---|---|");
  const names: Record<keyof typeof steps, string> = {
    start: "start (draw 65 questions, insert the attempt)",
    save: "save one answer",
    submit: "submit (finalize and score 65 answers)",
    result: "read the result with every question",
    history: "list the learner's history (11 attempts)",
  };
  for (const [key, samples] of Object.entries(steps) as [keyof typeof steps, number[]][]) {
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`| ${names[key]} | ${quantile(sorted, 0.5).toFixed(2)} | ${quantile(sorted, 0.95).toFixed(2)} |`);
  }
} finally {
  await db.$disconnect();
  if (postgresName) await dropPostgresDatabases([postgresName]);
  else rmSync(path.dirname(sqliteFile), { recursive: true, force: true });
}
