// With many security groups, a rule's peer group is found by typing part of its name, as a region
// of hundreds of groups needs; a drop-down list of all of them is kept for small designs.
import { generateChain } from "../bench/ui-design";
import { serializeDesign } from "../src/shared/model";
import { chooseFile, expect, test } from "./fixtures";

test("a peer group among 120 is found by typing, picked with the keyboard, and its flow appears", async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId("node-web")).toBeVisible();
  const design = generateChain(120);
  design.name = "Chain of 120";
  await chooseFile(page, "chain.palisade.json", serializeDesign(design));
  await expect(page.getByTestId("doc-title")).toContainText("Chain of 120");
  const flowsTab = page.getByRole("tab", { name: /Flows/ });
  await expect(flowsTab).toContainText("356");
  await page.getByTestId("node-i-0").getByRole("button", { name: "svc-0", exact: true }).click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector.getByRole("form", { name: /Add inbound rule/ });
  await form.getByLabel("Type").selectOption({ label: "HTTPS (tcp 443)" });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "Another security group…" });
  const picker = form.getByRole("combobox", { name: "Source group" });
  const add = form.getByRole("button", { name: "Add inbound rule" });

  await picker.fill("nothing-like-it");
  await expect(form.getByText("No group's name or id contains “nothing-like-it”.")).toBeVisible();
  await expect(add).toBeDisabled();

  // "svc-11" matches svc-11 itself first, then svc-110 to svc-119.
  await picker.fill("svc-11");
  const matches = form.getByRole("listbox", { name: "Groups matching “svc-11”" }).getByRole("option");
  await expect(matches).toHaveCount(11);
  await expect(matches.first()).toContainText("svc-11");
  await page.screenshot({ path: "test-results/group-picker.png" });
  await picker.press("ArrowDown");
  await expect(matches.nth(1)).toHaveAttribute("aria-selected", "true");
  await picker.press("Enter");
  await expect(picker).toHaveValue("svc-110");
  await expect(form.getByRole("listbox")).toHaveCount(0);
  await add.click();

  await expect(inspector.getByRole("button", { name: /Remove rule tcp 443 from .*svc-110/ })).toBeVisible();
  // The one new flow, svc-110 to svc-0 (the table lists a selected node's flows).
  await expect(flowsTab).toContainText("357");
  await page.getByTestId("node-i-110").click();
  await expect(page.getByRole("row", { name: /svc-110 svc-0 tcp 443/ })).toBeVisible();
});
