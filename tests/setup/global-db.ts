import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const BASE_DB = path.resolve(".tmp/test-db/base.db");

/** Migrates one base database with the committed migrations; each test file gets a copy of it. */
export default function setup() {
  mkdirSync(path.dirname(BASE_DB), { recursive: true });
  rmSync(BASE_DB, { force: true });
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}` },
    stdio: "pipe",
  });
  return () => rmSync(path.dirname(BASE_DB), { recursive: true, force: true });
}
