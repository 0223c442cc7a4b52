// A large design stays light: the palette's groups, the flow rows and the canvas's nodes are
// drawn only where they are on screen, and scrolling brings the others.
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
