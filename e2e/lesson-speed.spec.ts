import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Lessons arrive as HTML with their widgets' initial verdicts; a widget's code loads when it
// comes near the viewport or is touched (components/scenario-island.tsx), and nothing the
// learner does before that is lost.

/** Holds the page's scripts (not its styles) back, so what the test does lands on the server's HTML alone; call the result to let them through. */
async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"), async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a lesson's text and its widget's initial verdicts are in the server's HTML", async ({ page }) => {
    await page.goto("/lessons/nat-instance-and-nat-gateway");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const scenario = page.locator('[data-scenario="nat-gateway-egress"]');
    await expect(scenario.getByRole("checkbox", { name: "Private route table: 0.0.0.0/0 → NAT gateway" })).toBeChecked();
    const row = scenario.getByRole("listitem").filter({ has: page.getByText("App server to a package repository on 443", { exact: true }) });
    await expect(row.getByText("Reachable", { exact: true })).toBeVisible();
    await expect(scenario.getByText(/Hop by hop/).first()).toBeVisible();
  });
});

test("a widget far down the page stays server HTML until the learner scrolls near it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto("/lessons/transit-gateway");
  const island = page.locator('[data-scenario-island]').filter({ has: page.locator('[data-scenario="transit-gateway-segmentation"]') });
  await page.waitForLoadState("networkidle");
  await expect(island).toHaveAttribute("data-scenario-island", "static");
  await island.scrollIntoViewIfNeeded();
  await expect(island).toHaveAttribute("data-scenario-island", "live");
  await expect(island.getByText(/Evaluated in your browser in/)).toBeVisible();
});

test("a box ticked before any JavaScript has run is kept when the widget takes over", async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto("/lessons/security-groups-and-network-acls", { waitUntil: "commit" });
  const control = page.getByRole("checkbox", { name: "Network ACL outbound rule 100: allow TCP 1024–65535 (replies to clients)" });
  await control.click();
  await expect(control).not.toBeChecked();
  release();
  // The scripts, hydration and then the widget's own chunk: give a loaded CI machine room.
  const row = page.locator("[data-scenario]").getByRole("listitem").filter({ has: page.getByText("Internet client (port 51544) to the web server on 443", { exact: true }) });
  await expect(row.getByText("SUBNET_ACL_RESTRICTION")).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText("Blocked", { exact: true })).toBeVisible();
  await expect(control).not.toBeChecked();
});

test("an option picked before the lesson check's code has loaded is kept and graded", async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto("/lessons/subnets", { waitUntil: "commit" });
  const check = page.getByRole("region", { name: "Check your understanding" });
  const first = check.getByRole("group").first().getByRole("radio").first();
  await first.check();
  // Nothing can be sent (or lost) before the check's code runs: the server's HTML has no key.
  const send = check.getByRole("button", { name: "Check my answers" });
  await expect(send).toBeDisabled();
  release();
  await expect(send).toBeEnabled({ timeout: 30_000 });
  await expect(first).toBeChecked();
  await send.click();
  await expect(check.getByText(/^\d+ of \d+ correct\.$/)).toBeVisible();
  await expect(check.getByText("Sign in to save your answers and progress.")).toBeVisible();
  await expect(first).toBeChecked();
});

test("the lesson check's key and explanations are not in the page before it is answered", async ({ page }) => {
  const response = await page.goto("/lessons/route-tables");
  const html = (await response?.text()) ?? "";
  expect(html).toContain("Check your understanding");
  // The lesson's own frontmatter: every option's explanation, none of which may be in the page.
  const source = readFileSync("content/lessons/03-route-tables.mdx", "utf8");
  const explanations = [...source.matchAll(/^\s*explanation:\s*"?(.{20,}?)"?\s*$/gm)].map((m) => m[1] ?? "");
  expect(explanations.length).toBeGreaterThan(5);
  for (const text of explanations) expect(html).not.toContain(text);
  expect(html).not.toMatch(/\\?"correct\\?":/);
});
