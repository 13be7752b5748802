import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { flowLogInboundRecords } from "./flow-log-inbound-records";

describe("question template flow-log-inbound-records", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(flowLogInboundRecords, 1000);
    // Both accepted and rejected connection attempts are asked about.
    expect(Object.keys(run.outcomes).sort()).toEqual(["ENI_SG_RULES_MISMATCH@forward", "works"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
