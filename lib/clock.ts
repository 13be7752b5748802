import { readFileSync } from "node:fs";
import { z } from "zod";

const offsetsSchema = z.record(z.string(), z.number().finite());

/**
 * The time a learner's review schedule runs on: the real clock, except in the end-to-end tests.
 * When E2E_CLOCK_FILE names a JSON file of `{ "<email>": offsetMs }` (only playwright.config.ts
 * sets it), that one learner's clock runs ahead by the offset, so a Playwright test can open
 * tomorrow's review queue without waiting a day; every other account, and every other test
 * running at the same time, keeps the real time. Without the variable the file is never read.
 */
export function learnerNow(email: string | null | undefined): Date {
  const real = Date.now();
  const file = process.env.E2E_CLOCK_FILE;
  if (!file || !email) return new Date(real);
  try {
    const offsets = offsetsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return new Date(real + (offsets.success ? (offsets.data[email] ?? 0) : 0));
  } catch {
    // no file yet: nobody's clock is moved
    return new Date(real);
  }
}
