import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, formatJoinCode, generateJoinCode, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
  it("are 12 characters from an alphabet without look-alikes (0/O, 1/I/L)", () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{12}$/);
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(JOIN_CODE_LENGTH).toBeGreaterThanOrEqual(12);
  });

  it("use every symbol the random source picks (no bias toward part of the alphabet)", () => {
    let i = 0;
    const cycling = (max: number) => i++ % max;
    expect(generateJoinCode(cycling)).toBe(JOIN_CODE_ALPHABET.slice(0, 12));
  });

  it("are hard to collide: 2,000 fresh codes are all different", () => {
    expect(new Set(Array.from({ length: 2000 }, () => generateJoinCode())).size).toBe(2000);
  });

  it("accept the code as people type it: lower case, spaces, dashes", () => {
    expect(normalizeJoinCode("abcd-efgh-jkmn")).toBe("ABCDEFGHJKMN");
    expect(normalizeJoinCode(" ABCD EFGH JKMN ")).toBe("ABCDEFGHJKMN");
    expect(formatJoinCode("ABCDEFGHJKMN")).toBe("ABCD-EFGH-JKMN");
  });

  it("refuse what cannot be a code: wrong length or a look-alike character", () => {
    expect(normalizeJoinCode("ABCD-EFGH")).toBeNull();
    expect(normalizeJoinCode("ABCD-EFGH-JKM0")).toBeNull();
    expect(normalizeJoinCode("ABCD-EFGH-JKMNP")).toBeNull();
  });
});
