// The CDK app behind src/shared/iac/cloudformation/fixtures/cdk.out: a small stack as CDK users
// write it (a VPC, an ALB, an Auto Scaling group, a bastion instance, an RDS database whose group
// allows no outbound traffic), groups connected with `connections.allowFrom`. Run by make.mjs in a
// temporary folder where aws-cdk-lib is installed; synth needs no AWS account and no network.
import * as cdk from "aws-cdk-lib";
import * as autoscaling from "aws-cdk-lib/aws-autoscaling";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as rds from "aws-cdk-lib/aws-rds";

const outdir = process.argv[2] ?? "cdk.out";
// What `cdk synth` asks of an app by default: each resource's construct path in its Metadata, and
// the CDKMetadata resource that reports the library's version.
const app = new cdk.App({
  outdir,
  context: { "aws:cdk:enable-path-metadata": true, "aws:cdk:version-reporting": true },
});
// A fixed account and region, so that the output does not depend on the machine's AWS settings.
const stack = new cdk.Stack(app, "ShopStack", { env: { account: "111111111111", region: "eu-west-1" } });

const vpc = new ec2.Vpc(stack, "Vpc", {
  ipAddresses: ec2.IpAddresses.cidr("10.0.0.0/16"),
  maxAzs: 2,
  natGateways: 1,
  subnetConfiguration: [
    { name: "public", subnetType: ec2.SubnetType.PUBLIC },
    { name: "app", subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    { name: "data", subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  ],
});

const alb = new elbv2.ApplicationLoadBalancer(stack, "Alb", { vpc, internetFacing: true });
const web = new autoscaling.AutoScalingGroup(stack, "Web", {
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
  machineImage: ec2.MachineImage.genericLinux({ "eu-west-1": "ami-0123456789abcdef0" }),
  minCapacity: 2,
});
// The listener opens the ALB to the Internet on 80 and lets it reach the targets on 8080.
alb.addListener("Http", { port: 80, open: true }).addTargets("Web", { port: 8080, targets: [web] });

// A database needs no outbound traffic: CDK writes its "Disallow all traffic" rule for this group.
const dbGroup = new ec2.SecurityGroup(stack, "DbGroup", {
  vpc,
  allowAllOutbound: false,
  description: "Database: PostgreSQL from the web tier and the bastion",
});
const db = new rds.DatabaseInstance(stack, "Db", {
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
  securityGroups: [dbGroup],
});
db.connections.allowFrom(web, ec2.Port.tcp(5432), "PostgreSQL from the web tier");

const bastion = new ec2.Instance(stack, "Bastion", {
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
  instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.NANO),
  machineImage: ec2.MachineImage.genericLinux({ "eu-west-1": "ami-0123456789abcdef0" }),
});
bastion.connections.allowFrom(ec2.Peer.ipv4("203.0.113.0/24"), ec2.Port.tcp(22), "SSH from the office");
db.connections.allowFrom(bastion, ec2.Port.tcp(5432), "PostgreSQL from the bastion");

app.synth();
