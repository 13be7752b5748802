import { describe, expect, it } from "vitest";
import { registerUser, signInErrorMessage, upsertUser, verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { getDashboard } from "@/lib/progress/dashboard";
import { newUserInput } from "../factories";

describe("sign-up against a real database", () => {
  it("creates a learner with a bcrypt hash, never the password", async () => {
    const input = newUserInput();
    const result = await registerUser(input);
    expect(result.ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(row.role).toBe("learner");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(row.passwordHash).not.toContain(input.password);
  });

  it("normalises the email and refuses a taken one, case-insensitively", async () => {
    const input = newUserInput();
    await registerUser(input);
    const again = await registerUser({ ...input, email: `  ${input.email.toUpperCase()} ` });
    expect(again).toEqual({ ok: false, fieldErrors: { email: ["An account with this email already exists. Sign in instead."] } });
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });

  it("refuses a weak password and an invalid email with field messages, saving nothing", async () => {
    const input = newUserInput({ password: "short1" });
    const weak = await registerUser(input);
    expect(weak.ok).toBe(false);
    if (!weak.ok) expect(weak.fieldErrors.password?.[0]).toMatch(/at least 10 characters/);
    const badEmail = await registerUser(newUserInput({ email: "not-an-email" }));
    expect(badEmail.ok).toBe(false);
    if (!badEmail.ok) expect(badEmail.fieldErrors.email?.[0]).toMatch(/valid email/);
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it("keeps exactly one account when the same email signs up twice at once", async () => {
    const input = newUserInput();
    const results = await Promise.all([registerUser(input), registerUser(input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });
});

describe("sign-in against a real database", () => {
  it("accepts the right password and returns the user's role", async () => {
    const input = newUserInput();
    await registerUser(input);
    const result = await verifyCredentials({ email: input.email, password: input.password });
    expect(result).toMatchObject({ ok: true, user: { email: input.email, role: "learner" } });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const input = newUserInput();
    await registerUser(input);
    const wrong = await verifyCredentials({ email: input.email, password: "not-the-password-1" });
    const unknown = await verifyCredentials({ email: newUserInput().email, password: "whatever-1234" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows down repeated failures, even for the right password, and clears the streak on success", async () => {
    const input = newUserInput();
    await registerUser(input);
    const t0 = new Date();
    for (let i = 0; i < 3; i++) await verifyCredentials({ email: input.email, password: "wrong-password-1" }, t0);
    const throttled = await verifyCredentials({ email: input.email, password: input.password }, new Date(t0.getTime() + 1000));
    expect(throttled).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 4 });
    if (!throttled.ok) expect(signInErrorMessage(throttled)).toBe("Too many failed sign-ins for this email. Wait 4 seconds, then try again.");
    const later = await verifyCredentials({ email: input.email, password: input.password }, new Date(t0.getTime() + 6000));
    expect(later.ok).toBe(true);
    expect(await db.signInThrottle.findUnique({ where: { key: input.email } })).toBeNull();
  });
});

describe("dashboard data", () => {
  it("reads progress from the database", async () => {
    const user = await upsertUser({ ...newUserInput(), role: "instructor" });
    await db.lessonProgress.create({ data: { userId: user.id, lessonSlug: "route-tables", completedAt: new Date(), quizScore: 3, quizTotal: 4 } });
    await db.lessonProgress.create({ data: { userId: user.id, lessonSlug: "subnets" } });
    const dashboard = await getDashboard(user.id);
    expect(dashboard).toMatchObject({ role: "instructor", completedCount: 1 });
    expect(dashboard?.progress.map((p) => p.lessonSlug).sort()).toEqual(["route-tables", "subnets"]);
    expect(await getDashboard("no-such-user")).toBeNull();
  });
});
