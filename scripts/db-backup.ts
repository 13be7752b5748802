/**
 * npm run db:backup  [-- --out FILE]           a consistent copy of the database DATABASE_URL names, app running or not
 * npm run db:restore -- FILE [--force]         replace that database with a backup (stop the app first)
 * Works on SQLite and PostgreSQL (scripts/lib/backup.ts says how).
 */
import { parseArgs } from "node:util";
import { databaseTarget, redactUrl } from "@/lib/db-url";
import { backupDatabase, restoreDatabase, rowCounts } from "./lib/backup";

const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<number> {
  const target = databaseTarget();
  if (command === "backup") {
    const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
    const result = await backupDatabase(target.url, values.out);
    console.log(`Backed up ${redactUrl(target.url)} (${target.provider}) to ${result.file} (${Math.ceil(result.bytes / 1024)} kB).`);
    return 0;
  }
  if (command === "restore") {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { force: { type: "boolean", default: false } } });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      console.error("Usage: npm run db:restore -- <backup file> [--force]");
      return 2;
    }
    await restoreDatabase(target.url, file, { force: values.force });
    const counts = await rowCounts(target.url);
    console.log(`Restored ${file} into ${redactUrl(target.url)}: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}.`);
    return 0;
  }
  console.error("Usage: tsx scripts/db-backup.ts backup [--out FILE] | restore FILE [--force]");
  return 2;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
