// `terraform show -json` of a plan and of state, and terraform.tfstate, read from disk as the CLI
// and the app's Import read them (detected by content, whatever the name), with the flows each
// must produce. The fixtures (src/shared/iac/terraform/fixtures/plan and state) are written by
// hand to Terraform's documented JSON output format for this configuration:
//
//   variable "office_cidr" {}                      # given: 198.51.100.0/24
//   resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
//   module "web_sg" {                               # the registry module
//     source  = "terraform-aws-modules/security-group/aws"
//     version = "5.1.2"
//     name = "web", vpc_id = aws_vpc.main.id
//     ingress_cidr_blocks = ["0.0.0.0/0"], ingress_rules = ["https-443-tcp"], egress_rules = ["all-all"]
//   }
//   resource "aws_security_group" "bastion" { ingress 22 from var.office_cidr; egress 22 to the VPC }
//   resource "aws_security_group" "db" {}           # its rules are separate resources:
//   resource "aws_vpc_security_group_ingress_rule" "db_from_web" { 5432 from module.web_sg.security_group_id }
//   resource "aws_vpc_security_group_ingress_rule" "db_ssh" { 22 from aws_security_group.bastion.id }
//   resource "aws_instance" "web"     { vpc_security_group_ids = [module.web_sg.security_group_id] }
//   resource "aws_instance" "bastion" { vpc_security_group_ids = [aws_security_group.bastion.id] }
//   resource "aws_db_instance" "db"   { vpc_security_group_ids = [aws_security_group.db.id] }
//
// The state, after apply, adds data "aws_security_group" "monitoring" and a rule admitting it to web on 9100.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateFlow, resolveEndpoint } from "../shared/engine";
import type { Design } from "../shared/model";
import { formatProblem, InputError, type Problem } from "../shared/model/problems";
import { loadPaths } from "./load";

const FIXTURES = join(import.meta.dirname, "../shared/iac/terraform/fixtures");
const PLAN = join(FIXTURES, "plan/plan.json");
const TFSTATE = join(FIXTURES, "state/terraform.tfstate");
const SHOW_STATE = join(FIXTURES, "state/show-state.json");

function permits(design: Design, from: string, to: string, port: number): boolean {
  return evaluateFlow(design, {
    from: resolveEndpoint(design, from, "from"),
    to: resolveEndpoint(design, to, "to"),
    protocol: "tcp",
    port,
  }).permitted;
}

const messages = (warnings: Problem[]) => warnings.map((w) => formatProblem(w).replace(`${FIXTURES}/`, ""));

const temp = mkdtempSync(join(tmpdir(), "palisade-tfshow-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
/** A fixture changed by `edit`, written to a file of its own. */
// biome-ignore lint/suspicious/noExplicitAny: a test edits fixtures of Terraform's JSON, whose shape it knows.
function edited(fixture: string, name: string, edit: (json: any) => void): string {
  const json = JSON.parse(readFileSync(fixture, "utf8"));
  edit(json);
  const path = join(temp, name);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  return path;
}

async function problemsOf(path: string): Promise<string[]> {
  try {
    await loadPaths([path]);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => formatProblem(p).replace(`${temp}/`, ""));
    throw e;
  }
  return [];
}

/** The flows the configuration above must produce, whichever record of it is read. */
function expectTheFlows(design: Design): void {
  expect(permits(design, "internet", "web", 443)).toBe(true);
  expect(permits(design, "internet", "web", 22)).toBe(false);
  expect(permits(design, "web", "db", 5432)).toBe(true);
  expect(permits(design, "internet", "db", 5432)).toBe(false);
  expect(permits(design, "198.51.100.7", "bastion", 22)).toBe(true);
  expect(permits(design, "203.0.113.9", "bastion", 22)).toBe(false);
  expect(permits(design, "bastion", "db", 22)).toBe(true);
  expect(permits(design, "web", "db", 22)).toBe(false);
  expect(permits(design, "db", "web", 443)).toBe(false);
}

describe("a plan (terraform show -json of terraform plan -out)", () => {
  it("reads the registry module's group and rules, whose ids are known only after apply, from the configuration", async () => {
    const { design, warnings } = await loadPaths([PLAN]);
    expectTheFlows(design);
    const web = design.groups.find((g) => g.name === "web-");
    expect(web?.ingress).toMatchObject([{ protocol: "tcp", fromPort: 443, peer: { cidr: "0.0.0.0/0" } }]);
    expect(web?.vpcId).toBe(design.vpcs[0]?.id);
    // The module's rules read local.this_sg_id, which a plan does not record: said, where the group is.
    expect(messages(warnings)).toEqual([
      expect.stringMatching(
        /^plan\/plan\.json:\d+:\d+: warning: planned_values\.root_module\.child_modules\[0\]\.resources\[0\]: module\.web_sg\.local\.this_sg_id: a plan does not record local values; the only security group its module creates is module\.web_sg\.aws_security_group\.this_name_prefix\[0\]/,
      ),
    ]);
  });

  it("keeps a local it cannot prove as a placeholder named for it, with a warning at the rule", async () => {
    // A second group in the module: local.this_sg_id could name either.
    const path = edited(PLAN, "two-groups.json", (plan) => {
      const module = plan.planned_values.root_module.child_modules[0];
      const group = structuredClone(module.resources[0]);
      group.address = "module.web_sg.aws_security_group.this[0]";
      group.name = "this";
      module.resources.push(group);
      plan.resource_changes.push({
        address: group.address,
        module_address: "module.web_sg",
        type: "aws_security_group",
        name: "this",
        index: 0,
        change: { actions: ["create"], after: group.values, after_unknown: { id: true, ingress: true, egress: true } },
      });
    });
    const { design, warnings } = await loadPaths([path]);
    const placeholder = design.groups.find((g) => g.name === "module.web_sg.local.this_sg_id");
    expect(placeholder?.ingress).toMatchObject([{ fromPort: 443 }]);
    expect(permits(design, "internet", "web", 443)).toBe(false);
    expect(messages(warnings)).toContainEqual(
      expect.stringMatching(
        /two-groups\.json:\d+:\d+: warning: planned_values\.root_module\.child_modules\[0\]\.resources\[\d\]\.values: aws_security_group_rule\.module\.web_sg\.ingress_rules\[0\] security_group_id: depends on module\.web_sg\.local\.this_sg_id, which is a local value, which a plan does not record/,
      ),
    );
  });

  it("says so where a group's inline rules name something made at apply: a plan does not list those blocks", async () => {
    const path = edited(PLAN, "inline-unknown.json", (plan) => {
      const change = plan.resource_changes.find((c: { address: string }) => c.address === "aws_security_group.bastion");
      change.change.after_unknown.ingress = true;
      const config = plan.configuration.root_module.resources.find(
        (r: { address: string }) => r.address === "aws_security_group.bastion",
      );
      config.expressions.ingress = { references: ["module.web_sg.security_group_id", "module.web_sg"] };
    });
    const { design, warnings } = await loadPaths([path]);
    expect(permits(design, "198.51.100.7", "bastion", 22)).toBe(false);
    expect(messages(warnings)).toContainEqual(
      expect.stringMatching(
        /inline-unknown\.json:\d+:\d+: warning: .*aws_security_group\.bastion ingress: is known only after apply \(it names aws_security_group\.module\.web_sg\.this_name_prefix\[0\]\.id\).*its ingress rules are not imported/,
      ),
    );
  });
});

describe("state", () => {
  it.each([
    ["terraform.tfstate (format version 4)", TFSTATE],
    ["terraform show -json of state", SHOW_STATE],
  ])("%s: every value is known, references are ids, and rules of separate resources are read once", async (_, path) => {
    const { design, warnings } = await loadPaths([path]);
    expectTheFlows(design);
    expect(design.resources.find((r) => r.name === "web")?.privateIpv4).toBe("10.0.1.20");
    // The provider lists db_from_web and db_ssh in the group's own ingress too.
    expect(design.groups.find((g) => g.name === "db")?.ingress).toHaveLength(2);
    // A group read by a data source: a placeholder named for it, its rule kept, with a warning.
    const monitoring = design.groups.find((g) => g.name === "data.aws_security_group.monitoring");
    const web = design.groups.find((g) => g.tags?.Name === "web");
    expect(web?.ingress).toContainEqual(
      expect.objectContaining({ fromPort: 9100, peer: { kind: "group", groupId: monitoring?.id } }),
    );
    expect(messages(warnings)).toEqual([
      expect.stringMatching(
        /: warning: .*referenced_security_group_id: aws_vpc_security_group_ingress_rule\.web_metrics referenced_security_group_id: depends on data\.aws_security_group\.monitoring, which is an existing group read from AWS \(sg-0f00d5eed0c0ffee1\)/,
      ),
    ]);
  });
});

describe("errors in a plan or state name the JSON path, the line and the problem", () => {
  it("refuses a state file of another format version", async () => {
    const path = edited(TFSTATE, "v3.tfstate", (s) => {
      s.version = 3;
    });
    expect(await problemsOf(path)).toEqual([
      "v3.tfstate: version: state format version 3 is not read: expected 4 (Terraform 0.12 and later)",
    ]);
  });

  it("refuses a plan whose resources are not a list, at their path", async () => {
    const path = edited(PLAN, "bad-plan.json", (p) => {
      p.planned_values.root_module.child_modules[0].resources = "none";
    });
    expect(await problemsOf(path)).toEqual([
      "bad-plan.json: planned_values.root_module.child_modules[0].resources: expected a list of resources",
    ]);
  });

  it("places a wrong value at its line in the file", async () => {
    const path = edited(TFSTATE, "bad-cidr.tfstate", (s) => {
      s.resources[4].instances[0].attributes.ingress[0].cidr_blocks = ["198.51.100.0/33"];
    });
    const [problem] = await problemsOf(path);
    const line = readFileSync(path, "utf8")
      .split("\n")
      .findIndex((l) => l.includes("198.51.100.0/33")); // the line before: "cidr_blocks": [
    expect(problem).toMatch(
      new RegExp(
        `^bad-cidr\\.tfstate:${line}:\\d+: resources\\[4\\]\\.instances\\[0\\]\\.attributes\\.ingress\\[0\\]\\.cidr_blocks: .*198\\.51\\.100\\.0/33`,
      ),
    );
  });
});
