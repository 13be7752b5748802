import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The real process, as `npm run --silent reachability -- …` starts it
 * (tsx lib/network/cli/main.ts): exit statuses and streams. Kept to a few
 * spawns; run.test.ts covers the behaviour in-process.
 */
const repo = path.join(import.meta.dirname, "..", "..", "..");
const tsx = path.join(repo, "node_modules", ".bin", "tsx");
const snapshot = "lib/network/aws/fixtures/two-tier";

function reachability(...args: string[]) {
  const result = spawnSync(tsx, ["lib/network/cli/main.ts", ...args], { cwd: repo, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the reachability command", () => {
  it("exits 0 and prints JSON on stdout when the analysis runs", () => {
    const { status, stdout, stderr } = reachability("analyze", "--snapshot", snapshot, "--source", "i-0web0000000000001", "--destination", "i-0db00000000000002", "--destination-port", "22", "--format", "json");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ NetworkPathFound: false });
  });

  it("exits 2 with a one-line message and no stack trace for a missing flag", () => {
    const { status, stdout, stderr } = reachability("analyze", "--snapshot", snapshot);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toBe("reachability: --source ID is required");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 for an unknown id", () => {
    const { status, stderr } = reachability("analyze", "--snapshot", snapshot, "--source", "i-0web0000000000001", "--destination", "i-0gone");
    expect(status).toBe(2);
    expect(stderr).toMatch(/^reachability: .*i-0gone/);
  });
});
