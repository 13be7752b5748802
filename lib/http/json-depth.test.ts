import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonText, describeJsonProblem } from "./json-body";
import { scanJsonDepth } from "./json-depth";
import { LIMITS } from "./limits";

function nested(levels: number): string {
  return `${'{"a":'.repeat(levels - 1)}{}${"}".repeat(levels - 1)}`;
}

/** The nesting JSON.parse itself sees, for comparison. */
function parsedDepth(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Object.values(value as Record<string, unknown>);
  return 1 + children.reduce<number>((max, child) => Math.max(max, parsedDepth(child)), 0);
}

describe("scanning JSON nesting before parsing", () => {
  it("counts objects and arrays, and scalars as no level at all", () => {
    expect(scanJsonDepth("42", 1)).toEqual({ ok: true, depth: 0 });
    expect(scanJsonDepth('"text"', 1)).toEqual({ ok: true, depth: 0 });
    expect(scanJsonDepth("{}", 1)).toEqual({ ok: true, depth: 1 });
    expect(scanJsonDepth('{"topology":{"vpcs":[{"cidrBlock":"10.0.0.0/16"}]}}', 10)).toEqual({ ok: true, depth: 4 });
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(scanJsonDepth('{"name":"[[[{{{"}', 1)).toEqual({ ok: true, depth: 1 });
    expect(scanJsonDepth('{"name":"a \\" [[[ \\\\"}', 1)).toEqual({ ok: true, depth: 1 });
    expect(scanJsonDepth('["\\\\", [1]]', 2)).toEqual({ ok: true, depth: 2 });
  });

  it("stops at the first bracket past the limit and says where it is", () => {
    expect(scanJsonDepth(nested(3), 3)).toEqual({ ok: true, depth: 3 });
    expect(scanJsonDepth(nested(4), 3)).toEqual({ ok: false, maxDepth: 3, offset: 15 });
    expect(scanJsonDepth("[".repeat(5000), LIMITS.jsonDepth)).toEqual({ ok: false, maxDepth: LIMITS.jsonDepth, offset: LIMITS.jsonDepth });
  });

  it("agrees with JSON.parse on every JSON value", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "large" }), (text) => {
        const depth = parsedDepth(JSON.parse(text));
        expect(scanJsonDepth(text, 1000)).toEqual({ ok: true, depth });
        if (depth > 0) expect(scanJsonDepth(text, depth - 1).ok).toBe(false);
      }),
    );
  });

  it("scans a 5,000-level document in well under a millisecond per kilobyte", () => {
    const text = nested(5000);
    const started = performance.now();
    for (let i = 0; i < 100; i++) scanJsonDepth(text, LIMITS.jsonDepth);
    expect((performance.now() - started) / 100).toBeLessThan(5);
  });
});

describe("parsing a JSON body within the limits", () => {
  it("refuses a document nested past the depth limit with what to change, before parsing it", () => {
    const text = `{"topology":${nested(5000)}}`;
    // What went wrong before this check: JSON.parse accepts it, but writing it back overflows
    // the stack, which the draft route reported as "could not be saved just now".
    expect(() => JSON.stringify(JSON.parse(text))).toThrow(RangeError);
    const result = parseJsonText(text, { maxBytes: LIMITS.topologyBytes });
    expect(result).toEqual({ ok: false, problem: { kind: "too-deep", maxDepth: LIMITS.jsonDepth } });
    if (result.ok) return;
    expect(describeJsonProblem(result.problem, "The topology")).toBe(
      `The topology nests objects and lists inside each other more than ${LIMITS.jsonDepth} levels deep; the limit is ${LIMITS.jsonDepth} levels. Remove the extra nesting.`,
    );
  });

  it("accepts the deepest document the limit allows", () => {
    expect(parseJsonText(nested(LIMITS.jsonDepth), { maxBytes: LIMITS.topologyBytes }).ok).toBe(true);
    expect(parseJsonText(nested(LIMITS.jsonDepth + 1), { maxBytes: LIMITS.topologyBytes }).ok).toBe(false);
  });

  it("checks the size in UTF-8 bytes first, then the syntax", () => {
    expect(parseJsonText(`"${"é".repeat(600)}"`, { maxBytes: 1024 })).toEqual({ ok: false, problem: { kind: "too-large", bytes: 1202, maxBytes: 1024 } });
    const broken = parseJsonText('{"topology": ', { maxBytes: 1024 });
    expect(broken.ok === false && broken.problem.kind).toBe("invalid-json");
    expect(describeJsonProblem({ kind: "too-large", bytes: 300 * 1024, maxBytes: 256 * 1024 }, "The topology")).toBe("The topology is 300 kB; the limit is 256 kB.");
  });
});
