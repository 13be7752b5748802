import { describe, expect, it } from "vitest";
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
});
