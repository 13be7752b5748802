import type { Actor } from "../actor";
import { allow, deny, type Decision } from "../decision";

export function signedIn(actor: Actor): Decision {
  return actor.kind === "user" ? allow : deny(401, "Sign in first.");
}

export function adminOnly(actor: Actor): Decision {
  if (actor.kind === "anonymous") return deny(401, "Sign in first.");
  return actor.user.role === "admin" ? allow : deny(403, "Only an administrator may do this.");
}

/** Rules for what every signed-in learner may do with their own data (ownership is then put in the query). */
export const accountRules = {
  "dashboard.view": (actor: Actor) => signedIn(actor),
  "progress.write": (actor: Actor) => signedIn(actor),
  "lab.submit": (actor: Actor) => signedIn(actor),
  "lab.draft": (actor: Actor) => signedIn(actor),
  "users.list": (actor: Actor) => adminOnly(actor),
  "users.setRole": (actor: Actor) => adminOnly(actor),
} as const;
