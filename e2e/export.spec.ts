// The export dialog (issue 14, item 9): a highlighted preview per format, Copy and Save, and
// what would not deploy said before anything is written, with the fix offered.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";

const dialog = (page: Page) => page.getByRole("dialog", { name: /^Export/ });
const preview = (page: Page) => dialog(page).getByTestId("export-preview");

async function openExport(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Export Terraform or CloudFormation…" }).click();
  await expect(dialog(page)).toBeVisible();
}

/** The HTTP/HTTPS example with no VPC: its groups name none, its instance gets a subnet. */
function withoutVpc(): string {
  const design = JSON.parse(readFileSync(join(import.meta.dirname, "../examples/http-server.palisade.json"), "utf8"));
  design.name = "No VPC";
  design.vpcs = [];
  for (const g of design.groups) delete g.vpcId;
  for (const r of design.resources) delete r.vpcId;
  return JSON.stringify(design);
}

test("Export previews each format highlighted, file by file", async ({ app: page }) => {
  await openExport(page);
  await expect(dialog(page).getByRole("tab", { name: "Terraform", selected: true })).toBeVisible();
  await expect(preview(page)).toContainText('resource "aws_security_group" "web"');
  await expect(preview(page).locator(".tok-keyword", { hasText: "resource" }).first()).toBeVisible();
  await expect(preview(page).locator(".tok-ref", { hasText: "aws_security_group.web.id" }).first()).toBeVisible();

  await dialog(page).getByRole("tab", { name: "variables.tf" }).click();
  await expect(preview(page)).toContainText('variable "my_ip"');
  await expect(preview(page)).not.toContainText("aws_security_group");

  await dialog(page).getByRole("tab", { name: "CloudFormation YAML" }).click();
  await expect(preview(page)).toContainText("AWSTemplateFormatVersion: '2010-09-09'");
  await expect(preview(page).locator(".tok-tag", { hasText: "!GetAtt" }).first()).toBeVisible();
  await expect(dialog(page).getByRole("tab", { name: "variables.tf" })).toHaveCount(0);

  await dialog(page).getByRole("tab", { name: "CloudFormation JSON" }).click();
  await expect(preview(page)).toContainText('"AWSTemplateFormatVersion": "2010-09-09"');
  await expect(preview(page).locator(".tok-key", { hasText: '"Resources"' })).toBeVisible();
});

test("Copy puts the shown file on the clipboard; Save writes every file of the format", async ({ app: page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openExport(page);
  await dialog(page).getByRole("tab", { name: "CloudFormation YAML" }).click();
  await expect(preview(page)).toContainText("AWSTemplateFormatVersion");
  await dialog(page).getByRole("button", { name: "Copy template.yaml" }).click();
  await expect(page.getByTestId("notice")).toContainText("Copied template.yaml");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("AWS::EC2::SecurityGroup");
  expect(copied.split("\n").length).toBeGreaterThan(20);

  await dialog(page).getByRole("tab", { name: "Terraform" }).click();
  await expect(preview(page)).toContainText("aws_security_group");
  const names: string[] = [];
  const texts = new Map<string, string>();
  page.on("download", (d) => names.push(d.suggestedFilename()));
  const last = page.waitForEvent("download", (d) => d.suggestedFilename() === "outputs.tf");
  const first = page.waitForEvent("download", (d) => d.suggestedFilename() === "main.tf");
  await dialog(page)
    .getByRole("button", { name: /^Save( anyway)? 3 files$/ })
    .click();
  for (const d of [await first, await last]) texts.set(d.suggestedFilename(), await readFile(await d.path(), "utf8"));
  await expect.poll(() => names.sort()).toEqual(["main.tf", "outputs.tf", "variables.tf"]);
  expect(texts.get("main.tf")).toContain('resource "aws_security_group" "web"');
  expect(texts.get("outputs.tf")).toContain('output "security_group_ids"');
  await expect(dialog(page)).toHaveCount(0);
});

test("a placeholder My IP is flagged before anything is written", async ({ app: page }) => {
  await openExport(page);
  const warnings = dialog(page).getByTestId("export-warnings");
  await expect(warnings).toContainText("My IP is 203.0.113.10/32, an address reserved for documentation");
  await expect(dialog(page).getByRole("button", { name: /^Save anyway/ })).toBeVisible();
});

test("a design without a VPC is warned of, and the fix adds a vpc_id variable", async ({ app: page }) => {
  await chooseFile(page, "no-vpc.palisade.json", withoutVpc());
  await expect(page.getByTestId("doc-title")).toContainText("No VPC");
  await openExport(page);
  const warnings = dialog(page).getByTestId("export-warnings");
  await expect(warnings).toContainText("web has no VPC: AWS would create it in the region's default VPC");
  await expect(preview(page)).not.toContainText("vpc_id");

  await warnings.getByRole("button", { name: "Add a vpc_id variable" }).click();
  await expect(warnings).not.toContainText("has no VPC");
  await expect(preview(page)).toContainText(/vpc_id\s+= var\.vpc_id/);
  await dialog(page).getByRole("tab", { name: "variables.tf" }).click();
  await expect(preview(page)).toContainText('variable "vpc_id"');
  await dialog(page).getByRole("tab", { name: "CloudFormation YAML" }).click();
  await expect(preview(page)).toContainText("VpcId: !Ref VpcId");
  await expect(preview(page)).toContainText("Type: AWS::EC2::VPC::Id");
});

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const)
  test(`the export dialog at ${width}x${height}`, async ({ app: page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await chooseFile(page, "no-vpc.palisade.json", withoutVpc());
    await expect(page.getByTestId("doc-title")).toContainText("No VPC");
    await openExport(page);
    await expect(preview(page)).toContainText("aws_security_group");
    const box = await dialog(page).boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= height && box.x + box.width <= width).toBe(true);
    await expect(dialog(page).getByRole("button", { name: "Close" })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`export-terraform-${width}x${height}.png`) });
    await dialog(page).getByRole("tab", { name: "CloudFormation YAML" }).click();
    await expect(preview(page)).toContainText("AWSTemplateFormatVersion");
    await page.screenshot({ path: testInfo.outputPath(`export-yaml-${width}x${height}.png`) });
  });
