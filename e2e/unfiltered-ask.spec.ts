// Issue 11: Ask says that security groups do not apply to traffic AWS never filters (instance
// metadata here), instead of evaluating rules.
import { expect, test } from "./fixtures";

test("Ask about the instance metadata service says groups do not apply", async ({ app: page }) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await page.getByRole("tab", { name: "Ask" }).click();
  const typed = page.getByRole("form", { name: "Type a question" });
  await typed.getByLabel("Question").fill("can web reach 169.254.169.254 on 80?");
  await typed.getByRole("button", { name: "Ask this" }).click();
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("Security groups do not apply");
  await expect(verdict).toContainText("169.254.169.254 is the instance metadata service");
  await page.screenshot({ path: "test-results/unfiltered-ask.png" });

  // An ordinary address is evaluated as before.
  await typed.getByLabel("Question").fill("can web reach 169.254.169.250 on 80?");
  await typed.getByRole("button", { name: "Ask this" }).click();
  await expect(verdict).not.toContainText("Security groups do not apply");
});
