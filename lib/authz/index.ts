import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { actorOf, type Actor } from "./actor";
import type { Decision } from "./decision";

export { actorOf, anonymous, type Actor } from "./actor";
export { allow, deny, type Decision } from "./decision";
export { authorize, policy, type Action } from "./policy";

/** The current request's actor (reads the session cookie on the server). */
export async function currentActor(): Promise<Actor> {
  return actorOf(await getCurrentUser());
}

/**
 * For pages: turns a denial into what a browser should get — the sign-in page for 401, the
 * not-found page for 404 and 403 (a page never says that something it hides exists).
 */
export function enforceOnPage(decision: Decision, returnTo: string): void {
  if (decision.allowed) return;
  if (decision.status === 401) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(returnTo))}`);
  notFound();
}

/** For route handlers: a JSON error body with the decision's status, or null when allowed. */
export function denialResponse(decision: Decision): Response | null {
  if (decision.allowed) return null;
  return Response.json({ kind: "forbidden", error: decision.reason }, { status: decision.status, headers: { "cache-control": "no-store" } });
}
