import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { tgwAssociationPropagation } from "./tgw-association-propagation";

describe("question template tgw-association-propagation", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(tgwAssociationPropagation, 1000);
    // An unassociated attachment has no routes; a missing propagation or VPC route drops the reply.
    expect(Object.keys(run.outcomes).sort()).toEqual(["NO_ROUTE_TO_DESTINATION@return", "TGW_RTB_NOT_ASSOCIATED@forward"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
