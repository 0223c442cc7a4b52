import { describe, expect, it } from "vitest";
import { languageOf, type Token, tokenizeLine } from "./highlight";

const kinds = (tokens: Token[]) => tokens.filter((t) => t.text.trim()).map((t) => [t.kind, t.text.trim()]);

describe("tokenizeLine", () => {
  it("HCL: block keywords, labels as strings, attribute names, references and numbers", () => {
    expect(kinds(tokenizeLine('resource "aws_security_group" "web" {', "hcl"))).toEqual([
      ["keyword", "resource"],
      ["string", '"aws_security_group"'],
      ["string", '"web"'],
      ["punct", "{"],
    ]);
    expect(kinds(tokenizeLine("  security_group_id = aws_security_group.web.id", "hcl"))).toEqual([
      ["key", "security_group_id"],
      ["punct", "="],
      ["ref", "aws_security_group.web.id"],
    ]);
    expect(kinds(tokenizeLine("  from_port = 443 # https", "hcl"))).toEqual([
      ["key", "from_port"],
      ["punct", "="],
      ["number", "443"],
      ["comment", "# https"],
    ]);
    expect(kinds(tokenizeLine("  cidr_ipv4 = var.my_ip", "hcl"))[2]).toEqual(["ref", "var.my_ip"]);
  });

  it("YAML: keys, CloudFormation's short tags, quoted strings and comments", () => {
    expect(kinds(tokenizeLine("      VpcId: !Ref MainVpc", "yaml"))).toEqual([
      ["key", "VpcId"],
      ["punct", ":"],
      ["tag", "!Ref"],
      ["plain", "MainVpc"],
    ]);
    expect(kinds(tokenizeLine("        - IpProtocol: '-1' # all", "yaml"))).toEqual([
      ["punct", "-"],
      ["key", "IpProtocol"],
      ["punct", ":"],
      ["string", "'-1'"],
      ["comment", "# all"],
    ]);
    expect(kinds(tokenizeLine("  FromPort: 22", "yaml"))[2]).toEqual(["number", "22"]);
  });

  it("JSON: keys apart from string values", () => {
    expect(kinds(tokenizeLine('  "CidrIp": "0.0.0.0/0", "FromPort": 80, "x": true', "json"))).toEqual([
      ["key", '"CidrIp"'],
      ["punct", ":"],
      ["string", '"0.0.0.0/0"'],
      ["punct", ","],
      ["key", '"FromPort"'],
      ["punct", ":"],
      ["number", "80"],
      ["punct", ","],
      ["key", '"x"'],
      ["punct", ":"],
      ["keyword", "true"],
    ]);
  });

  it("loses no character, whatever the line", () => {
    for (const line of ['a = "unterminated', "weird ~`§ line", "  'it''s'", '{"k": [1, -2.5e3]}'])
      for (const lang of ["hcl", "yaml", "json"] as const)
        expect(
          tokenizeLine(line, lang)
            .map((t) => t.text)
            .join(""),
        ).toBe(line);
  });
});

describe("languageOf", () => {
  it.each([
    ["main.tf", "hcl"],
    ["template.yaml", "yaml"],
    ["template.json", "json"],
  ])("%s is %s", (name, lang) => expect(languageOf(name)).toBe(lang));
});
