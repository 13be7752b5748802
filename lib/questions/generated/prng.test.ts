import { describe, expect, it } from "vitest";
import { createRng } from "./prng";

describe("the seeded random source", () => {
  it("gives the same sequence for the same key and a different one for another key", () => {
    const a = createRng("peering-not-transitive/42/0");
    const b = createRng("peering-not-transitive/42/0");
    const c = createRng("peering-not-transitive/43/0");
    const draw = (r: ReturnType<typeof createRng>) => Array.from({ length: 20 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it("stays in range and reaches both ends of it", () => {
    const rng = createRng("range");
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    for (let i = 0; i < 1000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it("picks distinct items, shuffles without losing any, and writes hex digits", () => {
    const rng = createRng("items");
    const items = ["a", "b", "c", "d", "e", "f"];
    const picked = rng.pickMany(items, 4);
    expect(new Set(picked).size).toBe(4);
    expect(rng.shuffle(items).sort()).toEqual(items);
    expect(rng.hex(8)).toMatch(/^[0-9a-f]{8}$/);
  });

  it("refuses impossible requests with a clear message", () => {
    const rng = createRng("errors");
    expect(() => rng.pick([])).toThrow(/nothing to pick/);
    expect(() => rng.pickMany(["a"], 2)).toThrow(/asked for 2 of 1/);
    expect(() => rng.int(5, 1)).toThrow(/min <= max/);
  });
});
