import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce, isHttpsRequest, securityHeaders } from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? "", values]));
}

const production = { nonce: "bm9uY2Utdmk=", development: false, https: false };

describe("the Content-Security-Policy", () => {
  it("lets only scripts with this response's nonce run, and the scripts they load", () => {
    const csp = directives(buildContentSecurityPolicy(production));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2Utdmk='", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("never allows inline or eval'd script in production", () => {
    const policy = buildContentSecurityPolicy(production);
    const scripts = directives(policy).get("script-src") ?? [];
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src-(elem|attr)/);
  });

  it("allows eval for scripts only under next dev, as React's development build needs", () => {
    expect(directives(buildContentSecurityPolicy({ ...production, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("allows no inline style in production: <style> needs the nonce, style attributes are refused", () => {
    const csp = directives(buildContentSecurityPolicy(production));
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2Utdmk='"]);
    expect(csp.get("style-src-attr")).toEqual(["'none'"]);
  });

  it("allows inline styles under next dev, for Next's error overlay", () => {
    const csp = directives(buildContentSecurityPolicy({ ...production, development: true }));
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("sets the other directives the decision record names", () => {
    const csp = directives(buildContentSecurityPolicy(production));
    expect(Object.fromEntries([...csp].filter(([name]) => !/^(script|style)-src/.test(name)))).toEqual({
      "default-src": ["'self'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "worker-src": ["'self'", "blob:"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("asks browsers to upgrade insecure requests only when served over HTTPS", () => {
    expect(directives(buildContentSecurityPolicy({ ...production, https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(buildContentSecurityPolicy(production)).has("upgrade-insecure-requests")).toBe(false);
  });

  it("is a policy Next can read its nonce from (the first 'nonce-…' of script-src)", () => {
    const nonce = createNonce();
    const policy = buildContentSecurityPolicy({ ...production, nonce });
    expect(/script-src [^;]*'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(policy)?.[1]).toBe(nonce);
  });
});

describe("nonces", () => {
  it("are 128 random bits, base64, different every time", () => {
    const nonces = Array.from({ length: 1000 }, createNonce);
    expect(new Set(nonces).size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("the other security headers", () => {
  it("forbid framing and sniffing and keep full URLs on this site", () => {
    expect(securityHeaders(production)).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
  });

  it("include HSTS only over HTTPS", () => {
    expect(securityHeaders({ ...production, https: true })["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(securityHeaders(production)).not.toHaveProperty("strict-transport-security");
  });

  it("count a request as HTTPS from the URL, a proxy's X-Forwarded-Proto or an https NEXTAUTH_URL", () => {
    const none = new Headers();
    expect(isHttpsRequest("http://localhost:3000/", none, undefined)).toBe(false);
    expect(isHttpsRequest("http://localhost:3000/", none, "http://localhost:3000")).toBe(false);
    expect(isHttpsRequest("https://reachable.example/", none, undefined)).toBe(true);
    expect(isHttpsRequest("http://10.0.0.5:3000/", new Headers({ "x-forwarded-proto": "https" }), undefined)).toBe(true);
    expect(isHttpsRequest("http://10.0.0.5:3000/", new Headers({ "x-forwarded-proto": "http, https" }), undefined)).toBe(false);
    expect(isHttpsRequest("http://10.0.0.5:3000/", none, "https://reachable.example")).toBe(true);
  });
});
