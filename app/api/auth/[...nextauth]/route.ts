import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { describeJsonProblem, parseJsonText } from "@/lib/http/json-body";
import { LIMITS, formatBytes } from "@/lib/http/limits";
import { readBodyText } from "@/lib/http/read-body";
import { privateJson } from "@/lib/http/route-guards";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth reads a POST body whole (JSON or form) before looking at it. Here it gets at most
 * LIMITS.authBodyBytes, and JSON no deeper than LIMITS.jsonDepth. No Origin check: next-auth's
 * own CSRF token guards its POSTs (docs/decisions/007-security-headers-and-csp.md).
 */
async function POST(request: NextRequest, context: Context) {
  const body = await readBodyText(request, LIMITS.authBodyBytes);
  if (!body.ok) return privateJson({ error: `The request is ${formatBytes(body.bytes)}; sign-in and sign-out requests are at most ${formatBytes(LIMITS.authBodyBytes)}.` }, { status: 413 });
  if (request.headers.get("content-type")?.includes("application/json")) {
    const json = parseJsonText(body.text, { maxBytes: LIMITS.authBodyBytes });
    if (!json.ok) return privateJson({ error: describeJsonProblem(json.problem, "The request") }, { status: 400 });
  }
  return handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.text }), context);
}

export { handler as GET, POST };
