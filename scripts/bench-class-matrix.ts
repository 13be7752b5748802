/**
 * The progress matrix of a large class: 500 learners × 40 assignments (20 lessons, 20 labs) on a
 * throw-away SQLite database, with about 7,500 lesson rows and 10,000 lab attempts. Reports the
 * queries one matrix takes (they must not grow with the class) and the server time to load and
 * compute it, then sort, filter and write the gradebook CSV: median and p95 of 20 runs after 3
 * warm-up runs.
 *
 *   npm run --silent bench:class-matrix [-- --learners 500 --assignments 40] [--page]
 *
 * With --page (after `npx next build`) it also serves the app on that database with `next start`
 * and times the class page as the instructor receives it (the whole matrix computed, its first
 * 25 rows, the roster's first 25, assignments: server-rendered HTML), 10 requests after 3 warm-up ones.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "@/tests/setup/test-database";

const { values } = parseArgs({ options: { learners: { type: "string", default: "500" }, assignments: { type: "string", default: "40" }, runs: { type: "string", default: "20" }, page: { type: "boolean", default: false } } });
const LEARNERS = Number(values.learners);
const ASSIGNMENTS = Number(values.assignments);
const RUNS = Number(values.runs);

const dir = path.resolve(".tmp/bench-class-matrix");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const url = `file:${path.join(dir, "bench.db")}`;
migrate(url);
process.env.DATABASE_URL = url;

// Imported after DATABASE_URL is set: lib/db opens the database named there.
const { db } = await import("@/lib/db");
const { countingClient } = await import("@/lib/db-query-counter");
const { filterRows, gradebookCsv, loadClassMatrix, sortRows } = await import("@/lib/classes");

const DAY = 86_400_000;
const now = new Date();
const lessons = Array.from({ length: Math.ceil(ASSIGNMENTS / 2) }, (_, i) => ({ slug: `bench-lesson-${i}`, title: `Bench lesson ${i}` }));
const labs = Array.from({ length: Math.floor(ASSIGNMENTS / 2) }, (_, i) => ({ slug: `bench-lab-${i}`, title: `Bench lab ${i}` }));
const catalog = { lessons, labs, exams: [] };

const classId = "bench-class";
await db.classRoom.create({ data: { id: classId, name: "Bench class", joinCode: "BENCHCODE234" } });
await db.classAssignment.createMany({
  data: [
    ...lessons.map((l, i) => ({ classId, kind: "lesson", ref: l.slug, dueAt: new Date(now.getTime() + (i - lessons.length / 2) * DAY), minScore: null })),
    ...labs.map((l, i) => ({ classId, kind: "lab", ref: l.slug, dueAt: new Date(now.getTime() + (i - labs.length / 2) * DAY), minScore: 80 })),
  ],
});
const users = Array.from({ length: LEARNERS }, (_, i) => ({ id: `bench-user-${i}`, email: `bench-${i}@example.test`, name: `Bench Learner ${i}`, passwordHash: "x", lastActiveAt: new Date(now.getTime() - (i % 10) * DAY) }));
await db.user.createMany({ data: users });
await db.classMember.createMany({ data: users.map((u) => ({ classId, userId: u.id })) });
// Some noise outside the class: another class's learners with work on the same lessons and labs.
const others = Array.from({ length: 200 }, (_, i) => ({ id: `other-user-${i}`, email: `other-${i}@example.test`, name: `Other ${i}`, passwordHash: "x" }));
await db.user.createMany({ data: others });

const lessonRows = [];
const attemptRows = [];
for (const [u, user] of [...users, ...others].entries()) {
  const progress = (u * 7) % lessons.length;
  for (let l = 0; l < progress; l += 1) {
    const startedAt = new Date(now.getTime() - (lessons.length - l) * DAY);
    lessonRows.push({ userId: user.id, lessonSlug: lessons[l]!.slug, startedAt, completedAt: l % 4 === 3 ? null : new Date(startedAt.getTime() + 3_600_000), quizScore: (u + l) % 5, quizTotal: 4 });
  }
  const labsTried = (u * 3) % (labs.length / 2 + 1);
  for (let l = 0; l < labsTried; l += 1) {
    for (let a = 0; a < 2; a += 1) {
      attemptRows.push({ id: randomUUID(), userId: user.id, labSlug: labs[l]!.slug, topology: "{}", score: 5 + a * 4, maxScore: 10, percent: 50 + a * 40, results: "[]", createdAt: new Date(now.getTime() - (labs.length - l - a) * DAY) });
    }
  }
}
for (let i = 0; i < lessonRows.length; i += 2000) await db.lessonProgress.createMany({ data: lessonRows.slice(i, i + 2000) });
for (let i = 0; i < attemptRows.length; i += 2000) await db.labAttempt.createMany({ data: attemptRows.slice(i, i + 2000) });

const counter = countingClient(db);
async function once() {
  const start = performance.now();
  const matrix = await loadClassMatrix(classId, catalog, now, counter.client);
  const loaded = performance.now();
  sortRows(filterRows(matrix.rows, { status: "overdue" }), "total", "desc");
  const csv = gradebookCsv(matrix);
  return { load: loaded - start, total: performance.now() - start, rows: matrix.rows.length, cells: matrix.rows.length * matrix.assignments.length, csvBytes: csv.length };
}

for (let i = 0; i < 3; i += 1) await once();
counter.reset();
const samples = [];
for (let i = 0; i < RUNS; i += 1) samples.push(await once());
const queriesPerMatrix = counter.count() / RUNS;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const load = samples.map((s) => s.load);
const total = samples.map((s) => s.total);
const first = samples[0]!;
console.log(`class: ${first.rows} learners × ${ASSIGNMENTS} assignments = ${first.cells} cells; ${lessonRows.length} lesson rows and ${attemptRows.length} lab attempts in the database`);
console.log(`queries per matrix: ${queriesPerMatrix}`);
console.log(`load + compute: median ${pct(load, 50).toFixed(1)} ms, p95 ${pct(load, 95).toFixed(1)} ms`);
console.log(`load + compute + filter + sort + gradebook CSV (${Math.round(first.csvBytes / 1024)} kB): median ${pct(total, 50).toFixed(1)} ms, p95 ${pct(total, 95).toFixed(1)} ms`);

if (values.page) {
  const { encode } = await import("next-auth/jwt");
  const { freePort, startAppServer, TEST_SECRET } = await import("./lib/app-server");
  const instructor = { id: "bench-instructor", email: "bench-instructor@example.test", name: "Bench Instructor" };
  await db.user.create({ data: { ...instructor, passwordHash: "x", role: "instructor" } });
  await db.classInstructor.create({ data: { classId, userId: instructor.id } });
  const cookie = `next-auth.session-token=${await encode({ token: { sub: instructor.id, name: instructor.name, email: instructor.email, role: "instructor" }, secret: TEST_SECRET })}`;
  const server = await startAppServer(await freePort(), { DATABASE_URL: url });
  try {
    const get = async () => {
      const start = performance.now();
      const response = await fetch(`${server.base}/classes/${classId}`, { headers: { cookie } });
      const html = await response.text();
      // The matrix and the roster show 25 learners a page; the counts cover the whole class.
      if (response.status !== 200 || !html.includes(`of ${LEARNERS}`)) throw new Error(`The class page answered ${response.status} without the class's ${LEARNERS} learners counted`);
      return { ms: performance.now() - start, bytes: html.length };
    };
    for (let i = 0; i < 3; i += 1) await get();
    if (process.env.BENCH_SAVE_HTML) (await import("node:fs")).writeFileSync(process.env.BENCH_SAVE_HTML, await (await fetch(`${server.base}/classes/${classId}`, { headers: { cookie } })).text());
    const pages = [];
    for (let i = 0; i < 10; i += 1) pages.push(await get());
    const ms = pages.map((p) => p.ms);
    console.log(`class page over HTTP (next start, the instructor's page, ${Math.round(pages[0]!.bytes / 1024)} kB of HTML): median ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms`);
  } finally {
    await server.stop();
  }
}

await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
