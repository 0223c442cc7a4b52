// Issue 14, item 3: the empty Flows tab names the step actually missing. Here a user has put an
// instance and a database on the canvas, given the instance a group with an inbound rule from
// 0.0.0.0/0, and sees no flow: what is missing is an outside party on the canvas.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const canvas = (page: Page) => page.locator(".react-flow__pane");

test("the empty Flows tab names the missing step, one after another", async ({ app: page }) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await page.getByRole("button", { name: "New design" }).click();
  const empty = page.getByTestId("flows-empty");
  await expect(empty).toContainText("drag a resource");

  await page.getByTestId("palette-instance").dragTo(canvas(page), { targetPosition: { x: 420, y: 120 } });
  await expect(empty).toContainText("needs two ends");
  await page.getByTestId("palette-database").dragTo(canvas(page), { targetPosition: { x: 420, y: 300 } });
  await expect(empty).toContainText("Attach a security group");

  await page.getByTestId("palette-new-group").dragTo(page.getByTestId("node-instance"));
  await expect(empty).toContainText("Add an inbound rule");
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector.getByRole("form", { name: /Add inbound rule/ });
  await form.getByLabel("Type").selectOption({ label: "HTTPS (tcp 443)" });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "Internet (0.0.0.0/0)" });
  await form.getByRole("button", { name: "Add inbound rule" }).click();
  await expect(empty).toContainText("put an outside party");
  await expect(empty).not.toContainText("Attach security groups and add rules");

  await page.getByTestId("palette-internet").dragTo(canvas(page), { targetPosition: { x: 120, y: 120 } });
  await expect(page.getByTestId("flows-empty")).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "Internet" }).first()).toBeVisible();
});
