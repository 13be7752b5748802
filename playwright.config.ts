import { defineConfig, devices } from "@playwright/test";
import { E2E_CLOCK_FILE } from "./e2e/clock";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// SQLite by default; E2E_DATABASE_URL=postgresql://… runs the same suite on PostgreSQL (scripts/test-all.sh does both).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./.tmp/e2e.db";
const baseURL = `http://localhost:${PORT}`;


// Debian's Chromium, never a downloaded browser (see ../shared/notes/offline-stack.md and the README).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    // A fresh database per run, migrated and seeded exactly as `npm start` does it.
    command: `node scripts/reset-database.mjs && tsx prisma/seed.ts && next start -p ${PORT}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-only-secret-not-used-anywhere-else-0123456789",
      // Lets a review test open a learner's next-day queue (lib/clock.ts); per learner, so other tests keep real time.
      E2E_CLOCK_FILE,
    },
  },
});
