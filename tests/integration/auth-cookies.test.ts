import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { afterAll, describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/credentials";
import { authOptions, usesSecureCookies } from "@/lib/auth/options";
import { newUserInput } from "../factories";

const originalUrl = process.env.NEXTAUTH_URL;
afterAll(() => {
  if (originalUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = originalUrl;
});

/**
 * next-auth's own request handler (its Pages Router entry, which needs no Next request
 * context) with our options: what Set-Cookie headers does a sign-in produce?
 */
async function callNextAuth(action: string[], init: { method: string; body?: Record<string, string>; cookies?: Record<string, string> }, secure: boolean) {
  const headers = new Map<string, string | string[]>();
  let body: unknown;
  const res = {
    status: () => res,
    setHeader: (name: string, value: string | string[]) => (headers.set(name.toLowerCase(), value), res),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end: () => undefined,
    send: (value: unknown) => void (body = value),
    json: (value: unknown) => void (body = value),
  };
  const req = { method: init.method, query: { nextauth: action }, body: init.body ?? {}, cookies: init.cookies ?? {}, headers: { host: "localhost:3000" } };
  const options = { ...authOptions, useSecureCookies: secure, secret: "integration-only-secret-0123456789abcdef" };
  // Test doubles of Node's request and response, with only what next-auth's handler touches.
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, options);
  const setCookie = headers.get("set-cookie") ?? [];
  return { body, setCookie: Array.isArray(setCookie) ? setCookie : [setCookie] };
}

function parseSetCookie(header: string) {
  const [pair = "", ...attributes] = header.split(";").map((p) => p.trim());
  const name = pair.slice(0, pair.indexOf("="));
  return { name, value: pair.slice(name.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

/** Signs in through next-auth as the app would be published at `origin` (its NEXTAUTH_URL). */
async function signInCookies(origin: string) {
  const secure = usesSecureCookies(origin);
  process.env.NEXTAUTH_URL = origin;
  const input = newUserInput();
  await upsertUser({ ...input, role: "learner" });
  const csrf = await callNextAuth(["csrf"], { method: "GET" }, secure);
  const csrfCookies = csrf.setCookie.map(parseSetCookie);
  const token = (csrf.body as { csrfToken: string }).csrfToken;
  const signIn = await callNextAuth(
    ["callback", "credentials"],
    { method: "POST", body: { csrfToken: token, email: input.email, password: input.password }, cookies: Object.fromEntries(csrfCookies.map((c) => [c.name, decodeURIComponent(c.value)])) },
    secure,
  );
  return [...csrfCookies, ...signIn.setCookie.map(parseSetCookie)];
}

describe("next-auth's cookies", () => {
  it("are HttpOnly and SameSite=Lax, and not Secure, when the app is served over plain HTTP", async () => {
    const cookies = await signInCookies("http://localhost:3000");
    expect(cookies.map((c) => c.name)).toEqual(expect.arrayContaining(["next-auth.csrf-token", "next-auth.session-token"]));
    for (const cookie of cookies) {
      expect(cookie.attributes, cookie.name).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
      expect(cookie.attributes, cookie.name).not.toContain("secure");
    }
  });

  it("are also Secure, with the __Secure- and __Host- prefixes, when NEXTAUTH_URL is https", async () => {
    const cookies = await signInCookies("https://reachable.example");
    expect(cookies.map((c) => c.name)).toEqual(expect.arrayContaining(["__Host-next-auth.csrf-token", "__Secure-next-auth.session-token"]));
    for (const cookie of cookies) {
      expect(cookie.name).toMatch(/^__(Secure|Host)-/);
      expect(cookie.attributes, cookie.name).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]));
    }
  });

  it("follow NEXTAUTH_URL's scheme", () => {
    expect(usesSecureCookies("https://reachable.example")).toBe(true);
    expect(usesSecureCookies("http://localhost:3000")).toBe(false);
    expect(usesSecureCookies(undefined)).toBe(false);
  });
});
