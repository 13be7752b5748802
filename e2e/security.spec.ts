import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { test as plain, type APIResponse } from "@playwright/test";
import { expect, test, watchCspViolations } from "./fixtures";

// What every response must carry (proxy.ts, lib/http/security-headers.ts; README "Security").
const SLUG = "three-tier-vpc-with-nat";
const solution: unknown = JSON.parse(readFileSync(`tests/labs/solutions/${SLUG}.json`, "utf8"));

function nonceOf(csp: string | undefined): string | undefined {
  return /script-src [^;]*'nonce-([^']+)'/.exec(csp ?? "")?.[1];
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${where}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(csp, `${where}: no inline or eval'd script`).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(csp, `${where}: no inline style`).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+';/);
  expect(csp, where).toContain("style-src-attr 'none'");
  expect(csp, where).toContain("default-src 'self'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("base-uri 'self'");
  expect(csp, where).toContain("form-action 'self'");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  // Served over plain HTTP here: no HSTS, no upgrade of sub-resources.
  expect(headers["strict-transport-security"], where).toBeUndefined();
  expect(csp, where).not.toContain("upgrade-insecure-requests");
}

function expectNoStore(response: APIResponse, where: string) {
  expect(response.headers()["cache-control"], where).toMatch(/no-store/);
}

test("pages carry the security headers, a fresh nonce on every script, and no-store when they show a learner's data", async ({ page, account: _account }) => {
  const pages = [
    ["home", "/", 200],
    ["a lesson", "/lessons/route-tables", 200],
    ["a lab", `/labs/${SLUG}`, 200],
    ["sign-in", "/sign-in", 200],
    ["dashboard (signed in)", "/dashboard", 200],
    ["a missing page", "/no-such-page", 404],
  ] as const;
  for (const [name, path, status] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), name).toBe(status);
    const headers = (await response?.allHeaders()) ?? {};
    expectSecurityHeaders(headers, name);
    expect(headers["cache-control"], `${name}: rendered per request, never stored`).toMatch(/no-store/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  // The HTML's own script tags carry this response's nonce, and the next response gets another one.
  const first = await page.request.get("/lessons/route-tables");
  const second = await page.request.get("/lessons/route-tables");
  const nonce = nonceOf(first.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("API routes, static assets and 404s carry the security headers; private JSON is never stored", async ({ page, account: _account }) => {
  const html = await (await page.request.get("/")).text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const stat = await page.request.get(asset ?? "");
  expect(stat.status()).toBe(200);
  expectSecurityHeaders(stat.headers(), "a static asset");
  expect(stat.headers()["cache-control"], "static assets keep Next's long-lived caching").toContain("immutable");

  const missingAsset = await page.request.get("/_next/static/chunks/no-such-chunk.js");
  expect(missingAsset.status()).toBe(404);
  expectSecurityHeaders(missingAsset.headers(), "a missing static asset");

  for (const path of ["/api/progress", `/api/labs/${SLUG}/attempts`, "/api/auth/session"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response.headers(), path);
    expectNoStore(response, path);
  }
  const draft = await page.request.put(`/api/labs/${SLUG}/draft`, { data: { topology: solution } });
  expect(draft.status()).toBe(200);
  expectSecurityHeaders(draft.headers(), "PUT draft");
  expectNoStore(draft, "PUT draft");

  const missing = await page.request.get("/api/no-such-route");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing.headers(), "a missing API route");
});

test("behind an HTTPS proxy, responses add HSTS and upgrade-insecure-requests", async ({ page }) => {
  for (const path of ["/", "/api/progress"]) {
    const response = await page.request.get(path, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers()["content-security-policy"], path).toContain("upgrade-insecure-requests");
  }
});

test("next-auth's cookies are HttpOnly and SameSite=Lax (and, over plain HTTP, not Secure)", async ({ context, account: _account }) => {
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  for (const cookie of cookies.filter((c) => c.name.includes("next-auth"))) expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a cross-origin text/plain PUT of a draft is refused with 403, and the saved draft is unchanged", async ({ page, account: _account }) => {
  const saved = await page.request.put(`/api/labs/${SLUG}/draft`, { data: { topology: solution } });
  expect(saved.status()).toBe(200);
  const { draft } = (await saved.json()) as { draft: { updatedAt: string } };

  const attack = await page.request.put(`/api/labs/${SLUG}/draft`, {
    headers: { origin: "https://evil.example", "content-type": "text/plain" },
    data: JSON.stringify({ topology: { vpcs: [] } }),
  });
  expect(attack.status()).toBe(403);
  expect(await attack.json()).toEqual({ kind: "forbidden-origin", error: expect.stringContaining("comes from https://evil.example, not from this site") });
  expectNoStore(attack, "the refusal");

  // A browser that withholds Origin but says the request is cross-site is refused too.
  const withheld = await page.request.put(`/api/labs/${SLUG}/draft`, { headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" }, data: JSON.stringify({ topology: {} }) });
  expect(withheld.status()).toBe(403);

  await page.goto(`/labs/${SLUG}`);
  await expect(page.getByRole("status").filter({ hasText: `Draft restored (saved ${draft.updatedAt.slice(0, 19).replace("T", " ")} UTC)` })).toBeVisible();
  await page.getByRole("button", { name: "JSON view" }).click();
  expect(JSON.parse(await page.getByLabel("Topology JSON").inputValue())).toEqual(solution);
});

test("a page on another port of this host cannot submit a lab attempt with the learner's cookies", async ({ page, account: _account, baseURL }) => {
  // Another port is another origin but the same site, so SameSite=Lax cookies go along with a
  // simple (no preflight) text/plain POST: only the Origin check stops it. The other site is a
  // real server on a free port of the same host.
  const target = new URL(baseURL ?? "");
  const other = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Another site</title><p>Nothing to see</p>"));
  await new Promise<void>((resolve) => other.listen(0, target.hostname, resolve));
  try {
    const address = other.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await page.goto(`${target.protocol}//${target.hostname}:${port}/`);
    // What Chromium really sends (cookies included), from the DevTools protocol.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    const sentHeaders: Record<string, string>[] = [];
    const sentCookies: string[] = [];
    cdp.on("Network.requestWillBeSentExtraInfo", (event) => {
      if (!String(event.headers["Host"] ?? "").endsWith(`:${target.port}`)) return;
      sentHeaders.push(event.headers);
      sentCookies.push(...event.associatedCookies.filter((c) => c.blockedReasons.length === 0).map((c) => c.cookie.name));
    });
    const type = await page.evaluate(
      async ({ url, body }) => (await fetch(url, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body })).type,
      { url: new URL(`/api/labs/${SLUG}/attempts`, target).href, body: JSON.stringify({ topology: solution }) },
    );
    expect(type).toBe("opaque");
    // The browser did send the learner's session cookie with it: SameSite=Lax alone would not have stopped it.
    await expect.poll(() => sentCookies).toContain("next-auth.session-token");
    expect(sentHeaders[0]).toMatchObject({ Origin: `${target.protocol}//${target.hostname}:${port}`, "Sec-Fetch-Site": "same-site" });
  } finally {
    other.close();
  }
  const attempts = await page.request.get(`/api/labs/${SLUG}/attempts`);
  expect(await attempts.json()).toEqual({ attempts: [] });
});

test("a draft nested 5,000 levels deep gets a 400 that names the limit, and the saved draft is kept", async ({ page, account: _account }) => {
  const saved = await page.request.put(`/api/labs/${SLUG}/draft`, { data: { topology: solution } });
  const { draft } = (await saved.json()) as { draft: { updatedAt: string } };

  let deep = "{}";
  for (let i = 0; i < 4999; i++) deep = `{"a":${deep}}`;
  const response = await page.request.put(`/api/labs/${SLUG}/draft`, { headers: { "content-type": "application/json" }, data: `{"topology":${deep}}` });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { kind: string; error: string; maxDepth: number };
  expect(body).toMatchObject({ kind: "too-deep", maxDepth: 32 });
  expect(body.error).toContain("more than 32 levels deep; the limit is 32 levels. Remove the extra nesting.");
  expect(body.error).toContain("Nothing you saved before was changed.");

  await page.goto(`/labs/${SLUG}`);
  await expect(page.getByRole("status").filter({ hasText: `Draft restored (saved ${draft.updatedAt.slice(0, 19).replace("T", " ")} UTC)` })).toBeVisible();
});

test("Next refuses a server action sent with another site's Origin", async ({ page, account: _account }) => {
  // Capture the lesson check's real server-action request, and stop it before it reaches the server.
  await page.goto("/lessons/route-tables");
  const check = page.getByRole("region", { name: "Check your understanding" });
  const questions = check.getByRole("group");
  for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).getByRole("radio").first().check();
  const captured = new Promise<{ headers: Record<string, string>; body: string }>((resolve) => {
    void page.route("/lessons/route-tables", async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !(await request.headerValue("next-action"))) return route.continue();
      resolve({ headers: await request.allHeaders(), body: request.postData() ?? "" });
      await route.abort();
    });
  });
  await check.getByRole("button", { name: "Check my answers" }).click();
  const action = await captured;
  const replay = (origin: string) =>
    page.request.post("/lessons/route-tables", {
      headers: { "next-action": action.headers["next-action"] ?? "", "content-type": action.headers["content-type"] ?? "text/plain", accept: "text/x-component", origin },
      data: action.body,
    });
  const progress = async () => ((await (await page.request.get("/api/progress?lesson=route-tables")).json()) as { lesson: { completedAt: string | null } }).lesson;

  expect((await replay("https://evil.example")).status()).toBe(500);
  expect(await progress()).toMatchObject({ completedAt: null, answers: {} });

  // The same request from this site's origin goes through: the Origin alone made the difference.
  const own = new URL(page.url()).origin;
  expect((await replay(own)).status()).toBe(200);
  expect((await progress()).completedAt).not.toBeNull();
});

test("next-auth ignores Origin but refuses a sign-in without its CSRF token", async ({ page }) => {
  const response = await page.request.post("/api/auth/callback/credentials", {
    headers: { origin: "https://evil.example" },
    form: { email: "learner@reachable.test", password: "learn-vpc-2026" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toContain("csrf=true");
  expect(response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token"))).toEqual([]);
});

// Not the shared fixture: this test makes violations on purpose, to show the watcher every test uses sees them.
plain("the CSP blocks script injected into a page's HTML, and the violation watcher every test uses reports it", async ({ page, context }) => {
  const violations = await watchCspViolations(context);
  // As if the server had written an attacker's text into the page unescaped: the real response
  // and its headers, with an inline script and an inline event handler added.
  await page.route("/", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", `<script>window.injected = "script"</script><img src="/icon.svg" onload="window.injected = 'handler'"></body>`);
    await route.fulfill({ response, body: html });
  });
  await page.goto("/");
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => "injected" in window)).toBe(false);
  expect(violations.join("\n")).toMatch(/script-src-elem|script-src/);
  expect(violations.join("\n")).toMatch(/script-src-attr|script-src/);
});
