// Every resource that carries groups, read from Terraform (through the real HCL parser) and
// CloudFormation, with the flows the project's own fixtures must produce, and written back by
// both exports as the same AWS resource.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateFlow } from "../shared/engine/evaluate";
import { resolveEndpoint } from "../shared/engine/resolve";
import { importCloudFormation, toCloudFormation } from "../shared/iac/cloudformation";
import { toTerraform } from "../shared/iac/terraform";
import { CURRENT_VERSION, type Design, type Resource } from "../shared/model/schema";
import { SERVICE_NAMES, SERVICES } from "../shared/model/services";
import { importTerraformFiles } from "./hcl";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../shared/iac/fixtures");
const read = (path: string) => ({ name: path, text: readFileSync(join(fixtures, path), "utf8") });
const terraform = async (path: string) => (await importTerraformFiles([read(path)])).design;
const cloudFormation = (path: string) => importCloudFormation(read(path)).design;

function permits(design: Design, from: string, to: string, protocol: string, port?: number): boolean {
  return evaluateFlow(design, {
    from: resolveEndpoint(design, from, "from"),
    to: resolveEndpoint(design, to, "to"),
    protocol,
    ...(port === undefined ? {} : { port }),
  }).permitted;
}

const byName = (design: Design, name: string) => design.resources.find((r) => r.name === name) as Resource;
const groupNames = (design: Design, r: Resource) =>
  r.groupIds.map((id) => design.groups.find((g) => g.id === id)?.name);

/** The flows the Auto Scaling group fixture must produce, in either format. */
function expectAutoScalingFlows(design: Design): void {
  expect(permits(design, "internet", "front", "tcp", 443)).toBe(true);
  expect(permits(design, "front", "web", "tcp", 8080)).toBe(true);
  expect(permits(design, "web", "sessions", "tcp", 6379)).toBe(true);
  expect(permits(design, "internet", "web", "tcp", 8080)).toBe(false);
  expect(permits(design, "front", "sessions", "tcp", 6379)).toBe(false);
  expect(permits(design, "web", "front", "tcp", 443)).toBe(false);
}

describe("an Auto Scaling group", () => {
  it("is one node with its sizes, whose groups are its launch template's (Terraform)", async () => {
    const design = await terraform("auto-scaling-group/main.tf");
    const web = byName(design, "web");
    expect(web).toMatchObject({
      kind: "instance",
      service: "autoScalingGroup",
      capacity: { desired: 3, min: 2, max: 6 },
    });
    expect(groupNames(design, web)).toEqual(["app"]);
    expect(byName(design, "sessions")).toMatchObject({ kind: "database", service: "elastiCache" });
    expectAutoScalingFlows(design);
  });

  it("is one node whose groups are its launch configuration's (CloudFormation)", () => {
    const design = cloudFormation("auto-scaling-group/template.yaml");
    expect(byName(design, "web")).toMatchObject({
      service: "autoScalingGroup",
      capacity: { desired: 3, min: 2, max: 6 },
    });
    expect(groupNames(design, byName(design, "web"))).toEqual(["app"]);
    expectAutoScalingFlows(design);
  });

  it("comes back from both exports as an Auto Scaling group with a launch template, with the same flows", async () => {
    const design = await terraform("auto-scaling-group/main.tf");
    const files = toTerraform(design, { layout: "single" });
    expect(files[0]?.text).toMatch(/resource "aws_launch_template" "web"/);
    const again = (await importTerraformFiles(files)).design;
    expect(byName(again, "web")).toMatchObject({
      service: "autoScalingGroup",
      capacity: { desired: 3, min: 2, max: 6 },
    });
    expectAutoScalingFlows(again);
    const template = toCloudFormation(design, "yaml");
    const fromTemplate = importCloudFormation(template).design;
    expect(byName(fromTemplate, "web")).toMatchObject({ service: "autoScalingGroup", capacity: { max: 6 } });
    expectAutoScalingFlows(fromTemplate);
  });
});

describe("an EKS cluster", () => {
  it("gets the cluster security group EKS creates, a placeholder named so, which its nodes share", () => {
    const design = cloudFormation("eks-cluster/template.yaml");
    const cluster = byName(design, "prod");
    const nodes = byName(design, "nodes");
    expect(cluster.service).toBe("eksCluster");
    expect(nodes).toMatchObject({ service: "eksNodeGroup", capacity: { desired: 3, min: 1, max: 5 } });
    const placeholder = design.groups.find((g) => g.name === "eks-cluster-sg-prod");
    expect(placeholder?.eksCluster).toBe(cluster.id);
    expect(cluster.groupIds).toEqual([placeholder?.id]);
    // A managed node group without a launch template: EKS puts its nodes in the cluster security group.
    expect(nodes.groupIds).toEqual([placeholder?.id]);
    // The rule the template adds to that group (!GetAtt Cluster.ClusterSecurityGroupId) applies to the nodes too.
    expect(permits(design, "bastion", "prod", "tcp", 443)).toBe(true);
    expect(permits(design, "bastion", "nodes", "tcp", 443)).toBe(true);
    expect(permits(design, "bastion", "nodes", "tcp", 22)).toBe(false);
    // EKS's own rules: all traffic in from the group itself.
    expect(permits(design, "nodes", "prod", "tcp", 10250)).toBe(true);
    expect(permits(design, "prod", "nodes", "udp", 53)).toBe(true);
  });

  it("comes back from both exports with its group referred to, not created, and the same flows", async () => {
    const design = cloudFormation("eks-cluster/template.yaml");
    const template = toCloudFormation(design, "yaml").text;
    expect(template).toContain("ClusterSecurityGroupId");
    expect(template).not.toMatch(/GroupName: eks-cluster-sg-prod/);
    // The cluster does not name its own group (EKS adds it), and the node group, whose only group
    // is that one, needs no launch template: EKS puts its nodes in it.
    expect(template).not.toMatch(/SecurityGroupIds:\s*\n\s*- !GetAtt ProdEksCluster.ClusterSecurityGroupId/);
    expect(template).not.toContain("AWS::EC2::LaunchTemplate");
    const files = toTerraform(design, { layout: "single" });
    const main = files[0]?.text ?? "";
    expect(main).toContain("aws_eks_cluster.prod.vpc_config[0].cluster_security_group_id");
    expect(main).not.toMatch(/resource "aws_security_group" "eks/);
    expect(main).toMatch(/security_group_ids = \[\]/);
    expect(main).not.toContain("aws_launch_template");
    for (const again of [
      importCloudFormation({ name: "template.yaml", text: template }).design,
      (await importTerraformFiles(files)).design,
    ]) {
      expect(again.groups.filter((g) => g.name === "eks-cluster-sg-prod")).toHaveLength(1);
      expect(permits(again, "bastion", "nodes", "tcp", 443)).toBe(true);
      expect(permits(again, "bastion", "nodes", "tcp", 22)).toBe(false);
      expect(permits(again, "nodes", "prod", "tcp", 10250)).toBe(true);
    }
  });
});

describe("every service", () => {
  // One resource of each service, each with a group of its own, in one VPC.
  const design: Design = {
    format: "palisade",
    version: CURRENT_VERSION,
    name: "services",
    vpcs: [{ id: "vpc", name: "main", cidrIpv4: "10.0.0.0/16" }],
    externals: [],
    prefixLists: [],
    intents: [],
    groups: SERVICE_NAMES.map((s) => ({
      id: `sg-${s}`,
      name: `${s}-sg`,
      description: s,
      vpcId: "vpc",
      ingress: [
        { id: `${s}-in`, protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "cidr4", cidr: "10.0.0.0/16" } },
      ],
      egress: [],
    })),
    resources: SERVICE_NAMES.map((s, i) => ({
      id: s,
      kind: SERVICES[s].kind,
      service: s,
      name: s.toLowerCase(),
      vpcId: "vpc",
      groupIds: [`sg-${s}`],
      position: { x: i * 10, y: 0 },
    })),
  } as Design;
  const kept = (d: Design) =>
    d.resources
      .map((r) => [r.service, r.kind, groupNames(d, r).join(",")])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  // An EKS cluster comes back with the cluster security group EKS creates for it, as any imported cluster.
  const expected = kept(design).map((k) =>
    k[0] === "eksCluster" ? [k[0], k[1], `eks-cluster-sg-ekscluster,${k[2]}`] : k,
  );

  it("is written back by the Terraform export as the same resource, with its groups", async () => {
    const again = (await importTerraformFiles(toTerraform(design, { layout: "single" }))).design;
    expect(kept(again)).toEqual(expected);
  });

  it("is written back by the CloudFormation export as the same resource, with its groups", () => {
    const again = importCloudFormation(toCloudFormation(design, "json")).design;
    expect(kept(again)).toEqual(expected);
  });
});
