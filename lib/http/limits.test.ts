import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LIMITS, type LimitName } from "./limits";

const nextConfigSchema = z.object({
  experimental: z.object({ serverActions: z.object({ bodySizeLimit: z.number() }), proxyClientMaxBodySize: z.number() }),
});

/** How the README's table writes each limit. */
function display(name: LimitName, value: number): string {
  if (name.endsWith("Bytes")) return value % 1024 === 0 ? `${value / 1024} kB` : `${value.toLocaleString("en-US")} bytes`;
  if (name.endsWith("Chars")) return `${value} characters`;
  if (name === "jsonDepth") return `${value} levels`;
  return `${value}`;
}

describe("the input limits", () => {
  it("are all listed, with their values, in the README's Security section", () => {
    const readme = readFileSync("README.md", "utf8");
    const start = readme.indexOf("\n## Security\n");
    expect(start).toBeGreaterThan(-1);
    const end = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, end === -1 ? undefined : end);
    const rows = new Map([...section.matchAll(/^\| `([a-zA-Z]+)` \| ([^|]+) \|/gm)].map((m) => [m[1] ?? "", m[2]?.trim()]));
    for (const [name, value] of Object.entries(LIMITS) as [LimitName, number][]) {
      expect(rows.get(name), `README row for ${name}`).toBe(display(name, value));
    }
    expect([...rows.keys()].filter((name) => !(name in LIMITS))).toEqual([]);
  });

  it("are the ones next.config.js gives Next (which cannot import TypeScript)", async () => {
    const module: unknown = await import(pathToFileURL(path.resolve("next.config.js")).href);
    const config = nextConfigSchema.parse(z.object({ default: z.unknown() }).parse(module).default);
    expect(config.experimental.serverActions.bodySizeLimit).toBe(LIMITS.serverActionBodyBytes);
    expect(config.experimental.proxyClientMaxBodySize).toBe(LIMITS.proxyBodyBytes);
  });

  it("let Next buffer one byte more than any route accepts, so a route can still say a body is too large", () => {
    const largest = Math.max(LIMITS.topologyBytes, LIMITS.authBodyBytes, LIMITS.serverActionBodyBytes, LIMITS.savedSnapshotBytes);
    expect(LIMITS.proxyBodyBytes).toBe(largest + 1);
  });
});
