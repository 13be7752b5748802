import { expect, test } from "./fixtures";

// Lessons arrive as HTML with their widgets' initial verdicts; a widget's code loads when it
// comes near the viewport or is touched (components/scenario-island.tsx), and nothing the
// learner does before that is lost.

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
  // Hold the page's scripts (not its styles) back so the click lands on the server's HTML alone.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"), async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/lessons/security-groups-and-network-acls", { waitUntil: "commit" });
  const control = page.getByRole("checkbox", { name: "Network ACL outbound rule 100: allow TCP 1024–65535 (replies to clients)" });
  await control.click();
  await expect(control).not.toBeChecked();
  release();
  const row = page.locator("[data-scenario]").getByRole("listitem").filter({ has: page.getByText("Internet client (port 51544) to the web server on 443", { exact: true }) });
  await expect(row.getByText("SUBNET_ACL_RESTRICTION")).toBeVisible();
  await expect(row.getByText("Blocked", { exact: true })).toBeVisible();
  await expect(control).not.toBeChecked();
});
