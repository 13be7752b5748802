import { describe, expect, it } from "vitest";
import { checkTemplate, rarelyTheKey } from "@/lib/questions/generated/testing/template-properties";
import { hybridRoutePriority } from "./hybrid-route-priority";

describe("question template hybrid-route-priority", () => {
  it("for 1,000 seeds, the evaluator confirms the key and refutes every distractor", () => {
    const run = checkTemplate(hybridRoutePriority, 1000);
    // Most variants work (the question is which way); an address nothing advertises has no route.
    expect(Object.keys(run.outcomes).sort()).toEqual(["NO_ROUTE_TO_DESTINATION@forward", "works"]);
    expect(rarelyTheKey(run)).toEqual([]);
  }, 240_000);
});
