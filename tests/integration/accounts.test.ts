import { beforeEach, describe, expect, it } from "vitest";
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

let HOME = { clientAddress: "198.51.100.10" };
let nextAddress = 10;

// bcrypt (cost 12) on every sign-in: generous timeouts for busy CI machines.
describe("sign-in against a real database", { timeout: 120_000 }, () => {
  // Each test signs in from its own "home" address, so address-wide counts never carry over.
  beforeEach(() => {
    HOME = { clientAddress: `198.51.100.${(nextAddress += 1)}` };
  });

  it("accepts the right password and returns the user's role", async () => {
    const input = newUserInput();
    await registerUser(input);
    const result = await verifyCredentials({ email: input.email, password: input.password }, HOME);
    expect(result).toMatchObject({ ok: true, user: { email: input.email, role: "learner" } });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const input = newUserInput();
    await registerUser(input);
    const wrong = await verifyCredentials({ email: input.email, password: "not-the-password-1" }, HOME);
    const unknown = await verifyCredentials({ email: newUserInput().email, password: "whatever-1234" }, HOME);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows down repeated failures from one place, even for the right password, and clears that place's streak on success", async () => {
    const input = newUserInput();
    await registerUser(input);
    const t0 = new Date();
    for (let i = 0; i < 3; i++) await verifyCredentials({ email: input.email, password: "wrong-password-1" }, { ...HOME, now: t0 });
    const throttled = await verifyCredentials({ email: input.email, password: input.password }, { ...HOME, now: new Date(t0.getTime() + 1000) });
    expect(throttled).toEqual({ ok: false, reason: "throttled", scope: "pair", retryAfterSeconds: 4 });
    if (!throttled.ok) expect(signInErrorMessage(throttled)).toBe("Too many failed sign-ins for this email from this device. Wait 4 seconds, then try again.");
    const later = await verifyCredentials({ email: input.email, password: input.password }, { ...HOME, now: new Date(t0.getTime() + 6000) });
    expect(later.ok).toBe(true);
    const again = await verifyCredentials({ email: input.email, password: "wrong-password-1" }, { ...HOME, now: new Date(t0.getTime() + 7000) });
    expect(again).toEqual({ ok: false, reason: "invalid" });
  });

  it("does not let a stranger's wrong passwords lock the owner out of their own address", async () => {
    const input = newUserInput();
    await registerUser(input);
    const t0 = new Date();
    expect((await verifyCredentials({ email: input.email, password: input.password }, { ...HOME, now: t0 })).ok).toBe(true);
    // Someone else guesses from one address, then from twenty.
    for (let i = 0; i < 5; i++) await verifyCredentials({ email: input.email, password: `guess-number-${i}` }, { clientAddress: "203.0.113.66", now: t0 });
    for (let i = 0; i < 20; i++) await verifyCredentials({ email: input.email, password: `guess-number-${i}` }, { clientAddress: `203.0.113.${100 + i}`, now: t0 });
    const stranger = await verifyCredentials({ email: input.email, password: "guess-number-99" }, { clientAddress: "203.0.113.200", now: t0 });
    expect(stranger).toMatchObject({ ok: false, reason: "throttled", scope: "account" });
    // The owner, from the address they signed in from before, still gets in at once.
    const owner = await verifyCredentials({ email: input.email, password: input.password }, { ...HOME, now: t0 });
    expect(owner.ok).toBe(true);
  });

  it("checks exactly the free attempts against the password when 50 wrong ones arrive at once", async () => {
    const input = newUserInput();
    await registerUser(input);
    let checked = 0;
    const verify = async () => {
      checked += 1;
      return false;
    };
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => verifyCredentials({ email: input.email, password: "parallel-guess-1" }, { ...HOME, now, verify })),
    );
    expect(checked).toBe(3);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(47);
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
