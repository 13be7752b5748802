import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

for (const [name, path] of [
  ["home page", "/"],
  ["course outline", "/lessons"],
  ["a lesson with a live scenario", "/lessons/nat-instance-and-nat-gateway"],
  ["sign-in page", "/sign-in"],
] as const) {
  test(`the ${name} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(" ")})`)).toEqual([]);
  });
}
