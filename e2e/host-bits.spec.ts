// Issue 11: a CIDR typed with host bits set is taken as AWS takes it (its network address), and the
// inspector says so at the field, as import says so at file:line; it is never refused, never silent.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { shoot } from "./shots";

const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

test.beforeEach(async ({ app }) => {
  await expect(app.getByTestId("node-web")).toBeVisible();
  const banner = app.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
});

test("a source CIDR with host bits is stored as its network, with a note at the field", async ({ app: page }) => {
  await page.getByTestId("group-sg-web").click();
  await inspector(page).getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector(page).getByRole("form", { name: /Add inbound rule/ });
  await form.getByLabel("Type").selectOption({ label: "SSH (tcp 22)" });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "CIDR…" });
  const field = form.getByLabel("Source CIDR");
  await field.fill("10.0.0.5/16");
  const note = form.getByTestId("peer-note");
  await expect(note).toHaveText("10.0.0.5/16 has host bits set; AWS stores it as 10.0.0.0/16");
  // The note is the field's description for a screen reader too.
  await expect(field).toHaveAttribute("aria-describedby", (await note.getAttribute("id")) ?? "no id");
  await expect(form.getByRole("alert")).toHaveCount(0);
  await form.getByRole("button", { name: "Add inbound rule" }).click();
  const inbound = inspector(page).getByRole("region", { name: "Inbound rules" });
  await expect(inbound).toContainText("tcp 22 from 10.0.0.0/16");
  await expect(inbound).not.toContainText("10.0.0.5/16");
  // The form closes on Add: the notice says once more what was stored.
  await expect(page.getByTestId("notice")).toContainText("AWS stores it as 10.0.0.0/16");

  // /0 with host bits is the whole Internet: the note says so.
  await inspector(page).getByRole("button", { name: "+ Inbound rule" }).click();
  await form.getByLabel("Type").selectOption({ label: "SSH (tcp 22)" });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "CIDR…" });
  await field.fill("192.168.1.0/0");
  await expect(note).toHaveText("192.168.1.0/0 has host bits set; AWS stores it as 0.0.0.0/0: open to the world");
  await shoot(page, "host-bits-note");
  await form.getByRole("button", { name: "Add inbound rule" }).click();
  await expect(inbound).toContainText("tcp 22 from 0.0.0.0/0");

  // A CIDR without host bits has no note.
  await inspector(page).getByRole("button", { name: "+ Inbound rule" }).click();
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "CIDR…" });
  await field.fill("10.1.0.0/16");
  await expect(note).toHaveCount(0);
});

test("an external party's CIDR with host bits is stored as its network, with a note at the field", async ({
  app: page,
}) => {
  await page.getByTestId("node-internet").click();
  const field = inspector(page).getByLabel("CIDRs");
  await expect(field).toHaveValue("0.0.0.0/0, ::/0");
  await field.fill("198.51.100.7/24");
  // Taken, not refused: the note at the field says what AWS stores.
  await expect(inspector(page).locator(".field-note")).toHaveText(
    "198.51.100.7/24 has host bits set; AWS stores it as 198.51.100.0/24",
  );
  await expect(field).toHaveAttribute("aria-invalid", "false");
  await shoot(page, "host-bits-external-note");
  await field.fill("10.0.0.9/8");
  await field.press("Enter");
  await expect(field).toHaveValue("10.0.0.0/8");
  await expect(page.getByTestId("notice")).toContainText("AWS stores it as 10.0.0.0/8");
  await shoot(page, "host-bits-external");
});
