import { run } from "./run";

/** Entry point of `npm run questions` (see run.ts). */
run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`questions: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
