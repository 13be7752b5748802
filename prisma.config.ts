import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseTarget } from "./lib/db-url";

// DATABASE_URL picks the database, and with it the schema and migrations folder: the SQLite
// schema is the source of truth, the PostgreSQL one is generated from it
// (scripts/prisma-schemas.mjs, docs/decisions/006-postgresql-beside-sqlite.md).
const target = databaseTarget();
const postgres = target.provider === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  // PRISMA_MIGRATIONS_DIR: only for the test that migrates an older database forward (tests/integration/migrations.test.ts).
  migrations: { path: process.env.PRISMA_MIGRATIONS_DIR || (postgres ? "prisma/postgresql/migrations" : "prisma/migrations") },
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: target.url }) : new PrismaBetterSQLite3({ url: target.url });
  },
});
