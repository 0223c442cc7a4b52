// What the Terraform export writes, read back by the real HCL parser, against the arguments the
// AWS provider requires of each resource type (shared/iac/terraform/fixtures/required-arguments.json),
// and every variable it uses declared. CloudFormation's counterpart checks the resource schemas
// (shared/iac/cloudformation/export.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toTerraform } from "../shared/iac/terraform";
import { deployableCases } from "../shared/iac/testing/deployable-designs";
import { parseHcl } from "./hcl";

const DEPLOYABLE_CASES = deployableCases((path) => readFileSync(join(import.meta.dirname, "../..", path), "utf8"));

interface Requirement {
  required: string[];
  oneOf?: string[][];
  blocks?: Record<string, Requirement>;
}
const requirements = JSON.parse(
  readFileSync(join(import.meta.dirname, "../shared/iac/terraform/fixtures/required-arguments.json"), "utf8"),
) as { resource: Record<string, Requirement> };

type Body = Record<string, unknown>;
type Config = { resource?: Record<string, Record<string, Body[]>>; variable?: Record<string, unknown> };

function missing(where: string, body: Body, need: Requirement): string[] {
  const out: string[] = [];
  for (const name of need.required) if (!(name in body)) out.push(`${where}: no ${name}`);
  for (const choices of need.oneOf ?? [])
    if (!choices.some((c) => c in body)) out.push(`${where}: none of ${choices.join(", ")}`);
  for (const [name, inner] of Object.entries(need.blocks ?? {}))
    for (const [i, b] of ((body[name] as Body[] | undefined) ?? []).entries())
      out.push(...missing(`${where}.${name}[${i}]`, b, inner));
  return out;
}

async function parsed(files: { name: string; text: string }[]): Promise<{ configs: Config[]; text: string }> {
  return {
    configs: (await Promise.all(files.map((f) => parseHcl(f.name, f.text)))) as Config[],
    text: files.map((f) => f.text).join("\n"),
  };
}

describe("Terraform export against the AWS provider's required arguments", () => {
  it.each(DEPLOYABLE_CASES)("%s: every resource has every argument the provider requires", async (_, d, options) => {
    const { configs, text } = await parsed(toTerraform(d, options));
    const problems: string[] = [];
    let resources = 0;
    for (const config of configs)
      for (const [type, named] of Object.entries(config.resource ?? {}))
        for (const [name, bodies] of Object.entries(named))
          for (const body of bodies) {
            resources++;
            const need = requirements.resource[type];
            if (!need) problems.push(`${type}.${name}: no required arguments listed for ${type}`);
            else problems.push(...missing(`${type}.${name}`, body, need));
          }
    expect(problems).toEqual([]);
    expect(resources).toBeGreaterThan(0);
    // Every var.x it uses is declared: an undeclared one fails `terraform validate`.
    const declared = new Set(configs.flatMap((c) => Object.keys(c.variable ?? {})));
    const used = new Set([...text.matchAll(/\bvar\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1] as string));
    expect([...used].filter((v) => !declared.has(v))).toEqual([]);
  });

  it("a VPC that already exists is a variable of its id, not an aws_vpc without cidr_block", async () => {
    const imported = DEPLOYABLE_CASES.find(([name]) => name.startsWith("imported"))?.[1];
    const vpc = imported?.vpcs[0];
    expect(vpc?.cidrIpv4).toBeUndefined();
    const { configs, text } = await parsed(toTerraform(imported as NonNullable<typeof imported>));
    expect(configs.some((c) => c.resource?.aws_vpc)).toBe(false);
    expect(text).toContain(`default     = "${vpc?.id}"`);
  });

  it("the check can fail: a rule without a peer, a VPC without a block", () => {
    const rule = requirements.resource.aws_vpc_security_group_ingress_rule as Requirement;
    expect(missing("r", { security_group_id: "x", ip_protocol: "tcp" }, rule)).toEqual([
      "r: none of cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id",
    ]);
    expect(missing("v", { tags: {} }, requirements.resource.aws_vpc as Requirement)).toHaveLength(1);
  });
});
