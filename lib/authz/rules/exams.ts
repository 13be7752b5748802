import type { Actor } from "../actor";
import { allow, deny, type Decision } from "../decision";
import { signedIn } from "./account";

/** An exam attempt is its owner's alone: anyone else is told it does not exist (404), never that it is someone else's. */
function ownerOnly(actor: Actor, attempt: { ownerId: string }): Decision {
  if (actor.kind === "anonymous") return deny(401, "Sign in first.");
  return actor.user.id === attempt.ownerId ? allow : deny(404, "This exam attempt does not exist.");
}

export const examRules = {
  "exams.view": (actor: Actor) => signedIn(actor),
  "exams.start": (actor: Actor) => signedIn(actor),
  "exam.attempt.take": (actor: Actor, attempt: { ownerId: string }) => ownerOnly(actor, attempt),
  "exam.attempt.viewResult": (actor: Actor, attempt: { ownerId: string }) => ownerOnly(actor, attempt),
} as const;
