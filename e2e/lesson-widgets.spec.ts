import { expect, test, type Page } from "@playwright/test";

/** A probe row of a live scenario, found by its label as a learner reads it. */
function probe(page: Page, label: string) {
  return page.locator("[data-scenario]").getByRole("listitem").filter({ has: page.getByText(label, { exact: true }) });
}

const cases = [
  {
    lesson: "nat-instance-and-nat-gateway",
    control: "Private route table: 0.0.0.0/0 → NAT gateway",
    probe: "App server to a package repository on 443",
    code: "NO_ROUTE_TO_DESTINATION",
  },
  {
    lesson: "security-groups-and-network-acls",
    control: "Network ACL outbound rule 100: allow TCP 1024–65535 (replies to clients)",
    probe: "Internet client (port 51544) to the web server on 443",
    code: "SUBNET_ACL_RESTRICTION",
  },
  {
    lesson: "internet-gateway-and-public-ips",
    control: "Web server has a public IPv4 address",
    probe: "Web server to an internet API on 443",
    code: "NO_PUBLIC_IP_ADDRESS",
  },
];

for (const c of cases) {
  test(`lesson ${c.lesson}: flipping "${c.control}" blocks "${c.probe}" and says why`, async ({ page }) => {
    await page.goto(`/lessons/${c.lesson}`);
    const row = probe(page, c.probe);
    await expect(row.getByText("Reachable", { exact: true })).toBeVisible();

    await page.getByRole("checkbox", { name: c.control }).click();
    await expect(row.getByText("Blocked", { exact: true })).toBeVisible();
    await expect(row.getByText(c.code)).toBeVisible();

    await page.getByRole("checkbox", { name: c.control }).click();
    await expect(row.getByText("Reachable", { exact: true })).toBeVisible();
  });
}
