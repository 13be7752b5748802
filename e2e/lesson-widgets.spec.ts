import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

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

test("lesson vpc-flow-logs: the records of a request turn from ACCEPT to REJECT when the security group stops admitting it", async ({ page }) => {
  await page.goto("/lessons/vpc-flow-logs");
  const row = probe(page, "Internet client 198.51.100.7 to the web server on 443");
  const records = row.locator("[data-flow-log-records]");
  await expect(records.getByText(/ 198\.51\.100\.7 .* 443 6 .* ACCEPT OK$/)).toBeVisible();

  await page.getByRole("checkbox", { name: "sg-web: inbound TCP 443 from 0.0.0.0/0" }).click();
  await expect(row.getByText("Blocked", { exact: true })).toBeVisible();
  await expect(records.getByText(/ REJECT OK$/)).toBeVisible();
  await expect(records.getByText(/ ACCEPT OK$/)).toHaveCount(0);
});

test("lesson global-accelerator-and-accelerated-vpn: a Frankfurt client fails over to us-east-1 when its endpoint stops answering", async ({ page }) => {
  await page.goto("/lessons/global-accelerator-and-accelerated-vpn");
  const frankfurt = page.locator('[data-client="A client near Frankfurt"]');
  await expect(frankfurt).toContainText("endpoint group eu-central-1");

  await page.getByRole("checkbox", { name: /^sg-shop-eu: inbound TCP 443/ }).click();
  await expect(frankfurt).toContainText("endpoint group us-east-1");
  await expect(frankfurt).toContainText("i-shop-us");
  await expect(frankfurt).toContainText("fails over to us-east-1");
});
