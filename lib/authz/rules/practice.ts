import type { Actor } from "../actor";
import { allow, type Decision } from "../decision";
import { signedIn } from "./account";

/**
 * Practice is open to everyone: an anonymous visitor answers and gets the same feedback, but
 * nothing is stored (the page says so). Storing answers, "questions I missed" and spaced
 * review belong to an account.
 */
export const practiceRules = {
  "practice.answer": (): Decision => allow,
  "practice.record": (actor: Actor) => signedIn(actor),
  "practice.missed": (actor: Actor) => signedIn(actor),
  "review.view": (actor: Actor) => signedIn(actor),
  "review.answer": (actor: Actor) => signedIn(actor),
  "review.rate": (actor: Actor) => signedIn(actor),
} as const;
