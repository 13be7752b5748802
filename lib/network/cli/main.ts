import { run } from "./run";

/** Entry point of `npm run reachability` (see run.ts for what it does). */
process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
