import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { natGatewayPlacement } from "./nat-gateway-placement";

describe("question template nat-gateway-placement", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(natGatewayPlacement, 1000);
    // A NAT gateway in a public subnet works; in the private subnet it loops; in a subnet without an internet route its traffic is dropped; without it the instance has no public address.
    expect(Object.keys(run.outcomes).sort()).toEqual(["NO_PUBLIC_IP_ADDRESS@forward", "NO_ROUTE_TO_DESTINATION@forward", "ROUTING_LOOP@forward", "works"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
