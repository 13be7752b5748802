import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { parse } from "yaml";
import { moveClock } from "./clock";
import { expect, test } from "./fixtures";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The right options of each VPC peering question, by stem, from the bank itself (so the test can miss on purpose). */
function rightOptionsByStem(): Map<string, string[]> {
  const bank = parse(readFileSync("content/questions/vpc-peering.yaml", "utf8")) as { questions: { stem: string; options: { text: string; correct?: boolean }[] }[] };
  return new Map(bank.questions.map((q) => [squash(q.stem), q.options.filter((o) => o.correct).map((o) => squash(o.text))]));
}

/** Wrong options of the question on screen, as many as it asks for. */
async function wrongPicks(page: Page): Promise<string[]> {
  const stem = squash((await page.locator("section p.whitespace-pre-line").textContent()) ?? "");
  const right = rightOptionsByStem().get(stem);
  expect(right, `the question on screen is in content/questions/vpc-peering.yaml: ${stem.slice(0, 80)}`).toBeDefined();
  const options = page.getByRole("group").filter({ has: page.locator("legend") }).first();
  const legend = (await options.locator("legend").textContent()) ?? "";
  const need = legend.includes("three") ? 3 : legend.includes("two") ? 2 : 1;
  const labels = (await options.locator("label").allTextContents()).map((t) => t.trim());
  return labels.filter((l) => !right?.includes(squash(l))).slice(0, need);
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(" ")})`)).toEqual([]);
}

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

test("a learner practises a lesson, misses a question, sees it due tomorrow, finds it in the next day's queue and is rescheduled", async ({ page, account }) => {
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
    // The first question is missed on purpose; the others get their first options, right or wrong.
    const result = await answer(page, i === 0 ? await wrongPicks(page) : undefined);
    if (i === 0) await expectNoSeriousAxeViolations(page);
    if (!result.right) {
      missed.set(result.stem.slice(0, 60), result.correct);
      await expect(page.getByText(/Your answer rated this card Again; next review tomorrow/)).toBeVisible();
      await expect(page.getByRole("link", { name: /the lesson section/ })).toHaveAttribute("href", /^\/lessons\/vpc-peering#/);
      await expect(page.getByRole("link", { name: /AWS documentation/ }).first()).toHaveAttribute("href", /^https:\/\/(docs\.)?aws\.amazon\.com\//);
    }
    await page.getByRole("button", { name: i < 4 ? "Next question" : "See my results" }).click();
  }
  expect(missed.size, "the first question, answered wrong on purpose, is missed").toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: new RegExp(`Set finished: ${5 - missed.size} of 5 right`) })).toBeVisible();

  // The miss is in the review listing, due tomorrow; nothing is due today.
  await page.goto("/review");
  await expect(page.getByText("0 due today")).toBeVisible();
  const upcoming = page.getByRole("table", { name: "Cards due after today" });
  await expect(upcoming.getByRole("row").filter({ hasText: "tomorrow" })).toHaveCount(missed.size);

  // The next day (this learner's server clock moved a day ahead): the misses are today's queue.
  moveClock(account.email, 24 * 3_600_000 + 5 * 60_000);
  await page.goto("/review");
  await expect(page.getByText(`${missed.size} due today`)).toBeVisible();
  await page.getByRole("link", { name: "Start today's review" }).click();
  await expect(page.getByRole("heading", { name: "Today's review" })).toBeVisible();
  const stem = (await page.locator("section p.whitespace-pre-line").textContent()) ?? "";
  const key = [...missed.keys()].find((k) => stem.startsWith(k));
  expect(key, "today's review asks a missed question").toBeDefined();
  // Answered right this time, it is rescheduled days out, and the learner's own rating replaces the answer's.
  const result = await answer(page, missed.get(key ?? ""));
  expect(result.right).toBe(true);
  await expect(page.getByText(/Your answer rated this card Good; next review in \d+ days/)).toBeVisible();
  await page.getByRole("button", { name: "Easy" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Rated Easy\. Next review in \d+ days/ })).toBeVisible();

  await page.goto("/review");
  await expect(page.getByText(`${missed.size - 1} due today`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your progress" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Line chart of accuracy by domain/ }).locator("svg").first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await expect(page.getByRole("table", { name: /Accuracy by topic/ })).toContainText("VPC peering");

  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: `${missed.size - 1} due today` })).toBeVisible();
});

test("an anonymous visitor practises with feedback and is told nothing is saved", async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/practice?lesson=subnets&count=5&generated=1&start=1&seed=3");
  await expect(page.getByText(/You are not signed in: you can practise, but nothing is saved/)).toBeVisible();
  // Keyboard first: number keys choose, Enter checks, N moves on.
  const legend = (await page.locator("legend").first().textContent()) ?? "";
  await expect(page.locator("fieldset input").first()).toBeEnabled();
  await page.keyboard.press("1");
  if (legend.includes("two")) await page.keyboard.press("2");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /^(Right|Not right)\./ })).toBeVisible();
  await expect(page.getByText(/Not saved: you are not signed in/)).toBeVisible();
  await page.keyboard.press("n");
  await expect(page.getByRole("heading", { name: "Question 2" })).toBeVisible();
  await answer(page);
  await page.close();
});

test("a generated question has a shareable link that shows the same question", async ({ page }) => {
  await page.goto("/practice?q=generated%3Apeering-not-transitive%2F42");
  await expect(page.getByText(/Question 1 of 1 .* written by the evaluator/)).toBeVisible();
  const stem = await page.locator("section p.whitespace-pre-line").textContent();
  await page.getByRole("link", { name: "link to this question" }).click();
  await expect(page.locator("section p.whitespace-pre-line")).toHaveText(stem ?? "");
  const result = await answer(page);
  expect(result.correct.length).toBe(1);
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
