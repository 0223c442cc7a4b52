import { describe, expect, it } from "vitest";
import { classifyInterface } from "./classify";

const eni = (fields: Record<string, unknown>) => ({ NetworkInterfaceId: "eni-0a1b2c3d", ...fields });

describe("what owns an interface, by InterfaceType, RequesterId and Description", () => {
  it.each([
    ["an EKS control plane", { Description: "Amazon EKS prod", RequesterManaged: true }, "eksCluster", "prod"],
    [
      "an ElastiCache node",
      { Description: "ElastiCache sessions-001", RequesterId: "amazon-elasticache" },
      "elastiCache",
      "sessions-001",
    ],
    ["an OpenSearch domain", { Description: "ES logs", RequesterId: "amazon-elasticsearch" }, "openSearch", "logs"],
    [
      "an EFS mount target",
      { Description: "EFS mount target for fs-0123abcd (fsmt-1)" },
      "efsMountTarget",
      "EFS fs-0123abcd",
    ],
    [
      "an ECS task in awsvpc mode",
      { Description: "arn:aws:ecs:us-east-1:123456789012:attachment/x", PrivateIpAddress: "10.0.1.5" },
      "ecsTask",
      "ECS task 10.0.1.5",
    ],
  ])("%s", (_, fields, service, name) => {
    expect(classifyInterface(eni(fields))).toMatchObject({ service, name });
  });

  it("an EKS pod's branch interface is a container, not an ECS task", () => {
    const owner = classifyInterface(
      eni({ Description: "aws-k8s-branch-eni", InterfaceType: "branch", PrivateIpAddress: "10.0.2.7" }),
    );
    expect(owner).toEqual({ kind: "containerService", key: "eni-0a1b2c3d", name: "EKS pod 10.0.2.7" });
  });

  it.each([
    [
      "a Hyperplane interface names the function in its Description",
      { Description: "AWS Lambda VPC ENI-orders-api-1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b", InterfaceType: "lambda" },
      "orders-api",
    ],
    [
      "an older interface names it in RequesterId, after the execution role's id",
      {
        Description: "AWS Lambda VPC ENI: 26578289-8b35-4f36-a046-ceda51a45800",
        RequesterId: "AROAIYDDMMXM3QFS5LEKZ:deploy-lambda",
      },
      "deploy-lambda",
    ],
    ["with neither, the interface's id", { Description: "AWS Lambda VPC ENI: 26578289" }, "eni-0a1b2c3d"],
  ])("a Lambda function's interface: %s", (_, fields, name) => {
    expect(classifyInterface(eni(fields))).toEqual({ kind: "function", key: `lambda:${name}`, name });
  });
});
