import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The per-learner clock offsets the app reads when E2E_CLOCK_FILE is set (lib/clock.ts). */
export const E2E_CLOCK_FILE = path.resolve(".tmp/e2e-clock.json");

/** Moves one learner's clock `offsetMs` ahead of real time on the server; nobody else's. */
export function moveClock(email: string, offsetMs: number): void {
  let offsets: Record<string, number> = {};
  try {
    offsets = JSON.parse(readFileSync(E2E_CLOCK_FILE, "utf8")) as Record<string, number>;
  } catch {
    // first move of this run
  }
  offsets[email] = offsetMs;
  mkdirSync(path.dirname(E2E_CLOCK_FILE), { recursive: true });
  writeFileSync(E2E_CLOCK_FILE, JSON.stringify(offsets));
}
