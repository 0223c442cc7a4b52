// A flow permitted by rules an imported file gives a group it names but does not define
// (var.app_group_id) says so in the Flows tab, as `palisade flows` does.
import { chooseFile, expect, test } from "./fixtures";

const tf = `
variable "app_group_id" {
  type    = string
}

resource "aws_vpc_security_group_ingress_rule" "app_https" {
  security_group_id = var.app_group_id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [var.app_group_id]
  tags                   = { Name = "app" }
}

variable "admin_cidr" {
  type = string
}

resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}

resource "aws_instance" "jump" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.bastion.id]
  tags                   = { Name = "jump" }
}

resource "aws_instance" "report" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  private_ip             = "10.0.1.5"
  vpc_security_group_ids = [aws_security_group.db.id]
  tags                   = { Name = "report" }
}
`;

test("the Flows tab and the canvas's hover card mark the flows a placeholder permits, and no other", async ({
  app: page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await chooseFile(page, "main.tf", tf, async (p) => {
    await p.getByText("More").click();
    await p.getByRole("menuitem", { name: /Import Terraform/ }).click();
  });
  // The variable has no value: the values dialog asks for it; left without, it stays a placeholder.
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText("var.app_group_id");
  await problems.getByRole("button", { name: "Dismiss" }).click();
  await page.getByRole("tab", { name: /Flows/ }).click();
  const toApp = page.getByRole("row", { name: /^Internet app tcp 443/ });
  await expect(toApp.getByTestId("flow-depends-on")).toHaveText("depends on var.app_group_id");
  const toReport = page.getByRole("row").filter({ hasText: "report" }).filter({ hasText: "tcp 5432" });
  await expect(toReport).toBeVisible();
  await expect(toReport.getByTestId("flow-depends-on")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("depends-on.png") });

  // A rule whose CIDR is a variable with no value is kept: its range is a placeholder party, and
  // the canvas edge's hover card says what the flow depends on, for a range and for a group.
  const fromRange = page.getByRole("row", { name: /^var\.admin_cidr jump tcp 22/ });
  await expect(fromRange.getByTestId("flow-depends-on")).toHaveText("depends on var.admin_cidr");
  await expect(page.getByTestId("node-var.admin_cidr")).toBeVisible();
  const card = page.getByTestId("edge-hover-card");
  await page.getByRole("button", { name: /^Flow var\.admin_cidr to jump/ }).hover();
  await expect(card.getByTestId("edge-depends-on")).toHaveText("depends on var.admin_cidr");
  await page.screenshot({ path: testInfo.outputPath("depends-on-range-hover.png") });
  await page.getByRole("button", { name: /^Flow internet to app/ }).hover();
  await expect(card.getByTestId("edge-depends-on")).toHaveText("depends on var.app_group_id");
  await page.getByRole("button", { name: /^Flow cidr-10\.0\.0\.0\/8 to report/ }).hover();
  await expect(card).toContainText("5432");
  await expect(card.getByTestId("edge-depends-on")).toHaveCount(0);
});
