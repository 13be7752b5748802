import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Answers the question on screen: the options named in `pick` when given, else the first ones it asks for. Returns what the feedback says. */
async function answer(page: Page, pick?: string[]) {
  const options = page.getByRole("group").filter({ has: page.locator("legend") }).first();
  const legend = (await options.locator("legend").textContent()) ?? "";
  const need = legend.includes("three") ? 3 : legend.includes("two") ? 2 : 1;
  const inputs = options.locator("input");
  const labels = await options.locator("label").allTextContents();
  const indexes = pick ? labels.flatMap((text, i) => (pick.includes(text.trim()) ? [i] : [])) : [...Array(need).keys()];
  for (const i of indexes) await inputs.nth(i).check();
  await page.getByRole("button", { name: "Check my answer" }).click();
  const verdict = page.getByRole("status").filter({ hasText: /^(Right|Not right)\./ });
  await expect(verdict).toBeVisible();
  const right = (await verdict.textContent())?.startsWith("Right.") ?? false;
  // The feedback explains every option and marks the right ones.
  const correct: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const box = inputs.nth(i).locator("xpath=ancestor::div[1]");
    const note = (await box.locator("p").textContent()) ?? "";
    expect(note.length, "every option carries its explanation").toBeGreaterThan(20);
    if (note.startsWith("Correct answer")) correct.push((labels[i] ?? "").trim());
  }
  return { right, correct, stem: (await page.locator("section p.whitespace-pre-line").textContent()) ?? "" };
}

test("a learner practises a lesson, misses a question, sees it due tomorrow and reviews it ahead", async ({ page, account: _account }) => {
  // Sign-up alone can take 30 s on a loaded machine (e2e/fixtures.ts); then five questions and a review.
  test.setTimeout(180_000);
  await page.goto("/lessons/vpc-peering");
  await page.getByRole("link", { name: /^Practise VPC peering/ }).click();
  await expect(page).toHaveURL(/\/practice\?lesson=vpc-peering/);
  await expect(page.getByRole("combobox", { name: "Lesson" })).toHaveValue("vpc-peering");
  await page.getByRole("combobox", { name: "How many questions" }).selectOption("5");
  await page.getByRole("button", { name: "Start practice" }).click();

  // Nothing that reveals an answer is in the page before it is answered.
  const html = await (await page.request.get(page.url())).text();
  expect(html).not.toMatch(/"correct"|explanation/i);

  const missed = new Map<string, string[]>();
  for (let i = 0; i < 5; i++) {
    await expect(page.getByRole("heading", { name: `Question ${i + 1}` })).toBeVisible();
    const result = await answer(page);
    if (!result.right) {
      missed.set(result.stem.slice(0, 60), result.correct);
      await expect(page.getByText(/Your answer rated this card Again; next review tomorrow/)).toBeVisible();
      await expect(page.getByRole("link", { name: /the lesson section/ })).toHaveAttribute("href", /^\/lessons\/vpc-peering#/);
      await expect(page.getByRole("link", { name: /AWS documentation/ }).first()).toHaveAttribute("href", /^https:\/\/(docs\.)?aws\.amazon\.com\//);
    }
    await page.getByRole("button", { name: i < 4 ? "Next question" : "See my results" }).click();
  }
  expect(missed.size, "picking the first option of five questions misses at least one").toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: new RegExp(`Set finished: ${5 - missed.size} of 5 right`) })).toBeVisible();

  // The miss is in the review listing, due tomorrow; nothing is due today.
  await page.goto("/review");
  await expect(page.getByText("0 due today")).toBeVisible();
  const upcoming = page.getByRole("table", { name: "Cards due after today" });
  await expect(upcoming.getByRole("row").filter({ hasText: "tomorrow" })).toHaveCount(missed.size);

  // Reviewing ahead asks the missed questions first; answering one right moves it out.
  await page.getByRole("link", { name: "Review ahead" }).click();
  await expect(page.getByRole("heading", { name: "Reviewing ahead" })).toBeVisible();
  const stem = (await page.locator("section p.whitespace-pre-line").textContent()) ?? "";
  const key = [...missed.keys()].find((k) => stem.startsWith(k));
  expect(key, "the first card to review is a missed one").toBeDefined();
  const result = await answer(page, missed.get(key ?? ""));
  expect(result.right).toBe(true);
  await expect(page.getByText(/Your answer rated this card Good; next review in \d+ days/)).toBeVisible();
  await page.getByRole("button", { name: "Easy" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Rated Easy\. Next review in \d+ days/ })).toBeVisible();

  await page.goto("/review");
  await expect(page.getByRole("table", { name: "Cards due after today" }).getByRole("row").filter({ hasText: "tomorrow" })).toHaveCount(missed.size - 1);
  await expect(page.getByRole("heading", { name: "Your progress" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Accuracy by topic/ })).toContainText("VPC peering");

  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: "0 due today" })).toBeVisible();
});

test("an anonymous visitor practises with feedback and is told nothing is saved", async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/practice?lesson=subnets&count=5&generated=1&start=1&seed=3");
  await expect(page.getByText(/You are not signed in: you can practise, but nothing is saved/)).toBeVisible();
  await answer(page);
  await expect(page.getByText(/Not saved: you are not signed in/)).toBeVisible();
  await page.close();
});

test("bad practice settings get a clear message, not an error page", async ({ page }) => {
  // Next's route announcer is an (empty) alert too: look for the page's own.
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  await page.goto("/practice?count=5000&domain=9&start=1");
  await expect(alert).toContainText("These practice settings could not be used");
  await expect(alert).toContainText("at most 50 questions");
  await page.goto("/practice?lesson=no-such-lesson&start=1");
  await expect(alert).toContainText('There is no lesson "no-such-lesson"');
});
