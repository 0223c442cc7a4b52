// Issue 11: only what AWS puts in a VPC gets a VPC's default group. A Lambda function without a
// VPC configuration and a gateway VPC endpoint have no network interface and no group: they are
// not nodes, and nothing says they got the default group. The fixture, in both formats, with the
// flows it must produce.
import { describe, expect, it } from "vitest";
import { evaluateFlow, permittedFlows } from "../shared/engine";
import { importCloudFormation } from "../shared/iac/cloudformation";
import type { Design } from "../shared/model";
import { formatProblem } from "../shared/model";
import { importTerraformFiles } from "./hcl";

const terraform = `
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.worker.id]
  }
}
resource "aws_security_group" "worker" {
  vpc_id = aws_vpc.main.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_instance" "web" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
}
resource "aws_lambda_function" "outside" {
  function_name = "outside"
  role          = "arn:aws:iam::123456789012:role/r"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
}
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/r"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  vpc_config {
    subnet_ids         = ["subnet-1"]
    security_group_ids = [aws_security_group.worker.id]
  }
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.us-east-1.s3"
}
`;

const cloudformation = `
Resources:
  Main: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  WebGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Main
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref WorkerGroup }
  WorkerGroup: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: worker, VpcId: !Ref Main } }
  Web: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-1, SecurityGroupIds: [!Ref WebGroup] } }
  Outside:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: outside, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } }
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: worker
      Role: arn:aws:iam::123456789012:role/r
      Code: { ZipFile: x }
      VpcConfig: { SubnetIds: [subnet-1], SecurityGroupIds: [!Ref WorkerGroup] }
  S3Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcId: !Ref Main, ServiceName: com.amazonaws.us-east-1.s3 }
`;

function holds(design: Design, warnings: string[]) {
  expect(design.resources.map((r) => r.name.toLowerCase()).sort()).toEqual(["web", "worker"].sort());
  expect(warnings.filter((w) => /default group/.test(w))).toEqual([]);
  expect(warnings).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/outside?.* is a Lambda function without a VPC configuration/i),
      expect.stringMatching(/ is a gateway VPC endpoint/),
    ]),
  );
  const node = (name: string) => design.resources.find((r) => r.name.toLowerCase() === name)?.id as string;
  expect(evaluateFlow(design, { from: node("worker"), to: node("web"), protocol: "tcp", port: 443 }).permitted).toBe(
    true,
  );
  expect(permittedFlows(design).every((f) => [f.from, f.to].every((end) => !/outside|s3/i.test(end)))).toBe(true);
}

describe("what AWS does not put in a VPC has no interface and no group", () => {
  it("Terraform: aws_lambda_function without vpc_config and a Gateway aws_vpc_endpoint (the default type)", async () => {
    const { design, warnings } = await importTerraformFiles([{ name: "main.tf", text: terraform }]);
    holds(design, warnings.map(formatProblem));
  });

  it("Terraform: a gateway endpoint whose vpc_endpoint_type is written out, and an interface endpoint", async () => {
    // The type written out was read as unknown, so a Gateway endpoint got the default group.
    const text = terraform.replace(
      'service_name = "com.amazonaws.us-east-1.s3"',
      'service_name = "com.amazonaws.us-east-1.s3"\n  vpc_endpoint_type = "Gateway"',
    );
    expect(text).toContain('vpc_endpoint_type = "Gateway"');
    const gateway = await importTerraformFiles([{ name: "main.tf", text }]);
    holds(gateway.design, gateway.warnings.map(formatProblem));
    const iface = await importTerraformFiles([
      { name: "main.tf", text: text.replace('vpc_endpoint_type = "Gateway"', 'vpc_endpoint_type = "Interface"') },
    ]);
    expect(iface.design.resources.map((r) => r.name.toLowerCase())).toContain("s3");
  });

  it("CloudFormation: AWS::Lambda::Function without VpcConfig and an AWS::EC2::VPCEndpoint of the default type (Gateway)", () => {
    const { design, warnings } = importCloudFormation({ name: "t.yaml", text: cloudformation });
    holds(design, warnings.map(formatProblem));
  });
});
