// An instance with two network interfaces with different groups, read from Terraform (through
// the real HCL parser) and CloudFormation: each interface keeps its own groups and addresses, and
// flows, `check` and exports are per interface.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateFlow } from "../shared/engine/evaluate";
import { permittedFlows } from "../shared/engine/flows";
import { resolveEndpoint } from "../shared/engine/resolve";
import { importCloudFormation, toCloudFormation } from "../shared/iac/cloudformation";
import { toTerraform } from "../shared/iac/terraform";
import type { Design } from "../shared/model/schema";
import { importTerraformFiles } from "./hcl";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../shared/iac/fixtures/two-interfaces");
const read = (name: string) => ({ name, text: readFileSync(join(fixtures, name), "utf8") });

function permits(design: Design, from: string, to: string, port: number): boolean {
  return evaluateFlow(design, {
    from: resolveEndpoint(design, from, "from"),
    to: resolveEndpoint(design, to, "to"),
    protocol: "tcp",
    port,
  }).permitted;
}

/** The flows the fixture must produce, whichever format it came from. */
function expectPerInterface(design: Design): void {
  // eth0 carries "public" only, eth1 "admin" only: never their union.
  expect(permits(design, "internet", "web", 443)).toBe(true);
  expect(permits(design, "internet", "web/eth1", 443)).toBe(false);
  expect(permits(design, "10.0.5.5", "web/eth1", 22)).toBe(true);
  expect(permits(design, "10.0.5.5", "web", 22)).toBe(false);
  expect(permits(design, "web/eth1", "db", 5432)).toBe(true);
  expect(permits(design, "web", "db", 5432)).toBe(false);
  // eth0 is the instance itself.
  expect(permits(design, "web/eth0", "db", 5432)).toBe(false);
  // The edges end at the interface.
  const id = (name: string) => resolveEndpoint(design, name);
  const edges = permittedFlows(design).map((e) => `${e.from}->${e.to}`);
  expect(id("web/eth1")).toBe(`${id("web")}/eth1`);
  expect(edges).toContain(`${id("web/eth1")}->${id("db")}`);
  expect(edges).not.toContain(`${id("web")}->${id("db")}`);
}

describe("an instance with two interfaces with different groups", () => {
  it("keeps each interface's groups and addresses (Terraform aws_network_interface_attachment)", async () => {
    const { design } = await importTerraformFiles([read("main.tf")]);
    const web = design.resources.find((r) => r.name === "web");
    expect(web?.privateIpv4).toBe("10.0.1.10");
    expect(web?.interfaces).toEqual([
      { id: "web_admin", deviceIndex: 1, groupIds: ["sg-admin"], privateIpv4: "10.0.2.10" },
    ]);
    // The attached interface is the instance's, not a node of its own.
    expect(design.resources.map((r) => r.name).sort()).toEqual(["db", "web"]);
    expectPerInterface(design);
    // check takes the interface's own id too.
    expect(resolveEndpoint(design, "web_admin")).toBe("web/eth1");
  });

  it("keeps each interface's groups and addresses (CloudFormation NetworkInterfaces)", () => {
    const { design } = importCloudFormation(read("template.yaml"));
    const web = design.resources.find((r) => r.name === "web");
    expect(web?.groupIds).toEqual(["Public"]);
    expect(web?.interfaces?.map((i) => [i.deviceIndex, i.groupIds, i.privateIpv4])).toEqual([
      [1, ["Admin"], "10.0.2.10"],
    ]);
    expectPerInterface(design);
  });

  it("keeps them when the interfaces are declared on their own (CloudFormation NetworkInterfaceAttachment, NetworkInterfaceId)", () => {
    const { design, warnings } = importCloudFormation(read("attachment.yaml"));
    const web = design.resources.find((r) => r.name === "web");
    // eth0 named by NetworkInterfaceId gives the instance its groups and address; eth1 is attached.
    expect(web?.groupIds).toEqual(["Public"]);
    expect(web?.privateIpv4).toBe("10.0.1.10");
    expect(web?.interfaces?.map((i) => [i.id, i.deviceIndex, i.groupIds, i.privateIpv4])).toEqual([
      ["WebAdmin", 1, ["Admin"], "10.0.2.10"],
    ]);
    // The attached interfaces are the instance's, not nodes of their own.
    expect(design.resources.map((r) => r.name).sort()).toEqual(["db", "web"]);
    expect(warnings.map((w) => w.message).filter((m) => /Attachment|not imported/.test(m))).toEqual([]);
    // Its groups come from eth0: no warning that it names none and gets the default group.
    expect(warnings.map((w) => w.message).filter((m) => /names no security group/.test(m))).toEqual([]);
    expectPerInterface(design);
    // Written back, and read again, the same.
    const files = toTerraform(design, { layout: "single" });
    return importTerraformFiles(files).then(({ design: back }) => expectPerInterface(back));
  });

  it("keeps them when an aws_instance names them in inline network_interface blocks (Terraform)", async () => {
    const { design, warnings } = await importTerraformFiles([read("inline.tf")]);
    const web = design.resources.find((r) => r.name === "web");
    expect(warnings.map((w) => w.message).filter((m) => /names no security group/.test(m))).toEqual([]);
    expect(web?.groupIds).toEqual(["sg-public"]);
    expect(web?.privateIpv4).toBe("10.0.1.10");
    expect(web?.interfaces?.map((i) => [i.id, i.deviceIndex, i.groupIds, i.privateIpv4])).toEqual([
      ["web_admin", 1, ["sg-admin"], "10.0.2.10"],
    ]);
    expect(design.resources.map((r) => r.name).sort()).toEqual(["db", "web"]);
    expectPerInterface(design);
    expectPerInterface(importCloudFormation(toCloudFormation(design, "yaml")).design);
  });

  it("warns at an attachment whose DeviceIndex is taken, and leaves that interface a node of its own", () => {
    const text = readFileSync(join(fixtures, "attachment.yaml"), "utf8").replace(
      'DeviceIndex: "1"',
      'DeviceIndex: "0"',
    );
    const { design, warnings } = importCloudFormation({ name: "taken.yaml", text });
    const warning = warnings.find((w) => w.message.startsWith("WebAdminAttachment"));
    expect(warning?.message).toContain("must be a free index");
    expect(warning?.line).toBe(
      text.split("\n").findIndex((l) => l.includes('DeviceIndex: "0"') && !l.includes("{")) + 1,
    );
    expect(design.resources.some((r) => r.id === "WebAdmin")).toBe(true);
  });

  it("comes back from both exports with the same interfaces and flows", async () => {
    const { design } = importCloudFormation(read("template.yaml"));
    const files = toTerraform(design, { layout: "single" });
    expect(files[0]?.text).toContain('resource "aws_network_interface_attachment"');
    expectPerInterface((await importTerraformFiles(files)).design);
    const template = toCloudFormation(design, "yaml");
    expectPerInterface(importCloudFormation(template).design);
  });

  it("puts an instance whose subnet is a variable and whose groups are all on eth1 in the interface's VPC", async () => {
    // Found by the round-trip property test: the instance lost its VPC, so a rule admitting the
    // VPC's block no longer covered its unstated address, and eth2 -> eth1 was lost.
    const files = [
      {
        name: "main.tf",
        text: `
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_security_group" "inside" {
  name   = "inside"
  vpc_id = aws_vpc.main.id
}
resource "aws_instance" "box" {
  subnet_id              = var.subnet_id
  vpc_security_group_ids = []
}
resource "aws_network_interface" "box_eth1" {
  subnet_id       = var.subnet_id
  security_groups = [aws_security_group.inside.id]
}
resource "aws_network_interface_attachment" "box_eth1" {
  instance_id          = aws_instance.box.id
  network_interface_id = aws_network_interface.box_eth1.id
  device_index         = 1
}
variable "subnet_id" { type = string }
`,
      },
    ];
    const { design } = await importTerraformFiles(files);
    const box = design.resources.find((r) => r.name === "box");
    expect(box?.interfaces?.map((i) => i.deviceIndex)).toEqual([1]);
    expect(box?.vpcId).toBe(design.vpcs[0]?.id);
  });

  it("puts such an instance in its interface's VPC from CloudFormation too", () => {
    const text = JSON.stringify({
      Resources: {
        Main: { Type: "AWS::EC2::VPC", Properties: { CidrBlock: "10.0.0.0/16" } },
        Inside: { Type: "AWS::EC2::SecurityGroup", Properties: { GroupDescription: "inside", VpcId: { Ref: "Main" } } },
        Box: {
          Type: "AWS::EC2::Instance",
          Properties: {
            NetworkInterfaces: [
              { DeviceIndex: "0", SubnetId: { Ref: "SubnetId" } },
              { DeviceIndex: "1", SubnetId: { Ref: "SubnetId" }, GroupSet: [{ Ref: "Inside" }] },
            ],
          },
        },
      },
      Parameters: { SubnetId: { Type: "String" } },
    });
    const { design } = importCloudFormation({ name: "t.json", text });
    const box = design.resources.find((r) => r.name === "Box");
    expect(box?.interfaces?.map((i) => i.deviceIndex)).toEqual([1]);
    expect(box?.vpcId).toBe(design.vpcs[0]?.id);
  });
});
