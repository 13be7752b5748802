import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { peeringNotTransitive } from "./peering-not-transitive";

describe("question template peering-not-transitive", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(peeringNotTransitive, 1000);
    // Through the middle VPC the request is dropped; a direct peering works unless the reply still goes through the middle VPC.
    expect(Object.keys(run.outcomes).sort()).toEqual(["PEERING_NOT_TRANSITIVE@forward", "PEERING_NOT_TRANSITIVE@return", "works"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
