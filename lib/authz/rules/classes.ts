import type { Actor } from "../actor";
import { allow, deny, type Decision } from "../decision";

/**
 * Who may do what with classes. Facts come from lib/classes (loadClassFacts): whether the class
 * exists, and the actor's place in it. Someone with no place in a class gets 404, as if it did
 * not exist (class ids must not be probed); a learner of the class gets 403 for the instructor's
 * tools; administrators may do everything.
 */
export type ClassFactsForAuthz = { exists: boolean; isInstructor: boolean; isMember: boolean };

const NOT_FOUND = "There is no class at this address, or you are not part of it.";

function isAdmin(actor: Actor): boolean {
  return actor.kind === "user" && actor.user.role === "admin";
}

/** The instructor's tools (roster, matrix, assignments, gradebook, settings) for one class. */
function teachesClass(actor: Actor, facts: ClassFactsForAuthz): Decision {
  if (actor.kind === "anonymous") return deny(401, "Sign in first.");
  if (!facts.exists) return deny(404, NOT_FOUND);
  if (facts.isInstructor || isAdmin(actor)) return allow;
  if (facts.isMember) return deny(403, "Only the class's instructors may do this.");
  return deny(404, NOT_FOUND);
}

function seesClass(actor: Actor, facts: ClassFactsForAuthz): Decision {
  if (actor.kind === "anonymous") return deny(401, "Sign in first.");
  if (!facts.exists) return deny(404, NOT_FOUND);
  return facts.isInstructor || facts.isMember || isAdmin(actor) ? allow : deny(404, NOT_FOUND);
}

export const classRules = {
  /** The classes page: everyone signed in sees their own classes (taught or joined). */
  "classes.list": (actor: Actor) => (actor.kind === "user" ? allow : deny(401, "Sign in first.")),
  "classes.create": (actor: Actor) => {
    if (actor.kind === "anonymous") return deny(401, "Sign in first.");
    return actor.user.role === "instructor" || actor.user.role === "admin" ? allow : deny(403, "Only instructors can create classes. Ask an administrator to make your account an instructor.");
  },
  /** Joining by code: any signed-in user; the code itself (rate-limited) is the proof of invitation. */
  "classes.join": (actor: Actor) => (actor.kind === "user" ? allow : deny(401, "Sign in to join a class.")),
  /** The class page: its instructors (full view), its learners (their own assignments and results). */
  "class.view": (actor: Actor, facts: ClassFactsForAuthz) => seesClass(actor, facts),
  "class.manage": (actor: Actor, facts: ClassFactsForAuthz) => teachesClass(actor, facts),
  "class.gradebook": (actor: Actor, facts: ClassFactsForAuthz) => teachesClass(actor, facts),
  "class.leave": (actor: Actor, facts: ClassFactsForAuthz) => {
    if (actor.kind === "anonymous") return deny(401, "Sign in first.");
    return facts.exists && facts.isMember ? allow : deny(404, NOT_FOUND);
  },
  /** One learner's work, for the class's instructors only, and only while the learner is in the class. */
  "class.learner.view": (actor: Actor, facts: ClassFactsForAuthz & { learnerIsMember: boolean }) => {
    const teaching = teachesClass(actor, facts);
    if (!teaching.allowed) return teaching;
    return facts.learnerIsMember ? allow : deny(404, "This learner is not in the class.");
  },
} as const;
