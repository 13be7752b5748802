#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6.19 carries a WebAssembly schema engine that it
// uses when prisma.config.ts names a driver adapter, but it still tries to download the
// native engines first unless these variables point at an existing path
// (see docs/decisions/001-prisma-6-sqlite.md).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/dev/null",
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/dev/null",
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./prisma/dev.db",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
