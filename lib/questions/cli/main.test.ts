import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The real process, as `npm run --silent questions -- …` starts it (tsx lib/questions/cli/main.ts):
 * exit statuses and streams. Kept to a few spawns; run.test.ts covers the behaviour in-process.
 */
const repo = path.join(import.meta.dirname, "..", "..", "..");
const tsx = path.join(repo, "node_modules", ".bin", "tsx");

function questions(...args: string[]) {
  const result = spawnSync(tsx, ["lib/questions/cli/main.ts", ...args], { cwd: repo, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the questions command", () => {
  it("exits 0 and prints one JSON document for generate --json", () => {
    const { status, stdout, stderr } = questions("generate", "--template", "global-accelerator-endpoints", "--seed", "8", "--json");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ public: { id: "global-accelerator-endpoints/8" }, answer: { correctOptionIds: [expect.any(String)] } });
  });

  it("exits 2 with a one-line message and no stack trace for an unknown template", () => {
    const { status, stdout, stderr } = questions("generate", "--template", "nope", "--seed", "1");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^questions: unknown template "nope"/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
