import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

// Runs before each test file imports lib/db, so the module singleton opens this file's own copy.
const base = path.resolve(".tmp/test-db/base.db");
const copy = path.resolve(`.tmp/test-db/${randomUUID()}.db`);
copyFileSync(base, copy);
process.env.DATABASE_URL = `file:${copy}`;
