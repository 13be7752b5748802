import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { sgNaclFirstBlock } from "./sg-nacl-first-block";

describe("question template sg-nacl-first-block", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(sgNaclFirstBlock, 1000);
    // The first block is a security group on the way out or in, a network ACL on the request, or a network ACL on the reply.
    expect(Object.keys(run.outcomes).sort()).toEqual(["ENI_SG_RULES_MISMATCH@forward", "SUBNET_ACL_RESTRICTION@forward", "SUBNET_ACL_RESTRICTION@return"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
