/**
 * A seeded pseudo-random generator, so a question is a pure function of (template id, seed):
 * the same pair always gives the same question, on any machine, and a shareable URL can
 * regenerate it. No Math.random, no clock.
 *
 * The key string is hashed with cyrb128 into four 32-bit words that seed sfc32 (Chris
 * Doty-Humphrey's Small Fast Counter), a small generator that passes PractRand and needs
 * only 32-bit integer arithmetic, which JavaScript does exactly.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** n distinct items, in random order. */
  pickMany<T>(items: readonly T[], n: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** n lowercase hexadecimal digits, for AWS-looking id suffixes. */
  hex(n: number): string;
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createRng(key: string): Rng {
  let [a, b, c, d] = cyrb128(key);
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 still carry the structure of the seed words.
  for (let i = 0; i < 12; i++) next();

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new Error(`rng.int: expected whole numbers min <= max, got ${min} and ${max}`);
    return min + Math.floor(next() * (max - min + 1));
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("rng.pick: nothing to pick from");
      return items[int(0, items.length - 1)] as T;
    },
    pickMany: <T>(items: readonly T[], n: number): T[] => {
      if (n > items.length) throw new Error(`rng.pickMany: asked for ${n} of ${items.length} items`);
      return shuffle(items).slice(0, n);
    },
    shuffle,
    hex: (n) => Array.from({ length: n }, () => "0123456789abcdef"[int(0, 15)]).join(""),
  };
}
