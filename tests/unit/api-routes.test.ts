import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// next-auth's route has its own CSRF token on every POST (docs/decisions/007-security-headers-and-csp.md).
const OWN_CSRF_PROTECTION = new Set(["app/api/auth/[...nextauth]/route.ts"]);
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** Every way a route file can export a handler for `method`, and whether that export is wrapped. */
function exportsOf(source: string, method: string): { exported: boolean; wrapped: boolean } {
  const wrapped = new RegExp(`export const ${method}\\s*=\\s*sameOriginOnly\\(`).test(source);
  const exported =
    wrapped ||
    new RegExp(`export\\s+(async\\s+)?function\\s+${method}\\b`).test(source) ||
    new RegExp(`export\\s+(const|let|var)\\s+${method}\\b`).test(source) ||
    new RegExp(`export\\s*\\{[^}]*\\b(as\\s+)?${method}\\b[^}]*\\}`).test(source);
  return { exported, wrapped };
}

describe("state-changing API routes", () => {
  const files = routeFiles("app/api").map((f) => f.split(path.sep).join("/"));

  it("are found (the scan looks in the right place)", () => {
    expect(files).toContain("app/api/labs/[slug]/draft/route.ts");
    expect(files).toContain("app/api/labs/[slug]/attempts/route.ts");
  });

  it("all refuse other sites' requests through sameOriginOnly (lib/http/route-guards.ts)", () => {
    const unguarded = files
      .filter((file) => !OWN_CSRF_PROTECTION.has(file))
      .flatMap((file) => {
        const source = readFileSync(file, "utf8");
        return MUTATING.filter((method) => {
          const { exported, wrapped } = exportsOf(source, method);
          return exported && !wrapped;
        }).map((method) => `${method} ${file}`);
      });
    expect(unguarded).toEqual([]);
  });

  it("would notice an unwrapped handler", () => {
    expect(exportsOf("export async function DELETE(request: Request) {}", "DELETE")).toEqual({ exported: true, wrapped: false });
    expect(exportsOf("export { handler as PATCH };", "PATCH")).toEqual({ exported: true, wrapped: false });
    expect(exportsOf("export const PUT = sameOriginOnly(async () => new Response());", "PUT")).toEqual({ exported: true, wrapped: true });
  });
});
