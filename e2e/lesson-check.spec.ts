import { expect, test } from "./fixtures";

test("a learner completes a lesson check and sees the progress on the outline and the dashboard", async ({ page, account: _account }) => {
  await page.goto("/lessons/route-tables");
  const check = page.getByRole("region", { name: "Check your understanding" });
  await expect(check).toBeVisible();
  const questions = check.getByRole("group");
  const count = await questions.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) await questions.nth(i).getByRole("radio").first().check();
  await check.getByRole("button", { name: "Check my answers" }).click();
  await expect(check.getByText(new RegExp(`of ${count} correct`))).toBeVisible();
  await expect(check.getByText("Saved. This lesson is marked as completed.")).toBeVisible();
  // Every option now carries its explanation.
  await expect(check.getByText("Correct answer.").first()).toBeVisible();

  await page.goto("/lessons");
  await expect(page.getByText("1 of 21 lessons completed")).toBeVisible();
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByText("lessons completed")).toContainText("1 of 21");
  await expect(page.getByRole("link", { name: /Route tables/ })).toBeVisible();
});

test("an anonymous visitor can take a check and is told to sign in to save it", async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/lessons/subnets");
  const check = page.getByRole("region", { name: "Check your understanding" });
  await check.getByRole("group").first().getByRole("radio").first().check();
  await check.getByRole("button", { name: "Check my answers" }).click();
  await expect(check.getByText("Sign in to save your answers and progress.")).toBeVisible();
  await page.close();
});
