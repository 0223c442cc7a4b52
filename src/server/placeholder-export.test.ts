// Groups a file names but does not define (a variable with no value, a data source) stay
// placeholders in the design; exported, they are referenced (a variable, a data source looked up
// by the id a variable gives, a CloudFormation Parameter), never created: a new group there would
// be another group. Imported again through the real HCL parser, the same placeholders and flows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { permittedFlows } from "../shared/engine";
import { importCloudFormation, toCloudFormation } from "../shared/iac/cloudformation";
import { toTerraform } from "../shared/iac/terraform";
import type { Design } from "../shared/model/schema";
import { importTerraformFiles } from "./hcl";
import { loadPaths } from "./load";

const main = `variable "app_group_id" {
  description = "The group of the app servers, made elsewhere"
  type        = string
}

data "aws_security_group" "bastion" {
  name = "bastion"
}

resource "aws_vpc_security_group_ingress_rule" "app_https" {
  security_group_id = var.app_group_id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "app_to_db" {
  security_group_id            = var.app_group_id
  referenced_security_group_id = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [var.app_group_id, data.aws_security_group.bastion.id]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [var.app_group_id]
}

resource "aws_db_instance" "db" {
  identifier             = "db"
  vpc_security_group_ids = [aws_security_group.db.id]
}
`;

const flowsByName = (d: Design) => {
  const name = (id: string) => [...d.resources, ...d.externals].find((n) => n.id === id)?.name ?? id;
  return permittedFlows(d)
    .map((f) => `${name(f.from)} -> ${name(f.to)}: ${f.label}`)
    .sort();
};
const placeholders = (d: Design) =>
  d.groups
    .filter((g) => g.tags?.["palisade:placeholder"])
    .map((g) => `${g.name}: ${g.ingress.length} in, ${g.egress.length} out`)
    .sort();

describe("placeholder groups exported as references", () => {
  it("Terraform: a variable and a data source, the placeholder's rules on it, no group created; imported again alike", async () => {
    const first = await importTerraformFiles([{ name: "main.tf", text: main }]);
    expect(placeholders(first.design)).toEqual([
      "data.aws_security_group.bastion: 0 in, 0 out",
      "var.app_group_id: 1 in, 1 out",
    ]);
    expect(flowsByName(first.design)).toContain("app -> db: tcp 5432");

    const files = toTerraform(first.design);
    const text = files.map((f) => f.text).join("\n");
    expect(text).toMatch(/variable "app_group_id" \{/);
    expect(text).toMatch(/variable "bastion_security_group_id" \{/);
    expect(text).toMatch(/data "aws_security_group" "bastion" \{\n\s+id = var\.bastion_security_group_id\n\}/);
    expect(text).toMatch(/security_group_id\s+= var\.app_group_id/);
    expect(text).toMatch(/vpc_security_group_ids = \[var\.app_group_id\]/);
    // Only db is created: a placeholder stays a group that exists elsewhere.
    expect([...text.matchAll(/resource "aws_security_group" "(\w+)"/g)].map((m) => m[1])).toEqual(["db"]);

    const again = await importTerraformFiles(files.map((f) => ({ name: f.name, text: f.text })));
    expect(placeholders(again.design)).toEqual(placeholders(first.design));
    expect(flowsByName(again.design)).toEqual(flowsByName(first.design));
    // The two references are asked for, as variables without a value are.
    expect(again.inputs.map((i) => i.name)).toEqual(
      expect.arrayContaining(["app_group_id", "bastion_security_group_id"]),
    );
  });
});

// Names no Terraform variable can hold: a local no given file declares (a file taken out of its
// module: the fixture undeclared-local), and one a called module's files do not declare.
const fixtures = join(import.meta.dirname, "../shared/iac/terraform/fixtures");
const fragment = readFileSync(join(fixtures, "undeclared-local/main.tf"), "utf8");
const exported = async (design: Design) =>
  importTerraformFiles(toTerraform(design).map((f) => ({ name: f.name, text: f.text })));

describe("placeholders whose name no Terraform variable can hold, exported and imported again", () => {
  it("local.x: the variable local_x, whose description names local.x, comes back as local.x and is asked for", async () => {
    const first = await importTerraformFiles([{ name: "main.tf", text: fragment }]);
    expect(placeholders(first.design)).toEqual(["local.cluster_security_group_id: 0 in, 1 out"]);

    const text = toTerraform(first.design)
      .map((f) => f.text)
      .join("\n");
    // Whole Terraform refuses an undeclared local: the export references the group through a variable.
    expect(text).toMatch(
      /variable "local_cluster_security_group_id" \{\n\s+description = "Id of the existing security group local\.cluster_security_group_id \(a placeholder in the design\)"/,
    );
    expect(text).toMatch(/referenced_security_group_id = var\.local_cluster_security_group_id/);
    expect(text).not.toContain("local.cluster_security_group_id\n");

    const again = await exported(first.design);
    expect(placeholders(again.design)).toEqual(placeholders(first.design));
    expect(flowsByName(again.design)).toEqual(flowsByName(first.design));
    expect(flowsByName(again.design)).toContain("control -> worker: tcp 10250");
    expect(again.inputs.map((i) => i.name)).toContain("local_cluster_security_group_id");
    expect(again.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining(
        "depends on local.cluster_security_group_id, which is the variable local_cluster_security_group_id of Palisade's export and has no value",
      ),
    );
  });

  it("given a value, the variable is that group: the placeholder is gone", async () => {
    const first = await importTerraformFiles([{ name: "main.tf", text: fragment }]);
    const files = toTerraform(first.design).map((f) => ({ name: f.name, text: f.text }));
    const given = await importTerraformFiles(files, {
      vars: { local_cluster_security_group_id: "sg-0123456789abcdef0" },
    });
    expect(placeholders(given.design)).toEqual([]);
    expect(given.inputs.map((i) => i.name)).not.toContain("local_cluster_security_group_id");
  });

  it("a variable whose description is not the export's stays var.x", async () => {
    const first = await importTerraformFiles([{ name: "main.tf", text: fragment }]);
    const files = toTerraform(first.design).map((f) => ({
      name: f.name,
      text: f.text.replace("Id of the existing security group local.cluster_security_group_id", "The cluster's group"),
    }));
    const again = await importTerraformFiles(files);
    expect(placeholders(again.design)).toEqual(["var.local_cluster_security_group_id: 0 in, 1 out"]);
  });

  it("module.m.local.x (a called module's undeclared local) comes back under its own name", async () => {
    const fixture = join(fixtures, "module-undeclared-local");
    const first = await loadPaths([fixture]);
    expect(placeholders(first.design)).toEqual(["module.nodes.local.cluster_security_group_id: 0 in, 1 out"]);
    const text = toTerraform(first.design)
      .map((f) => f.text)
      .join("\n");
    expect(text).toMatch(/variable "module_nodes_local_cluster_security_group_id" \{/);
    const again = await exported(first.design);
    expect(placeholders(again.design)).toEqual(placeholders(first.design));
    expect(flowsByName(again.design)).toEqual(flowsByName(first.design));
  });
});

describe("placeholder groups exported to CloudFormation", () => {
  it("each is a Parameter of type AWS::EC2::SecurityGroup::Id, its rules on a Ref to it, no group created; imported again alike", async () => {
    const first = await importTerraformFiles([{ name: "main.tf", text: main }]);
    const template = toCloudFormation(first.design, "json");
    const parsed = JSON.parse(template.text);
    expect(parsed.Parameters.AppGroupIdSecurityGroupId).toMatchObject({ Type: "AWS::EC2::SecurityGroup::Id" });
    const groups = Object.values(
      parsed.Resources as Record<string, { Type: string; Properties: { GroupName?: string } }>,
    )
      .filter((r) => r.Type === "AWS::EC2::SecurityGroup")
      .map((r) => r.Properties.GroupName);
    expect(groups).toEqual(["db"]);
    const again = importCloudFormation({ name: template.name, text: template.text });
    expect(again.warnings.map((w) => w.message)).not.toContainEqual(expect.stringContaining("Placeholders"));
    // A logical id cannot hold "var.app_group_id": the name comes back from the template's Metadata.
    expect(placeholders(again.design)).toEqual(placeholders(first.design));
    expect(flowsByName(again.design)).toEqual(flowsByName(first.design));
  });

  it("keeps each placeholder's name in the template's Metadata, and its nature: exported again, the same Parameters", async () => {
    const first = await importTerraformFiles([{ name: "main.tf", text: main }]);
    const template = toCloudFormation(first.design, "yaml");
    expect(template.text).toMatch(
      /Metadata:\n\s+Palisade:\n\s+Placeholders:\n\s+AppGroupIdSecurityGroupId: var\.app_group_id\n\s+BastionSecurityGroupId: data\.aws_security_group\.bastion\n/,
    );
    const again = importCloudFormation(template).design;
    expect(again.groups.find((g) => g.name === "var.app_group_id")?.tags).toEqual({
      "palisade:placeholder": "var.app_group_id",
    });
    // Still a group that exists elsewhere: exported again, the same Parameters and names, no group created.
    const sections = (text: string) => {
      const t = JSON.parse(text);
      const types = Object.values(t.Resources as Record<string, { Type: string }>).map((r) => r.Type);
      return {
        parameters: t.Parameters,
        metadata: t.Metadata,
        groups: types.filter((x) => x === "AWS::EC2::SecurityGroup"),
      };
    };
    expect(sections(toCloudFormation(again, "json").text)).toEqual(
      sections(toCloudFormation(first.design, "json").text),
    );
  });

  it("a Metadata entry that is no name, or names no parameter, is ignored with a warning at its place", async () => {
    const first = await importTerraformFiles([{ name: "main.tf", text: main }]);
    const template = toCloudFormation(first.design, "yaml");
    const broken = template.text
      .replace("AppGroupIdSecurityGroupId: var.app_group_id", "AppGroupIdSecurityGroupId: [1]")
      .replace("BastionSecurityGroupId: data.aws_security_group.bastion", "Bastion: data.aws_security_group.bastion");
    const again = importCloudFormation({ name: template.name, text: broken });
    expect(again.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d+: AppGroupIdSecurityGroupId: expected the placeholder's name, a text; ignored/),
        expect.stringMatching(/^\d+: Bastion: the template has no such parameter; ignored/),
      ]),
    );
    expect(placeholders(again.design)).toEqual([
      "AppGroupIdSecurityGroupId: 1 in, 1 out",
      "BastionSecurityGroupId: 0 in, 0 out",
    ]);
  });
});
