// Groups of other AWS accounts through CloudFormation and the AWS CLI's JSON: a placeholder named
// for the account and group, a warning at each mention, and exports that write the cross-account
// reference back. (Terraform, which needs the Node-only HCL parser, is in src/server.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Design } from "../model/schema";
import { importAwsCli } from "./awscli/import";
import { importCloudFormation, toCloudFormation } from "./cloudformation";
import { parseAccountGroup } from "./other-account";
import { toTerraform } from "./terraform";

const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  App:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          SourceSecurityGroupId: sg-0123456789abcdef0
          SourceSecurityGroupOwnerId: '210987654321'
  FromScanner:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt App.GroupId
      IpProtocol: '-1'
      SourceSecurityGroupId: sg-0aaaaaaaaaaaaaaaa
      SourceSecurityGroupOwnerId: 012345678901
  ToReports:
    Type: AWS::EC2::SecurityGroupEgress
    Metadata:
      Palisade:
        DestinationSecurityGroupOwnerId: '210987654321'
    Properties:
      GroupId: !Ref App
      IpProtocol: tcp
      FromPort: 5432
      ToPort: 5432
      DestinationSecurityGroupId: sg-0123456789abcdef0
  ToUnknown:
    Type: AWS::EC2::SecurityGroupEgress
    Properties:
      GroupId: !Ref App
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      DestinationSecurityGroupId: sg-0bbbbbbbbbbbbbbbb
`;

function shape(d: Design) {
  const name = (id: string) => d.groups.find((g) => g.id === id)?.name ?? `?${id}`;
  return Object.fromEntries(
    d.groups.map((g) => [
      g.name,
      {
        other: g.otherAccount,
        rules: (["ingress", "egress"] as const).flatMap((dir) =>
          g[dir]
            .map(
              (r) =>
                `${dir} ${r.protocol} ${r.fromPort ?? ""} ${r.peer.kind === "group" ? name(r.peer.groupId) : "cidr" in r.peer ? r.peer.cidr : "prefixListId" in r.peer ? r.peer.prefixListId : r.peer.externalId}`,
            )
            .sort(),
        ),
      },
    ]),
  );
}

describe("CloudFormation: groups of other accounts", () => {
  const { design, warnings } = importCloudFormation({ name: "stack.yaml", text: template });

  it("SourceSecurityGroupOwnerId (text, or a number YAML read from 0123…) makes a placeholder of that account", () => {
    expect(design.groups.map((g) => [g.name, g.otherAccount])).toEqual([
      ["App", undefined],
      ["sg-0123456789abcdef0 in account 210987654321", { account: "210987654321", groupId: "sg-0123456789abcdef0" }],
      ["sg-0aaaaaaaaaaaaaaaa in account 012345678901", { account: "012345678901", groupId: "sg-0aaaaaaaaaaaaaaaa" }],
    ]);
    const placeholder = design.groups[1];
    expect(placeholder?.description).toBe(
      "Lives in another AWS account, 210987654321: its members are not in this design, so flows with them are not shown",
    );
    expect(placeholder?.ingress).toEqual([]);
    expect(placeholder?.vpcId).toBeUndefined();
    expect(shape(design).App?.rules).toEqual([
      "ingress -1  sg-0aaaaaaaaaaaaaaaa in account 012345678901",
      "ingress tcp 8080 sg-0123456789abcdef0 in account 210987654321",
      "egress -1  0.0.0.0/0",
      "egress tcp 5432 sg-0123456789abcdef0 in account 210987654321",
    ]);
  });

  it("warns at every mention, with the file, line and column; an egress without an owner stays unknown", () => {
    const at = (needle: string) => warnings.filter((w) => w.message.includes(needle)).map((w) => [w.line, w.column]);
    expect(at("of another AWS account")).toEqual([
      [11, 11],
      [18, 7],
      [30, 7],
    ]);
    expect(warnings.find((w) => w.line === 18)?.message).toBe(
      'FromScanner ingress rule SourceSecurityGroupId names security group sg-0aaaaaaaaaaaaaaaa of another AWS account (012345678901); it was added as the placeholder group "sg-0aaaaaaaaaaaaaaaa in account 012345678901", which has no members in this design, so traffic from that account\'s members is not shown',
    );
    expect(warnings.find((w) => w.line === 30)?.message).toContain("so traffic to that account's members is not shown");
    expect(warnings.find((w) => w.message.includes("sg-0bbbbbbbbbbbbbbbb"))).toMatchObject({
      file: "stack.yaml",
      line: 38,
      message: "ToUnknown egress rule: sg-0bbbbbbbbbbbbbbbb is not a security group of this template; not imported",
    });
  });

  it("exports with SourceSecurityGroupOwnerId, and for egress the owner in Metadata; no group is created for them", () => {
    const yaml = toCloudFormation(design, "yaml").text;
    expect(yaml).toContain(
      "SourceSecurityGroupId: sg-0123456789abcdef0\n      SourceSecurityGroupOwnerId: '210987654321'",
    );
    expect(yaml).toContain("SourceSecurityGroupOwnerId: '012345678901'");
    expect(yaml).toMatch(/Metadata:\n\s+Palisade:\n\s+DestinationSecurityGroupOwnerId: '210987654321'/);
    expect(yaml.match(/Type: AWS::EC2::SecurityGroup\n/g)).toHaveLength(1);
    expect(yaml).not.toContain("in account");
  });

  it("round-trips through CloudFormation (YAML and JSON) and Terraform's text", () => {
    for (const format of ["yaml", "json"] as const) {
      const back = importCloudFormation(toCloudFormation(design, format));
      expect(shape(back.design)).toEqual(shape(design));
    }
    const [tf] = toTerraform(design, { layout: "single" });
    expect(tf?.text).toContain('referenced_security_group_id = "210987654321/sg-0123456789abcdef0"');
    expect(tf?.text).toContain('referenced_security_group_id = "012345678901/sg-0aaaaaaaaaaaaaaaa"');
  });

  it("an owner that is not an account id is said, and the group is looked for in the template", () => {
    const odd = template.replace(
      "SourceSecurityGroupOwnerId: '210987654321'",
      "SourceSecurityGroupOwnerId: amazon-elb",
    );
    const { design: d, warnings: w } = importCloudFormation({ name: "stack.yaml", text: odd });
    expect(w.find((x) => x.line === 12)?.message).toBe(
      "App ingress rule: owner amazon-elb is not an AWS account id (12 digits); sg-0123456789abcdef0 is looked for in this template instead",
    );
    // The egress with its owner in Metadata still names that group of 210987654321.
    expect(shape(d).App?.rules).toContain("egress tcp 5432 sg-0123456789abcdef0 in account 210987654321");
  });
});

describe("AWS CLI: groups of other accounts", () => {
  const files = ["security-groups.json", "vpcs.json"].map((name) => ({
    name,
    text: readFileSync(join(import.meta.dirname, "awscli", "fixtures", name), "utf8"),
  }));
  const { design } = importAwsCli(files);

  it("exports the pair of another account as that account's group, in both formats, and reads it back", () => {
    const [tf] = toTerraform(design, { layout: "single" });
    expect(tf?.text).toContain('referenced_security_group_id = "210987654321/sg-0999999999999999a"');
    expect(tf?.text).not.toContain("vpc-0aaaaaaaaaaaaaaaa");
    const back = importCloudFormation(toCloudFormation(design, "yaml"));
    const stub = back.design.groups.find((g) => g.otherAccount?.groupId === "sg-0999999999999999a");
    expect(stub?.name).toBe("sg-0999999999999999a in account 210987654321");
    const db = back.design.groups.find((g) => g.name === "shop-db");
    expect(db?.ingress.some((r) => r.peer.kind === "group" && r.peer.groupId === stub?.id)).toBe(true);
  });
});

describe("parseAccountGroup", () => {
  it.each([
    ["123456789012/sg-0123456789abcdef0", { account: "123456789012", groupId: "sg-0123456789abcdef0" }],
    ["123456789012/sg-01234567", { account: "123456789012", groupId: "sg-01234567" }],
    ["sg-0123456789abcdef0", undefined],
    ["12345678901/sg-0123456789abcdef0", undefined],
    ["123456789012/sg-0123456789abcdef0/x", undefined],
    ["123456789012/default", undefined],
    [42, undefined],
  ])("%s", (text, expected) => {
    expect(parseAccountGroup(text)).toEqual(expected);
  });
});
