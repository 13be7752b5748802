import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two `next start` processes on one PostgreSQL (needs `next build` and TEST_POSTGRES_URL);
// scripts/test-all.sh runs it after the build. Not part of the default `vitest run`.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    name: "multi-process",
    environment: "node",
    include: ["tests/multi-process/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
