import type { Actor } from "../actor";
import { allow, deny, type Decision } from "../decision";

/** What the store knows about a saved snapshot before anyone sees it: who owns it, if it exists. */
export type SnapshotFacts = { ownerId: string | undefined };

const signInToSave = "Sign in to save snapshots to your account; analysing needs no account.";

/**
 * /analyze runs in the browser for anyone; saving a snapshot needs an account, and a saved
 * snapshot is its owner's alone: anyone else (an administrator included) is told it does not
 * exist, so ids reveal nothing.
 */
export const analyzeRules = {
  "snapshot.save": (actor: Actor): Decision => (actor.kind === "user" ? allow : deny(401, signInToSave)),
  "snapshot.list": (actor: Actor): Decision => (actor.kind === "user" ? allow : deny(401, signInToSave)),
  "snapshot.open": (actor: Actor, facts: SnapshotFacts): Decision => {
    if (actor.kind === "anonymous") return deny(401, signInToSave);
    return facts.ownerId !== undefined && facts.ownerId === actor.user.id ? allow : deny(404, "No saved snapshot has this id in your account.");
  },
  "snapshot.delete": (actor: Actor, facts: SnapshotFacts): Decision => analyzeRules["snapshot.open"](actor, facts),
} as const;
