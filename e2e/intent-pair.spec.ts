// Issue 14 item 8: a second port intended between the same two nodes adds to the pair's marker
// (one marker listing both services) instead of a second marker drawn on top of the first, which
// hid "tcp 80" under "tcp 443"; and no intent marker covers a node's header (kind and name).
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { shoot } from "./shots";

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxOf = async (l: Locator) => (await l.boundingBox()) as Box;

async function intend(page: Page, from: string, to: string, preset: RegExp) {
  await page
    .getByTestId(`node-${from}`)
    .locator(".intent-handle")
    .dragTo(page.getByTestId(`node-${to}`));
  await page.getByRole("dialog", { name: "Intended connection" }).getByRole("button", { name: preset }).click();
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`a second port on the same pair is listed in the pair's one marker, clear of node headers (${size.width}x${size.height})`, async ({
    app: page,
  }) => {
    await page.setViewportSize(size);
    await expect(page.getByTestId("node-web")).toBeVisible();
    const banner = page.getByTestId("recovery");
    if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();

    await intend(page, "my-ip", "web", /^SSH 22/);
    await intend(page, "my-ip", "web", /PostgreSQL/);
    const ssh = page.locator(".intent-label").filter({ hasText: "tcp 22" });
    const pg = page.locator(".intent-label").filter({ hasText: "tcp 5432" });
    await expect(ssh).toBeVisible();
    await expect(pg).toBeVisible();
    await shoot(page, "intent-pair");

    // Neither service hides the other (one used to sit exactly on the other).
    expect(overlaps(await boxOf(ssh), await boxOf(pg))).toBe(false);
    // One marker for the pair, listing both.
    const marker = page.locator(".intent-marker").filter({ has: ssh });
    await expect(marker).toHaveCount(1);
    await expect(marker.locator(".intent-label")).toHaveCount(2);
    await expect(marker).toContainText("tcp 5432");

    // Each service keeps its own Fix: fixing PostgreSQL leaves SSH as it was.
    await pg.getByRole("button", { name: "Fix" }).click();
    await page.getByRole("dialog", { name: "Proposed fix" }).getByRole("button", { name: "Apply fix" }).click();
    await expect(pg).toHaveClass(/intent-label--satisfied/);
    await expect(page.locator(".intent-marker")).toHaveCount(1);

    // No marker on any node's header.
    for (const head of await page.locator(".node__head, .node__name").all()) {
      const h = await boxOf(head);
      for (const m of await page.locator(".intent-marker").all())
        expect(overlaps(h, await boxOf(m)), `a marker covers "${await head.textContent()}"`).toBe(false);
    }
  });
}
