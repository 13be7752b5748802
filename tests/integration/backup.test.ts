import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import { createPrismaClient, db } from "@/lib/db";
import { saveLabAttempt, saveLabDraft } from "@/lib/labs-store";
import { createPostgresDatabase, testDatabaseProvider, uniqueDatabaseName } from "../setup/test-database";
import { newUserInput } from "../factories";

/** `npm run db:backup` then `npm run db:restore` into an empty database gives back the same rows. */
const postgres = testDatabaseProvider() === "postgresql";
mkdirSync(".tmp", { recursive: true });
const scratch = mkdtempSync(path.resolve(".tmp/backup-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function npm(script: "db:backup" | "db:restore", args: string[], databaseUrl: string): { code: number; out: string } {
  try {
    const out = execFileSync("npm", ["run", "--silent", script, "--", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", stdio: "pipe" });
    return { code: 0, out };
  } catch (error) {
    const e = error as { status?: number; stderr?: string; stdout?: string };
    return { code: e.status ?? 1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

async function emptyDatabase(): Promise<string> {
  return postgres ? createPostgresDatabase(uniqueDatabaseName("reachable_test_restore")) : `file:${path.join(scratch, `restored-${Math.random().toString(36).slice(2)}.db`)}`;
}

describe(`backup and restore on ${postgres ? "PostgreSQL" : "SQLite"}`, () => {
  it("round-trips every table's rows and their content", { timeout: 180_000 }, async () => {
    const source = process.env.DATABASE_URL ?? "";
    const users = await Promise.all([0, 1, 2].map(() => upsertUser({ ...newUserInput(), role: "learner" })));
    for (const [i, user] of users.entries()) {
      await saveLabAttempt(user.id, "three-tier-vpc-with-nat", `{"vpcs":[{"vpcId":"vpc-${i}"}]}`, { score: i, maxScore: 4, percent: 25 * i, checks: [] }, `backup-key-${i}`);
      await saveLabDraft(user.id, "three-tier-vpc-with-nat", `{"draft":${i}}`);
      await db.lessonProgress.create({ data: { userId: user.id, lessonSlug: "subnets", quizScore: i, quizTotal: 3, completedAt: new Date(Date.UTC(2026, 10, i + 1)) } });
    }
    const file = path.join(scratch, `backup.${postgres ? "dump" : "db"}`);
    const backup = npm("db:backup", ["--out", file], source);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/Backed up/);

    const target = await emptyDatabase();
    const restored = npm("db:restore", [file], target);
    expect(restored.code, restored.out).toBe(0);

    const { rowCounts } = await import("@/scripts/lib/backup");
    const [before, after] = await Promise.all([rowCounts(source), rowCounts(target)]);
    expect(after).toEqual(before);
    expect(after.User).toBeGreaterThanOrEqual(3);

    const copy = createPrismaClient(target);
    try {
      const sample = (c: typeof db) =>
        c.user.findMany({
          where: { id: { in: users.map((u) => u.id) } },
          orderBy: { email: "asc" },
          include: { labAttempts: true, labDrafts: true, lessonProgress: true },
        });
      expect(await sample(copy)).toEqual(await sample(db));
    } finally {
      await copy.$disconnect();
    }

    // A database that already holds accounts is not overwritten by accident.
    const refused = npm("db:restore", [file], target);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/already holds accounts.*--force/);
    expect(npm("db:restore", [file, "--force"], target).code).toBe(0);
  });

  it("says clearly when the backup file is missing or the target file exists", { timeout: 180_000 }, async () => {
    const missing = npm("db:restore", [path.join(scratch, "nope.db")], await emptyDatabase());
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.out).toMatch(/There is no backup at/);
    const file = path.join(scratch, `twice.${postgres ? "dump" : "db"}`);
    expect(npm("db:backup", ["--out", file], process.env.DATABASE_URL ?? "").code).toBe(0);
    const again = npm("db:backup", ["--out", file], process.env.DATABASE_URL ?? "");
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already exists/);
  });
});
