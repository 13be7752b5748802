import { describe, expect, it } from "vitest";
import { hashPassword, passwordWeaknesses, verifyPassword } from "./password";

describe("passwordWeaknesses", () => {
  it("accepts a long password that mixes letters and other characters", () => {
    expect(passwordWeaknesses("route-tables-42")).toEqual([]);
  });

  it("says how long a password must be", () => {
    expect(passwordWeaknesses("abc12")).toContain("Use at least 10 characters (this one has 5).");
  });

  it("rejects common passwords and passwords of one character class", () => {
    expect(passwordWeaknesses("password123")).toContain("This is one of the most common passwords; choose another.");
    expect(passwordWeaknesses("onlyletterslong")).toContain("Mix letters with digits, spaces or symbols.");
    expect(passwordWeaknesses("aaaaaaaaa1")).toContain("Use at least 5 different characters.");
  });

  it("rejects a password that contains the email's name part", () => {
    expect(passwordWeaknesses("marguerite-99", { email: "marguerite@example.com" })).toContain("Do not include your email address.");
  });
});

describe("hashPassword", () => {
  it("produces a salted bcrypt hash that verifies only the right password", async () => {
    const hash = await hashPassword("route-tables-42");
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    expect(hash).not.toContain("route-tables-42");
    await expect(verifyPassword("route-tables-42", hash)).resolves.toBe(true);
    await expect(verifyPassword("route-tables-43", hash)).resolves.toBe(false);
    expect(await hashPassword("route-tables-42")).not.toBe(hash);
  });
});
