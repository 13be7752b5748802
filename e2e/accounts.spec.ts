import { expect, newAccount, signIn, signUp, test } from "./fixtures";

test("a learner signs up, signs out, signs in again and reaches the dashboard", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await expect(page.getByText("lessons completed")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, account);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
});

test("an anonymous visit to the dashboard goes to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signIn(page, { email: "learner@reachable.test", password: "learn-vpc-2026" });
  await expect(page.getByRole("heading", { name: "Welcome, Lee Learner" })).toBeVisible();
});

test("a wrong password shows a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, { email: "instructor@reachable.test", password: "not-the-right-one-9" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account. Check them and try again.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-up explains a weak password and a taken email", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone");
  await page.getByLabel("Email").fill("admin@reachable.test");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters (this one has 5).")).toBeVisible();

  await page.getByLabel("Password").fill("a-much-better-passphrase-7");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
});

test("the course outline lists the lessons from content/", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "See the course outline" }).click();
  await expect(page.getByRole("heading", { name: "Course outline" })).toBeVisible();
  const items = page.getByRole("main").getByRole("listitem");
  await expect(items.first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^1\.\s*/ })).toBeVisible();
});
