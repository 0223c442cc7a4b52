// Design -> Terraform (AWS provider v5). Every rule is its own aws_vpc_security_group_*_rule
// resource: one peer each, as the design stores them, and no cycle when two groups reference
// each other. Mixing those with inline ingress/egress blocks would make Terraform fight itself,
// so groups carry no inline rules.
import type { Direction } from "../../model/direction";
import { resolveExternalPeers } from "../../model/my-ip";
import { isIcmp } from "../../model/protocol";
import type { Design, Rule, SecurityGroup } from "../../model/schema";
import type { ExportOptions } from "../deployable";
import { ADDRESS_TAGS } from "../draft";
import { eksClusterOf, isEksDefault } from "../eks";
import type { VerifyPlan } from "../verify";
import { attr, type Block, blank, block, comment, type Item, raw, renderFile } from "./hcl";
import { Names } from "./names";
import { groupRef, type Naming, naming, sortedRecord, vpcRef } from "./naming";
import { INPUTS, resourceBlocks, resourceType } from "./resources";
import { UNTAGGED_TYPES } from "./services";
import { verifyFile } from "./verify";

export interface TerraformFile {
  name: string;
  text: string;
}
export interface TerraformOptions extends ExportOptions {
  /** "split" (the default): main.tf, variables.tf, outputs.tf; "single": everything in main.tf. */
  layout?: "split" | "single";
  /** Reachability Analyzer paths and analyses to write beside the design, in verify.tf. */
  verify?: VerifyPlan;
}

function vpcResource(v: Design["vpcs"][number], name: string): Block {
  const body: Item[] = [];
  if (v.cidrIpv4) body.push(attr("cidr_block", v.cidrIpv4));
  // AWS chooses the IPv6 block; the design's is kept in a tag (see ADDRESS_TAGS).
  if (v.cidrIpv6) body.push(attr("assign_generated_ipv6_cidr_block", true));
  body.push(attr("tags", { Name: v.name, ...(v.cidrIpv6 ? { [ADDRESS_TAGS.vpcIpv6]: v.cidrIpv6 } : {}) }));
  return block("resource", ["aws_vpc", name], body);
}

function groupResource(g: SecurityGroup, n: Naming, vpcIdVariable: () => Item | undefined): Block {
  const { type, name } = n.group.get(g.id) as { type: string; name: string };
  const body: Item[] = [];
  // The default group cannot be named or described; Terraform adopts it and clears its rules.
  // AWS requires a description; an empty one falls back to the name, as in CloudFormation.
  if (!g.isDefault) body.push(attr("name", g.name), attr("description", g.description || g.name));
  const vpc = g.vpcId ? attr("vpc_id", vpcRef(n, g.vpcId)) : vpcIdVariable();
  if (vpc) body.push(vpc);
  if (g.tags && Object.keys(g.tags).length) body.push(attr("tags", sortedRecord(g.tags)));
  if (!g.isDefault && g.egress.length === 0)
    body.push(
      blank,
      comment("No egress: Terraform removes AWS's default allow-all egress rule and none is declared here."),
    );
  return block("resource", [type, name], body);
}

function ruleResource(g: SecurityGroup, direction: Direction, rule: Rule, name: string, n: Naming): Block {
  const body: Item[] = [attr("security_group_id", groupRef(n, g.id))];
  if (rule.description) body.push(attr("description", rule.description));
  body.push(attr("ip_protocol", rule.protocol));
  // AWS stores ICMP type and code in the port fields; -1 is "any". Ports do not apply to -1 (all).
  if (rule.protocol === "tcp" || rule.protocol === "udp" || isIcmp(rule.protocol)) {
    body.push(attr("from_port", rule.fromPort ?? -1), attr("to_port", rule.toPort ?? -1));
  }
  const p = rule.peer;
  if (p.kind === "cidr4") body.push(attr("cidr_ipv4", n.cidr.get(p.cidr) ?? p.cidr));
  else if (p.kind === "cidr6") body.push(attr("cidr_ipv6", n.cidr.get(p.cidr) ?? p.cidr));
  else if (p.kind === "prefixList")
    body.push(attr("prefix_list_id", raw(`aws_ec2_managed_prefix_list.${n.prefixList.get(p.prefixListId)}.id`)));
  else if (p.kind === "group") body.push(attr("referenced_security_group_id", groupRef(n, p.groupId)));
  return block("resource", [`aws_vpc_security_group_${direction}_rule`, name], body);
}

function prefixListResource(p: Design["prefixLists"][number], name: string): Block {
  return block(
    "resource",
    ["aws_ec2_managed_prefix_list", name],
    [
      attr("name", p.name),
      attr("address_family", p.addressFamily),
      attr("max_entries", p.maxEntries),
      ...p.entries.map((e) =>
        block("entry", [], [attr("cidr", e.cidr), ...(e.description ? [attr("description", e.description)] : [])]),
      ),
    ],
  );
}

/** The design as Terraform files, deterministic and `terraform fmt`-clean. */
export function toTerraform(original: Design, options: TerraformOptions = {}): TerraformFile[] {
  // A rule that refers to My IP is its CIDR to AWS, which the my_ip variable stands for.
  const design = resolveExternalPeers(original);
  const variableNames = new Names();
  // Deployment inputs keep their names even when an external is called "region".
  for (const input of Object.keys(INPUTS)) variableNames.take(input, "v");
  const resourceNames = new Map<string, Names>();
  const take = (type: string, base: string) => {
    const names = resourceNames.get(type) ?? new Names();
    resourceNames.set(type, names);
    return UNTAGGED_TYPES.has(type) ? names.takeAsWritten(base, "r") : names.take(base, "r");
  };
  // Named before the groups: a cluster security group is referred to through its cluster's name.
  const resourceName = new Map(design.resources.map((r) => [r.id, take(resourceType(r), r.name || r.id)]));
  const clusters = new Map(design.resources.filter((r) => r.service === "eksCluster").map((r) => [r.id, r]));
  const n = naming(design, variableNames, (g) => {
    const cluster = eksClusterOf(g);
    return cluster && clusters.has(cluster) ? resourceName.get(cluster) : undefined;
  });
  const ruleNames = new Names();
  const inputs = new Set<string>();

  const main: Item[] = [
    comment(`Security groups of "${design.name}", exported by Palisade.`),
    block(
      "terraform",
      [],
      [block("required_providers", [], [attr("aws", { source: "hashicorp/aws", version: ">= 5.0" })])],
    ),
  ];
  for (const v of design.vpcs) if (!n.existingVpc.has(v.id)) main.push(vpcResource(v, n.vpc.get(v.id) as string));
  // Without a VPC a group lands in the region's default one; the user may ask for it as an input.
  const vpcIdVariable = () => {
    if (!options.vpcIdVariable) return undefined;
    inputs.add("vpc_id");
    return attr("vpc_id", raw("var.vpc_id"));
  };
  main.push(...n.placeholderData);
  for (const p of design.prefixLists) main.push(prefixListResource(p, n.prefixList.get(p.id) as string));
  for (const g of design.groups) {
    const other = g.otherAccount;
    if (other) {
      // Another account's group is that account's to manage: rules here name it as "account/sg-…".
      main.push(
        comment(
          `${other.groupId} of AWS account ${other.account} is that account's: referenced by id, not managed here${
            g.ingress.length + g.egress.length
              ? `; its ${g.ingress.length + g.egress.length} rule(s) in the design are not exported`
              : ""
          }.`,
        ),
      );
      continue;
    }
    if (n.placeholder.has(g.id)) {
      // A group that exists outside the design: referenced, never created; the rules the design
      // gives it are written as separate rule resources on it, as the file that named it did.
      main.push(
        comment(
          `${g.name} exists outside this design: referenced through ${n.placeholder.get(g.id)?.raw.replace(/\.id$/, "")}, not created.`,
        ),
      );
      for (const direction of ["ingress", "egress"] as const)
        for (const rule of g[direction])
          main.push(ruleResource(g, direction, rule, ruleNames.take(ruleLabel(g, g.name, rule), "rule"), n));
      continue;
    }
    const cluster = n.clusterGroup.get(g.id);
    if (cluster)
      main.push(
        comment(
          `${g.name} is the cluster security group EKS creates for aws_eks_cluster.${cluster}: referred to, not created, and EKS gives it its rules (all traffic in from itself, all out); only the design's other rules are written.`,
        ),
      );
    else main.push(groupResource(g, n, vpcIdVariable));
    const groupName = cluster ? `${cluster}_cluster` : (n.group.get(g.id)?.name as string);
    for (const direction of ["ingress", "egress"] as const)
      for (const rule of cluster ? g[direction].filter((r) => !isEksDefault(g.id, direction, r)) : g[direction])
        main.push(ruleResource(g, direction, rule, ruleNames.take(ruleLabel(g, groupName, rule), "rule"), n));
  }
  for (const r of design.resources) main.push(...resourceBlocks(r, resourceName.get(r.id) as string, n, inputs, take));

  const variables: Item[] = [
    ...n.variables,
    ...n.placeholderVariables,
    ...Object.entries(INPUTS)
      .filter(([name]) => inputs.has(name))
      .map(([name, { type, description }]) =>
        block(
          "variable",
          [name],
          [
            attr("description", description),
            attr("type", raw(type)),
            ...(name === "region" ? [attr("default", "us-east-1")] : []),
          ],
        ),
      ),
  ];
  const managed = design.groups.filter((g) => n.group.has(g.id));
  const outputs: Item[] = managed.length
    ? [
        block(
          "output",
          ["security_group_ids"],
          [
            attr("description", "Security group ids by name"),
            attr(
              "value",
              Object.fromEntries(
                managed.map((g) => {
                  const { type, name } = n.group.get(g.id) as { type: string; name: string };
                  return [name, raw(`${type}.${name}.id`)];
                }),
              ),
            ),
          ],
        ),
      ]
    : [];

  const verify = options.verify
    ? [
        verifyFile(options.verify, (id) => {
          const r = design.resources.find((x) => x.id === id);
          return r ? `${resourceType(r)}.${resourceName.get(id)}` : id;
        }),
      ]
    : [];
  if (options.layout === "single")
    return [{ name: "main.tf", text: renderFile([...main, ...variables, ...outputs]) }, ...verify];
  return [
    { name: "main.tf", text: renderFile(main) },
    { name: "variables.tf", text: renderFile(variables.length ? variables : [comment("No variables.")]) },
    { name: "outputs.tf", text: renderFile(outputs.length ? outputs : [comment("No outputs.")]) },
    ...verify,
  ];
}

/** A rule's label: group name + rule id, without repeating the group (ids often start with it). */
function ruleLabel(g: SecurityGroup, groupName: string, rule: Rule): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  let id = clean(rule.id);
  for (const prefix of [clean(g.id), groupName]) if (id.startsWith(`${prefix}_`)) id = id.slice(prefix.length + 1);
  return `${groupName}_${id}`;
}
