import { describe, expect, it } from "vitest";
import { checkTemplate } from "@/lib/questions/generated/testing/template-properties";
import { tgwSegmentation } from "./tgw-segmentation";

describe("question template tgw-segmentation", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(tgwSegmentation, 1000);
    // Segmented flows fail for want of a route (either way), on a blackhole route, or on an attachment without an association.
    expect(Object.keys(run.outcomes).sort()).toEqual(["BAD_STATE_ROUTE@forward", "NO_ROUTE_TO_DESTINATION@forward", "NO_ROUTE_TO_DESTINATION@return", "TGW_RTB_NOT_ASSOCIATED@forward", "TGW_RTB_NOT_ASSOCIATED@return", "works"]);
  }, 240_000);
});
