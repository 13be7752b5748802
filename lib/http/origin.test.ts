import { describe, expect, it } from "vitest";
import { allowedOrigins, checkRequestOrigin, normalizeOrigin, requestOrigin } from "./origin";

const policy = { trustedOrigins: ["https://reachable.example"] };

function put(headers: Record<string, string>, url = "http://localhost:3000/api/labs/three-tier-vpc-with-nat/draft") {
  return new Request(url, { method: "PUT", headers: { host: new URL(url).host, ...headers } });
}

describe("the Origin check on state-changing requests", () => {
  it("accepts the app's own pages and NEXTAUTH_URL's origin", () => {
    expect(checkRequestOrigin(put({ origin: "http://localhost:3000" }), policy)).toEqual({ ok: true });
    expect(checkRequestOrigin(put({ origin: "https://reachable.example" }), policy)).toEqual({ ok: true });
  });

  it("refuses another site, naming it and this site", () => {
    const decision = checkRequestOrigin(put({ origin: "https://evil.example", "content-type": "text/plain" }), policy);
    expect(decision).toEqual({ ok: false, reason: "The request comes from https://evil.example, not from this site (http://localhost:3000). Changes are only accepted from Reachable's own pages." });
  });

  it("treats another port, scheme or subdomain as another origin", () => {
    for (const origin of ["http://localhost:3001", "https://localhost:3000", "http://api.localhost:3000", "https://sub.reachable.example"]) {
      expect(checkRequestOrigin(put({ origin }), policy).ok, origin).toBe(false);
    }
  });

  it("refuses Origin: null, which names no site", () => {
    expect(checkRequestOrigin(put({ origin: "null" }), policy).ok).toBe(false);
  });

  it("uses the address the client used behind a proxy (X-Forwarded-Host and -Proto, first value)", () => {
    const behindProxy = put({ origin: "https://learn.example.org", "x-forwarded-host": "learn.example.org", "x-forwarded-proto": "https, http" }, "http://10.0.0.5:3000/api/x");
    expect(requestOrigin(behindProxy)).toBe("https://learn.example.org");
    expect(checkRequestOrigin(behindProxy, { trustedOrigins: [] })).toEqual({ ok: true });
    expect(checkRequestOrigin(put({ origin: "http://learn.example.org", "x-forwarded-host": "learn.example.org", "x-forwarded-proto": "https" }), { trustedOrigins: [] }).ok).toBe(false);
  });

  it("without Origin, trusts Sec-Fetch-Site only for same-origin and typed-in requests", () => {
    expect(checkRequestOrigin(put({ "sec-fetch-site": "same-origin" }), policy)).toEqual({ ok: true });
    expect(checkRequestOrigin(put({ "sec-fetch-site": "none" }), policy)).toEqual({ ok: true });
    expect(checkRequestOrigin(put({ "sec-fetch-site": "cross-site", "content-type": "application/json" }), policy).ok).toBe(false);
    expect(checkRequestOrigin(put({ "sec-fetch-site": "same-site", "content-type": "application/json" }), policy).ok).toBe(false);
  });

  it("without Origin or Sec-Fetch-Site (curl, scripts), accepts JSON and refuses what an HTML form can send", () => {
    expect(checkRequestOrigin(put({ "content-type": "application/json" }), policy)).toEqual({ ok: true });
    expect(checkRequestOrigin(put({ "content-type": "application/json; charset=utf-8" }), policy)).toEqual({ ok: true });
    expect(checkRequestOrigin(put({ "content-type": "application/merge-patch+json" }), policy)).toEqual({ ok: true });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const decision = checkRequestOrigin(put({ "content-type": type }), policy);
      expect(decision.ok, type).toBe(false);
    }
    expect(checkRequestOrigin(put({}), policy)).toEqual({
      ok: false,
      reason: "The request has no Origin header and is not JSON. Scripts and command-line clients must send Content-Type: application/json (or an Origin header naming this site).",
    });
  });

  it("lets safe methods through, whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      const request = new Request("http://localhost:3000/api/progress", { method, headers: { origin: "https://evil.example" } });
      expect(checkRequestOrigin(request, policy), method).toEqual({ ok: true });
    }
  });

  it("compares origins, not strings", () => {
    expect(normalizeOrigin("HTTPS://Reachable.Example:443/path?q=1")).toBe("https://reachable.example");
    expect(normalizeOrigin("javascript:alert(1)")).toBeNull();
    expect(normalizeOrigin("not a url")).toBeNull();
    expect(allowedOrigins(put({}), { trustedOrigins: ["https://reachable.example/", "http://localhost:3000"] })).toEqual(["http://localhost:3000", "https://reachable.example"]);
  });
});
