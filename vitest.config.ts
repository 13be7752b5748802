import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "content/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/labs/**/*.test.ts"],
        },
      },
      {
        // Every builder-built scenario again, its topology exported as AWS describe-* JSON and read
        // back by the snapshot reader (lib/network/testing/to-aws-snapshot.ts, builder.ts).
        extends: true,
        test: {
          name: "scenarios-as-snapshots",
          include: ["lib/network/scenarios/**/*.test.ts", "lib/network/forwarding/**/*.test.ts", "lib/network/filters/**/*.test.ts", "lib/network/questions/questions.test.ts"],
          env: { REACHABLE_SCENARIOS_VIA_SNAPSHOT: "1" },
        },
      },
      {
        // Real SQLite databases: migrated once, copied per test file (tests/setup/).
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/per-file-db.ts"],
        },
      },
    ],
  },
});
