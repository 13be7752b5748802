import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { globalAcceleratorEndpoints } from "./global-accelerator-endpoints";

describe("question template global-accelerator-endpoints", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(globalAcceleratorEndpoints, 1000);
    // The clients are always sent to another Region's group before the change.
    expect(Object.keys(run.outcomes).sort()).toEqual(["OTHER_ENDPOINT_GROUP@forward"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
