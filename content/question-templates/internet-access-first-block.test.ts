import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { internetAccessFirstBlock } from "./internet-access-first-block";

describe("question template internet-access-first-block", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(internetAccessFirstBlock, 1000);
    // Each of the conditions for internet access comes up as the first block.
    expect(Object.keys(run.outcomes).sort()).toEqual(["BAD_STATE_ATTACHMENT@forward", "ENI_SG_RULES_MISMATCH@forward", "NO_PUBLIC_IP_ADDRESS@forward", "NO_ROUTE_TO_DESTINATION@forward", "SUBNET_ACL_RESTRICTION@forward", "SUBNET_ACL_RESTRICTION@return"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
