import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { createNonce, isHttpsRequest, securityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every request (no matcher: pages, API routes, /_next/static, 404s alike) and
 * puts the security headers on the response, with a fresh CSP nonce. Next reads the nonce from
 * the request's Content-Security-Policy header and puts it on the scripts and styles it
 * renders (https://nextjs.org/docs/app/guides/content-security-policy), which is why every
 * page is rendered per request (app/layout.tsx). See docs/decisions/007-security-headers-and-csp.md.
 */
export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
    https: isHttpsRequest(request.url, request.headers, env().NEXTAUTH_URL),
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
