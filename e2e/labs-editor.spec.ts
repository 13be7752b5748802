import { readFileSync } from "node:fs";
import jsonPatch, { type Operation } from "fast-json-patch";
import { expect, test } from "./fixtures";

const SLUG = "three-tier-vpc-with-nat";

test("a learner builds the three-tier lab's solution in the visual editor and scores 100%", async ({ page, account: _account }) => {
  await page.goto("/labs");
  await page.locator(`[data-lab="${SLUG}"]`).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const resources = page.getByRole("navigation", { name: "Resources" });
  const form = page.getByRole("form");

  // Clicking a box in the diagram opens that resource's form.
  await page.locator('.react-flow__node[data-id="i-app"]').click();
  await expect(form.getByRole("heading", { name: "Edit instance i-app" })).toBeFocused();

  // A NAT gateway in the public web subnet, with a public IP.
  await page.getByLabel("Resource type").selectOption({ label: "NAT gateways" });
  await resources.getByRole("button", { name: "Add", exact: true }).click();
  await expect(form.getByRole("heading", { name: "Edit NAT gateway nat-new-1" })).toBeFocused();
  await form.getByLabel("Subnet ID").fill("subnet-web");
  await form.getByRole("button", { name: "Add nat gateway address" }).click();
  await form.getByRole("group", { name: "NAT gateway address 1" }).getByLabel("Public IP").fill("54.170.10.99");

  // The app subnet gets its own table with a default route to the NAT gateway.
  await page.getByLabel("Resource type").selectOption({ label: "Route tables" });
  await resources.getByRole("button", { name: "Add", exact: true }).click();
  await expect(form.getByRole("heading", { name: "Edit route table rtb-new-1" })).toBeVisible();
  await form.getByRole("button", { name: "Add association" }).click();
  await form.getByRole("group", { name: "Association 1" }).getByLabel("Subnet ID").fill("subnet-app");
  await form.getByRole("button", { name: "Add route" }).click();
  const route = form.getByRole("group", { name: "Route 1" });
  await route.getByLabel("Destination CIDR block").fill("0.0.0.0/0");
  await route.getByLabel("Target", { exact: true }).selectOption({ label: "NAT gateway" });
  await route.getByLabel("Target ID").fill("nat-new-1");

  // The database subnet gets a table with only the local route.
  await page.getByLabel("Resource type").selectOption({ label: "Route tables" });
  await resources.getByRole("button", { name: "Add", exact: true }).click();
  await expect(form.getByRole("heading", { name: "Edit route table rtb-new-2" })).toBeVisible();
  await form.getByRole("button", { name: "Add association" }).click();
  await form.getByRole("group", { name: "Association 1" }).getByLabel("Subnet ID").fill("subnet-db");

  // Live probe: the app tier now gets out through the NAT gateway.
  await page.getByLabel("Probe source").fill("i-app");
  await page.getByLabel("Probe destination").fill("internet");
  await page.getByRole("button", { name: "Add probe" }).click();
  await expect(page.locator('[data-probe="i-app → internet"] [data-verdict]')).toHaveText("Reachable");

  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for grading" }).click();
  const result = page.getByRole("region", { name: /^Score:/ });
  await expect(result.getByRole("heading")).toHaveText("Score: 100 of 100 points (100%)");
  await expect(result.getByText("Failed")).toHaveCount(0);
  await expect(page.getByTestId("best-score")).toContainText("100%");

  // The draft survives a reload, and the score shows on the labs outline and the dashboard.
  await page.reload();
  await expect(resources.getByRole("button", { name: "rtb-new-2" })).toBeVisible();
  await expect(page.locator('[data-probe="i-app → internet"] [data-verdict]')).toHaveText("Reachable");
  await expect(page.getByTestId("best-score")).toContainText("100%");
  await page.goto("/labs");
  await expect(page.locator(`[data-lab="${SLUG}"]`)).toContainText("Best 100%");
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Labs" })).toContainText(/best 100% after 1 attempt/);
});

test("a learner submits a wrong solution and sees the failed check, its counterexample and a hint", async ({ page, account: _account }) => {
  const solution: unknown = JSON.parse(readFileSync(`tests/labs/solutions/${SLUG}.json`, "utf8"));
  const wrong = JSON.parse(readFileSync(`tests/labs/wrong/${SLUG}-db-open-to-vpc.json`, "utf8")) as { patch: Operation[] };
  const topology = jsonPatch.applyPatch(structuredClone(solution), wrong.patch, true, false).newDocument;

  await page.goto(`/labs/${SLUG}`);
  await page.getByRole("button", { name: "JSON view" }).click();
  await page.getByLabel("Topology JSON").fill("{ not json");
  await expect(page.getByRole("alert").filter({ hasText: "Not valid JSON yet" })).toBeVisible();
  await page.getByLabel("Topology JSON").fill(JSON.stringify(topology, null, 2));
  await expect(page.getByRole("alert").filter({ hasText: "Not valid JSON yet" })).toHaveCount(0);

  await page.getByRole("button", { name: "Submit for grading" }).click();
  const result = page.getByRole("region", { name: /^Score:/ });
  await expect(result.getByRole("heading")).toContainText("(85%)");
  const failed = result.locator('[data-passed="false"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("Nothing else is reachable between the internet and the tiers");
  await expect(failed.getByText("Counterexample")).toBeVisible();
  await expect(failed).toContainText("i-web");
  await expect(result.getByRole("complementary", { name: "Hint" })).toContainText("route table");

  // Undo goes back to the start topology; reset is always there too.
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Visual editor" }).click();
  await expect(page.getByRole("navigation", { name: "Resources" }).getByRole("button", { name: "rtb-app" })).toHaveCount(0);
});

test("an anonymous visitor is sent to sign in before opening a lab", async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto(`/labs/${SLUG}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flabs%2F/);
  const response = await page.request.post(`/api/labs/${SLUG}/attempts`, { data: { topology: {} } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ kind: "unauthorized" });
  await page.close();
});

test("the grading endpoint refuses bad input with clear messages and keeps the history as it was", async ({ page, account: _account }) => {
  await page.goto("/dashboard");
  const url = `/api/labs/${SLUG}/attempts`;
  const malformed = await page.request.post(url, { data: Buffer.from("{ topology: "), headers: { "content-type": "application/json" } });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ kind: "bad-request", error: expect.stringContaining("not valid JSON") });
  const oversized = await page.request.post(url, { data: { topology: { description: "x".repeat(300 * 1024) } } });
  expect(oversized.status()).toBe(413);
  expect(await oversized.json()).toMatchObject({ kind: "too-large", error: expect.stringContaining("limit is 256 kB") });
  const invalid = await page.request.post(url, { data: { topology: { vpcs: [{ vpcId: "vpc-a", cidrBlock: "10.0.0.0/99" }] } } });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ kind: "invalid-topology", issues: [{ path: "vpcs.0.cidrBlock" }] });
  const history = await page.request.get(url);
  expect(await history.json()).toEqual({ attempts: [] });
  expect((await page.request.post("/api/labs/no-such-lab/attempts", { data: { topology: {} } })).status()).toBe(404);
});

test("the editor works from the keyboard: add a resource, type into its form, undo and redo", async ({ page, account: _account }) => {
  await page.goto(`/labs/${SLUG}`);
  const resources = page.getByRole("navigation", { name: "Resources" });
  const kind = page.getByLabel("Resource type");
  await kind.selectOption({ label: "Security groups" });
  await kind.press("Tab");
  await page.keyboard.press("Enter");
  const heading = page.getByRole("heading", { name: "Edit security group sg-new-1" });
  await expect(heading).toBeFocused();
  // Tab order goes from the heading to Delete, then into the fields.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Delete sg-new-1" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Group ID")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type("x");
  await expect(resources.getByRole("button", { name: /^sg-new-1x/ })).toBeVisible();
  await page.keyboard.type(" !");
  await expect(page.getByText('expected an id like "sg-0123abcd"').first()).toBeVisible();

  // Ctrl+Z outside a text field is the editor's undo (inside one it is the browser's).
  await page.getByRole("button", { name: "Undo" }).focus();
  await page.keyboard.press("Control+z");
  await expect(resources.getByRole("button", { name: "sg-new-1", exact: true })).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect(resources.getByRole("button", { name: /^sg-new-1/ })).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(resources.getByRole("button", { name: "sg-new-1", exact: true })).toBeVisible();
});
