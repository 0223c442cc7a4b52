// A flow permitted by rules an imported file gives a group it names but does not define
// (var.app_group_id) says so in the Flows tab, as `palisade flows` does; a flow that known rules
// permit says nothing, though its group or node also has an unknown.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";

// The file src/cli/unknowns.test.ts runs `palisade flows` and `check` on.
const tf = readFileSync(join(import.meta.dirname, "../src/shared/iac/terraform/fixtures/depends-on/main.tf"), "utf8");

/**
 * Imports the fixture into the app at 1280x720, and cancels the values dialog: the variables
 * without a value stay placeholders.
 */
async function importFixture(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await chooseFile(page, "main.tf", tf, async (p) => {
    await p.getByText("More").click();
    await p.getByRole("menuitem", { name: /Import Terraform/ }).click();
  });
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
}

test("the Flows tab and the canvas's hover card mark the flows a placeholder permits, and no other", async ({
  app: page,
}, testInfo) => {
  await importFixture(page);
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText("var.app_group_id");
  await problems.getByRole("button", { name: "Dismiss" }).click();
  await page.getByRole("tab", { name: /Flows/ }).click();
  const toApp = page.getByRole("row", { name: /^Internet app tcp 443/ });
  await expect(toApp.getByTestId("flow-depends-on")).toHaveText("depends on var.app_group_id");
  const toReport = page.getByRole("row").filter({ hasText: "report" }).filter({ hasText: "tcp 5432" });
  await expect(toReport).toBeVisible();
  await expect(toReport.getByTestId("flow-depends-on")).toHaveCount(0);
  // From the unknown range to app: the placeholder group's rule permits it, whatever the range is.
  const rangeToApp = page.getByRole("row", { name: /^var\.admin_cidr app tcp 443/ });
  await expect(rangeToApp.getByTestId("flow-depends-on")).toHaveText("depends on var.app_group_id");
  // jump's group has the unknown-CIDR rule, but 443 from the Internet is its known rule.
  const toJump = page.getByRole("row", { name: /^Internet jump tcp 443/ });
  await expect(toJump).toBeVisible();
  await expect(toJump.getByTestId("flow-depends-on")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("depends-on.png") });

  // A rule whose CIDR is a variable with no value is kept: its range is a placeholder party, and
  // the canvas edge's hover card says what the flow depends on, for a range and for a group.
  const fromRange = page.getByRole("row", { name: /^var\.admin_cidr jump tcp 22/ });
  await expect(fromRange.getByTestId("flow-depends-on")).toHaveText("depends on var.admin_cidr");
  await expect(page.getByTestId("node-var.admin_cidr")).toBeVisible();
  const card = page.getByTestId("edge-hover-card");
  await page.getByRole("button", { name: /^Flow var\.admin_cidr to jump/ }).hover();
  await expect(card.getByTestId("edge-depends-on")).toHaveText("depends on var.admin_cidr");
  await page.screenshot({ path: testInfo.outputPath("depends-on-range-hover.png") });
  await page.getByRole("button", { name: /^Flow internet to app/ }).hover();
  await expect(card.getByTestId("edge-depends-on")).toHaveText("depends on var.app_group_id");
  await page.getByRole("button", { name: /^Flow cidr-10\.0\.0\.0\/8 to report/ }).hover();
  await expect(card).toContainText("5432");
  await expect(card.getByTestId("edge-depends-on")).toHaveCount(0);
  await page.getByRole("button", { name: /^Flow internet to jump/ }).hover();
  await expect(card).toContainText("443");
  await expect(card.getByTestId("edge-depends-on")).toHaveCount(0);
});

test("a placeholder range is shown as its name with its value unknown, never its stand-in CIDR", async ({
  app: page,
}, testInfo) => {
  await importFixture(page);
  await page.getByTestId("problems").getByRole("button", { name: "Dismiss" }).click();
  const range = page.getByTestId("node-var.admin_cidr");
  await expect(range).toContainText("var.admin_cidr");
  await expect(range).toContainText("value unknown");
  await expect(range).not.toContainText("240.");
  // The inspector: the range's addresses, and the rule of bastion that names it.
  await range.click();
  const inspector = page.getByRole("complementary", { name: /Inspector/ });
  await expect(inspector.getByTestId("placeholder-range")).toContainText("value unknown");
  await expect(inspector).not.toContainText("240.");
  await page.screenshot({ path: testInfo.outputPath("placeholder-range.png") });
  await page.getByTestId("group-sg-bastion").click();
  await expect(inspector).toContainText("tcp 22 from var.admin_cidr (value unknown)");
  await expect(inspector).not.toContainText("240.");
  // The Flows tab names it, and the Ask tab's answer too.
  await page.getByRole("tab", { name: /Flows/ }).click();
  await expect(page.getByRole("row", { name: /^var\.admin_cidr jump tcp 22, 443/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Flows, findings and questions" })).not.toContainText("240.");
  await page.screenshot({ path: testInfo.outputPath("placeholder-range-group.png") });
});
