import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import jsonPatch, { type Operation } from "fast-json-patch";
import { expect, newAccount, signIn, signUp, test } from "./fixtures";

// A real lab, its reference solution and a wrong one (tests/labs/), submitted through the same
// endpoint the editor's "Submit for grading" button posts to.
const SLUG = "s3-and-dynamodb-without-the-internet";
const LAB_TITLE = "S3 and DynamoDB without the internet";
const solution: unknown = JSON.parse(readFileSync(`tests/labs/solutions/${SLUG}.json`, "utf8"));
const wrongSpec = JSON.parse(readFileSync(`tests/labs/wrong/${SLUG}-keeps-nat-gateway.json`, "utf8")) as { patch: Operation[] };
const wrong: unknown = jsonPatch.applyPatch(structuredClone(solution), wrongSpec.patch, true, false).newDocument;

const INSTRUCTOR = { email: "instructor@reachable.test", password: "teach-vpc-2026" };

test("an instructor runs a class: create, learner joins, assign a lab, see the score, drill in, export the gradebook", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const className = `Cloud team ${randomUUID().slice(0, 6)}`;

  // The instructor creates a class and reads its join code.
  await page.goto("/sign-in?callbackUrl=%2Fclasses");
  await signIn(page, INSTRUCTOR);
  await expect(page.getByRole("heading", { name: "Classes", exact: true })).toBeVisible({ timeout: 30_000 });
  const create = page.locator("details").filter({ hasText: "Create a class" });
  if (!(await create.getAttribute("open"))) await create.locator("summary").click();
  await page.getByLabel("Class name").fill(className);
  await page.getByLabel("Term").fill("Spring 2026");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: className })).toBeVisible({ timeout: 30_000 });
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const classUrl = page.url();

  // A learner signs up and joins with the code.
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const learner = newAccount();
  await signUp(learnerPage, learner);
  await learnerPage.goto("/classes");
  await learnerPage.getByLabel("Join code").fill(code.toLowerCase());
  await learnerPage.getByRole("button", { name: "Join class" }).click();
  await expect(learnerPage.getByRole("heading", { name: className })).toBeVisible({ timeout: 30_000 });
  await expect(learnerPage.getByText("Nothing assigned yet.")).toBeVisible();

  // The instructor assigns the lab, due in the instructor's own time zone.
  await page.reload();
  await expect(page.locator(`[data-learner="${learner.email}"]`)).toBeVisible();
  await page.getByLabel("Lesson, lab or exam set").selectOption({ label: LAB_TITLE });
  await page.locator("#assign-due").fill("2030-06-01T17:00");
  await page.getByLabel("Minimum score for labs and exam sets (%)").fill("80");
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();

  // The learner sees it, then hands in a wrong topology and the right one.
  await learnerPage.reload();
  await expect(learnerPage.getByRole("link", { name: LAB_TITLE })).toBeVisible();
  for (const topology of [wrong, solution]) {
    const response = await learnerPage.request.post(`/api/labs/${SLUG}/attempts`, { data: { topology } });
    expect(response.status()).toBe(201);
  }
  await learnerPage.reload();
  await expect(learnerPage.getByText("Done · 100%")).toBeVisible();
  // Nothing about the class's other pages for the learner: the gradebook is refused.
  expect((await learnerPage.request.get(`${classUrl.replace(/\/classes\//, "/api/classes/")}/gradebook?format=csv`)).status()).toBe(403);

  // The instructor sees the score in the matrix.
  await page.goto(classUrl);
  const row = page.locator(`[data-learner="${learner.email}"]`);
  await expect(row).toContainText("Done · 100%");
  await expect(row).toContainText("100%");

  // Drill into the learner: both attempts, the failed checks with a counterexample, the topology.
  await row.getByRole("link", { name: learner.name }).click();
  await expect(page.getByRole("heading", { name: learner.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Lab attempts (2)" })).toBeVisible();
  const attempts = page.locator("[data-attempt]");
  await expect(attempts.first()).toContainText(`${LAB_TITLE} — 100%`);
  await expect(attempts.nth(1)).toContainText("Counterexample:");
  await attempts.first().getByText("Submitted topology").click();
  await expect(attempts.first().getByRole("figure")).toBeVisible();
  await expect(attempts.first().getByLabel("Submitted topology as JSON (read-only)")).toContainText('"vpcs"');

  // Export the gradebook as CSV: it parses to the header and one row for the learner.
  await page.goto(classUrl);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export gradebook (CSV)" }).click()]);
  const path = await download.path();
  const rows: string[][] = parse(readFileSync(path), { bom: true });
  expect(rows).toEqual([
    ["email", "name", `${LAB_TITLE} (lab: ${SLUG})`, "total"],
    [learner.email, learner.name, "100", "100"],
  ]);
  await learnerContext.close();
});

test("join codes and class pages are refused to people outside the class", async ({ page }) => {
  const outsider = newAccount();
  await signUp(page, outsider);
  await page.goto("/classes/demo-class-vpc-networking");
  await expect(page.getByRole("heading", { name: /not found|could not be found/i })).toBeVisible();
  await page.goto("/classes");
  await page.getByLabel("Join code").fill("ABCD-EFGH-JKMN");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No class has this code" })).toBeVisible();
  expect((await page.request.get("/api/classes/demo-class-vpc-networking/gradebook")).status()).toBe(404);
});

test("an administrator makes a user an instructor, who can then create classes", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const account = newAccount();
  await signUp(page, account);
  await page.goto("/classes");
  await expect(page.getByText("Create a class")).toHaveCount(0);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto("/sign-in?callbackUrl=%2Fadmin%2Fusers");
  await signIn(admin, { email: "admin@reachable.test", password: "admin-vpc-2026" });
  await expect(admin.getByRole("heading", { name: "Users" })).toBeVisible({ timeout: 30_000 });
  await admin.getByLabel("Find").fill(account.email);
  await admin.getByRole("button", { name: "Search" }).click();
  const row = admin.locator(`[data-user="${account.email}"]`);
  await row.getByLabel(`Role of ${account.name}`).selectOption("instructor");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByRole("status")).toContainText("is now an instructor");
  await adminContext.close();

  // The role is in the session cookie: it applies from the next sign-in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/sign-in?callbackUrl=%2Fclasses");
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "Classes you teach" })).toBeVisible({ timeout: 30_000 });
  // An instructor is still not an administrator: the users page does not exist for them.
  expect((await page.goto("/admin/users"))?.status()).toBe(404);
});

test("the seeded class's pages have no serious accessibility violations, and show at-risk learners first", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in?callbackUrl=%2Fclasses%2Fdemo-class-vpc-networking");
  await signIn(page, INSTRUCTOR);
  await expect(page.getByRole("heading", { name: "VPC Networking — demo cohort" })).toBeVisible({ timeout: 30_000 });
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(13);
  await expect(rows.first()).toContainText("At risk");
  await expect(rows.last()).not.toContainText("At risk");
  const check = async () => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(" ")})`)).toEqual([]);
  };
  await check();
  // A column heading sorts by it: by name, "Learner 01" comes before "Lee Learner".
  await page.getByRole("link", { name: "Learner (select to sort)" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.locator("tbody tr").first()).toContainText("Learner 01 (synthetic)");
  // Filtering to at-risk learners keeps only those.
  await page.getByLabel("At risk only").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/risk=1/);
  const atRisk = await page.locator("tbody tr").count();
  expect(atRisk).toBeGreaterThan(0);
  expect(atRisk).toBeLessThan(13);
  await page.locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Lab attempts", exact: false })).toBeVisible();
  await check();
});
