import { z } from "zod";

/**
 * Gateway and interface endpoint policies. The evaluator does not know the
 * API action a packet carries, so it asks one question: does the policy
 * allow any principal to do anything through the endpoint? A policy with no
 * Allow statement, or a Deny of every action on every resource for everyone,
 * blocks the path. No policy means AWS's default: full access.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */

const statementSchema = z.looseObject({
  Effect: z.enum(["Allow", "Deny"]),
  Principal: z.unknown().optional(),
  Action: z.union([z.string(), z.array(z.string())]).optional(),
  Resource: z.union([z.string(), z.array(z.string())]).optional(),
  Condition: z.unknown().optional(),
});

const policySchema = z.looseObject({
  Statement: z.union([statementSchema, z.array(statementSchema)]),
});

export type EndpointPolicyVerdict = { allowed: true } | { allowed: false; reason: string };

const isEveryone = (principal: unknown) =>
  principal === undefined || principal === "*" || (typeof principal === "object" && principal !== null && "AWS" in principal && (principal as { AWS: unknown }).AWS === "*");
const isAll = (value: string | string[] | undefined) => value === undefined || value === "*" || (Array.isArray(value) && value.includes("*"));

export function evaluateEndpointPolicy(policyDocument: string | Record<string, unknown> | undefined): EndpointPolicyVerdict {
  if (policyDocument === undefined) return { allowed: true };
  let raw: unknown = policyDocument;
  if (typeof policyDocument === "string") {
    try {
      raw = JSON.parse(policyDocument);
    } catch {
      return { allowed: false, reason: "the endpoint policy is not valid JSON" };
    }
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) return { allowed: false, reason: "the endpoint policy has no readable Statement" };
  const statements = Array.isArray(parsed.data.Statement) ? parsed.data.Statement : [parsed.data.Statement];
  const denyAll = statements.some((s) => s.Effect === "Deny" && s.Condition === undefined && isEveryone(s.Principal) && isAll(s.Action) && isAll(s.Resource));
  if (denyAll) return { allowed: false, reason: "the endpoint policy denies every action to everyone" };
  if (!statements.some((s) => s.Effect === "Allow")) return { allowed: false, reason: "the endpoint policy allows nothing (no Allow statement)" };
  return { allowed: true };
}
