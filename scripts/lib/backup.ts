import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { createPrismaClient } from "@/lib/db";
import { databaseTarget, redactUrl, type DatabaseTarget } from "@/lib/db-url";

/**
 * Backups of either database, for `npm run db:backup` and `npm run db:restore`:
 * - SQLite: `VACUUM INTO`, SQLite's way to write a consistent copy of a live database while
 *   the app keeps running (https://sqlite.org/lang_vacuum.html#vacuuminto); restore swaps the
 *   copy in with a rename.
 * - PostgreSQL: `pg_dump --format=custom` (consistent snapshot, online) and `pg_restore`
 *   (https://www.postgresql.org/docs/15/app-pgdump.html), in one transaction.
 * A restore refuses to overwrite a database that holds accounts unless told to (`force`).
 */
const run = promisify(execFile);

export type BackupResult = { file: string; provider: DatabaseTarget["provider"]; bytes: number };

function sqlitePath(url: string): string {
  return path.resolve(url.slice("file:".length));
}

function defaultFile(provider: DatabaseTarget["provider"], now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return path.join("backups", `reachable-${provider}-${stamp}.${provider === "sqlite" ? "db" : "dump"}`);
}

/** Rows per table (Prisma's own bookkeeping table included), to compare a database with its copy. */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const target = databaseTarget(url);
  const client = createPrismaClient(url);
  try {
    const tables =
      target.provider === "sqlite"
        ? await client.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
        : await client.$queryRawUnsafe<Array<{ name: string }>>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await client.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`);
      counts[name] = Number(row?.n ?? 0);
    }
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  } finally {
    await client.$disconnect();
  }
}

async function holdsAccounts(url: string): Promise<boolean> {
  try {
    return ((await rowCounts(url)).User ?? 0) > 0;
  } catch {
    return false; // no such database or no tables yet: nothing to lose
  }
}

export async function backupDatabase(url: string, file: string = defaultFile(databaseTarget(url).provider)): Promise<BackupResult> {
  const target = databaseTarget(url);
  const out = path.resolve(file);
  if (existsSync(out)) throw new Error(`${file} already exists; choose another file name.`);
  mkdirSync(path.dirname(out), { recursive: true });
  if (target.provider === "sqlite") {
    if (!existsSync(sqlitePath(target.url))) throw new Error(`There is no SQLite database at ${sqlitePath(target.url)}.`);
    const client = createPrismaClient(target.url);
    try {
      await client.$executeRawUnsafe(`VACUUM INTO '${out.replace(/'/g, "''")}'`);
    } finally {
      await client.$disconnect();
    }
  } else {
    try {
      await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", out, "--dbname", target.url]);
    } catch (error) {
      rmSync(out, { force: true });
      throw new Error(`pg_dump failed for ${redactUrl(target.url)}: ${commandError(error)}`);
    }
  }
  return { file: out, provider: target.provider, bytes: statSync(out).size };
}

export async function restoreDatabase(url: string, file: string, { force = false } = {}): Promise<void> {
  const target = databaseTarget(url);
  const from = path.resolve(file);
  if (!existsSync(from)) throw new Error(`There is no backup at ${file}.`);
  if (!force && (await holdsAccounts(target.url))) {
    throw new Error(`${redactUrl(target.url)} already holds accounts. Restoring replaces everything in it: stop the app, then run again with --force.`);
  }
  if (target.provider === "sqlite") {
    // Checked before it replaces anything: the copy must be a database this app can read.
    const counts = await rowCounts(`file:${from}`).catch((error: unknown) => {
      throw new Error(`${file} is not a readable SQLite backup (${error instanceof Error ? error.message : String(error)}).`);
    });
    if (!("User" in counts)) throw new Error(`${file} is a SQLite database but not a Reachable backup (it has no User table).`);
    const dest = sqlitePath(target.url);
    mkdirSync(path.dirname(dest), { recursive: true });
    const staging = `${dest}.restoring`;
    copyFileSync(from, staging);
    for (const suffix of ["-journal", "-wal", "-shm"]) rmSync(dest + suffix, { force: true });
    renameSync(staging, dest);
    return;
  }
  try {
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", target.url, from]);
  } catch (error) {
    throw new Error(`pg_restore into ${redactUrl(target.url)} failed, and changed nothing (it runs in one transaction): ${commandError(error)}`);
  }
}

function commandError(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT") return "the PostgreSQL client tools are not installed (Debian: apt-get install postgresql-client)";
  const stderr = typeof error === "object" && error !== null && "stderr" in error ? String(error.stderr).trim() : "";
  return stderr || (error instanceof Error ? error.message : String(error));
}
