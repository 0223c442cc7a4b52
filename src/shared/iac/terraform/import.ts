// Terraform -> design, from the JSON that @cdktf/hcl2json makes of each .tf file (parsed at the
// Node edge, src/server/hcl.ts). What cannot be known without running Terraform becomes a warning
// at its file and line; a value that is simply wrong (a bad CIDR, port 70000) is an error.

import type { Design, PrefixList, SecurityGroup, Vpc } from "../../model/schema";
import { cidrProblem } from "../../net/address";
import {
  ADDRESS_TAGS,
  draftState,
  error,
  finishImport,
  type ImportResult,
  type Unmodelled,
  unmodelledWarnings,
  warning,
} from "../draft";
import { ATTACHABLE, readAttachment } from "./attachments";
import { type Body, type Context, type Declaration, known, nested, reach, text, where } from "./context";
import { resolve, TfRef } from "./expressions";
import { attachInterfaces } from "./interfaces";
import { LAUNCH_SOURCES, NO_GROUPS } from "./kinds";
import { declareClusterGroup } from "./launch";
import { type MissingVariable, Module } from "./module";
import { folderOf, joinModulePath } from "./paths";
import { readInlineRules, readRuleResource } from "./rules";

export interface TerraformSource {
  name: string;
  text: string;
  /** hcl2json's output for the file. */
  hcl: unknown;
}

const GROUP_TYPES = new Set(["aws_security_group", "aws_default_security_group"]);
const RULE_TYPES = new Set([
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
]);
/** Resources that carry no security group information: skipped without a word. */
const UNRELATED = new Set([
  "aws_subnet",
  "aws_internet_gateway",
  "aws_egress_only_internet_gateway",
  "aws_nat_gateway",
  "aws_eip",
  "aws_route",
  "aws_route_table",
  "aws_route_table_association",
  "aws_vpc_ipv6_cidr_block_association",
  "aws_key_pair",
  "aws_db_subnet_group",
  "aws_lb_target_group",
  "aws_lb_target_group_attachment",
  "aws_lb_listener",
  "aws_ecs_cluster",
  "aws_ecs_task_definition",
  "aws_cloudwatch_log_group",
  // Reachability Analyzer checks, as export --verify writes them: they observe, they open nothing.
  "aws_ec2_network_insights_path",
  "aws_ec2_network_insights_analysis",
]);

const isBody = (v: unknown): v is Body => typeof v === "object" && v !== null && !Array.isArray(v);

/** What an import takes besides the root module's files. */
export interface TerraformImportOptions {
  /** Parsed files of the local modules it calls, by folder (joinModulePath of the caller's folder and source). */
  modules?: ReadonlyMap<string, readonly TerraformSource[]>;
  /** Values of root variables: --var (text), .tfvars files (values). */
  vars?: Readonly<Record<string, unknown>>;
}

/** The root module evaluated: every resource instance of it and of the local modules it calls. */
function declarations(
  files: TerraformSource[],
  ctx: Context,
  options: TerraformImportOptions,
): { decls: Declaration[]; root: Module } {
  for (const file of files)
    if (!isBody(file.hcl))
      ctx.errors.push(
        error({ file: file.name }, "not a Terraform file: expected blocks such as resource and variable"),
      );
  const rootDir = joinModulePath(folderOf(files[0]?.name ?? "main.tf"), ".");
  const vars = options.vars ?? {};
  const root = new Module(
    { modules: options.modules ?? new Map(), warnings: ctx.warnings, reached: ctx.reached, rootDir },
    "",
    rootDir,
    files.filter((f) => isBody(f.hcl)),
    (name) => (Object.hasOwn(vars, name) ? vars[name] : undefined),
  );
  for (const file of files) {
    if (!isBody(file.hcl)) continue;
    for (const [name, list] of Object.entries(isBody(file.hcl.variable) ? file.hcl.variable : {})) {
      const body = nested({ v: list }, "v")[0] ?? {};
      ctx.scope.variables.set(name, {
        hasDefault: "default" in body && body.default !== null,
        ...(typeof body.description === "string" ? { description: body.description } : {}),
      });
    }
  }
  return { decls: root.collect(), root };
}

function readVpc(ctx: Context, d: Declaration): void {
  const tags = resolve(d.body.tags, ctx.scope);
  const tagName = "value" in tags && isBody(tags.value) ? text(tags.value.Name) : undefined;
  const vpc: Vpc = { id: ctx.ids.take(`vpc-${d.name}`), name: tagName ?? d.name };
  if (d.body.cidr_block !== undefined) {
    const at = where(d, { attribute: "cidr_block" });
    const cidr = known(ctx, d.body.cidr_block, at, `${d.type}.${d.name} cidr_block`);
    if ("value" in cidr) {
      const problem = typeof cidr.value === "string" ? cidrProblem(cidr.value, 4) : "cidr_block must be text";
      if (problem) ctx.errors.push(error(at, `cidr_block: ${problem}`));
      else vpc.cidrIpv4 = cidr.value as string;
    }
  }
  const ipv6 = "value" in tags && isBody(tags.value) ? tags.value[ADDRESS_TAGS.vpcIpv6] : undefined;
  if (ipv6 !== undefined) {
    const problem = typeof ipv6 === "string" ? cidrProblem(ipv6, 6) : "it must be text";
    if (problem) ctx.errors.push(error(where(d, { attribute: "tags" }), `tag ${ADDRESS_TAGS.vpcIpv6}: ${problem}`));
    else vpc.cidrIpv6 = ipv6 as string;
  }
  ctx.vpcs.set(`${d.type}.${d.name}`, vpc);
}

function readPrefixList(ctx: Context, d: Declaration): void {
  const value = (name: string) => {
    const r = known(ctx, d.body[name], where(d, { attribute: name }), `${d.type}.${d.name} ${name}`);
    return "value" in r ? r.value : undefined;
  };
  const family = value("address_family");
  if (family !== "IPv4" && family !== "IPv6") {
    ctx.errors.push(error(where(d, { attribute: "address_family" }), `address_family must be "IPv4" or "IPv6"`));
    return;
  }
  const max = Number(value("max_entries"));
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    ctx.errors.push(error(where(d, { attribute: "max_entries" }), "max_entries must be a whole number from 1 to 1000"));
    return;
  }
  const entries: PrefixList["entries"] = [];
  nested(d.body, "entry").forEach((e, n) => {
    const at = where(d, { nested: "entry", n, attribute: "cidr" });
    const cidr = known(ctx, e.cidr, at, `${d.type}.${d.name} entry cidr`);
    if (!("value" in cidr)) return;
    const problem =
      typeof cidr.value === "string" ? cidrProblem(cidr.value, family === "IPv4" ? 4 : 6) : "cidr must be text";
    if (problem) ctx.errors.push(error(at, `entry cidr: ${problem}`));
    else
      entries.push({
        cidr: cidr.value as string,
        ...(typeof e.description === "string" ? { description: e.description } : {}),
      });
  });
  const name = text(value("name")) ?? d.name;
  ctx.prefixLists.set(`${d.type}.${d.name}`, {
    id: ctx.ids.take(`pl-${d.name}`),
    name,
    addressFamily: family,
    maxEntries: max,
    entries,
  });
}

/**
 * The name or name_prefix written, unless it holds what only exists after apply (Cloud Posse's
 * prefix carries a random_id to force a new group when rules change): then the block's address.
 */
function groupName(ctx: Context, d: Declaration, value: (name: string) => unknown): string | undefined {
  for (const attribute of ["name", "name_prefix"]) {
    // A name that waits on a value is a name the design would show: the group is named d.name meanwhile.
    const r = resolve(d.body[attribute], ctx.scope);
    if ("unresolved" in r) reach(ctx.reached, r.unknown);
    const written = text(value(attribute));
    if (written === undefined) continue;
    const made = /\$\{([^}]*)\}/.exec(written);
    if (!made) return written;
    ctx.warnings.push(
      warning(
        where(d, { attribute }),
        `${d.type}.${d.name} ${attribute}: holds ${made[1]}, known only after apply; the group is named ${d.name}`,
      ),
    );
    return undefined;
  }
  return undefined;
}

function declareGroup(ctx: Context, d: Declaration): void {
  const value = (name: string) => {
    const r = resolve(d.body[name], ctx.scope);
    return "value" in r ? r.value : undefined;
  };
  const isDefault = d.type === "aws_default_security_group";
  const name = groupName(ctx, d, value) ?? (isDefault ? "default" : d.name);
  const group: SecurityGroup = {
    id: ctx.ids.take(`sg-${d.name}`),
    name,
    // Terraform's default description, which AWS then stores.
    description: text(value("description")) ?? (isDefault ? "default VPC security group" : "Managed by Terraform"),
    ingress: [],
    egress: [],
  };
  if (isDefault) group.isDefault = true;
  const tags = value("tags");
  if (isBody(tags)) {
    const t = Object.fromEntries(Object.entries(tags).filter((e): e is [string, string] => typeof e[1] === "string"));
    if (Object.keys(t).length) group.tags = t;
  }
  if (d.body.vpc_id !== undefined) {
    const at = where(d, { attribute: "vpc_id" });
    const vpc = known(ctx, d.body.vpc_id, at, `${d.type}.${d.name} vpc_id`);
    if ("value" in vpc) {
      if (vpc.value instanceof TfRef) {
        const v = ctx.vpcs.get(`${vpc.value.type}.${vpc.value.name}`);
        if (v) group.vpcId = v.id;
        else ctx.warnings.push(warning(at, `${d.type}.${d.name}: ${vpc.value} is not a VPC in these files`));
      } else if (typeof vpc.value === "string") {
        // A literal VPC id: the VPC exists outside these files; keep it so groups stay together.
        let v = ctx.vpcs.get(vpc.value);
        if (!v) {
          v = { id: ctx.ids.take(vpc.value), name: vpc.value };
          ctx.vpcs.set(vpc.value, v);
        }
        group.vpcId = v.id;
      }
    }
  }
  ctx.groups.set(`${d.type}.${d.name}`, group);
  ctx.declarationOf.set(group.id, `${d.type}.${d.name}`);
}

function designName(files: TerraformSource[]): string {
  const names = files.map((f) => f.name.split(/[\\/]/).pop() ?? f.name);
  return `Imported from ${names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ")}`;
}

/** A new import's state: nothing declared yet. */
export function newContext(): Context {
  return {
    ...draftState(),
    scope: { variables: new Map() },
    inlineRules: new Set(),
    declarationOf: new Map(),
    subnets: new Map(),
    reached: new Set(),
  };
}

/**
 * The design of evaluated resource instances, whichever way they were read (HCL evaluated here,
 * or the values Terraform recorded in a plan or state): groups, rules, what they are attached to.
 * Throws InputError for wrong values.
 */
export function designOfDeclarations(ctx: Context, decls: readonly Declaration[], name: string, file?: string): Design {
  // Declarations first, rules after: a rule may name a group declared later or in another file.
  for (const d of decls) if (d.type === "aws_vpc" || d.type === "aws_default_vpc") readVpc(ctx, d);
  for (const d of decls) if (d.type === "aws_subnet") ctx.subnets.set(`${d.type}.${d.name}`, d.body.vpc_id);
  for (const d of decls) if (d.type === "aws_ec2_managed_prefix_list") readPrefixList(ctx, d);
  for (const d of decls) if (GROUP_TYPES.has(d.type)) declareGroup(ctx, d);
  for (const d of decls) if (d.type === "aws_eks_cluster") declareClusterGroup(ctx, d);
  for (const d of decls)
    if (GROUP_TYPES.has(d.type)) readInlineRules(ctx, d, ctx.groups.get(`${d.type}.${d.name}`) as SecurityGroup);
  for (const d of decls) if (RULE_TYPES.has(d.type)) readRuleResource(ctx, d);
  // Launch templates are read through the Auto Scaling groups and node groups that name them.
  const launchSources = new Map(decls.filter((d) => d.type in LAUNCH_SOURCES).map((d) => [`${d.type}.${d.name}`, d]));
  const byKey = new Map<string, (typeof ctx.resources)[number]>();
  for (const d of decls)
    if (d.type in ATTACHABLE) {
      readAttachment(ctx, d, launchSources);
      byKey.set(`${d.type}.${d.name}`, ctx.resources[ctx.resources.length - 1] as (typeof ctx.resources)[number]);
    }
  attachInterfaces(
    ctx,
    decls.filter((d) => d.type === "aws_network_interface_attachment"),
    decls.filter((d) => d.type === "aws_instance"),
    byKey,
  );
  const unmodelled: Unmodelled[] = [];
  for (const d of decls) {
    const handled =
      GROUP_TYPES.has(d.type) ||
      RULE_TYPES.has(d.type) ||
      d.type in ATTACHABLE ||
      d.type in LAUNCH_SOURCES ||
      NO_GROUPS.has(d.type) ||
      d.type === "aws_network_interface_attachment" ||
      UNRELATED.has(d.type) ||
      ["aws_vpc", "aws_default_vpc", "aws_ec2_managed_prefix_list"].includes(d.type);
    if (!handled) unmodelled.push({ where: where(d), name: `${d.type}.${d.name}`, type: d.type, body: d.body });
  }
  ctx.warnings.push(...unmodelledWarnings(unmodelled));
  return finishImport(ctx, name, file);
}

/** Reads security groups, their rules and what they are attached to. Throws InputError for wrong values. */
export function importTerraform(
  files: TerraformSource[],
  options: TerraformImportOptions = {},
): ImportResult<MissingVariable> {
  const ctx = newContext();
  const { decls, root } = declarations(files, ctx, options);
  const design = designOfDeclarations(ctx, decls, designName(files), files[0]?.name);
  return { design, warnings: ctx.warnings, inputs: root.missing(ctx.reached) };
}
