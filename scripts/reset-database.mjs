#!/usr/bin/env node
/* global URL */
// Empties the database DATABASE_URL names and applies the migrations: the fresh start the
// Playwright runs use, on SQLite (the file is removed) or PostgreSQL (the database is dropped
// and created again; the role needs CREATEDB). Never point it at a database you want to keep.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("reset-database: set DATABASE_URL to the throw-away database to reset.");
  process.exit(2);
}

if (url.startsWith("file:")) {
  const file = path.resolve(url.slice("file:".length));
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
} else if (/^postgres(ql)?:\/\//.test(url)) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    console.error(`reset-database: the database name "${name}" must be letters, digits and underscores.`);
    process.exit(2);
  }
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
} else {
  console.error('reset-database: DATABASE_URL must be a "file:" or "postgresql://" URL.');
  process.exit(2);
}

const migrate = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { stdio: "inherit", env: process.env });
process.exit(migrate.status ?? 1);
