import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page, Response } from "@playwright/test";
import { parse } from "yaml";
import { expect, newAccount, signUp, test } from "./fixtures";

type BankFile = { questions: { stem: string; options: { text: string; explanation: string }[] }[] };

/**
 * Fragments of every explanation in the bank: six words in a row, letters and digits only (so
 * they read the same in HTML, in JSON and in the RSC stream), that appear in no stem or option
 * text (so finding one can only mean an explanation leaked).
 */
function explanationFragments(): string[] {
  const dir = "content/questions";
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => parse(readFileSync(path.join(dir, f), "utf8")) as BankFile);
  const questions = files.flatMap((f) => f.questions);
  const visible = questions.flatMap((q) => [q.stem, ...q.options.map((o) => o.text)]).join("\n");
  const fragments: string[] = [];
  for (const q of questions) {
    for (const o of q.options) {
      const words = o.explanation.split(/\s+/);
      for (let i = 0; i + 6 <= words.length; i++) {
        const window = words.slice(i, i + 6);
        if (!window.every((w) => /^[A-Za-z0-9]+$/.test(w))) continue;
        const fragment = window.join(" ");
        if (visible.includes(fragment)) continue;
        fragments.push(fragment);
        break;
      }
    }
  }
  return fragments;
}

/** Every document, RSC and server-action response the page receives, as text. */
function recordResponses(page: Page): { bodies: Promise<string>[] } {
  const record = { bodies: [] as Promise<string>[] };
  page.on("response", (response: Response) => {
    const type = response.request().resourceType();
    if (type !== "document" && type !== "fetch" && type !== "xhr") return;
    record.bodies.push(response.text().then((t) => `${response.url()}\n${t}`, () => ""));
  });
  return record;
}

async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole("timer", { name: "Time left" }).textContent()) ?? "";
  const parts = text.trim().split(":").map(Number);
  return parts.reduce((total, n) => total * 60 + n, 0);
}

async function expectNoSeriousAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(serious, where).toEqual([]);
}

test("a learner takes a short timed set end to end; nothing reveals an answer before submission", async ({ page, context, account: _account }) => {
  // Two tabs, three accessibility scans and a search of every response: long on a loaded machine.
  test.setTimeout(300_000);
  const fragments = explanationFragments();
  expect(fragments.length).toBeGreaterThan(500);
  const responses = recordResponses(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exam simulations" })).toBeVisible();
  await page.getByRole("button", { name: "Start ANS-C01 lunch-break set" }).click();
  await expect(page).toHaveURL(/\/exams\/[a-z0-9]+$/);
  const attemptUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "Question 1 of 20" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
  const startLeft = await secondsLeft(page);
  expect(startLeft).toBeGreaterThan(49 * 60);
  expect(startLeft).toBeLessThanOrEqual(50 * 60);
  await expectNoSeriousAxeViolations(page, "question player");

  // Keyboard only: 1 chooses the first option, N moves on, F flags, → moves on.
  await page.keyboard.press("1");
  await expect(page.locator("#main input").first()).toBeChecked();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.keyboard.press("n");
  await expect(page.getByRole("heading", { name: "Question 2 of 20" })).toBeVisible();
  await page.keyboard.press("2");
  await expect(page.locator("#main input").nth(1)).toBeChecked();
  await page.keyboard.press("f");
  await expect(page.getByRole("button", { name: "Flagged for review" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("heading", { name: "Question 3 of 20" })).toBeVisible();
  await page.keyboard.press("p");
  await expect(page.getByRole("heading", { name: "Question 2 of 20" })).toBeVisible();

  // A reload resumes the same attempt, with its answers, its flag and the time that is left.
  await page.waitForTimeout(1500);
  const beforeReload = await secondsLeft(page);
  await page.reload();
  await expect(page).toHaveURL(attemptUrl);
  await expect(page.getByRole("heading", { name: "Question 1 of 20" })).toBeVisible();
  await expect(page.locator("#main input").first()).toBeChecked();
  const afterReload = await secondsLeft(page);
  expect(afterReload).toBeLessThanOrEqual(beforeReload);
  expect(afterReload).toBeGreaterThan(beforeReload - 30);
  const questionNav = page.getByRole("navigation", { name: "Questions" });
  await expect(questionNav.getByRole("button", { name: "Question 2, answered, flagged" })).toBeVisible();
  await expect(questionNav.getByRole("button", { name: "Question 3, unanswered" })).toBeVisible();

  // Starting the same set again (another tab) resumes this attempt instead of forking it.
  const second = await context.newPage();
  await second.goto("/exams");
  await second.getByRole("button", { name: "Resume ANS-C01 lunch-break set" }).click();
  await expect(second).toHaveURL(attemptUrl);
  await expect(second.locator("#main input").first()).toBeChecked();

  // Works on a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The review screen lists answered, unanswered and flagged questions.
  await page.keyboard.press("r");
  const review = page.getByRole("region", { name: "Review before you submit" });
  await expect(review).toBeVisible();
  await expect(review.getByText(/2\s+answered,\s+18\s+unanswered,\s+1\s+flagged for review/)).toBeVisible();
  await expect(review.getByRole("button", { name: /Question 2\s*Answered\s*Flagged/ })).toBeVisible();

  // Before submission: no explanation and no correct flag in the HTML or in any RSC/JSON response.
  const html = await page.request.get(attemptUrl);
  const bodies = [...(await Promise.all(responses.bodies)), `${attemptUrl}\n${await html.text()}`];
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) {
    const where = body.split("\n")[0];
    expect(body, `${where}: a "correct" field`).not.toMatch(/\\*"(correct|explanation)\\*"\s*:/);
    const leaked = fragments.find((f) => body.includes(f));
    expect(leaked, `${where}: an explanation`).toBeUndefined();
  }

  await review.getByRole("button", { name: "Submit exam" }).click();
  await expect(page).toHaveURL(`${attemptUrl}/result`);
  await expect(page.getByRole("heading", { level: 1, name: "Your result" })).toBeVisible();
  const scaled = (await page.getByTestId("scaled-score").textContent()) ?? "";
  expect(Number(scaled)).toBeGreaterThanOrEqual(100);
  expect(Number(scaled)).toBeLessThan(750);
  await expect(page.getByText(/of 20 right \(\d+ %\), 2 answered/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "By domain" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Network Design/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "By task statement" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Question \d+:/ })).toHaveCount(20);
  await expect(page.getByText("Correct answer.", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("you flagged it")).toBeVisible();
  await expect(page.getByRole("link", { name: "the lesson section" }).first()).toHaveAttribute("href", /^\/lessons\/[a-z0-9-]+#[a-z0-9-]+$/);
  await expectNoSeriousAxeViolations(page, "result page");
  // The same search finds the explanations once they are meant to be there, so it can fail.
  const resultHtml = await (await page.request.get(`${attemptUrl}/result`)).text();
  expect(fragments.filter((f) => resultHtml.includes(f)).length).toBeGreaterThan(20);

  // The other tab submits too: nothing is scored again, the result stays the same.
  await second.keyboard.press("r");
  await second.getByRole("button", { name: "Submit exam" }).click();
  await expect(second).toHaveURL(`${attemptUrl}/result`);
  await expect(second.getByTestId("scaled-score")).toHaveText(scaled);
  await page.reload();
  await expect(page.getByTestId("scaled-score")).toHaveText(scaled);

  // The player of a finished attempt goes to its result; the history shows it.
  await page.goto(attemptUrl);
  await expect(page).toHaveURL(`${attemptUrl}/result`);
  await page.goto("/exams");
  await expect(page.getByRole("row", { name: new RegExp(`ANS-C01 lunch-break set.*Submitted.*${scaled} \\(fail, \\d+/20\\)`) })).toBeVisible();
});

async function takeBlankShortSet(page: Page): Promise<string> {
  await page.goto("/exams");
  await page.getByRole("button", { name: "Start ANS-C01 lunch-break set" }).click();
  await expect(page.getByRole("heading", { name: "Question 1 of 20" })).toBeVisible();
  const url = new URL(page.url()).pathname;
  await page.keyboard.press("r");
  await page.getByRole("button", { name: "Submit exam" }).click();
  await expect(page.getByTestId("scaled-score")).toHaveText("100");
  return url;
}

test("the history draws the trend of finished attempts beside its table; another learner gets 404", async ({ page, browser, account: _account }) => {
  test.setTimeout(240_000);
  const first = await takeBlankShortSet(page);
  const second = await takeBlankShortSet(page);
  expect(second).not.toBe(first);
  await page.goto("/exams");
  await expect(page.locator(".recharts-surface")).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("100 (fail, 0/20)");
  await expectNoSeriousAxeViolations(page, "exams page");

  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signUp(stranger, newAccount());
  expect((await stranger.goto(first))?.status()).toBe(404);
  expect((await stranger.goto(`${first}/result`))?.status()).toBe(404);
  await strangerContext.close();
});
