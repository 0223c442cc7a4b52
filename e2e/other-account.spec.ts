// A rule naming another AWS account's group, as a person meets it after an import: the group is
// a read-only placeholder in the palette and the inspector, and attaching it or giving it rules
// is refused with the reason, as the per-interface quota is.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";

const PEER = "sg-0abc1234def567890";
const ACCOUNT = "111122223333";

const tf = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    description     = "Partner API calls"
    from_port       = 8443
    to_port         = 8443
    protocol        = "tcp"
    security_groups = ["${ACCOUNT}/${PEER}"]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
  tags                   = { Name = "app" }
}
`;

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

test.beforeEach(async ({ app }) => {
  await app.setViewportSize({ width: 1280, height: 720 });
  await expect(node(app, "web")).toBeVisible();
  // Earlier tests' autosaves are offered back at start; these tests start afresh.
  const banner = app.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await chooseFile(app, "main.tf", tf, async (p) => {
    await p.getByText("More").click();
    await p.getByRole("menuitem", { name: /Import Terraform/ }).click();
  });
  // The import says where the reference is and what it made of it.
  const problems = app.getByTestId("problems");
  await expect(problems).toContainText("main.tf:15:24: warning");
  await expect(problems).toContainText(`names security group ${PEER} of another AWS account (${ACCOUNT})`);
  await problems.getByRole("button", { name: "Dismiss" }).click();
  await expect(node(app, "app")).toBeVisible();
});

test("another account's group is shown as what it is, and attaching it is refused with the reason", async ({
  app: page,
}, testInfo) => {
  const entry = page.getByTestId(`group-${PEER}`);
  await expect(entry).toContainText(`${PEER} in account ${ACCOUNT}`);
  await expect(entry).toContainText("other account");
  await expect(entry).toHaveAttribute("title", /another account's group, referenced by 1 rule here/);

  await entry.dragTo(node(page, "app"));
  await expect(page.getByTestId("notice")).toContainText(
    `${PEER} belongs to AWS account ${ACCOUNT}, so it cannot be attached to app: an interface takes only security groups of its own account`,
  );
  await expect(node(page, "app").locator(".chip")).toHaveCount(1);

  // The resource's own list offers it only as what cannot be chosen.
  await node(page, "app").click();
  const option = inspector(page).locator("#attach-group option", { hasText: PEER });
  await expect(option).toBeDisabled();

  // The inspector shows it read-only: no rule to add, no field to edit.
  await entry.click();
  const body = page.getByTestId("other-account-group");
  await expect(body.getByRole("heading", { level: 2 })).toHaveText(`${PEER} in account ${ACCOUNT}`);
  await expect(body).toContainText("Another account's group, referenced by 1 rule here.");
  await expect(body).toContainText(`It cannot be attached to a resource here or given rules`);
  await expect(body.getByLabel("AWS account")).toHaveValue(ACCOUNT);
  await expect(body.getByLabel("AWS account")).not.toBeEditable();
  await expect(body.getByLabel("Group id")).toHaveValue(PEER);
  await expect(body).toContainText("app inbound: tcp 8443 · Partner API calls");
  await expect(body.getByRole("button", { name: /Inbound rule|Outbound rule/ })).toHaveCount(0);
  await expect(body.getByRole("textbox", { name: "Group name" })).toHaveCount(0);
  await inspector(page).screenshot({ path: testInfo.outputPath("other-account-inspector.png") });
  await page.getByRole("navigation", { name: "Palette" }).screenshot({ path: testInfo.outputPath("palette.png") });
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="other-account-group"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The rule that names it leads back to the group that holds the rule.
  await body.getByRole("button", { name: /app inbound: tcp 8443/ }).click();
  await expect(inspector(page).getByLabel("Group name")).toHaveValue("app");
  await expect(inspector(page).locator(".rule-list li.is-focused")).toContainText("tcp 8443");
});

test("the findings do not ask for members or rules of another account's group", async ({ app: page, callApi }) => {
  await page.getByRole("tab", { name: /Findings/ }).click();
  await expect(page.getByRole("tabpanel")).toContainText("No findings.");
  // The same through the host, without waiting on the panel: the import, then its findings.
  const imported = await callApi("iac:import", { files: [{ name: "main.tf", text: tf }] });
  expect(imported.body.ok).toBe(true);
  const { design } = imported.body.value as { design: unknown };
  const found = await callApi("engine:findings", { design });
  expect(found.body).toEqual({ ok: true, value: [] });
});
