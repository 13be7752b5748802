import AxeBuilder from "@axe-core/playwright";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Request } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { syntheticSnapshotFiles, type SnapshotFileText } from "../scripts/synthetic-snapshot";
import { expect, test } from "./fixtures";

const twoTierFolder = join(process.cwd(), "lib/network/aws/fixtures/two-tier");
const twoTier = (): SnapshotFileText[] => readdirSync(twoTierFolder).map((name) => ({ name, content: readFileSync(join(twoTierFolder, name), "utf8") }));

/** Drops files on the drop zone as a person dragging them from a folder would. */
async function dropFiles(page: Page, files: SnapshotFileText[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.content], f.name, { type: "application/json" }));
    return transfer;
  }, files);
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
}

/**
 * What the browser asks the server for from now on. The analysis may load the page's own
 * static chunks (the worker, the diagram); next-auth's header asks whether someone is signed
 * in, and Next prefetches the pages the visible links lead to (GETs carrying a
 * `next-router-prefetch` header). Anything else, any request with a body, or any URL naming a
 * resource of the snapshot would mean the snapshot left the browser.
 */
function watchRequests(page: Page, snapshotIds: string[]) {
  const seen: Request[] = [];
  page.on("request", (r) => seen.push(r));
  return {
    unexpected: async () => {
      const out: string[] = [];
      for (const r of seen) {
        const url = new URL(r.url());
        const headers = await r.allHeaders();
        // The site's icon (app/icon.svg) is fetched whenever the browser gets round to it.
        const staticAsset = url.pathname.startsWith("/_next/static/") || url.pathname === "/icon.svg" || url.pathname === "/favicon.ico";
        const sessionCheck = url.pathname === "/api/auth/session";
        const linkPrefetch = headers["next-router-prefetch"] !== undefined && url.origin === new URL(page.url()).origin;
        const leaks = snapshotIds.some((id) => r.url().includes(id));
        if (r.method() !== "GET" || r.postData() !== null || leaks || !(staticAsset || sessionCheck || linkPrefetch || url.pathname === "/analyze")) out.push(`${r.method()} ${r.url()}`);
      }
      return out;
    },
  };
}

test("a learner drops describe files, sees the matrix and internet exposure, opens a cell's explanation and exports the findings, all without sending anything", async ({ page }) => {
  await page.goto("/analyze");
  await expect(page.getByRole("heading", { name: "Analyze your own network" })).toBeVisible();
  await expect(page.getByLabel("Capture script")).toContainText("aws ec2 describe-security-groups");
  await page.waitForLoadState("networkidle");
  const requests = watchRequests(page, ["vpc-0a1b2c3d4e5f60001", "i-0web0000000000001", "sg-0db0000000000001"]);

  await dropFiles(page, [...twoTier(), { name: "describe-nat-gateways.json", content: "{ NatGateways: [] " }]);

  // The bad file is named with what is wrong; the good ones are still read.
  await expect(page.getByText(/describe-nat-gateways\.json: not valid JSON/)).toBeVisible();
  await expect(page.locator('[data-file="Vpcs.json"][data-status="read"]')).toBeVisible();
  await expect(page.getByTestId("snapshot-summary")).toContainText("1 VPCs, 2 subnets, 2 instances");
  await expect(page.getByRole("figure", { name: /Your network/ })).toBeVisible();

  // Internet exposure comes first: SSH from the office range, then 443 from anywhere.
  const firstFinding = page.getByRole("list", { name: "Findings" }).getByRole("listitem").first();
  await expect(firstFinding).toContainText("INTERNET_EXPOSED_PORT");
  await expect(firstFinding).toContainText("i-0web0000000000001 (web) is reachable from the internet on tcp 22");

  // The database's group admits 5432 only from the web group's members.
  await page.getByLabel("Destination port").fill("5432");
  await page.getByRole("button", { name: "Compute matrix" }).click();
  await expect(page.getByText("Done: 2 rows")).toBeVisible();
  await expect(page.getByRole("button", { name: "web to db: reachable" })).toBeVisible();
  await page.getByRole("button", { name: "db to web: blocked (ENI_SG_RULES_MISMATCH)" }).click();
  const explanation = page.locator("[data-probe]");
  await expect(explanation.getByText("Blocked", { exact: true })).toBeVisible();
  await expect(explanation).toContainText("ENI_SG_RULES_MISMATCH");
  await expect(explanation.getByText(/Hop by hop \(\d+ steps/)).toBeVisible();

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("reachable-findings.csv");
  const rows = parse(readFileSync(await csv.path(), "utf8")) as string[][];
  expect(rows[0]).toEqual(["severity", "code", "resources", "message", "evidence", "documentation"]);
  expect(rows.slice(1).map((r) => r[1])).toEqual(["INTERNET_EXPOSED_PORT", "INTERNET_EXPOSED_PORT"]);
  expect(rows[1]?.[2]).toContain("i-0web0000000000001");

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const exported = JSON.parse(readFileSync(await json.path(), "utf8")) as { files: string[]; findings: { code: string; severity: string }[] };
  expect(exported.findings.map((f) => f.severity)).toEqual(["high", "low"]);
  expect(exported.files).toContain("Reservations.json");

  expect(await requests.unexpected()).toEqual([]);
});

test("a large snapshot stays responsive: progress, cancel, and the rows computed so far stay", async ({ page }) => {
  test.slow();
  await page.goto("/analyze");
  await page.waitForLoadState("networkidle");
  const requests = watchRequests(page, ["vpc-499", "i-0-0-1"]);
  // Large enough that the worker is still computing when Cancel is pressed (5,000 rows of 5,000 cells).
  await dropFiles(page, syntheticSnapshotFiles(500));
  await expect(page.getByTestId("snapshot-summary")).toContainText("500 VPCs", { timeout: 60_000 });
  await expect(page.getByText(/Too large to draw legibly/)).toBeVisible();

  await page.getByLabel("Protocol").selectOption("all");
  await page.getByRole("button", { name: "Compute matrix" }).click();
  // At least one row in (the first compiles the tables it touches), well before the last.
  await expect(page.getByRole("status").filter({ hasText: /^[1-9][\d,]* of 5,000 rows…/ })).toBeVisible({ timeout: 60_000 });
  // The main thread answers while the worker computes: the capture script follows a new Region.
  await page.getByLabel("Region").fill("eu-west-1");
  await expect(page.getByLabel("Capture script")).toContainText("AWS_DEFAULT_REGION:-eu-west-1");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText(/Cancelled after [\d,]+ of 5,000 rows/)).toBeVisible();
  await expect(page.locator("[data-cell]").first()).toBeVisible();

  // A cell can still be explained after the worker was terminated: a new one reads the files again.
  await page.locator("[data-cell]").first().click();
  await expect(page.locator("[data-probe]")).toBeVisible({ timeout: 30_000 });
  expect(await requests.unexpected()).toEqual([]);
});

test("the counts say every pair of a 1,000-instance matrix once the page says Done", async ({ page }) => {
  await page.goto("/analyze");
  await dropFiles(page, syntheticSnapshotFiles(100));
  await expect(page.getByTestId("snapshot-summary")).toContainText("100 VPCs", { timeout: 60_000 });
  await page.getByLabel("Destination port").fill("443");
  await page.getByRole("button", { name: "Compute matrix" }).click();
  await expect(page.getByText(/^Done: 1,000 rows/)).toBeVisible({ timeout: 60_000 });
  // 1,000 × 999 pairs; one VPC in ten refuses 443 (the evaluator's answer in Node). Read at once:
  // every row must have arrived before Done is shown, none just after.
  await expect(page.getByText("899,100 reachable, 99,900 blocked (TCP 443).")).toBeVisible({ timeout: 1 });
});

test("a signed-in learner saves a snapshot to their account, opens it again and deletes it", async ({ page, account }) => {
  expect(account.email).toContain("@");
  await page.goto("/analyze");
  await dropFiles(page, twoTier());
  await expect(page.getByTestId("snapshot-summary")).toContainText("1 VPCs");

  await page.getByLabel("Snapshot name").fill("shop account");
  await page.getByRole("button", { name: "Save to my account" }).click();
  await expect(page.getByText("Saved “shop account” to your account.")).toBeVisible();
  const saved = page.getByRole("list", { name: "Saved snapshots" }).getByRole("listitem").filter({ hasText: "shop account" });
  await expect(saved).toContainText("7 files");

  await page.getByRole("button", { name: "Remove all" }).click();
  await expect(page.getByTestId("snapshot-summary")).toBeHidden();
  await page.getByRole("button", { name: "Open shop account" }).click();
  await expect(page.getByTestId("snapshot-summary")).toContainText("1 VPCs, 2 subnets, 2 instances");
  await expect(page.getByRole("list", { name: "Findings" }).getByRole("listitem").first()).toContainText("INTERNET_EXPOSED_PORT");

  await page.getByRole("button", { name: "Delete shop account" }).click();
  await expect(page.getByText("Deleted “shop account”.")).toBeVisible();
  await expect(page.getByText("None yet.")).toBeVisible();
});

test("an anonymous visitor is offered sign-in to save, and the snapshot API refuses them", async ({ page, request }) => {
  await page.goto("/analyze");
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toHaveAttribute("href", "/sign-in?callbackUrl=%2Fanalyze");
  const response = await request.get("/api/snapshots");
  expect(response.status()).toBe(401);
  expect(((await response.json()) as { error: string }).error).toContain("Sign in");
});

test("the analyze page with a snapshot, its findings, matrix and an explanation has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/analyze");
  await dropFiles(page, twoTier());
  await expect(page.getByRole("list", { name: "Findings" }).getByRole("listitem").first()).toBeVisible();
  await page.getByRole("button", { name: "Compute matrix" }).click();
  await page.getByRole("button", { name: /^web to db: / }).click();
  await expect(page.locator("[data-probe]")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(" ")})`)).toEqual([]);
});

test("a learner pastes one command's output instead of dropping a file", async ({ page }) => {
  await page.goto("/analyze");
  await page.getByText("Paste one command's output instead").click();
  await page.getByRole("button", { name: "Add pasted output" }).click();
  await expect(page.getByText("Paste the output of an aws … --output json command first.")).toBeVisible();

  await page.getByLabel("Output (JSON, as the CLI printed it)").fill(readFileSync(join(twoTierFolder, "Vpcs.json"), "utf8"));
  await page.getByLabel(/^File name/).fill("describe-vpcs.json");
  await page.getByRole("button", { name: "Add pasted output" }).click();
  await expect(page.locator('[data-file="describe-vpcs.json"][data-status="read"]')).toBeVisible();
  await expect(page.getByTestId("snapshot-summary")).toContainText("1 VPCs, 0 subnets");
});
