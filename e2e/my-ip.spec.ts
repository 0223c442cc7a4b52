// My IP is one party of the design (issue 14, item 2): a rule's source "My IP…" refers to it, the
// address typed there is the party's, the field is not red before anything is typed, and a
// placeholder address is flagged (a finding, and a warning at export) until the real one is in.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

test("the address typed for a rule's “My IP…” source is the My IP party's, and the rules follow it", async ({
  app: page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByTestId("node-my-ip")).toContainText("203.0.113.10/32");
  await page.getByTestId("group-sg-web").click();
  await inspector(page).getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector(page).getByRole("form", { name: /Add inbound rule/ });
  await form.getByLabel("Type").selectOption({ label: "RDP (tcp 3389)" });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "My IP…" });

  // Nothing typed yet: not an error (the placeholder address is not offered as the user's).
  const address = form.getByLabel("My IP address");
  await expect(address).toHaveValue("");
  await expect(address).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(form.getByRole("button", { name: "Add inbound rule" })).toBeDisabled();
  await expect(form).toContainText("The My IP party on the canvas takes this address");
  await page.screenshot({ path: testInfo.outputPath("my-ip-source-1440x900.png") });

  await address.fill("81.2.69.160");
  await form.getByRole("button", { name: "Add inbound rule" }).click();

  // Entered once: the party on the canvas and both rules that refer to it (the example's SSH rule too).
  await expect(page.getByTestId("node-my-ip")).toContainText("81.2.69.160/32");
  await expect(page.getByTestId("node-my-ip")).not.toContainText("203.0.113.10");
  await expect(inspector(page)).toContainText("tcp 3389 from My IP (81.2.69.160/32)");
  await expect(inspector(page)).toContainText("tcp 22 from My IP (81.2.69.160/32)");
  await expect(page.getByTestId("edge-my-ip->web")).toBeVisible();
  await page.getByTestId("edge-my-ip->web").hover();
  await expect(page.getByTestId("edge-hover-card")).toContainText("tcp 3389");

  // One undo step takes back both the rule and the address.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("node-my-ip")).toContainText("203.0.113.10/32");
  await expect(inspector(page)).not.toContainText("tcp 3389");
});

test("a placeholder My IP is a finding until the real address is entered", async ({ app: page }) => {
  await page.getByRole("tab", { name: /Findings/ }).click();
  const finding = page.getByText(/My IP is 203\.0\.113\.10\/32, an address reserved for documentation/);
  await expect(finding).toBeVisible();

  await page.getByTestId("group-sg-web").click();
  await inspector(page)
    .getByRole("button", { name: /^Edit rule tcp 22 from My IP/ })
    .click();
  const form = inspector(page).getByRole("form", { name: /Save rule/ });
  await form.getByLabel("My IP address").fill("81.2.69.160");
  await form.getByRole("button", { name: "Save rule" }).click();
  await expect(page.getByTestId("node-my-ip")).toContainText("81.2.69.160/32");
  await page.getByRole("tab", { name: /Findings/ }).click();
  await expect(finding).toHaveCount(0);

  await page.getByRole("button", { name: "Export Terraform or CloudFormation…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Export/ });
  await dialog.getByRole("tab", { name: "variables.tf" }).click();
  await expect(dialog.getByTestId("export-preview")).toContainText('default     = "81.2.69.160/32"');
  await expect(dialog).not.toContainText("an address reserved for documentation");
});
