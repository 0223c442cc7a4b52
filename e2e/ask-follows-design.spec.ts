// Issue 14, item 4: the Ask tab's ends follow the document. A node deleted, or a new document
// opened, never leaves the form holding an id that no longer names anything (shown in red as a bad
// address, through a whole lesson).
import { expect, test } from "./fixtures";

test("Ask forgets an end whose node is deleted, and New clears both", async ({ app: page }) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await page.getByRole("tab", { name: "Ask" }).click();
  const form = page.getByRole("form", { name: "Ask whether a flow is permitted" });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "Internet" });
  await form.getByLabel("Target", { exact: true }).selectOption({ label: "web" });
  await form.getByLabel("Port").fill("443");
  await form.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(form.getByTestId("verdict")).toBeVisible();

  await page.getByTestId("node-web").click();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("node-web")).toHaveCount(0);
  await expect(form.getByLabel("Target", { exact: true })).toHaveValue("");
  await expect(form.locator(".field-error, .error-text")).toHaveCount(0);
  await expect(form.getByTestId("verdict")).toHaveCount(0);
  await expect(form.getByLabel("Source", { exact: true })).toHaveValue("internet");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "New design" }).click();
  await expect(form.getByLabel("Source", { exact: true })).toHaveValue("");
  await expect(form.locator(".field-error, .error-text")).toHaveCount(0);
});

test("a lesson opened after a question keeps the ends that it also has", async ({ app: page }) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await page.getByRole("tab", { name: "Ask" }).click();
  const form = page.getByRole("form", { name: "Ask whether a flow is permitted" });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "My IP" });
  await form.getByLabel("Target", { exact: true }).selectOption({ label: "web" });
  await page.getByRole("button", { name: "Exercises" }).click();
  page.once("dialog", (d) => void d.accept());
  await page
    .getByRole("dialog", { name: "Exercises" })
    .getByRole("button", { name: /1\. HTTP\/HTTPS server/ })
    .click();
  await expect(page.getByTestId("lesson")).toBeVisible();
  await expect(form.getByLabel("Source", { exact: true })).toHaveValue("my-ip");
  await expect(form.getByLabel("Target", { exact: true })).toHaveValue("web");
  await expect(form.locator(".field-error, .error-text")).toHaveCount(0);
});
