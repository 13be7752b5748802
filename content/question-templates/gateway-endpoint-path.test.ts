import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { gatewayEndpointPath } from "./gateway-endpoint-path";

describe("question template gateway-endpoint-path", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(gatewayEndpointPath, 1000);
    // Every layer on the way to a gateway endpoint comes up as the first block: security group, network ACL both ways, route table, endpoint policy.
    expect(Object.keys(run.outcomes).sort()).toEqual(["ENDPOINT_POLICY_DENY@forward", "ENI_SG_RULES_MISMATCH@forward", "NO_ROUTE_TO_DESTINATION@forward", "SUBNET_ACL_RESTRICTION@forward", "SUBNET_ACL_RESTRICTION@return"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
