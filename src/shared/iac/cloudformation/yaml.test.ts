// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${Name} here is CloudFormation's Fn::Sub syntax, on purpose
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { CLOUDFORMATION_SCHEMA, pathKey, yamlOffsets } from "./yaml";

const read = (text: string) => load(text, { schema: CLOUDFORMATION_SCHEMA });

describe("CloudFormation YAML short tags", () => {
  it.each([
    ["!Ref X", { Ref: "X" }],
    ["!Condition IsProd", { Condition: "IsProd" }],
    ["!GetAtt A.GroupId", { "Fn::GetAtt": ["A", "GroupId"] }],
    ["!GetAtt Db.Endpoint.Address", { "Fn::GetAtt": ["Db", "Endpoint.Address"] }],
    ["!GetAtt [A, GroupId]", { "Fn::GetAtt": ["A", "GroupId"] }],
    ["!Sub 'x-${P}'", { "Fn::Sub": "x-${P}" }],
    ["!Sub ['${A}', { A: 1 }]", { "Fn::Sub": ["${A}", { A: 1 }] }],
    ["!Join [',', [a, b]]", { "Fn::Join": [",", ["a", "b"]] }],
    ["!Select [0, !Ref L]", { "Fn::Select": [0, { Ref: "L" }] }],
    ["!If [C, a, b]", { "Fn::If": ["C", "a", "b"] }],
    ["!ImportValue shared", { "Fn::ImportValue": "shared" }],
    // YAML allows one tag per node, so a nested Sub is written long: CloudFormation documents the same.
    ["!ImportValue { 'Fn::Sub': '${Env}-vpc' }", { "Fn::ImportValue": { "Fn::Sub": "${Env}-vpc" } }],
    ["!FindInMap [M, a, b]", { "Fn::FindInMap": ["M", "a", "b"] }],
    ["!Split [',', 'a,b']", { "Fn::Split": [",", "a,b"] }],
    ["!GetAZs ''", { "Fn::GetAZs": "" }],
    ["!Base64 { Ref: X }", { "Fn::Base64": { Ref: "X" } }],
    ["!Cidr [10.0.0.0/16, 4, 8]", { "Fn::Cidr": ["10.0.0.0/16", 4, 8] }],
    ["!Equals [a, b]", { "Fn::Equals": ["a", "b"] }],
    ["!And [!Condition A, !Condition B]", { "Fn::And": [{ Condition: "A" }, { Condition: "B" }] }],
    ["!Or [!Condition A, !Condition B]", { "Fn::Or": [{ Condition: "A" }, { Condition: "B" }] }],
    ["!Not [!Condition A]", { "Fn::Not": [{ Condition: "A" }] }],
  ])("%s reads as its long form", (text, expected) => {
    expect(read(`v: ${text}\n`)).toEqual({ v: expected });
  });
});

describe("yamlOffsets", () => {
  const text =
    "Resources:\n  Web:\n    Properties:\n      Rules:\n        - CidrIp: !Ref X\n        - { IpProtocol: tcp }\n";
  const offsets = yamlOffsets(text);
  const at = (path: (string | number)[]) => {
    const o = offsets.get(pathKey(path));
    return o === undefined ? undefined : text.slice(o, o + 8);
  };

  it("points at mapping keys and sequence items, block or flow", () => {
    expect(at(["Resources", "Web"])).toBe("Web:\n   ");
    expect(at(["Resources", "Web", "Properties", "Rules", 0])).toBe("CidrIp: ");
    expect(at(["Resources", "Web", "Properties", "Rules", 0, "CidrIp"])).toBe("CidrIp: ");
    expect(at(["Resources", "Web", "Properties", "Rules", 1])).toBe("{ IpProt");
    expect(at(["Resources", "Web", "Properties", "Rules", 1, "IpProtocol"])).toBe("IpProtoc");
  });
});
