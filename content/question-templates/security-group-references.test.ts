import { describe, expect, it } from "vitest";
import { checkTemplate } from "@/lib/questions/generated/testing/template-properties";
import { securityGroupReferences } from "./security-group-references";

describe("question template security-group-references", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(securityGroupReferences, 1000);
    // Only security groups decide these flows: each offered flow works or is refused by a security group.
    expect(Object.keys(run.outcomes).sort()).toEqual(["ENI_SG_RULES_MISMATCH@forward", "works"]);
  }, 240_000);
});
