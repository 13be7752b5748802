#!/usr/bin/env node
// One source of truth for the models: prisma/schema.prisma (SQLite). Prisma needs a literal
// provider per schema, so the PostgreSQL schema is generated from it, never edited by hand
// (docs/decisions/006-postgresql-beside-sqlite.md).
//
//   node scripts/prisma-schemas.mjs write            regenerate prisma/postgresql/schema.prisma
//   node scripts/prisma-schemas.mjs check            exit 1 if it is out of date
//   node scripts/prisma-schemas.mjs migration NAME   write a migration for both databases from the
//                                                    models' change since the last migration, then regenerate
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma/postgresql/schema.prisma");
export const SQLITE_MIGRATIONS = path.join(root, "prisma/migrations");
export const POSTGRES_MIGRATIONS = path.join(root, "prisma/postgresql/migrations");

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs: do not edit by hand.\n// Edit the SQLite schema, then run `npm run db:migration -- <name>`.\n\n";

/** The PostgreSQL schema for a SQLite schema: the same models, another provider and client folder. */
export function postgresSchemaFrom(sqlite) {
  const datasource = /datasource\s+db\s*\{[^}]*\}/;
  const block = datasource.exec(sqlite)?.[0];
  if (!block || !/provider\s*=\s*"sqlite"/.test(block)) throw new Error('prisma/schema.prisma must have a datasource db block with provider = "sqlite"');
  const output = /(output\s*=\s*)"\.\.\/generated\/prisma"/;
  if (!output.test(sqlite)) throw new Error('prisma/schema.prisma\'s generator must write to output = "../generated/prisma"');
  return (
    HEADER +
    sqlite
      .replace(output, '$1"../../generated/prisma-postgresql"')
      .replace(datasource, block.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'))
  );
}

/** The SQLite schema a generated PostgreSQL schema came from (to diff against the last migrated models). */
export function sqliteSchemaFrom(postgres) {
  return postgres
    .replace(HEADER, "")
    .replace(/(output\s*=\s*)"\.\.\/\.\.\/generated\/prisma-postgresql"/, '$1"../generated/prisma"')
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "sqlite"');
}

function prisma(args, databaseUrl) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${result.stderr || result.stdout}`);
  return result.stdout;
}

/** SQL that turns the `from` models into the `to` models, for one provider (no database needed). */
export function diffScript(fromSchema, toSchema, provider) {
  const dir = mkdtempSync(path.join(tmpdir(), "prisma-diff-"));
  try {
    const from = path.join(dir, "from.prisma");
    const to = path.join(dir, "to.prisma");
    writeFileSync(from, fromSchema);
    writeFileSync(to, toSchema);
    // Prisma's offline (WebAssembly) engine connects even to diff two schema files: PostgreSQL
    // diffs need a server, whose data is not read or changed.
    const url = provider === "postgresql" ? postgresUrlForDiffs() : `file:${path.join(dir, "diff.db")}`;
    return prisma(["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], url);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function postgresUrlForDiffs() {
  const url = process.env.TEST_POSTGRES_URL || process.env.POSTGRES_URL;
  if (!url) throw new Error("Writing a PostgreSQL migration needs a PostgreSQL server to diff against (Prisma's offline engine connects to compare two schema files): set TEST_POSTGRES_URL=postgresql://user:password@host/db (see the README).");
  return url;
}

function timestamp(now = new Date()) {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(argv) {
  const [command, name] = argv;
  const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
  const expected = postgresSchemaFrom(sqlite);
  switch (command) {
    case "write":
      mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
      writeFileSync(POSTGRES_SCHEMA, expected);
      return 0;
    case "check": {
      let current = "";
      try {
        current = readFileSync(POSTGRES_SCHEMA, "utf8");
      } catch {
        // missing: reported below
      }
      if (current === expected) return 0;
      console.error("prisma/postgresql/schema.prisma is out of date with prisma/schema.prisma: run `npm run db:migration -- <name>` (or `node scripts/prisma-schemas.mjs write` when no model changed).");
      return 1;
    }
    case "migration": {
      if (!name || !/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(name)) {
        console.error("Usage: npm run db:migration -- <name>   (snake_case, e.g. exam_attempts)");
        return 2;
      }
      // The checked-in PostgreSQL schema is the models as of the last migration.
      const previousPostgres = readFileSync(POSTGRES_SCHEMA, "utf8");
      const previousSqlite = sqliteSchemaFrom(previousPostgres);
      const folder = `${timestamp()}_${name}`;
      let wrote = 0;
      for (const [provider, from, to, dir] of [
        ["sqlite", previousSqlite, sqlite, SQLITE_MIGRATIONS],
        ["postgresql", previousPostgres, expected, POSTGRES_MIGRATIONS],
      ]) {
        const sql = diffScript(from, to, provider);
        if (/^\s*(--[^\n]*\n\s*)*--\s*This is an empty migration\.?\s*$/.test(sql) || sql.trim() === "") continue;
        mkdirSync(path.join(dir, folder), { recursive: true });
        writeFileSync(path.join(dir, folder, "migration.sql"), sql);
        wrote += 1;
        console.log(`wrote ${path.relative(root, path.join(dir, folder, "migration.sql"))}`);
      }
      writeFileSync(POSTGRES_SCHEMA, expected);
      if (wrote === 0) console.log("The models did not change since the last migration: nothing to write.");
      return 0;
    }
    default:
      console.error("Usage: node scripts/prisma-schemas.mjs write | check | migration <name>");
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
