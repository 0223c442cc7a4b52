// A new user builds the three-tier design with the mouse, watches flows appear and disappear as
// rules change, asks why the database is unreachable from the Internet, undoes and redoes,
// saves, reopens, and finds the same design. Real renderer, real host, real engine.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const canvas = (page: Page) => page.locator(".react-flow__pane");
const edge = (page: Page, from: string, to: string) => page.getByTestId(`edge-${from}->${to}`);
const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);

async function dropOnCanvas(page: Page, item: string, x: number, y: number) {
  await page.getByTestId(`palette-${item}`).dragTo(canvas(page), { targetPosition: { x, y } });
}

/** Earlier tests' autosaves are offered back at start; this user starts afresh. */
async function discardRecovery(page: Page) {
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
}

async function rename(page: Page, label: string, name: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(name);
  await field.press("Enter");
}

/** Opens the inbound rule form of the selected group and adds a rule. */
async function addInbound(page: Page, preset: string, source: string, pick?: (form: Locator) => Promise<void>) {
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector.getByRole("form", { name: /Add inbound rule/ });
  await form.getByLabel("Type").selectOption({ label: preset });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: source });
  if (pick) await pick(form);
  await form.getByRole("button", { name: "Add inbound rule" }).click();
}

test("build the three-tier design with the mouse, ask, undo, save and reopen", async ({ app: page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // A first run opens the HTTP/HTTPS server example; the user starts a new design instead.
  await expect(node(page, "web")).toBeVisible();
  await discardRecovery(page);
  await page.getByRole("button", { name: "New design" }).click();
  await expect(page.getByTestId("doc-title")).toContainText("Untitled");
  await expect(page.locator(".react-flow__node")).toHaveCount(0);

  // Four nodes from the palette; each new node is selected, so it is named in the inspector.
  await dropOnCanvas(page, "internet", 110, 90);
  await expect(node(page, "internet")).toBeVisible();
  await dropOnCanvas(page, "loadBalancer", 370, 90);
  await rename(page, "Name", "alb");
  await dropOnCanvas(page, "instance", 630, 90);
  await rename(page, "Name", "app");
  await dropOnCanvas(page, "database", 630, 250);
  await rename(page, "Name", "db");
  for (const [id, name] of [
    ["lb", "alb"],
    ["instance", "app"],
    ["db", "db"],
  ] as const)
    await expect(node(page, id)).toContainText(name);

  // Security groups: a new group dropped on a node is created, attached and opened.
  await page.getByTestId("palette-new-group").dragTo(node(page, "lb"));
  await rename(page, "Group name", "alb");
  await expect(node(page, "lb").locator(".chip")).toHaveText(/alb/);
  await addInbound(page, "HTTPS (tcp 443)", "Internet (0.0.0.0/0)");
  await expect(edge(page, "internet", "lb")).toHaveText("tcp 443");

  await page.getByTestId("palette-new-group").dragTo(node(page, "instance"));
  await rename(page, "Group name", "app");
  await addInbound(page, "Custom…", "Another security group…", async (form) => {
    await form.getByLabel("From port").fill("8080");
    await form.getByLabel("Source group").selectOption({ label: "alb" });
  });
  await expect(edge(page, "lb", "instance")).toHaveText("tcp 8080");

  await page.getByTestId("palette-new-group").dragTo(node(page, "db"));
  await rename(page, "Group name", "db");
  await addInbound(page, "PostgreSQL (tcp 5432)", "Another security group…", async (form) => {
    await form.getByLabel("Source group").selectOption({ label: "app" });
  });
  await expect(edge(page, "instance", "db")).toHaveText("tcp 5432");
  await expect(edge(page, "internet", "db")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("three-tier-built.png") });

  // Why can't the Internet reach the database? The engine says, and the canvas marks the drop.
  await page.getByRole("tab", { name: /Ask/ }).click();
  const ask = page.getByRole("form", { name: "Ask whether a flow is permitted" });
  await ask.getByLabel("Source", { exact: true }).selectOption({ label: "Internet" });
  await ask.getByLabel("Target", { exact: true }).selectOption({ label: "db" });
  await ask.getByLabel("Port").fill("5432");
  await ask.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(page.getByTestId("verdict")).toContainText("Not permitted");
  await expect(node(page, "db")).toContainText("timeout");
  await page.screenshot({ path: testInfo.outputPath("ask-db-from-internet.png") });

  // Opening the database to the Internet draws the edge; undo removes it, redo brings it back.
  await node(page, "db").locator(".chip__name").click();
  await addInbound(page, "PostgreSQL (tcp 5432)", "Internet (0.0.0.0/0)");
  await expect(edge(page, "internet", "db")).toHaveText("tcp 5432");
  await expect(page.getByTestId("verdict")).toContainText("Permitted");
  await canvas(page).click({ position: { x: 600, y: 40 } });
  await page.keyboard.press("Control+z");
  await expect(edge(page, "internet", "db")).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(edge(page, "internet", "db")).toHaveText("tcp 5432");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(edge(page, "internet", "db")).toHaveCount(0);

  // Save (a download in the browser), then open that file again: the same design.
  await page.getByLabel("Design name").fill("Three tiers by hand");
  await page.getByLabel("Design name").press("Enter");
  await expect(page.getByTestId("doc-title")).toContainText("●");
  const downloading = page.waitForEvent("download");
  await page.keyboard.press("Control+s");
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("three-tiers-by-hand.palisade.json");
  const savedPath = testInfo.outputPath("saved.palisade.json");
  await download.saveAs(savedPath);
  await expect(page.getByTestId("doc-title")).not.toContainText("●");
  const saved = JSON.parse(await readFile(savedPath, "utf8"));
  expect(saved.resources.map((r: { name: string }) => r.name)).toEqual(["alb", "app", "db"]);
  expect(saved.groups.map((g: { name: string }) => g.name)).toEqual(["alb", "app", "db"]);

  await page.getByRole("button", { name: "New design" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  const choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open…" }).click();
  await (await choosing).setFiles(savedPath);
  await expect(page.getByTestId("doc-title")).toContainText("Three tiers by hand");
  await expect(edge(page, "internet", "lb")).toHaveText("tcp 443");
  await expect(edge(page, "lb", "instance")).toHaveText("tcp 8080");
  await expect(edge(page, "instance", "db")).toHaveText("tcp 5432");
  await expect(edge(page, "internet", "db")).toHaveCount(0);
  const again = page.waitForEvent("download");
  await page.keyboard.press("Control+s");
  const resavedPath = testInfo.outputPath("resaved.palisade.json");
  await (await again).saveAs(resavedPath);
  expect(await readFile(resavedPath, "utf8")).toBe(await readFile(savedPath, "utf8"));
  await page.screenshot({ path: testInfo.outputPath("three-tier-reopened.png") });
});
