// The committed CDK fixture (fixtures/cdk.out, made by scripts/cdk-fixture from aws-cdk-lib's own
// synth) read as a user's `cdk synth` output: names from construct paths, the flows that CDK's
// `connections.allowFrom` and the listener wrote, and CDK's no-traffic marker read as no egress.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findings } from "../../engine/findings";
import { permittedFlows } from "../../engine/flows";
import type { Design } from "../../model/schema";
import { cdkNames, isCdkNoTrafficRule, nameByConstructPath } from "./cdk";
import { importCloudFormation } from "./import";

const NAME = "src/shared/iac/cloudformation/fixtures/cdk.out/ShopStack.template.json";
const text = readFileSync(NAME, "utf8");
const { design, warnings } = importCloudFormation({ name: NAME, text });

const nodeName = (d: Design, id: string) =>
  d.resources.find((r) => r.id === id)?.name ?? d.externals.find((e) => e.id === id)?.name ?? id;
/** Every permitted flow as "from -> to: label", by the names a user sees. */
const flows = (d: Design) => permittedFlows(d).map((f) => `${nodeName(d, f.from)} -> ${nodeName(d, f.to)}: ${f.label}`);

describe("a CDK stack (cdk synth output)", () => {
  it("names groups, resources and the VPC by construct path, not by hashed logical id", () => {
    expect(design.groups.map((g) => g.name).sort()).toEqual([
      "Alb/SecurityGroup",
      "Bastion/InstanceSecurityGroup",
      "DbGroup",
      "Web/InstanceSecurityGroup",
    ]);
    expect(design.resources.map((r) => r.name).sort()).toEqual(["Alb", "Bastion", "Db", "Web/ASG"]);
    expect(design.vpcs.map((v) => v.name)).toEqual(["Vpc"]);
  });

  it("permits the flows the stack's listener and connections.allowFrom wrote", () => {
    const all = flows(design);
    expect(all).toContain("Internet -> Alb: tcp 80");
    expect(all).toContain("Alb -> Web/ASG: tcp 8080");
    expect(all).toContain("Web/ASG -> Db: tcp 5432");
    expect(all).toContain("Bastion -> Db: tcp 5432");
    expect(all).toContain("203.0.113.0/24 -> Bastion: tcp 22");
    expect(all.filter((f) => f.startsWith("Internet -> "))).toEqual(["Internet -> Alb: tcp 80"]);
  });

  it('reads the "Disallow all traffic" rule as no egress at all: no rule, no flow, no finding', () => {
    const dbGroup = design.groups.find((g) => g.name === "DbGroup");
    expect(dbGroup?.egress).toEqual([]);
    expect(flows(design).filter((f) => f.startsWith("Db -> "))).toEqual([]);
    expect(design.externals.map((e) => e.name)).not.toContain("255.255.255.255/32");
    expect(JSON.stringify(findings(design))).not.toContain("255.255.255.255");
  });

  it("a rule that only resembles the marker (another ICMP code) is a rule like any other", () => {
    const changed = importCloudFormation({ name: NAME, text: text.replace('"ToPort": 86', '"ToPort": 87') }).design;
    expect(changed.groups.find((g) => g.name === "DbGroup")?.egress).toEqual([
      expect.objectContaining({ protocol: "icmp", fromPort: 252, toPort: 87 }),
    ]);
  });

  it("says nothing about CDK's version report (AWS::CDK::Metadata)", () => {
    expect(warnings.map((w) => w.message).join("\n")).not.toContain("AWS::CDK::Metadata");
    expect(warnings.map((w) => w.message).join("\n")).toContain(
      "AWS::IAM::Role ×2 (Web/InstanceRole, Bastion/InstanceRole)",
    );
  });
});

describe("cdkNames", () => {
  const at = (path: string) => ({ Type: "AWS::EC2::SecurityGroup", Metadata: { "aws:cdk:path": path } });

  it("drops the stack's path, however deep (a stage), and CDK's /Resource", () => {
    const names = cdkNames([
      ["A1", at("Prod/Shop/Web/InstanceSecurityGroup/Resource")],
      ["B2", at("Prod/Shop/Db/SecurityGroup/Resource")],
      ["C3", at("Prod/Shop/CDKMetadata/Default")],
    ]);
    expect([...names]).toEqual([
      ["A1", "Web/InstanceSecurityGroup"],
      ["B2", "Db/SecurityGroup"],
      ["C3", "CDKMetadata/Default"],
    ]);
  });

  it("names a lone resource without its stack, and nothing in a template CDK did not write", () => {
    expect([...cdkNames([["A1", at("Shop/Web/Resource")]])]).toEqual([["A1", "Web"]]);
    expect(cdkNames([["Web", { Type: "AWS::EC2::SecurityGroup" }]]).size).toBe(0);
  });
});

describe("isCdkNoTrafficRule", () => {
  it("is CDK's marker exactly, whether the protocol is written as a name or a number", () => {
    const marker = { CidrIp: "255.255.255.255/32", IpProtocol: "icmp", FromPort: 252, ToPort: 86 };
    expect(isCdkNoTrafficRule(marker)).toBe(true);
    expect(isCdkNoTrafficRule({ ...marker, IpProtocol: "1" })).toBe(true);
    expect(isCdkNoTrafficRule({ ...marker, CidrIp: "255.255.255.254/32" })).toBe(false);
    expect(isCdkNoTrafficRule({ ...marker, IpProtocol: "tcp" })).toBe(false);
  });
});

describe("a CDK stack's warnings", () => {
  /** Every logical id CDK hashed, that is, whose construct path names it otherwise. */
  const hashed = (t: string) =>
    [...cdkNames(Object.entries(JSON.parse(t).Resources as Record<string, unknown>))]
      .filter(([id, name]) => id !== name)
      .map(([id]) => id);
  const hashes = (messages: string[], t: string) => hashed(t).filter((id) => messages.some((m) => m.includes(id)));

  it("name each resource by its construct path, as its node is named, at the line of its logical id", () => {
    const role = warnings.find((w) => w.message.includes("AWS::IAM::Role"));
    expect(role).toMatchObject({
      file: NAME,
      line: text.split("\n").findIndex((l) => l.includes('"WebInstanceRole1878C71A": {')) + 1,
      message: expect.stringMatching(
        /^6 resources carry no security group and are not drawn: AWS::IAM::Role ×2 \(Web\/InstanceRole, /,
      ),
    });
    expect(
      hashes(
        warnings.map((w) => w.message),
        text,
      ),
    ).toEqual([]);
  });

  // The stack changed so that each kind of warning that names a resource is made: a rule's peer a
  // parameter without a value, a nested stack and its output, an instance with no group of its own.
  const t = JSON.parse(text);
  t.Parameters.OfficeGroup = { Type: "String" };
  t.Resources.DbGroupfromShopStackBastionInstanceSecurityGroup623CB06C54320E9A1A3E.Properties.SourceSecurityGroupId = {
    Ref: "OfficeGroup",
  };
  t.Resources.NetworkNestedStackResource1F2E3D4C = {
    Type: "AWS::CloudFormation::Stack",
    Properties: { TemplateURL: "https://example.com/network.json" },
    Metadata: { "aws:cdk:path": "ShopStack/Network.NestedStack/Network.NestedStackResource" },
  };
  t.Resources.DbGroupfromNetworkAppGroup5432A1B2C3D4 = {
    Type: "AWS::EC2::SecurityGroupIngress",
    Properties: {
      GroupId: { "Fn::GetAtt": ["DbGroup0D20CEC8", "GroupId"] },
      IpProtocol: "tcp",
      FromPort: 5432,
      ToPort: 5432,
      SourceSecurityGroupId: { "Fn::GetAtt": ["NetworkNestedStackResource1F2E3D4C", "Outputs.AppGroupId"] },
    },
    Metadata: { "aws:cdk:path": "ShopStack/DbGroup/from NetworkAppGroup:5432" },
  };
  t.Resources.Bastion2B4CEC30.Properties.SecurityGroupIds = [];
  const changed = JSON.stringify(t, null, 1);
  const more = importCloudFormation({ name: NAME, text: changed });
  const messages = more.warnings.map((w) => w.message);

  it("of every kind name no hashed logical id, and each keeps its place", () => {
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Network\.NestedStack\/Network\.NestedStackResource is a nested stack/),
        expect.stringMatching(
          /^DbGroup\/from ShopStackBastionInstanceSecurityGroup623CB06C:5432 ingress rule: parameter OfficeGroup has no value/,
        ),
        expect.stringMatching(/^Bastion names no security group of this template/),
      ]),
    );
    expect(hashes(messages, changed)).toEqual([]);
    expect(more.warnings.filter((w) => w.line === undefined)).toEqual([]);
  });

  it("name a nested stack's output placeholder by the stack's construct path", () => {
    expect(more.design.groups.map((g) => g.name)).toContain(
      "Network.NestedStack/Network.NestedStackResource.Outputs.AppGroupId",
    );
  });

  it("rename only whole logical ids: an id inside a longer word stays", () => {
    const problems = [
      { message: "WebSg1A2B3C4D and WebSg1A2B3C4DExtra, WebSg1A2B3C4D.GroupId", severity: "warning" as const },
    ];
    nameByConstructPath(problems, new Map([["WebSg1A2B3C4D", "Web/Sg"]]));
    expect(problems[0]?.message).toBe("Web/Sg and WebSg1A2B3C4DExtra, Web/Sg.GroupId");
  });
});
