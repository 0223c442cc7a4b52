import { describe, expect, it } from "vitest";
import { groupKeys, unmodelledWarnings } from "./unmodelled";

describe("groupKeys", () => {
  it("finds the keys that hold security groups at any depth, in CloudFormation's and Terraform's spelling", () => {
    expect(groupKeys({ CacheNodeType: "t3", VpcSecurityGroupIds: ["sg-1"] })).toEqual(["VpcSecurityGroupIds"]);
    expect(groupKeys({ vpc_options: [{ subnet_ids: ["s"], security_group_ids: ["sg-1"] }] })).toEqual([
      "security_group_ids",
    ]);
    expect(groupKeys({ VpcConfig: { SecurityGroupIds: [], SubnetIds: [] }, Other: { SecurityGroups: [] } })).toEqual([
      "SecurityGroupIds",
      "SecurityGroups",
    ]);
  });

  it("finds none in a role or an alarm, even where a value mentions a group", () => {
    expect(
      groupKeys({ AssumeRolePolicyDocument: { Statement: [{ Action: "ec2:AuthorizeSecurityGroupIngress" }] } }),
    ).toEqual([]);
    expect(groupKeys({ Threshold: 90, AlarmActions: ["arn"] })).toEqual([]);
    expect(groupKeys(undefined)).toEqual([]);
  });
});

describe("unmodelledWarnings", () => {
  it("warns at each resource that names security groups, and tells the rest in one line counted by type", () => {
    const warnings = unmodelledWarnings([
      { where: { file: "t.yaml", line: 4 }, name: "RoleA", type: "AWS::IAM::Role", body: {} },
      {
        where: { file: "t.yaml", line: 9 },
        name: "Cache",
        type: "AWS::ElastiCache::CacheCluster",
        body: { VpcSecurityGroupIds: [] },
      },
      { where: { file: "t.yaml", line: 20 }, name: "High", type: "AWS::CloudWatch::Alarm", body: {} },
      { where: { file: "t.yaml", line: 30 }, name: "RoleB", type: "AWS::IAM::Role", body: { Path: "/" } },
    ]);
    expect(warnings).toEqual([
      {
        file: "t.yaml",
        line: 9,
        severity: "warning",
        message:
          "Cache: resource type AWS::ElastiCache::CacheCluster names security groups (VpcSecurityGroupIds), but Palisade does not model it: it is not drawn, and flows to and from it are not listed",
      },
      {
        file: "t.yaml",
        line: 4,
        severity: "warning",
        message:
          "3 resources carry no security group and are not drawn: AWS::IAM::Role ×2 (RoleA, RoleB); AWS::CloudWatch::Alarm ×1 (High)",
      },
    ]);
  });

  it("names one such resource on its own, shortens a long list, and says nothing when nothing was left out", () => {
    expect(unmodelledWarnings([{ where: { line: 2 }, name: "Q", type: "AWS::SQS::Queue", body: {} }])).toEqual([
      {
        line: 2,
        severity: "warning",
        message: "Q: resource type AWS::SQS::Queue carries no security group; not drawn",
      },
    ]);
    const many = ["a", "b", "c", "d", "e", "f"].map((name, i) => ({
      where: { line: i + 1 },
      name,
      type: "aws_iam_role",
      body: {},
    }));
    expect(unmodelledWarnings(many)[0]?.message).toBe(
      "6 resources carry no security group and are not drawn: aws_iam_role ×6 (a, b, c, d, and 2 more)",
    );
    expect(unmodelledWarnings([])).toEqual([]);
  });
});
