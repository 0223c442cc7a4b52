// Import of a Terraform folder (issue 14, item 10) opens a directory picker in the browser mode,
// and Open and Import read and check a file before they ask to discard unsaved changes: a file
// that fails leaves everything as it was, without asking.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const GROUPS_TF = `resource "aws_security_group" "folder_web" {
  name        = "folder-web"
  description = "web"
}
`;
const RULES_TF = `resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.folder_web.id
  ip_protocol       = "tcp"
  from_port         = 8443
  to_port           = 8443
  cidr_ipv4         = "0.0.0.0/0"
}
`;

async function terraformFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "palisade-e2e-folder-"));
  const folder = join(root, "network");
  await mkdir(join(folder, "modules", "other"), { recursive: true });
  await writeFile(join(folder, "groups.tf"), GROUPS_TF);
  await writeFile(join(folder, "rules.tf"), RULES_TF);
  await writeFile(join(folder, "README.md"), "# not Terraform\n");
  // Another module: Terraform does not read it as part of this one, and neither do we.
  await writeFile(join(folder, "modules", "other", "broken.tf"), 'resource "x" {\n');
  return folder;
}

async function menu(page: Page, item: RegExp): Promise<void> {
  await page.getByText("More").click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** Unsaved work: the design renamed. */
async function makeDirty(page: Page, name: string): Promise<void> {
  const field = page.getByLabel("Design name");
  await field.fill(name);
  await field.press("Enter");
  await expect(page.getByRole("img", { name: "unsaved changes" })).toBeVisible();
}

function recordDialogs(page: Page, answer: "accept" | "dismiss" = "accept"): string[] {
  const asked: string[] = [];
  page.on("dialog", (d) => {
    asked.push(d.message());
    void (answer === "accept" ? d.accept() : d.dismiss());
  });
  return asked;
}

test("Import a Terraform folder opens a directory picker and imports the folder's .tf files together", async ({
  app: page,
}) => {
  recordDialogs(page);
  const choosing = page.waitForEvent("filechooser");
  await menu(page, /^Import a Terraform folder/);
  const chooser = await choosing;
  expect(await chooser.element().evaluate((input) => (input as HTMLInputElement).webkitdirectory)).toBe(true);
  // The host reads the files and holds what it read as the window's document: the design is not
  // sent back to be held (doc:open), only the layout's moves after it, as an edit.
  const sentWhole: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/doc:open")) sentWhole.push(r.url());
  });
  await chooser.setFiles(await terraformFolder());
  await expect(page.getByTestId("problems")).toHaveCount(0);
  await expect(page.getByText("folder-web").first()).toBeVisible();
  await page.getByText("folder-web").first().click();
  await expect(page.getByText("tcp 8443").first()).toBeVisible();
  expect(sentWhole).toEqual([]);
});

test("a folder without Terraform files says so and changes nothing", async ({ app: page }) => {
  const before = await page.getByLabel("Design name").inputValue();
  const empty = await mkdtemp(join(tmpdir(), "palisade-e2e-empty-"));
  await writeFile(join(empty, "notes.txt"), "nothing here\n");
  const choosing = page.waitForEvent("filechooser");
  await menu(page, /^Import a Terraform folder/);
  await (await choosing).setFiles(empty);
  await expect(page.getByTestId("problems")).toContainText("holds no Terraform file");
  await expect(page.getByLabel("Design name")).toHaveValue(before);
});

for (const [how, open, name, text] of [
  [
    "Open",
    (p: Page) => p.getByRole("button", { name: "Open…" }).click(),
    "broken.palisade.json",
    '{ "format": "palisade", "version": 1, "name": 5 }',
  ],
  [
    "Import",
    (p: Page) => menu(p, /^Import Terraform, CloudFormation/),
    "broken.tf",
    'resource "aws_security_group" "x" {\n  name = \n',
  ],
] as const)
  test(`${how}: a file that fails leaves the unsaved design as it was, without asking to discard it`, async ({
    app: page,
  }) => {
    await makeDirty(page, "Work in progress");
    const asked = recordDialogs(page);
    const choosing = page.waitForEvent("filechooser");
    await open(page);
    await (await choosing).setFiles({ name, mimeType: "application/octet-stream", buffer: Buffer.from(text) });
    await expect(page.getByTestId("problems")).toContainText("could not be opened; the current design is unchanged");
    expect(asked).toEqual([]);
    await expect(page.getByLabel("Design name")).toHaveValue("Work in progress");
    await expect(page.getByRole("img", { name: "unsaved changes" })).toBeVisible();
  });

test("Open: a good file is read first, then the unsaved design is discarded only if the user agrees", async ({
  app: page,
}) => {
  await makeDirty(page, "Work in progress");
  const design = await page.evaluate(async () => {
    const r = await fetch("/examples/three-tier.palisade.json").catch(() => undefined);
    return r?.ok ? r.text() : undefined;
  });
  const text =
    design ??
    JSON.stringify({
      format: "palisade",
      version: 1,
      name: "Other design",
      vpcs: [],
      resources: [],
      externals: [],
      groups: [],
      prefixLists: [],
      intents: [],
    });
  const asked = recordDialogs(page, "dismiss");
  let choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open…" }).click();
  await (await choosing).setFiles({
    name: "other.palisade.json",
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  await expect.poll(() => asked).toEqual(["Discard the unsaved changes to this design?"]);
  await expect(page.getByLabel("Design name")).toHaveValue("Work in progress");

  page.removeAllListeners("dialog");
  const accepted = recordDialogs(page, "accept");
  choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open…" }).click();
  await (await choosing).setFiles({
    name: "other.palisade.json",
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  await expect.poll(() => accepted.length).toBe(1);
  await expect(page.getByLabel("Design name")).not.toHaveValue("Work in progress");
});
