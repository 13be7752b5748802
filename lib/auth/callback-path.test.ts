import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/http/limits";
import { safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/lessons/route-tables?x=1")).toBe("/lessons/route-tables?x=1");
  });

  it("refuses other sites, protocol-relative and odd values", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "", undefined, ["/a"]]) {
      expect(safeCallbackPath(bad)).toBe("/dashboard");
    }
  });

  it("refuses a path longer than the limit", () => {
    const path = `/lessons/${"a".repeat(LIMITS.callbackPathChars)}`;
    expect(safeCallbackPath(path)).toBe("/dashboard");
    expect(safeCallbackPath(path.slice(0, LIMITS.callbackPathChars))).toBe(path.slice(0, LIMITS.callbackPathChars));
  });
});
