import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

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
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A page whose user has just signed up with a fresh account. */
export const test = base.extend<{ account: Account }>({
  account: async ({ page }, use) => {
    const account = newAccount();
    await signUp(page, account);
    await use(account);
  },
});

export { expect };
