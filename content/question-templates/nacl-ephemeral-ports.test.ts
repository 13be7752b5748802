import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { naclEphemeralPorts } from "./nacl-ephemeral-ports";

describe("question template nacl-ephemeral-ports", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(naclEphemeralPorts, 1000);
    // The asked connection always fails on its reply, in the network ACL: that is the rule the question is about.
    expect(Object.keys(run.outcomes).sort()).toEqual(["SUBNET_ACL_RESTRICTION@return"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
