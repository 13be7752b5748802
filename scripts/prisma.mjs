#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6.19 carries a WebAssembly schema engine that it
// uses when prisma.config.ts names a driver adapter, but it still tries to download the
// native engines first unless these variables point at an existing path
// (see docs/decisions/001-prisma-6-sqlite.md).
//
// DATABASE_URL picks the database (SQLite file: or postgresql://), and prisma.config.ts the
// schema and migrations that go with it (docs/decisions/006-postgresql-beside-sqlite.md).
// `generate` without --schema writes both clients, since the app chooses at run time.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/dev/null",
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/dev/null",
  DATABASE_URL: process.env.DATABASE_URL || "file:./prisma/dev.db",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

function prisma(args) {
  return spawnSync(process.execPath, [cli, ...args], { stdio: "inherit", env }).status ?? 1;
}

const args = process.argv.slice(2);
if (args[0] === "generate" && !args.includes("--schema")) {
  const first = prisma([...args, "--schema", "prisma/schema.prisma"]);
  process.exit(first !== 0 ? first : prisma([...args, "--schema", "prisma/postgresql/schema.prisma"]));
}
process.exit(prisma(args));
