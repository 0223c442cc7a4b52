// Issue 14 item 11: files dragged over the window show where they land and what a drop does, and
// at 1280x720 the top bar cuts nothing off (the lesson's title was "Lesson 1: HTTP/HTTPS se…").
import type { JSHandle, Page } from "@playwright/test";
import { expect, openLessonOne, test } from "./fixtures";
import { shoot } from "./shots";

const filesTransfer = (page: Page, names: string[]) =>
  page.evaluateHandle((names) => {
    const dt = new DataTransfer();
    for (const name of names) dt.items.add(new File(["{}"], name, { type: "application/json" }));
    return dt;
  }, names);

const dragOver = (page: Page, transfer: JSHandle) =>
  page.locator(".react-flow__pane").dispatchEvent("dragover", { dataTransfer: transfer });

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`a file dragged over the window says it will open or import, and leaving hides it (${size.width}x${size.height})`, async ({
    app: page,
  }) => {
    await page.setViewportSize(size);
    await expect(page.getByTestId("node-web")).toBeVisible();
    const overlay = page.getByTestId("file-drop");
    await expect(overlay).toHaveCount(0);

    await dragOver(page, await filesTransfer(page, ["design.palisade.json"]));
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText("Drop to open this file");
    await expect(overlay).toContainText("Terraform, CloudFormation or AWS CLI JSON file is imported");
    await shoot(page, "file-drop-one");
    // Leaving the window (no element to go to) hides it; nothing was opened.
    await page.evaluate(() => window.dispatchEvent(new DragEvent("dragleave", { relatedTarget: null })));
    await expect(overlay).toHaveCount(0);
    await expect(page.getByTestId("node-web")).toBeVisible();

    await dragOver(page, await filesTransfer(page, ["main.tf", "variables.tf"]));
    await expect(overlay).toContainText("Drop to import these 2 files as one design");
    await shoot(page, "file-drop-many");
  });
}

test("a palette drag shows no file overlay", async ({ app: page }) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.setData("application/palisade-node", "instance");
    return dt;
  });
  await dragOver(page, transfer);
  await expect(page.getByTestId("file-drop")).toHaveCount(0);
});

test("at 1280x720 the lesson's full title shows in the top bar", async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLessonOne(page);
  const name = page.getByTestId("doc-title").locator(".doc-title__name");
  await expect(name).toContainText("Lesson 1");
  await shoot(page, "lesson-topbar");
  const cut = await name.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(cut, `the title "${await name.textContent()}" is cut off`).toBe(false);
  // Nothing else in the top bar is pushed out of the window either.
  const overflow = await page.locator(".topbar").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
