// Terraform as people write it, one fixture per construct (src/shared/iac/terraform/fixtures),
// read from disk through the real HCL parser as the CLI reads a folder, with the flows each must
// produce.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateFlow, resolveEndpoint } from "../shared/engine";
import { flowsDependOn } from "../shared/engine/depends-on";
import type { Design } from "../shared/model";
import { formatProblem } from "../shared/model/problems";
import { loadPaths, type Values } from "./load";

const FIXTURES = join(import.meta.dirname, "../shared/iac/terraform/fixtures");
const load = (name: string, values?: Values) => loadPaths([join(FIXTURES, name)], values);

function permits(design: Design, from: string, to: string, port: number, protocol = "tcp"): boolean {
  return evaluateFlow(design, {
    from: resolveEndpoint(design, from, "from"),
    to: resolveEndpoint(design, to, "to"),
    protocol,
    port,
  }).permitted;
}

const messages = (warnings: Parameters<typeof formatProblem>[0][]) =>
  warnings.map((w) => formatProblem(w).replace(`${FIXTURES}/`, ""));

describe("Terraform variables", () => {
  it("takes values from terraform.tfvars and *.auto.tfvars over defaults, in Terraform's order", async () => {
    const { design, warnings } = await load("variables");
    expect(messages(warnings)).toEqual([]);
    expect(permits(design, "198.51.100.7", "web", 22)).toBe(true);
    expect(permits(design, "203.0.113.9", "web", 443)).toBe(true); // the .auto.tfvars.json wins over terraform.tfvars
    expect(permits(design, "203.0.113.9", "web", 80)).toBe(false);
    expect(permits(design, "192.0.2.1", "web", 22)).toBe(false);
  });

  it("takes --var over every file, and reads its text as the variable's type", async () => {
    const { design } = await load("variables", { vars: { ssh_port: "2222", monitoring_cidrs: '["192.0.2.0/24"]' } });
    expect(permits(design, "198.51.100.7", "web", 2222)).toBe(true);
    expect(permits(design, "198.51.100.7", "web", 22)).toBe(false);
    expect(permits(design, "192.0.2.5", "web", 443)).toBe(true);
  });

  it("takes --var-file after the files Terraform reads by itself", async () => {
    const { design } = await load("variables", { varFiles: [join(FIXTURES, "variables/terraform.tfvars")] });
    expect(permits(design, "203.0.113.9", "web", 80)).toBe(true);
  });
});

describe("Terraform count, for_each and dynamic blocks", () => {
  it("makes one group and one instance per count.index", async () => {
    const { design, warnings } = await load("count");
    expect(warnings).toEqual([]);
    expect(design.groups.map((g) => g.name)).toEqual(["tier-web", "tier-app", "tier-db"]);
    expect(permits(design, "10.0.1.99", "node-app", 8001)).toBe(true);
    expect(permits(design, "10.0.1.99", "node-db", 8002)).toBe(false);
    expect(permits(design, "node-app", "node-db", 8002)).toBe(false);
    expect(permits(design, "10.0.2.99", "node-db", 8002)).toBe(true);
  });

  it("makes one rule per key of a map and per element of a set", async () => {
    const { design, warnings } = await load("for-each");
    expect(warnings).toEqual([]);
    expect(permits(design, "internet", "app", 443)).toBe(true);
    expect(permits(design, "internet", "app", 22)).toBe(false);
    expect(permits(design, "192.0.2.4", "app", 22)).toBe(true);
    expect(permits(design, "app", "10.2.3.4", 5432)).toBe(true);
    expect(permits(design, "app", "10.3.3.4", 5432)).toBe(false);
    expect(design.groups[0]?.ingress.map((r) => r.description)).toEqual(["app https", "app ssh"]);
  });

  it("generates the blocks of dynamic ingress and egress, with an iterator of its own", async () => {
    const { design, warnings } = await load("dynamic");
    expect(warnings).toEqual([]);
    expect(permits(design, "internet", "front", 80)).toBe(true);
    expect(permits(design, "internet", "front", 443)).toBe(true);
    expect(permits(design, "internet", "front", 22)).toBe(false);
    expect(design.groups[0]?.egress).toMatchObject([{ fromPort: 8080, description: "to app" }]);
  });
});

describe("Terraform locals and local modules", () => {
  it("evaluates locals built with for expressions, flatten, merge, lookup and conditionals", async () => {
    const { design, warnings } = await load("locals");
    expect(warnings).toEqual([]);
    expect(design.groups.map((g) => g.name)).toEqual(["svc-prod"]);
    expect(permits(design, "internet", "svc-0", 443)).toBe(true);
    expect(permits(design, "internet", "svc-1", 8080)).toBe(false);
    expect(permits(design, "10.1.2.3", "svc-1", 8080)).toBe(true);
    expect(permits(design, "10.9.2.3", "svc-1", 8080)).toBe(false);
  });

  it("reads a local module once per call, with its inputs, and attaches its output", async () => {
    const { design, warnings } = await load("module");
    expect(warnings).toEqual([]);
    expect(design.groups.map((g) => g.name)).toEqual(["web", "admin"]);
    expect(permits(design, "internet", "web", 443)).toBe(true);
    expect(permits(design, "internet", "web", 22)).toBe(false);
    expect(permits(design, "192.0.2.8", "web", 22)).toBe(true);
  });
});

describe("Terraform: what stays unknown", () => {
  it("becomes a placeholder named for what it depends on, with a warning at file:line", async () => {
    const { design, warnings } = await load("unknown");
    expect(design.groups.map((g) => g.name).sort()).toEqual([
      "data.aws_security_group.bastion",
      "db",
      "var.peer_group_id",
    ]);
    const db = design.groups.find((g) => g.name === "db");
    const bastion = design.groups.find((g) => g.name === "data.aws_security_group.bastion");
    // The CIDR with no value is a placeholder range: a party named for it, whose stand-in the rule names.
    const admin = design.externals.find((e) => e.name === "var.admin_cidr");
    expect(admin?.tags).toEqual({ "palisade:placeholder": "var.admin_cidr" });
    expect(db?.ingress).toMatchObject([
      { fromPort: 5432, peer: { kind: "group", groupId: bastion?.id } },
      { fromPort: 22, peer: { kind: "cidr4", cidr: admin?.cidrs[0] } },
    ]);
    expect(design.resources[0]?.groupIds).toHaveLength(2);
    expect(messages(warnings)).toEqual([
      'unknown/main.tf:23:5: warning: aws_security_group.db security_groups: depends on data.aws_security_group.bastion, which is read from AWS when Terraform runs; the rule names the placeholder group "data.aws_security_group.bastion" until it is known',
      'unknown/main.tf:29:5: warning: aws_security_group.db cidr_blocks: depends on var.admin_cidr, which has no value; the rule names the placeholder range "var.admin_cidr" until it is known',
      'unknown/main.tf:35:3: warning: aws_db_instance.db vpc_security_group_ids: depends on var.peer_group_id, which has no value; it gets the placeholder group "var.peer_group_id" until that is known',
    ]);
  });

  it("is known once the value is given", async () => {
    const { design, warnings } = await load("unknown", { vars: { admin_cidr: "192.0.2.0/24" } });
    expect(warnings.some((w) => w.message.includes("admin_cidr"))).toBe(false);
    expect(permits(design, "192.0.2.1", "db", 22)).toBe(true);
  });
});

describe("Terraform: a registry module Palisade models (cloudposse/label/null)", () => {
  it("gives its outputs from its inputs, with a warning at the module block; another registry module stays unknown", async () => {
    const { design, warnings } = await load("registry-module");
    expect(design.groups.map((g) => g.name)).toEqual(["eg-prod-web-public"]);
    expect(design.groups[0]?.tags).toEqual({
      Attributes: "public",
      Name: "eg-prod-web-public",
      Namespace: "eg",
      Stage: "prod",
      Team: "edge",
    });
    expect(messages(warnings)).toEqual([
      'registry-module/main.tf:45:1: warning: aws_security_group.in_vpc: its count depends on module.vpc, which comes from "terraform-aws-modules/vpc/aws", which is not in these files, so how many there are is unknown; not imported',
      'registry-module/main.tf:13:1: warning: module "this": its outputs are Palisade\'s model of the registry module cloudposse/label/null (0.25.x), computed from its inputs, not read from its source, which is not in these files',
      'registry-module/main.tf:40:1: warning: module "vpc" is not imported: it comes from "terraform-aws-modules/vpc/aws", which is not in these files; what uses its outputs is unknown (terraform show -json of a plan reads every module)',
    ]);
  });

  it("with enabled = false makes no group, and follows the inputs it is given", async () => {
    expect((await load("registry-module", { vars: { enabled: "false" } })).design.groups).toEqual([]);
    const staged = await load("registry-module", { vars: { stage: "Dev Ops" } });
    expect(staged.design.groups.map((g) => g.name)).toEqual(["eg-devops-web-public"]);
  });
});

describe("Terraform: a local no given file declares (a file taken out of its module)", () => {
  it("is the placeholder group local.x where a group is expected, warned at its first use; the rules that name it are kept", async () => {
    const { design, warnings } = await load("undeclared-local");
    expect(design.groups.map((g) => g.name).sort()).toEqual(["local.cluster_security_group_id", "node"]);
    const cluster = design.groups.find((g) => g.name === "local.cluster_security_group_id");
    const node = design.groups.find((g) => g.name === "node");
    expect(cluster?.tags).toEqual({ "palisade:placeholder": "local.cluster_security_group_id" });
    expect(node?.ingress).toMatchObject([{ fromPort: 10250, peer: { kind: "group", groupId: cluster?.id } }]);
    expect(cluster?.egress).toMatchObject([{ fromPort: 10250, peer: { kind: "group", groupId: node?.id } }]);
    expect(messages(warnings)[0]).toBe(
      'undeclared-local/main.tf:12:30: warning: local.cluster_security_group_id is not declared in these files (its locals block is in a file not given): its value is unknown; where a group is expected it is the placeholder group "local.cluster_security_group_id"',
    );
    expect(permits(design, "control", "worker", 10250)).toBe(true);
    expect(permits(design, "control", "worker", 22)).toBe(false);
    const control = design.resources.find((r) => r.name === "control")?.id ?? "";
    const worker = design.resources.find((r) => r.name === "worker")?.id ?? "";
    // Permitted by the placeholder's own egress rule, which the file gives it: the flow depends on it.
    expect(flowsDependOn(design).get(`${control}->${worker}`)).toEqual(["local.cluster_security_group_id"]);
  });
});

describe("Terraform: a local that a called module's files do not declare", () => {
  it("is the placeholder group module.m.local.x, warned at its first use in the module; the rules that name it are kept", async () => {
    const { design, warnings } = await load("module-undeclared-local");
    const name = "module.nodes.local.cluster_security_group_id";
    expect(design.groups.map((g) => g.name).sort()).toEqual([name, "workers"]);
    const cluster = design.groups.find((g) => g.name === name);
    const node = design.groups.find((g) => g.name === "workers");
    expect(cluster?.tags).toEqual({ "palisade:placeholder": name });
    expect(node?.ingress).toMatchObject([{ fromPort: 10250, peer: { kind: "group", groupId: cluster?.id } }]);
    expect(cluster?.egress).toMatchObject([{ fromPort: 10250, peer: { kind: "group", groupId: node?.id } }]);
    expect(messages(warnings)[0]).toBe(
      `module-undeclared-local/modules/nodes/main.tf:12:34: warning: ${name} is not declared in the module's files, so Terraform would refuse the module: its value is unknown; where a group is expected it is the placeholder group "${name}"`,
    );
    // Nothing to ask for: a module's local is not an input.
    expect((await load("module-undeclared-local")).inputs).toEqual([]);
    expect(permits(design, "module.nodes.control", "module.nodes.worker", 10250)).toBe(true);
    expect(permits(design, "module.nodes.control", "module.nodes.worker", 22)).toBe(false);
    const control = design.resources.find((r) => r.name === "module.nodes.control")?.id ?? "";
    const worker = design.resources.find((r) => r.name === "module.nodes.worker")?.id ?? "";
    expect(flowsDependOn(design).get(`${control}->${worker}`)).toEqual([name]);
  });
});
