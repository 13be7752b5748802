import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

for (const [name, path] of [
  ["labs outline", "/labs"],
  ["lab page with the editor", "/labs/three-tier-vpc-with-nat"],
] as const) {
  test(`the ${name} has no serious or critical accessibility violations`, async ({ page, account: _account }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (path !== "/labs") {
      // With graded results on the page too.
      await page.getByRole("button", { name: "Submit for grading" }).click();
      await expect(page.getByRole("region", { name: /^Score:/ })).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(" ")})`)).toEqual([]);
  });
}
