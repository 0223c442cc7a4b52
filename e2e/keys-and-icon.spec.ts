// Issue 14, item 11 (part): Ctrl+K (Cmd+K on macOS) and / focus the question field, / not while
// typing in a field; the page asks for no favicon that is not there (a 404 was the only console error).
import { expect, test } from "./fixtures";

test("Ctrl+K and / focus the question field; / typed in a field stays a character", async ({ app: page }) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  const question = page.getByRole("textbox", { name: "Question", exact: true });
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("ControlOrMeta+k");
  await expect(question).toBeFocused();
  await page.getByRole("tab", { name: /Flows/ }).click();
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("/");
  await expect(question).toBeFocused();
  await expect(question).toHaveValue("");

  // Typed in a field (here the port field of the Ask form), "/" is a character.
  const port = page.getByLabel("Port", { exact: true });
  await port.fill("44");
  await port.press("/");
  await expect(port).toBeFocused();
  await expect(port).toHaveValue("44/");
});

test("no request of the page fails, the favicon included", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") failed.push(m.text());
  });
  await page.goto("/");
  await expect(page.getByTestId("node-web")).toBeVisible();
  await page.waitForTimeout(500);
  expect(failed).toEqual([]);
  expect(await page.locator('link[rel="icon"]').count()).toBe(1);
});
