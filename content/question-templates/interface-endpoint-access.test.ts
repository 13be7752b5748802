import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { interfaceEndpointAccess } from "./interface-endpoint-access";

describe("question template interface-endpoint-access", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(interfaceEndpointAccess, 1000);
    // A security group, a missing private DNS name (no route to the public address) or the endpoint policy stops the call.
    expect(Object.keys(run.outcomes).sort()).toEqual(["ENDPOINT_POLICY_DENY@forward", "ENI_SG_RULES_MISMATCH@forward", "NO_ROUTE_TO_DESTINATION@forward"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
