// A large design stays light: the palette's groups, the flow rows and the canvas's nodes are
// drawn only where they are on screen, and scrolling brings the others.
import type { Page } from "@playwright/test";
import { generateChain } from "../bench/ui-design";
import { serializeDesign } from "../src/shared/model";
import { chooseFile, expect, test } from "./fixtures";

const GROUPS = 600;

test.beforeEach(async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  const design = generateChain(GROUPS);
  design.name = "Chain";
  await chooseFile(page, "chain.palisade.json", serializeDesign(design));
  await expect(page.getByTestId("doc-title")).toContainText("Chain");
});

test("the palette draws the groups in view, and scrolling brings the last", async ({ app: page }) => {
  const entries = page.locator(".palette__groups li");
  await expect(page.getByTestId("group-sg-0")).toBeVisible();
  expect(await entries.count()).toBeLessThan(80);
  await expect(page.getByTestId(`group-sg-${GROUPS - 1}`)).toHaveCount(0);
  await page.locator(".palette").evaluate((p) => {
    p.scrollTop = p.scrollHeight;
  });
  await expect(page.getByTestId(`group-sg-${GROUPS - 1}`)).toBeVisible();
  await expect(page.getByTestId("group-sg-0")).toHaveCount(0);
  expect(await entries.count()).toBeLessThan(80);
  // Chosen from far down the list, the group is selected as from anywhere else.
  await page.getByTestId(`group-sg-${GROUPS - 1}`).click();
  await expect(page.getByTestId(`group-sg-${GROUPS - 1}`)).toHaveAttribute("aria-pressed", "true");
});

test("the flows table draws the rows in view of some 1,800, and scrolls to the last", async ({ app: page }) => {
  const rows = page.locator(".tabpanel tbody tr:not(.spacer)");
  await expect(rows.first()).toContainText("svc-0");
  const total = Number((await page.locator("#tab-flows .tab__count").textContent())?.replaceAll(",", ""));
  expect(total).toBeGreaterThan(1500);
  expect(await rows.count()).toBeLessThan(80);
  const first = await rows.first().textContent();
  await page.locator(".tabpanel").evaluate((p) => {
    p.scrollTop = p.scrollHeight;
  });
  await expect(rows.first()).not.toHaveText(first ?? "");
  await expect(rows.last()).toBeInViewport();
  expect(await rows.count()).toBeLessThan(80);
});

test("the canvas draws only the nodes on screen", async ({ app: page }) => {
  await expect(page.getByTestId("node-i-0")).toBeAttached();
  // Opened fitted, every node is in view: zoomed in, most are not.
  for (let i = 0; i < 10; i++) await page.getByRole("button", { name: "Zoom In" }).click();
  await expect.poll(() => page.locator(".react-flow__node").count()).toBeLessThan(GROUPS / 4);
  expect(await page.locator(".react-flow__node").count()).toBeGreaterThan(0);
});

/** Where the canvas has node i-0 (flow coordinates, from React Flow's transform of it). */
const firstNodeAt = (page: Page) =>
  page.locator('.react-flow__node[data-id="i-0"]').evaluate((n) => (n as HTMLElement).style.transform);

test("Layout runs in the layout worker, and the nodes move", async ({ app: page }) => {
  const before = await firstNodeAt(page);
  const spawned = page.waitForEvent("worker");
  await page.getByRole("button", { name: "Auto-layout", exact: true }).click();
  expect((await spawned).url()).toMatch(/\/layout\.worker[^/]*\.js$/);
  await expect.poll(() => firstNodeAt(page)).not.toBe(before);
  await expect(page.getByTestId("busy")).toBeHidden();
  await page.screenshot({ path: "test-results/large-layout.png" });
});

test("Escape during a layout stops the layout worker, the nodes stay where they were, and Layout runs again", async ({
  app: page,
}) => {
  const before = await firstNodeAt(page);
  // The worker's script is held back, so that the layout is still under way when Escape comes
  // (Chromium reports the worker only once its script has loaded).
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested = () => {};
  const asked = new Promise<void>((resolve) => {
    requested = resolve;
  });
  await page.route(/\/layout\.worker[^/]*\.js$/, async (route) => {
    requested();
    await held;
    await route.continue().catch(() => undefined);
  });
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.getByRole("button", { name: "Auto-layout", exact: true }).click();
  await asked;
  await expect(page.getByTestId("busy")).toContainText("Laying out");
  await page.keyboard.press("Escape");
  await expect(page.getByText("Laying out: cancelled; the design is unchanged")).toBeVisible();
  await expect(page.getByTestId("busy")).toBeHidden();
  release();
  await page.unrouteAll({ behavior: "wait" });
  // Nothing arrives later from the stopped layout: its worker was terminated before it ran.
  await page.waitForTimeout(500);
  expect(await firstNodeAt(page)).toBe(before);
  expect(workers).toEqual([]);
  // The next Layout starts a new worker, and it lays out.
  const again = page.waitForEvent("worker");
  await page.getByRole("button", { name: "Auto-layout", exact: true }).click();
  expect((await again).url()).toMatch(/\/layout\.worker[^/]*\.js$/);
  await expect.poll(() => firstNodeAt(page)).not.toBe(before);
});
