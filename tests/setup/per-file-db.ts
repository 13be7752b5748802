import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createPostgresDatabase } from "./test-database";

// Runs before each test file imports lib/db, so the module singleton opens this file's own database.
const postgres = inject("postgresBase");
if (postgres) {
  process.env.DATABASE_URL = await createPostgresDatabase(`${postgres.prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`, postgres.template);
} else {
  const base = path.resolve(".tmp/test-db/base.db");
  const copy = path.resolve(`.tmp/test-db/${randomUUID()}.db`);
  copyFileSync(base, copy);
  process.env.DATABASE_URL = `file:${copy}`;
}
