import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPostgresDatabase, dropPostgresDatabases, listPostgresDatabases, migrate, testDatabaseProvider, uniqueDatabaseName } from "./test-database";

export const BASE_DB = path.resolve(".tmp/test-db/base.db");

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL runs: the migrated base database each test file copies, and the prefix of every database of this run. */
    postgresBase: { template: string; prefix: string } | null;
  }
}

/** Migrates one base database with the committed migrations; each test file gets a copy of it (per-file-db.ts). */
export default async function setup(project: TestProject) {
  if (testDatabaseProvider() === "postgresql") {
    const prefix = uniqueDatabaseName("reachable_test");
    const template = `${prefix}_base`;
    const url = await createPostgresDatabase(template);
    migrate(url);
    project.provide("postgresBase", { template, prefix });
    return async () => dropPostgresDatabases(await listPostgresDatabases(prefix));
  }
  project.provide("postgresBase", null);
  mkdirSync(path.dirname(BASE_DB), { recursive: true });
  rmSync(BASE_DB, { force: true });
  migrate(`file:${BASE_DB}`);
  return () => rmSync(path.dirname(BASE_DB), { recursive: true, force: true });
}
