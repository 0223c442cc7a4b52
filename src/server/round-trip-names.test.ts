// Names and addresses that only one place of a format can carry: a Terraform resource type with no
// tags (an EFS mount target) keeps its name in its label, and a CloudFormation type with no Tags
// (an ECS task set) keeps the addresses AWS chooses in its Metadata. Both formats, read back
// through the real readers (Terraform through the HCL parser).
import { describe, expect, it } from "vitest";
import { evaluateFlow } from "../shared/engine/evaluate";
import { resolveEndpoint } from "../shared/engine/resolve";
import { importCloudFormation, toCloudFormation } from "../shared/iac/cloudformation";
import { toTerraform } from "../shared/iac/terraform";
import { CURRENT_VERSION, type Design } from "../shared/model/schema";
import { importTerraformFiles } from "./hcl";

const at = { x: 0, y: 0 };
const design: Design = {
  format: "palisade",
  version: CURRENT_VERSION,
  name: "untagged",
  vpcs: [{ id: "vpc", name: "main", cidrIpv4: "10.0.0.0/16" }],
  externals: [{ id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: at }],
  prefixLists: [],
  intents: [],
  groups: [
    {
      id: "sg-web",
      name: "web",
      description: "web",
      vpcId: "vpc",
      ingress: [{ id: "in", protocol: "tcp", fromPort: 80, toPort: 80, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }],
      egress: [{ id: "out", protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }],
    },
  ],
  resources: [
    {
      id: "mt1",
      kind: "endpoint",
      service: "efsMountTarget",
      name: "EFSMountTarget1",
      vpcId: "vpc",
      groupIds: ["sg-web"],
      position: at,
    },
    {
      id: "mt2",
      kind: "endpoint",
      service: "efsMountTarget",
      name: "efs target b",
      vpcId: "vpc",
      groupIds: ["sg-web"],
      position: at,
    },
    {
      id: "task",
      kind: "containerService",
      service: "ecsTask",
      name: "worker",
      vpcId: "vpc",
      groupIds: ["sg-web"],
      privateIpv4: "10.0.1.7",
      publicIpv4: "3.80.3.41",
      position: at,
    },
  ],
} as Design;

const names = (d: Design) => d.resources.map((r) => r.name).sort();
const addresses = (d: Design) =>
  d.resources.filter((r) => r.service === "ecsTask").map((r) => [r.name, r.privateIpv4, r.publicIpv4]);

describe("a round trip keeps what only one place of the format can carry", () => {
  it("Terraform: an EFS mount target's name, in its label, as written where Terraform takes it", async () => {
    const files = toTerraform(design, { layout: "single" });
    const main = files.map((f) => f.text).join("\n");
    expect(main).toContain('resource "aws_efs_mount_target" "EFSMountTarget1"');
    // A name Terraform cannot take as a label is made into one: the only loss, and a visible one.
    expect(main).toContain('resource "aws_efs_mount_target" "efs_target_b"');
    const again = (await importTerraformFiles(files)).design;
    expect(names(again)).toEqual(["EFSMountTarget1", "efs_target_b", "worker"]);
  });

  it("CloudFormation: an ECS task set's private and public IPv4, in its Metadata, and the flow to its public address", () => {
    const template = toCloudFormation(design, "yaml");
    expect(template.text).toMatch(
      /Palisade:\n\s+Name: worker\n\s+Addresses:\n\s+palisade:private-ipv4: 10\.0\.1\.7\n\s+palisade:public-ipv4: 3\.80\.3\.41/,
    );
    const again = importCloudFormation(template).design;
    expect(addresses(again)).toEqual([["worker", "10.0.1.7", "3.80.3.41"]]);
    expect(names(again)).toEqual(["EFSMountTarget1", "efs target b", "worker"]);
    const toPublic = evaluateFlow(again, {
      from: resolveEndpoint(again, "internet", "from"),
      to: resolveEndpoint(again, "3.80.3.41", "to"),
      protocol: "tcp",
      port: 80,
    });
    expect(toPublic.permitted).toBe(true);
    expect(toPublic.explanation).toContain("worker");
  });

  it("CloudFormation: a task set's address in Metadata that is not an address is an error at its place", () => {
    const template = toCloudFormation(design, "yaml");
    const broken = { ...template, text: template.text.replace("3.80.3.41", "not-an-address") };
    expect(() => importCloudFormation(broken)).toThrow(
      /:\d+:\d+: tag palisade:public-ipv4: "not-an-address" is not an IPv4 address/,
    );
  });
});
