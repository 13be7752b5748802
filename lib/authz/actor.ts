import type { CurrentUser } from "@/lib/auth/session";

/** Who is asking: nobody signed in, or a user with a role. Every authorization decision starts here. */
export type Actor = { kind: "anonymous" } | { kind: "user"; user: CurrentUser };

export const anonymous: Actor = { kind: "anonymous" };

export function actorOf(user: CurrentUser | null): Actor {
  return user ? { kind: "user", user } : anonymous;
}
