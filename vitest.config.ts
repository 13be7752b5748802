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
