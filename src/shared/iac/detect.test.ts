import { describe, expect, it } from "vitest";
import { looksLikeCloudFormation } from "./cloudformation/detect";
import { looksLikeTerraform } from "./terraform/detect";

const CASES: [string, string, "terraform" | "cloudformation" | "neither"][] = [
  ["main.tf", "", "terraform"],
  ["network", 'resource "aws_security_group" "web" {\n}\n', "terraform"],
  ["vars", 'variable "x" {}\n', "terraform"],
  ["stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", "cloudformation"],
  ["stack.template", "Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n", "cloudformation"],
  ["stack.json", '{\n  "Resources": {\n    "Web": { "Type": "AWS::EC2::SecurityGroup" }\n  }\n}\n', "cloudformation"],
  ["groups.json", '{ "SecurityGroups": [] }', "neither"],
  ["design.palisade.json", '{ "format": "palisade", "version": 1 }', "neither"],
  ["notes.yaml", "resources:\n  - a\n", "neither"],
];

describe("format detection", () => {
  it.each(CASES)("%s is %s", (name, text, expected) => {
    const found = looksLikeTerraform(name, text)
      ? "terraform"
      : looksLikeCloudFormation(name, text)
        ? "cloudformation"
        : "neither";
    expect(found).toBe(expected);
    // The two never both claim a file.
    expect(looksLikeTerraform(name, text) && looksLikeCloudFormation(name, text)).toBe(false);
  });
});
