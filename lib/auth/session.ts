import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { safeCallbackPath } from "./callback-path";
import { parseRole, type Role } from "./roles";

export { safeCallbackPath };

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, or null. The one place that turns a next-auth session into a typed user.
 * Read once per request while a page renders (the root layout's header and the page both ask);
 * route handlers and server actions call straight through.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: parseRole(user.role) };
});

/** For pages and actions that need an account: sends anonymous visitors to sign in, then back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(returnTo))}`);
  return user;
}
