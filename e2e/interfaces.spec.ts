// Issue 11: AWS attaches groups to network interfaces. An instance with two interfaces is one node
// with a row (and handles) per interface, and each flow's line ends at the row of the interface it
// uses. Imported from the project's own fixture, as a person would import it.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";
import { shoot } from "./shots";

const FIXTURE = "src/shared/iac/fixtures/two-interfaces/main.tf";
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const row = (page: Page, device: string) => page.getByTestId(`iface-web-${device}`);
const line = (page: Page, flow: string) => page.getByTestId(`rf__edge-${flow}`).locator("path.flow-edge");

async function importFixture(page: Page): Promise<void> {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  const text = await readFile(FIXTURE, "utf8");
  await chooseFile(page, "main.tf", text, async (p) => {
    await p.getByText("More").click();
    await p.getByRole("menuitem", { name: /^Import Terraform, CloudFormation/ }).click();
  });
  await expect(page.getByTestId("node-db")).toBeVisible();
  await expect(row(page, "eth1")).toBeVisible();
}

/** Where a line ends (`at: "end"`) or starts, on screen, and the vertical extent of a row there. */
async function endOf(path: Locator, at: "start" | "end"): Promise<{ x: number; y: number }> {
  return path.evaluate((el, at) => {
    const p = el as SVGPathElement;
    const point = p.getPointAtLength(at === "end" ? p.getTotalLength() : 0);
    const screen = point.matrixTransform(p.getScreenCTM() ?? undefined);
    return { x: screen.x, y: screen.y };
  }, at);
}

async function expectWithin(point: { y: number }, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box, "the row is drawn").not.toBeNull();
  expect(point.y).toBeGreaterThanOrEqual((box?.y ?? 0) - 1);
  expect(point.y).toBeLessThanOrEqual((box?.y ?? 0) + (box?.height ?? 0) + 1);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
])
  test(`an instance with two interfaces is one node with a row each, lines ending at their interface's row (${viewport.width}x${viewport.height})`, async ({
    app: page,
  }) => {
    await page.setViewportSize(viewport);
    await importFixture(page);
    const web = page.getByTestId("node-web");
    // One node for the instance (never two), a row per interface with its own address and groups.
    await expect(page.locator('.react-flow__node[data-id^="web"]')).toHaveCount(1);
    await expect(web.locator(".node__row")).toHaveCount(2);
    await expect(row(page, "eth0")).toContainText("eth0");
    await expect(row(page, "eth0")).toContainText("10.0.1.10");
    await expect(row(page, "eth0").locator(".chip")).toHaveText(["public×"]);
    await expect(row(page, "eth1")).toContainText("eth1");
    await expect(row(page, "eth1")).toContainText("10.0.2.10");
    await expect(row(page, "eth1").locator(".chip")).toHaveText(["admin×"]);
    // Each row has a handle of each kind.
    await expect(row(page, "eth1").locator('.react-flow__handle[data-handleid="eth1"]')).toHaveCount(2);

    // Only eth1 reaches the database: the line leaves from eth1's row, and the Internet's https ends at eth0's.
    await expect(line(page, "web/eth1->db")).toHaveAttribute("data-source-handle", "eth1");
    await expect(line(page, "internet->web")).toHaveAttribute("data-target-handle", "eth0");
    await expectWithin(await endOf(line(page, "web/eth1->db"), "start"), row(page, "eth1"));
    await expectWithin(await endOf(line(page, "internet->web"), "end"), row(page, "eth0"));
    await shoot(page, "interfaces-imported");
  });

test("a group dropped on the eth1 row goes on eth1 alone, and the flows follow", async ({ app: page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await importFixture(page);
  await expect(page.getByTestId("rf__edge-internet->web/eth1")).toHaveCount(0);

  // public admits https from anywhere: on eth1 too, the Internet now reaches eth1.
  await page.getByTestId("group-sg-public").dragTo(row(page, "eth1"));
  await expect(row(page, "eth1").locator(".chip")).toHaveText(["admin×", "public×"]);
  await expect(row(page, "eth0").locator(".chip")).toHaveText(["public×"]);
  const https = line(page, "internet->web/eth1");
  await expect(https).toHaveAttribute("data-target-handle", "eth1");
  await expectWithin(await endOf(https, "end"), row(page, "eth1"));
  await expect(page.getByRole("button", { name: /^Flow internet to web\/eth1: tcp 443/ })).toBeVisible();
  // Its tooltip explains it as any other flow's does.
  await page.getByRole("button", { name: /^Flow internet to web\/eth1/ }).hover();
  await expect(page.getByTestId("edge-hover-card")).toContainText("443");
  await shoot(page, "interfaces-dropped-on-eth1");

  // Onto the node's head: the primary interface, as before.
  await page.getByTestId("group-sg-admin").dragTo(page.getByTestId("node-web").locator(".node__name"));
  await expect(row(page, "eth0").locator(".chip")).toHaveText(["public×", "admin×"]);
  await expect(line(page, "web->db")).toHaveAttribute("data-source-handle", "eth0");
});

test("the inspector lists each interface with its groups, and detaching from eth1 changes eth1's flows", async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await importFixture(page);
  await page.getByTestId("node-web").locator(".node__name").click();
  const eth1 = inspector(page).getByRole("region", { name: "web's eth1" });
  await expect(inspector(page).getByRole("region", { name: "web's eth0" })).toContainText("public");
  await expect(eth1).toContainText("web_admin");
  await expect(eth1).toContainText("admin");
  await shoot(page, "interfaces-inspector");

  await eth1.getByLabel("Attach a group to eth1").selectOption({ label: "db" });
  await expect(row(page, "eth1").locator(".chip")).toHaveText(["admin×", "db×"]);
  await eth1.getByRole("button", { name: "Detach admin from eth1" }).click();
  await expect(row(page, "eth1").locator(".chip")).toHaveText(["db×"]);
  // Without admin, eth1 may no longer reach the database; eth0 never could.
  await expect(page.getByTestId("rf__edge-web/eth1->db")).toHaveCount(0);
  await expect(page.getByTestId("rf__edge-web->db")).toHaveCount(0);
  // Undo puts the group back on eth1, and the line with it.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(row(page, "eth1").locator(".chip")).toHaveText(["admin×", "db×"]);
  await expect(line(page, "web/eth1->db")).toHaveAttribute("data-source-handle", "eth1");
});

test("Ask takes an interface as an end, and the packet travels its line from the eth1 row", async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await importFixture(page);
  await page.getByRole("tab", { name: "Ask" }).click();
  await page.getByLabel("Source", { exact: true }).selectOption({ label: "web/eth1" });
  await page.getByLabel("Target", { exact: true }).selectOption({ label: "db" });
  await page.getByLabel("Port", { exact: true }).fill("5432");
  await page.getByRole("button", { name: "Send packet" }).click();
  const packet = page.getByTestId("packet-request");
  await expect(packet).toBeVisible();
  // The same points as the line drawn from eth1's row (the browser writes path data its own way).
  const drawn = await line(page, "web/eth1->db").getAttribute("d");
  const offsetPath = await packet.evaluate((el) => (el as HTMLElement).style.offsetPath);
  const numbers = (d: string | null) => [...(d ?? "").matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
  expect(numbers(drawn).length).toBeGreaterThan(4);
  expect(numbers(offsetPath)).toEqual(numbers(drawn));
  // eth0 has no group that db admits: the same question from web itself times out at db.
  await page.getByLabel("Source", { exact: true }).selectOption({ label: "web" });
  await page.getByRole("button", { name: "Send packet" }).click();
  await expect(page.getByTestId("timeout-marker")).toBeVisible();
});
