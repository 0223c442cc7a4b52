// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform's template syntax, hcl2json's way of giving expressions
import { describe, expect, it } from "vitest";
import { importTerraform } from "./import";
import { MAX_COUNT } from "./module";

describe("Terraform count and for_each", () => {
  it("that refer to their own resource are a cycle with a warning, not a crash", () => {
    // Found by the importer's fuzz test: expanding the count evaluated the count again, forever.
    for (const meta of ["count", "for_each"]) {
      const hcl = {
        resource: { aws_security_group: { web: [{ [meta]: "${aws_security_group.web.id}", name: "web" }] } },
      };
      const result = importTerraform([{ name: "main.tf", text: "", hcl }]);
      const said = JSON.stringify(result);
      expect(said).toContain("refers to itself");
    }
  });

  it("past MAX_COUNT, or not a whole number, is a warning and the block is not expanded", () => {
    // Found by the fuzz test: count = 3825598743 filled the heap until the process died.
    for (const [count, said] of [
      [3825598743, `more than the ${MAX_COUNT} instances`],
      [1.5, "whole number"],
      [-1, "whole number"],
    ] as const) {
      const hcl = { resource: { aws_security_group: { web: [{ count, name: "web" }] } } };
      const result = importTerraform([{ name: "main.tf", text: "", hcl }]);
      expect(result.design.groups).toHaveLength(0);
      expect(JSON.stringify(result.warnings)).toContain(said);
    }
    const hcl = { resource: { aws_security_group: { web: [{ count: 3, name: "web" }] } } };
    expect(importTerraform([{ name: "main.tf", text: "", hcl }]).design.groups).toHaveLength(3);
  });
});

describe("a variable no file declares (a file taken out of its module)", () => {
  // As hcl2json gives it: the comment is gone from the parse but still in the text.
  const text = [
    "# var.web_port is declared in the module's variables.tf",
    'resource "aws_security_group" "web" {',
    "  count = var.enabled ? 1 : 0",
    '  name  = "web"',
    "  ingress {",
    '    protocol    = "tcp"',
    "    from_port   = var.web_port",
    "    to_port     = var.web_port",
    '    cidr_blocks = ["0.0.0.0/0"]',
    "  }",
    "}",
  ].join("\n");
  const ingress = {
    protocol: "tcp",
    from_port: "${var.web_port}",
    to_port: "${var.web_port}",
    cidr_blocks: ["0.0.0.0/0"],
  };
  const hcl = {
    resource: { aws_security_group: { web: [{ count: "${var.enabled ? 1 : 0}", name: "web", ingress: [ingress] }] } },
  };
  const files = [{ name: "main.tf", text, hcl }];

  it("is an input with no value, placed at its first use, with a warning that it is not declared", () => {
    const result = importTerraform(files);
    // The group's count waits on var.enabled; its rule, and so var.web_port, is read only once
    // the group exists: until then nothing drawn waits on web_port (the dialog shows it folded).
    expect(result.inputs).toEqual([
      { kind: "variable", name: "enabled", file: "main.tf", line: 3, affects: true },
      { kind: "variable", name: "web_port", file: "main.tf", line: 7, affects: false },
    ]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        file: "main.tf",
        line: 7,
        message: expect.stringMatching(/^var\.web_port is not declared in these files/),
      }),
    );
    expect(result.design.groups).toHaveLength(0);
  });

  it("takes a value given like a declared variable, a literal read as its type, and says Terraform would refuse it", () => {
    const result = importTerraform(files, { vars: { enabled: "true", web_port: "8443" } });
    expect(result.inputs).toEqual([]);
    expect(result.design.groups.map((g) => g.name)).toEqual(["web"]);
    expect(result.design.groups[0]?.ingress).toMatchObject([{ protocol: "tcp", fromPort: 8443, toPort: 8443 }]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining(
          "var.enabled is not declared in these files (Terraform would refuse the reference)",
        ),
      }),
    );
    expect(importTerraform(files, { vars: { enabled: "false", web_port: "8443" } }).design.groups).toHaveLength(0);
  });
});

describe("a local no file declares (its locals block is in a file not given)", () => {
  const text = [
    'resource "aws_security_group_rule" "kubelet" {',
    '  type                     = "ingress"',
    "  security_group_id        = aws_security_group.node.id",
    "  source_security_group_id = local.cluster_sg",
    '  protocol                 = "tcp"',
    "  from_port                = 10250",
    "  to_port                  = 10250",
    "}",
    'resource "aws_security_group" "node" {',
    '  name = "node"',
    "}",
  ].join("\n");
  const hcl = {
    resource: {
      aws_security_group_rule: {
        kubelet: [
          {
            type: "ingress",
            security_group_id: "${aws_security_group.node.id}",
            source_security_group_id: "${local.cluster_sg}",
            protocol: "tcp",
            from_port: 10250,
            to_port: 10250,
          },
        ],
      },
      aws_security_group: { node: [{ name: "node" }] },
    },
  };

  it("is the placeholder group local.x, warned at its first use, and the rule naming it is kept", () => {
    const result = importTerraform([{ name: "main.tf", text, hcl }]);
    const cluster = result.design.groups.find((g) => g.name === "local.cluster_sg");
    expect(cluster).toBeDefined();
    expect(result.design.groups.find((g) => g.name === "node")?.ingress).toMatchObject([
      { fromPort: 10250, peer: { kind: "group", groupId: cluster?.id } },
    ]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ line: 4, message: expect.stringMatching(/^local\.cluster_sg is not declared/) }),
    );
    // A local is not an input: nothing to ask the user for.
    expect(result.inputs).toEqual([]);
  });

  it("is its own value when a given file declares it: no placeholder, no warning", () => {
    const declared = { ...hcl, locals: [{ cluster_sg: "sg-0123456789abcdef0" }] };
    const result = importTerraform([{ name: "main.tf", text, hcl: declared }]);
    expect(result.design.groups.map((g) => g.name)).toEqual(["node"]);
    expect(JSON.stringify(result.warnings)).not.toContain("local.cluster_sg");
  });
});

describe("a module block of the registry module cloudposse/label/null", () => {
  const hcl = (enabled: boolean, version = "0.25.0") => ({
    module: { this: [{ source: "cloudposse/label/null", version, enabled, name: "web" }] },
    resource: {
      aws_security_group: { web: [{ count: "${module.this.enabled ? 1 : 0}", name: "${module.this.id}" }] },
    },
  });
  const text = 'module "this" {\n  source = "cloudposse/label/null"\n}\n';

  it("makes the group its enabled output allows, named by its id output, with a warning at the block", () => {
    const result = importTerraform([{ name: "main.tf", text, hcl: hcl(true) }]);
    expect(result.design.groups.map((g) => g.name)).toEqual(["web"]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        line: 1,
        message: expect.stringContaining("Palisade's model of the registry module cloudposse/label/null (0.25.x)"),
      }),
    );
  });

  it("with enabled = false, makes no group", () => {
    expect(importTerraform([{ name: "main.tf", text, hcl: hcl(false) }]).design.groups).toEqual([]);
  });

  it("of a version the model does not cover, stays unknown and the group waiting on it is left out", () => {
    const result = importTerraform([{ name: "main.tf", text, hcl: hcl(true, "0.24.1") }]);
    expect(result.design.groups).toEqual([]);
    expect(JSON.stringify(result.warnings)).toContain("Palisade models 0.25.x only");
  });
});
