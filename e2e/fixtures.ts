import { randomUUID } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export type Account = { name: string; email: string; password: string };

export function newAccount(): Account {
  const id = randomUUID().slice(0, 8);
  return { name: `E2E Learner ${id}`, email: `e2e-${id}@example.test`, password: `peering-${id}-tgw!` };
}

export async function signUp(page: Page, account: Account) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Signing up hashes the password twice on the server (create, then sign in; bcrypt cost 12),
  // which alone took over 9 s on a loaded 2-core CI machine.
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible({ timeout: 30_000 });
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Collects what the browser blocks under the Content-Security-Policy (proxy.ts) in every page
 * of `context`: the `securitypolicyviolation` events pages see, and the console errors Chromium
 * writes for them (an eval refused only reaches the console).
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  // Added through the DevTools protocol, so the CSP does not apply to this script itself.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`[securitypolicyviolation] ${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith("[securitypolicyviolation]") || /Content[ -]Security[ -]Policy/i.test(text)) violations.push(`${message.page()?.url() ?? "?"}: ${text}`);
  });
  return violations;
}

export const test = base.extend<{ account: Account; failOnCspViolation: void }>({
  /** A page whose user has just signed up with a fresh account. */
  account: async ({ page }, use) => {
    const account = newAccount();
    await signUp(page, account);
    await use(account);
  },

  /** Every test fails if the browser blocked anything under the CSP in any page it opened. */
  failOnCspViolation: [
    async ({ context }, use) => {
      const violations = await watchCspViolations(context);
      await use();
      expect(violations, "the Content-Security-Policy blocked something").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
