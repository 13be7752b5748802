import { describe, expect, it } from "vitest";
import { checkTemplate } from "@/lib/questions/generated/testing/template-properties";
import { peeringOverlappingCidrs } from "./peering-overlapping-cidrs";

describe("question template peering-overlapping-cidrs", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(peeringOverlappingCidrs, 1000);
    // Requests and replies go to the wrong one of the two overlapping peers, or stay local, and find no subnet or no host there.
    expect(Object.keys(run.outcomes).sort()).toEqual(["NO_DESTINATION_OWNER@forward", "NO_DESTINATION_OWNER@return", "NO_SUBNET_FOR_ADDRESS@forward", "NO_SUBNET_FOR_ADDRESS@return", "works"]);
  }, 240_000);
});
