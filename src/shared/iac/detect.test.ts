import { describe, expect, it } from "vitest";
import { detectKind, isDesignFile, isTerraformFileName } from "./detect";

const TEMPLATE_YAML = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n";

describe("detectKind", () => {
  it.each<[string, string, string]>([
    ["main.tf", "", "terraform"],
    ["main.tf.json", '{"resource": {}}', "terraform"],
    ["stack.yaml", TEMPLATE_YAML, "cloudformation"],
    ["stack.template", "Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n", "cloudformation"],
    ["stack.json", '{\n  "Resources": {\n    "Web": { "Type": "AWS::EC2::SecurityGroup" }\n  }\n}\n', "cloudformation"],
    ["groups.json", '{ "SecurityGroups": [] }', "awscli"],
    ["design.palisade.json", '{ "format": "palisade", "version": 2 }', "design"],
    // Names that say nothing: the content decides.
    ["out", TEMPLATE_YAML, "cloudformation"],
    ["out", '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', "cloudformation"],
    ["network", 'resource "aws_security_group" "web" {\n}\n', "terraform"],
    ["vars", 'variable "x" {}\n', "terraform"],
    ["settings", "locals {\n  port = 443\n}\n", "terraform"],
    ["describe-output", '{"Reservations": []}', "awscli"],
    ["design", '{"format": "palisade", "version": 2, "groups": []}', "design"],
    // terraform show -json of a plan and of state, and a state file: named anything.
    ["plan.json", '{"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {}}', "terraformShow"],
    [
      "state.json",
      '{"format_version": "1.0", "terraform_version": "1.9.5", "values": {"root_module": {}}}',
      "terraformShow",
    ],
    [
      "terraform.tfstate",
      '{"version": 4, "terraform_version": "1.9.5", "serial": 3, "lineage": "x", "resources": []}',
      "terraformShow",
    ],
    // AWS CDK's cloud assembly: its templates are CloudFormation, its other files CDK's own.
    ["cdk.out/ShopStack.template.json", '{"Resources": {}, "Parameters": {}}', "cloudformation"],
    ["cdk.out/manifest.json", '{"version": "55.0.0", "artifacts": {"S": {"type": "aws:cloudformation:stack"}}}', "cdk"],
    ["cdk.out/tree.json", '{"version": "tree-0.1", "tree": {"id": "App"}}', "cdk"],
    ["cdk.out/S.assets.json", '{"version": "55.0.0", "files": {}, "dockerImages": {}}', "cdk"],
    ["cdk.out/S.metadata.json", '{"/S/Web/Resource": [{"type": "aws:cdk:logicalId", "data": "Web"}]}', "cdk"],
  ])("%s is %s", (name, text, expected) => {
    expect(detectKind({ name, text })).toBe(expected);
  });

  it.each([
    ["notes.yaml", "resources:\n  - a\n"],
    ["package.json", '{"name": "x"}'],
    ["README", "# resource blocks are described below\n"],
    ["list", "[1, 2]"],
    // A format_version alone (another tool's JSON) is not Terraform's.
    ["other.json", '{"format_version": "1.0", "values": {}}'],
  ])("%s is of no known kind and says what was expected", (name, text) => {
    expect(detectKind({ name, text })).toEqual({ unknown: expect.stringMatching(/expected|CloudFormation/) });
  });

  it("a .json file that is not JSON is an error at its line and column", () => {
    expect(() => detectKind({ name: "x.json", text: '{\n  "a": \n}' })).toThrow(/x\.json:3:1: not valid JSON/);
  });

  it("a broken design is still a design, so that the design reader places the error", () => {
    expect(detectKind({ name: "saved", text: '{"format": "palisade",,}' })).toBe("design");
  });
});

describe("isDesignFile", () => {
  it("knows a design by its name or by its format mark near the start", () => {
    expect(isDesignFile("a.palisade.json", "")).toBe(true);
    expect(isDesignFile("renamed", '{\n  "format": "palisade"')).toBe(true);
    expect(isDesignFile("stack.json", '{"Resources": {}}')).toBe(false);
    expect(isDesignFile("big.json", `{"x": "${"a".repeat(3000)}", "format": "palisade"}`)).toBe(false);
  });
});

describe("isTerraformFileName", () => {
  it("knows Terraform's files in a module's folder by .tf and .tf.json, not by its variable files", () => {
    expect(["main.tf", "VARS.TF", "network.tf.json"].map(isTerraformFileName)).toEqual([true, true, true]);
    expect(["terraform.tfvars", "x.tfvars.json", "plan.json", "main.tf.bak"].map(isTerraformFileName)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
