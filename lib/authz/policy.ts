import type { Actor } from "./actor";
import type { Decision } from "./decision";
import { accountRules } from "./rules/account";
import { analyzeRules } from "./rules/analyze";
import { examRules } from "./rules/exams";
import { practiceRules } from "./rules/practice";
import { classRules } from "./rules/classes";

/**
 * The one table of who may do what. Each domain keeps its rules in rules/<domain>.ts as pure
 * functions of the actor and the facts the domain loaded (membership, ownership, role), and
 * adds them here; routes, pages and server actions ask `authorize` and never decide themselves.
 */
export const policy = {
  ...accountRules,
  ...analyzeRules,
  ...examRules,
  ...practiceRules,
  ...classRules,
} as const;

export type Action = keyof typeof policy;
type FactsOf<A extends Action> = Parameters<(typeof policy)[A]> extends [Actor, infer F, ...unknown[]] ? F : undefined;

export function authorize<A extends Action>(action: A, actor: Actor, ...facts: FactsOf<A> extends undefined ? [] : [FactsOf<A>]): Decision {
  const rule = policy[action] as (actor: Actor, facts?: unknown) => Decision;
  return rule(actor, facts[0]);
}
