// A user makes sense of a design: sends a packet that times out at the group that drops it,
// draws a connection they intend and fixes it with one click (and undoes it), reads the matrix,
// and opens a design too dense to draw node by node.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const shots = process.env.PW_SHOTS;

const openText = (page: Page, name: string, text: string) => chooseFile(page, name, text);

async function openThreeTier(page: Page) {
  await openText(page, "three-tier.palisade.json", await readFile("examples/three-tier.palisade.json", "utf8"));
  await expect(page.getByTestId("doc-title")).toContainText("Three tiers");
  await expect(node(page, "db")).toBeVisible();
}

async function shoot(page: Page, name: string) {
  if (!shots) return;
  // Let a packet's animation finish, so the picture shows where it ended.
  await page.waitForTimeout(2000);
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `${shots}/${name}-${theme}.png` });
  }
  await page.emulateMedia({ colorScheme: null });
}

test.beforeEach(async ({ app }) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  await expect(node(app, "web")).toBeVisible();
  const banner = app.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
});

test("a blocked packet times out at the database's group, with the reason", async ({ app: page }) => {
  await openThreeTier(page);
  await page.getByRole("tab", { name: "Ask" }).click();
  await page.getByLabel("Source", { exact: true }).selectOption({ label: "Internet" });
  await page.getByLabel("Target", { exact: true }).selectOption({ label: "db" });
  await page.getByLabel("Port", { exact: true }).fill("5432");
  await page.getByRole("button", { name: "Send packet" }).click();
  await expect(page.getByTestId("packet-request")).toBeVisible();
  const marker = page.getByTestId("timeout-marker");
  await expect(marker).toBeVisible();
  await expect(marker).toContainText("Timeout");
  // The timeout is at the target (its inbound rules dropped it), not at the Internet.
  await expect(node(page, "db")).toHaveClass(/is-timeout/);
  await expect(node(page, "internet")).not.toHaveClass(/is-timeout/);
  await expect(page.getByTestId("hops")).toContainText("Timeout");
  await shoot(page, "simulate-blocked");

  // A permitted flow sends its reply back: no timeout anywhere.
  await page.getByLabel("Target", { exact: true }).selectOption({ label: "alb" });
  await page.getByLabel("Port", { exact: true }).fill("443");
  await page.getByRole("button", { name: "Send packet" }).click();
  await expect(page.getByTestId("packet-reply")).toHaveCount(1);
  await expect(page.getByTestId("reply-marker")).toBeVisible();
  await expect(page.locator(".node.is-timeout")).toHaveCount(0);

  // From an edge: select it, and send a packet along it.
  await page.getByTestId("edge-app-1->db").click();
  await page.getByRole("complementary", { name: "Inspector" }).getByRole("button", { name: "Send a packet" }).click();
  await expect(page.getByTestId("hops")).toContainText("app-1 sends the request");
  await expect(page.getByTestId("reply-marker")).toBeVisible();
});

test("with reduced motion, the packet is shown where it stopped, without animation", async ({ app: page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openThreeTier(page);
  await page.getByRole("tab", { name: "Ask" }).click();
  await page.getByLabel("Source", { exact: true }).selectOption({ label: "Internet" });
  await page.getByLabel("Target", { exact: true }).selectOption({ label: "db" });
  await page.getByLabel("Port", { exact: true }).fill("5432");
  await page.getByRole("button", { name: "Send packet" }).click();
  const packet = page.getByTestId("packet-request");
  await expect(packet).toBeVisible();
  expect(await packet.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
});

test("draw an intended connection, fix it with one click, undo the fix", async ({ app: page }) => {
  await openThreeTier(page);
  // Drag from app-1's connect handle onto the database.
  await node(page, "app-1").hover();
  const handle = node(page, "app-1").locator(".intent-handle");
  const from = await handle.boundingBox();
  const to = await node(page, "db").boundingBox();
  if (!from || !to) throw new Error("no boxes");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 12 });
  await page.mouse.up();
  const popover = page.getByRole("dialog", { name: "Intended connection" });
  await expect(popover).toContainText("app-1 → db");
  await popover.getByRole("button", { name: /Redis/ }).click();

  const intent = page.locator(".intent-label").filter({ hasText: "tcp 6379" });
  await expect(intent).toHaveClass(/intent-label--blocked/);
  await page.getByRole("tab", { name: /Findings/ }).click();
  await expect(page.locator(".findings")).toContainText("Intended connection is blocked");
  await shoot(page, "intent-blocked");

  await intent.getByRole("button", { name: "Fix" }).click();
  const dialog = page.getByRole("dialog", { name: "Proposed fix" });
  await expect(dialog.getByTestId("fix-diff")).toContainText("6379");
  await shoot(page, "fix-dialog");
  await dialog.getByRole("button", { name: "Apply fix" }).click();
  await expect(intent).toHaveClass(/intent-label--satisfied/);
  await expect(page.getByRole("tabpanel")).not.toContainText("Intended connection is blocked");

  // One undo takes the whole fix back; the intent stays, blocked again.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(intent).toHaveClass(/intent-label--blocked/);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(intent).toHaveClass(/intent-label--satisfied/);
  await shoot(page, "intent-fixed");
});

test("the matrix shows who reaches whom; a cell asks; a node's inspector asks who can reach it", async ({
  app: page,
}) => {
  await openThreeTier(page);
  await page.getByRole("tab", { name: "Matrix" }).click();
  await expect(page.getByTestId("cell-internet->alb")).toContainText("tcp 80, 443");
  await page.getByLabel("Matrix port").fill("5432");
  await expect(page.getByTestId("cell-internet->alb")).toHaveCount(0);
  await expect(page.getByTestId("cell-app-1->db")).toContainText("tcp 5432");
  await shoot(page, "matrix");
  await page.getByTestId("cell-app-1->db").click();
  await expect(page.getByTestId("verdict")).toContainText("Permitted");

  await node(page, "db").click();
  await page.getByRole("button", { name: "Who can reach this?" }).click();
  const list = page.getByTestId("reach-list");
  await expect(list).toContainText("Who can reach db");
  await expect(list).toContainText("app-1");
  await expect(list).not.toContainText("Internet");

  // Compared with the example as shipped, a closed database port shows as closed flows.
  const shipped = JSON.parse(await readFile("examples/three-tier.palisade.json", "utf8"));
  const closed = structuredClone(shipped);
  for (const g of closed.groups) if (g.id === "sg-db") g.ingress = [];
  await openText(page, "closed.palisade.json", JSON.stringify(closed));
  await page.getByRole("tab", { name: "Matrix" }).click();
  await page.getByLabel("Compare with file").setInputFiles({
    name: "three-tier.palisade.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(shipped)),
  });
  await expect(page.getByTestId("compare")).toContainText("2 closed");
});

test("a dense design switches to group level, with a notice and a toggle", async ({ app: page }) => {
  // 60 web servers and 60 app servers: 60 x 60 app flows plus the rest is well over 2,000 edges.
  const design = JSON.parse(await readFile("examples/three-tier.palisade.json", "utf8"));
  const app = design.resources.find((r: { id: string }) => r.id === "app-1");
  const alb = design.resources.find((r: { id: string }) => r.id === "alb");
  design.resources = design.resources.filter(
    (r: { id: string }) => r.id !== "app-1" && r.id !== "app-2" && r.id !== "alb",
  );
  for (let i = 0; i < 60; i++) {
    design.resources.push({ ...alb, id: `alb-${i}`, name: `alb-${i}`, position: { x: 0, y: i * 100 } });
    design.resources.push({ ...app, id: `app-${i}`, name: `app-${i}`, position: { x: 300, y: i * 100 } });
  }
  await openText(page, "dense.palisade.json", JSON.stringify(design));
  await expect(page.getByTestId("doc-title")).toContainText("Three tiers");
  const toggle = page.getByTestId("level-toggle");
  await expect(toggle).toContainText("too many to draw");
  await expect(page.getByTestId("group-node-sg-app")).toBeVisible();
  await expect(page.getByTestId("group-node-sg-db")).toContainText("1 member");
  await expect(page.getByTestId("edge-group:sg-app->sg-db")).toContainText("tcp 5432 (60 pairs)");
  await shoot(page, "groups");
  await toggle.getByRole("button", { name: "Nodes" }).click();
  await expect(page.locator(".react-flow__node .node--resource").first()).toBeVisible();
  await expect(page.getByTestId("group-node-sg-app")).toHaveCount(0);
  await expect(toggle).not.toContainText("too many to draw");
  await toggle.getByRole("button", { name: "Groups" }).click();
  await expect(page.getByTestId("group-node-sg-app")).toBeVisible();
});

test("a finding jumps to its rule, and a rule that adds nothing is deleted from there", async ({ app: page }) => {
  const design = JSON.parse(await readFile("examples/three-tier.palisade.json", "utf8"));
  const alb = design.groups.find((g: { id: string }) => g.id === "sg-alb");
  // Shadowed: 443 from inside the VPC is already allowed from anywhere.
  alb.ingress.push({
    id: "alb-https-vpc",
    protocol: "tcp",
    fromPort: 443,
    toPort: 443,
    peer: { kind: "cidr4", cidr: "10.0.0.0/16" },
  });
  await openText(page, "shadowed.palisade.json", JSON.stringify(design));
  await page.getByRole("tab", { name: /Findings/ }).click();
  const finding = page.locator(".findings li").filter({ hasText: "shadowed" });
  await finding.locator(".finding").click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await expect(inspector.getByLabel("Group name")).toHaveValue("alb");
  await expect(inspector.locator(".rule-list li.is-focused")).toContainText("tcp 443 from 10.0.0.0/16");
  await expect(node(page, "alb")).toHaveClass(/is-highlighted/);
  await finding.getByRole("button", { name: "Delete rule" }).click();
  await expect(page.locator(".findings li").filter({ hasText: "shadowed" })).toHaveCount(0);
  await expect(inspector.getByRole("region", { name: "Inbound rules" })).not.toContainText("10.0.0.0/16");
});

test("an intent by clicks (the handle, then the other node) and from the inspector", async ({ app: page }) => {
  await openThreeTier(page);
  await node(page, "app-2").hover();
  await node(page, "app-2").locator(".intent-handle").click();
  await node(page, "db").click();
  const popover = page.getByRole("dialog", { name: "Intended connection" });
  await expect(popover).toContainText("app-2 → db");
  await popover.getByRole("button", { name: "Cancel" }).click();
  await expect(popover).toHaveCount(0);

  // Two nodes selected: the inspector offers the same without a pointer gesture.
  await node(page, "alb").click();
  await node(page, "db").click({ modifiers: ["Control"] });
  await page.getByRole("button", { name: /Intend a connection from the first to the second/ }).click();
  await expect(popover).toContainText("alb → db");
  await popover.getByLabel("Intent port").fill("5432");
  await popover.getByRole("button", { name: "Add" }).click();
  await expect(page.locator(".intent-label").filter({ hasText: "tcp 5432" })).toHaveClass(/intent-label--blocked/);
});
