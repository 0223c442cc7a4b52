// Issue 14, item 7: explanations and the Fix dialog name groups as the user named them (not ids
// the editor made up, "sg-web (web)") and say plainly what a fix does ("Opens web to My IP on tcp
// 5432; nothing else changes"), not "node pairs opened (no flow before): 1".
import { expect, test } from "./fixtures";
import { shoot } from "./shots";

test("the Fix dialog and Ask's explanation speak plainly, with group names", async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();

  await page.getByTestId("node-my-ip").locator(".intent-handle").dragTo(page.getByTestId("node-web"));
  await page
    .getByRole("dialog", { name: "Intended connection" })
    .getByRole("button", { name: /PostgreSQL/ })
    .click();
  await page.getByRole("button", { name: "Fix", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Proposed fix" });
  await expect(dialog.getByTestId("fix-summary")).toHaveText("Opens web to My IP on tcp 5432; nothing else changes.");
  await expect(dialog.getByTestId("fix-diff")).toHaveText("+ group web inbound: tcp 5432 from 203.0.113.10/32");
  await expect(dialog).not.toContainText("sg-web");
  await expect(dialog).not.toContainText("pairs opened");
  await shoot(page, "fix-plain");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("tab", { name: "Ask" }).click();
  await page.getByRole("textbox", { name: "Question", exact: true }).fill("can the internet reach web on 5432?");
  await page.getByRole("textbox", { name: "Question", exact: true }).press("Enter");
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("No inbound rule of group web matches");
  await expect(verdict).not.toContainText("sg-web");
});
