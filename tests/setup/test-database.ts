import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";

/**
 * Throw-away databases for tests that touch the database, on either provider:
 * - SQLite (default): one migrated base file, copied per test file.
 * - PostgreSQL (TEST_POSTGRES_URL=postgresql://user:pass@host/db): one migrated base database,
 *   and per test file `CREATE DATABASE … TEMPLATE base` (PostgreSQL's copy of a database).
 * The role in TEST_POSTGRES_URL needs CREATEDB; the database it names is only used to connect.
 */
export type TestDatabaseProvider = "sqlite" | "postgresql";

export function testDatabaseProvider(): TestDatabaseProvider {
  return process.env.TEST_POSTGRES_URL ? "postgresql" : "sqlite";
}

export function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error("TEST_POSTGRES_URL must be a postgresql:// URL of a role that may create databases");
  return url;
}

/** The same server and credentials, another database. */
export function postgresUrlFor(database: string, adminUrl: string = postgresAdminUrl()): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withPostgresAdmin<T>(run: (client: pg.Client) => Promise<T>, adminUrl: string = postgresAdminUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Database names are made here from a fixed prefix and hex, so quoting them is safe. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
}

/** Applies the committed migrations of the provider that `url` selects. */
export function migrate(url: string): void {
  execFileSync(process.execPath, [path.resolve("scripts/prisma.mjs"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

export async function createPostgresDatabase(name: string, template?: string): Promise<string> {
  await withPostgresAdmin((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  return postgresUrlFor(name);
}

export async function dropPostgresDatabases(names: string[]): Promise<void> {
  if (names.length === 0) return;
  await withPostgresAdmin(async (c) => {
    for (const name of names) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export async function listPostgresDatabases(prefix: string): Promise<string[]> {
  return withPostgresAdmin(async (c) => {
    const rows = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    return rows.rows.map((r) => r.datname);
  });
}
