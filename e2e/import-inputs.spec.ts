// Issue 12: an import whose files need values they do not have (a Terraform variable without a
// default) asks for them, one field each; "Import with these values" imports again with them and
// the flows they decide appear; Cancel keeps what was imported, with its placeholders. A cdk.out
// folder imports through the browser's folder picker with its construct paths as names. A value
// nothing drawn depends on (an AMI id) is folded below the others, and alone opens no dialog.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";
import { shoot } from "./shots";

const TF = readFileSync(join(import.meta.dirname, "inputs/office-ssh.tf"), "utf8");
const YAML = readFileSync(join(import.meta.dirname, "inputs/admin-db.yaml"), "utf8");
const ADMINS = "The admins' range, allowed to reach the database";
const OFFICE = "The office's public range, allowed to SSH to the bastion";
const CDK_OUT = join(import.meta.dirname, "../src/shared/iac/cloudformation/fixtures/cdk.out");

async function menu(page: Page, item: RegExp): Promise<void> {
  await page.getByText("More").click();
  await page.getByRole("menuitem", { name: item }).click();
}

async function importTerraform(page: Page): Promise<void> {
  await chooseFile(page, "office-ssh.tf", TF, (p) => menu(p, /^Import Terraform, CloudFormation/));
}

/** The Flows tab's rows as "from | to | traffic". */
async function flowRows(page: Page): Promise<string[]> {
  await page.getByRole("tab", { name: "Flows" }).click();
  return page
    .getByRole("region", { name: "Flows, findings and questions" })
    .locator("tbody tr:not(.spacer)")
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...r.querySelectorAll("td")]
          .slice(0, 3)
          .map((td) => td.textContent?.trim())
          .join(" | "),
      ),
    );
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`a variable without a default is asked for, and its value opens the flow it decides (${size.width}x${size.height})`, async ({
    app: page,
  }) => {
    await page.setViewportSize(size);
    await importTerraform(page);
    const dialog = page.getByRole("dialog", { name: "Values for office-ssh.tf" });
    await expect(dialog).toBeVisible();
    const field = dialog.getByRole("textbox", { name: "office_cidr" });
    await expect(field).toBeFocused();
    await expect(dialog).toContainText(OFFICE);
    await expect(dialog).toContainText("string");
    await expect(dialog).toContainText("Terraform variable, declared at office-ssh.tf:3");
    await expect(dialog.getByRole("button", { name: "Import with these values" })).toBeDisabled();
    await shoot(page, "import-inputs-dialog");

    // Behind the dialog the import is already there, with the rule's peer a placeholder: no flow in.
    await expect(page.getByTestId("node-jump")).toBeAttached();
    await field.fill("198.51.100.0/24");
    await dialog.getByRole("button", { name: "Import with these values" }).click();
    await expect(dialog).toHaveCount(0);

    await expect(page.getByTestId("node-jump")).toBeVisible();
    await expect(page.getByText(OFFICE).first()).toBeVisible();
    expect(await flowRows(page)).toContain(`${OFFICE} | jump | tcp 22`);
    await shoot(page, "import-inputs-after");
  });
}

test("Cancel keeps what was imported, with the placeholder range and no real range's flow", async ({ app: page }) => {
  await importTerraform(page);
  const dialog = page.getByRole("dialog", { name: "Values for office-ssh.tf" });
  await dialog.getByRole("textbox", { name: "office_cidr" }).fill("198.51.100.0/24");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("node-jump")).toBeVisible();
  await expect(page.getByLabel("Design name")).toHaveValue(/office-ssh\.tf/);
  // The rule is kept for the range the variable will name: its one flow says what it depends on,
  // and the value typed before Cancel was not taken.
  expect((await flowRows(page)).filter((row) => row.includes("tcp 22"))).toEqual([
    "var.office_cidr | jump | tcp 22depends on var.office_cidr",
  ]);
  expect((await flowRows(page)).some((row) => row.startsWith(OFFICE))).toBe(false);
  // The warning that names the placeholder is still there to read.
  await expect(page.getByTestId("problems")).toContainText("depends on var.office_cidr");
});

test("a value the file cannot take says why in the dialog, and the imported design stays", async ({ app: page }) => {
  await importTerraform(page);
  const dialog = page.getByRole("dialog", { name: "Values for office-ssh.tf" });
  await dialog.getByRole("textbox", { name: "office_cidr" }).fill("the office");
  await dialog.getByRole("button", { name: "Import with these values" }).click();
  await expect(dialog.getByRole("alert")).toContainText("office-ssh.tf:17:5");
  await expect(dialog.getByRole("alert")).toContainText("has no prefix length");
  await expect(page.getByTestId("node-jump")).toBeAttached();
  await shoot(page, "import-inputs-bad-value");
  // Corrected, the same dialog imports.
  await dialog.getByRole("textbox", { name: "office_cidr" }).fill("198.51.100.0/24");
  await dialog.getByRole("button", { name: "Import with these values" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await flowRows(page)).toContain(`${OFFICE} | jump | tcp 22`);
});

test("one import of a Terraform file and a CloudFormation template asks for the variable and the parameter together", async ({
  app: page,
}) => {
  page.once("dialog", (d) => void d.accept());
  const choosing = page.waitForEvent("filechooser");
  await menu(page, /^Import Terraform, CloudFormation/);
  await (await choosing).setFiles([
    { name: "office-ssh.tf", mimeType: "text/plain", buffer: Buffer.from(TF) },
    { name: "admin-db.yaml", mimeType: "text/plain", buffer: Buffer.from(YAML) },
  ]);
  const dialog = page.getByRole("dialog", { name: "Values for 2 files" });
  await expect(dialog).toContainText("Terraform variable, declared at office-ssh.tf:3");
  await expect(dialog).toContainText("CloudFormation parameter, declared at admin-db.yaml:5");
  await expect(dialog).toContainText(ADMINS);
  await dialog.getByRole("textbox", { name: "office_cidr" }).fill("198.51.100.0/24");
  await dialog.getByRole("textbox", { name: "AdminCidr" }).fill("192.0.2.0/24");
  await shoot(page, "import-inputs-both-kinds");
  const axe = await new AxeBuilder({ page })
    .include("[role=dialog][aria-modal=true]")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
  await dialog.getByRole("button", { name: "Import with these values" }).click();
  await expect(dialog).toHaveCount(0);
  const rows = await flowRows(page);
  expect(rows).toContain(`${OFFICE} | jump | tcp 22`);
  expect(rows).toContain(`${ADMINS} | orders | tcp 5432`);
});

test("a cdk.out folder imports its stack, named by construct path, through the folder picker", async ({
  app: page,
}) => {
  page.once("dialog", (d) => void d.accept());
  const choosing = page.waitForEvent("filechooser");
  await menu(page, /^Import a Terraform folder/);
  await (await choosing).setFiles(CDK_OUT);
  await expect(page.getByTestId("problems")).not.toContainText("could not be imported");
  const rows = await flowRows(page);
  expect(rows).toContain("Internet | Alb | tcp 80");
  expect(rows).toContain("Web/ASG | Db | tcp 5432");
  expect(rows.filter((row) => row.startsWith("Db |"))).toEqual([]);
  await expect(page.getByRole("dialog", { name: /^Values for/ })).toHaveCount(0);
});

test("a variable nothing drawn depends on is folded below the one asked for, and still taken when filled", async ({
  app: page,
}) => {
  const text = readFileSync(join(import.meta.dirname, "inputs/bastion-ami.tf"), "utf8");
  await chooseFile(page, "bastion-ami.tf", text, (p) => menu(p, /^Import Terraform, CloudFormation/));
  const dialog = page.getByRole("dialog", { name: "Values for bastion-ami.tf" });
  await expect(dialog).toContainText("This value has no default");
  const office = dialog.getByRole("textbox", { name: "office_cidr" });
  await expect(office).toBeFocused();
  const folded = dialog.getByTestId("inputs-others");
  await expect(folded.locator("summary")).toHaveText("1 more has no value; nothing Palisade draws depends on it");
  const ami = dialog.getByRole("textbox", { name: "ami_id" });
  await expect(ami).toBeHidden();
  await shoot(page, "import-inputs-folded");
  await folded.locator("summary").click();
  await expect(ami).toBeVisible();
  await expect(folded).toContainText("The image the bastion boots");
  await shoot(page, "import-inputs-unfolded");
  await office.fill("198.51.100.0/24");
  await ami.fill("ami-0123456789abcdef0");
  await dialog.getByRole("button", { name: "Import with these values" }).click();
  await expect(dialog).toHaveCount(0);
  // The folded value went with the other: the notice no longer says that ami_id has none.
  await expect(page.getByTestId("notice")).toContainText("Imported bastion-ami.tf with these values");
  await expect(page.getByTestId("notice")).not.toContainText("ami_id");
  expect(await flowRows(page)).toContain(`${OFFICE} | jump | tcp 22`);
});

test("a module whose only variable without a value is one nothing drawn depends on opens no dialog, and its notice names it", async ({
  app: page,
}) => {
  const text = readFileSync(join(import.meta.dirname, "inputs/ami-only.tf"), "utf8");
  await chooseFile(page, "ami-only.tf", text, (p) => menu(p, /^Import Terraform, CloudFormation/));
  await expect(page.getByTestId("node-jump")).toBeVisible();
  await expect(page.getByTestId("notice")).toContainText(
    "Opened ami-only.tf. ami_id has no value; nothing Palisade draws depends on it, so it is not asked for.",
  );
  await expect(page.getByRole("dialog", { name: /^Values for/ })).toHaveCount(0);
  expect(await flowRows(page)).toContain("198.51.100.0/24 | jump | tcp 22");
});

test("an exported design imported again asks for nothing: its AMI and subnet variables are named in the notice", async ({
  app: page,
}) => {
  const out = mkdtempSync(join(tmpdir(), "palisade-export-"));
  execFileSync(process.execPath, [
    join(import.meta.dirname, "../bin/palisade.mjs"),
    "export",
    join(import.meta.dirname, "../examples/three-tier.palisade.json"),
    "--to",
    "terraform",
    "-o",
    out,
  ]);
  const files = readdirSync(out).map((name) => ({
    name,
    mimeType: "text/plain",
    buffer: readFileSync(join(out, name)),
  }));
  page.once("dialog", (d) => void d.accept());
  const choosing = page.waitForEvent("filechooser");
  await menu(page, /^Import Terraform, CloudFormation/);
  await (await choosing).setFiles(files);
  await expect(page.getByTestId("problems").or(page.getByTestId("notice"))).toContainText(
    /3 values have none \(ami_id, subnet_id, subnet_ids\); nothing Palisade draws depends on them/,
  );
  await expect(page.getByRole("dialog", { name: /^Values for/ })).toHaveCount(0);
  await shoot(page, "import-inputs-quiet");
});
