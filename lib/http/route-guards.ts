import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { checkRequestOrigin } from "./origin";

/** What a route answers when the Origin check refuses a request. */
export type ForbiddenOriginBody = { kind: "forbidden-origin"; error: string };

/** Origins trusted besides the request's own: NEXTAUTH_URL's, the address the app is published at. */
export function trustedOrigins(): string[] {
  const url = env().NEXTAUTH_URL;
  return url ? [url] : [];
}

/**
 * JSON that may carry a learner's data: `Cache-Control: no-store`, so neither the browser's
 * history cache nor a shared proxy keeps a copy.
 */
export function privateJson(body: unknown, init?: ResponseInit): NextResponse {
  const response = NextResponse.json(body, init);
  response.headers.set("cache-control", "no-store");
  return response;
}

/**
 * Wraps every state-changing route handler (POST, PUT, PATCH, DELETE under app/api/): requests
 * from another site are answered 403 with the reason, before the handler reads a cookie or
 * the body. lib/http/origin.ts says what counts as "this site"; tests/unit/api-routes.test.ts
 * fails when a handler is exported without this wrapper.
 */
export function sameOriginOnly<Rest extends unknown[]>(handler: (request: Request, ...rest: Rest) => Promise<Response>) {
  return async (request: Request, ...rest: Rest): Promise<Response> => {
    const decision = checkRequestOrigin(request, { trustedOrigins: trustedOrigins() });
    if (!decision.ok) return privateJson({ kind: "forbidden-origin", error: decision.reason } satisfies ForbiddenOriginBody, { status: 403 });
    return handler(request, ...rest);
  };
}
