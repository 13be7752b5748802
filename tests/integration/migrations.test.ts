import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { createPostgresDatabase, migrate, testDatabaseProvider, uniqueDatabaseName } from "../setup/test-database";

/**
 * The committed migrations of the database under test (SQLite, or PostgreSQL with
 * TEST_POSTGRES_URL) must build exactly the schema the models describe, and must carry an
 * older database's data forward.
 */
const provider = testDatabaseProvider();
const postgres = provider === "postgresql";
const SCHEMA = postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma";
const MIGRATIONS = postgres ? "prisma/postgresql/migrations" : "prisma/migrations";
/** The last migration of the release before PostgreSQL support (issue 15): the "previous version" whose data must survive. */
const PREVIOUS_RELEASE_LAST_MIGRATION = postgres ? "20261125020000_init" : "20261125020000_labs";

mkdirSync(".tmp", { recursive: true });
const scratch = mkdtempSync(path.resolve(".tmp/migrations-test-"));
const clients: Array<{ $disconnect(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  rmSync(scratch, { recursive: true, force: true });
});

async function freshDatabase(label: string): Promise<string> {
  if (postgres) return createPostgresDatabase(uniqueDatabaseName(`reachable_test_${label}`));
  return `file:${path.join(scratch, `${label}-${Math.random().toString(36).slice(2)}.db`)}`;
}

function client(url: string) {
  const c = createPrismaClient(url);
  clients.push(c);
  return c;
}

function prisma(args: string[], url: string, extraEnv: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ["scripts/prisma.mjs", ...args], { env: { ...process.env, DATABASE_URL: url, ...extraEnv }, encoding: "utf8", stdio: "pipe" });
}

type Catalog = { columns: string[]; indexes: string[]; constraints: string[] };

type RawClient = ReturnType<typeof createPrismaClient>;

/** SQLite's PRAGMAs answer with BigInts: read as plain numbers so they compare and print. */
async function rows(c: RawClient, sql: string): Promise<Array<Record<string, unknown>>> {
  const result = await c.$queryRawUnsafe<Array<Record<string, unknown>>>(sql);
  return result.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

/** The tables, columns, indexes and keys of a database, in a form that does not depend on the order things were created in. */
async function catalog(c: RawClient): Promise<Catalog> {
  if (postgres) {
    const columns = await rows(
      c,
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
    );
    const indexes = await rows(c, `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`);
    const constraints = await rows(
      c,
      `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text NOT LIKE '%_prisma_migrations%'`,
    );
    return {
      columns: columns.map((r) => JSON.stringify([r.table_name, r.column_name, r.data_type, r.is_nullable, r.column_default])).sort(),
      indexes: indexes.map((r) => String(r.indexdef)).sort(),
      constraints: constraints.map((r) => `${String(r.t)} ${String(r.conname)} ${String(r.def)}`).sort(),
    };
  }
  const tables = (await rows(c, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)).map((r) => String(r.name));
  const result: Catalog = { columns: [], indexes: [], constraints: [] };
  for (const t of tables) {
    for (const col of await rows(c, `PRAGMA table_info("${t}")`)) result.columns.push(JSON.stringify([t, col.name, col.type, col.notnull, col.dflt_value, col.pk]));
    for (const idx of await rows(c, `PRAGMA index_list("${t}")`)) {
      const cols = (await rows(c, `PRAGMA index_info("${String(idx.name)}")`)).map((i) => String(i.name));
      result.indexes.push(JSON.stringify([t, idx.name, idx.unique, cols]));
    }
    for (const fk of await rows(c, `PRAGMA foreign_key_list("${t}")`)) result.constraints.push(JSON.stringify([t, fk.table, fk.from, fk.to, fk.on_update, fk.on_delete]));
  }
  for (const list of Object.values(result)) list.sort();
  return result;
}

describe(`migrations on ${provider}`, () => {
  it("build exactly the schema the models describe", { timeout: 180_000 }, async () => {
    const migrated = await freshDatabase("migrated");
    migrate(migrated);
    const fromModels = await freshDatabase("models");
    const script = prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", SCHEMA, "--script"], fromModels);
    const modelsClient = client(fromModels);
    for (const statement of script.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean)) {
      await modelsClient.$executeRawUnsafe(statement);
    }
    const [actual, expected] = await Promise.all([catalog(client(migrated)), catalog(modelsClient)]);
    expect(actual, "the migrations and the models disagree: write a migration with `npm run db:migration -- <name>`").toEqual(expected);
  });

  it("carry a database of the previous release forward with its data", { timeout: 180_000 }, async () => {
    const url = await freshDatabase("previous");
    const previous = path.join(scratch, "previous-migrations");
    mkdirSync(previous, { recursive: true });
    cpSync(path.join(MIGRATIONS, "migration_lock.toml"), path.join(previous, "migration_lock.toml"));
    for (const name of readdirSync(MIGRATIONS).filter((n) => /^\d{14}_/.test(n) && n <= PREVIOUS_RELEASE_LAST_MIGRATION)) {
      cpSync(path.join(MIGRATIONS, name), path.join(previous, name), { recursive: true });
    }
    prisma(["migrate", "deploy"], url, { PRISMA_MIGRATIONS_DIR: previous });

    // Data as the previous release wrote it, with the SQL of that release's tables.
    const old = client(url);
    const at = postgres ? "TIMESTAMP '2026-11-20 10:00:00'" : "1795168800000";
    await old.$executeRawUnsafe(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "createdAt", "updatedAt") VALUES ('u1', 'old@example.test', 'Old Learner', '$2b$12$abcdefghijklmnopqrstuu0123456789012345678901234567890', 'learner', ${at}, ${at})`);
    await old.$executeRawUnsafe(`INSERT INTO "LessonProgress" ("id", "userId", "lessonSlug", "startedAt", "completedAt", "quizScore", "quizTotal") VALUES ('p1', 'u1', 'route-tables', ${at}, ${at}, 3, 4)`);
    await old.$executeRawUnsafe(`INSERT INTO "QuizAnswer" ("id", "userId", "lessonSlug", "questionId", "optionIndex", "correct", "answeredAt") VALUES ('q1', 'u1', 'route-tables', 'longest-prefix', 2, ${postgres ? "true" : "1"}, ${at})`);
    await old.$executeRawUnsafe(`INSERT INTO "LabAttempt" ("id", "userId", "labSlug", "topology", "score", "maxScore", "percent", "results", "createdAt") VALUES ('a1', 'u1', 'three-tier-vpc-with-nat', '{"vpcs":[]}', 3, 4, 75, '[]', ${at})`);
    await old.$executeRawUnsafe(`INSERT INTO "LabDraft" ("id", "userId", "labSlug", "topology", "updatedAt") VALUES ('d1', 'u1', 'three-tier-vpc-with-nat', '{"vpcs":[{"vpcId":"vpc-1"}]}', ${at})`);
    await old.$disconnect();

    migrate(url);
    const now = client(url);
    const user = await now.user.findUniqueOrThrow({ where: { id: "u1" }, include: { lessonProgress: true, quizAnswers: true, labAttempts: true, labDrafts: true } });
    expect(user).toMatchObject({ email: "old@example.test", name: "Old Learner", role: "learner" });
    expect(user.createdAt.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(user.lessonProgress).toMatchObject([{ lessonSlug: "route-tables", quizScore: 3, quizTotal: 4 }]);
    expect(user.quizAnswers).toMatchObject([{ questionId: "longest-prefix", optionIndex: 2, correct: true }]);
    expect(user.labAttempts).toMatchObject([{ labSlug: "three-tier-vpc-with-nat", percent: 75, topology: '{"vpcs":[]}' }]);
    expect(user.labDrafts).toMatchObject([{ topology: '{"vpcs":[{"vpcId":"vpc-1"}]}' }]);
  });
});
