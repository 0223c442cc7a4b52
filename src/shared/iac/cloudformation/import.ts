// CloudFormation template (YAML or JSON) -> design. Unknowable values (parameters without a
// Default, ImportValue, conditions) are warnings at their line; wrong values are errors.

import { InputError, type Problem } from "../../model/problems";
import type { Design, PrefixList, SecurityGroup, Vpc } from "../../model/schema";
import { cidrProblem } from "../../net/address";
import { ADDRESS_TAGS, draftState, error, finishImport, notImported, type Where, warning } from "../draft";
import { readAttachment } from "./attachments";
import { cdkNames } from "./cdk";
import { type Context, isRecord, known, nameTag, type Props, tagsOf, text, vpcIdOf } from "./context";
import { CfnRef, type Parameter, resolve, type Template } from "./intrinsics";
import { ATTACHABLE, LAUNCH_SOURCES, UNRELATED } from "./kinds";
import { declareClusterGroup } from "./launch";
import { readInlineRules, readStandaloneRule } from "./rules";
import { loadTemplate, type Path } from "./template";

export { BLOCK_EGRESS } from "./rules";

export interface CloudFormationSource {
  name: string;
  text: string;
}
export interface ImportResult {
  design: Design;
  warnings: Problem[];
}

function readPrefixList(ctx: Context, id: string, props: Props, path: Path): void {
  const family = text(known(ctx, props.AddressFamily, [...path, "AddressFamily"], id));
  if (family !== "IPv4" && family !== "IPv6") {
    ctx.errors.push(error(ctx.at([...path, "AddressFamily"]), `AddressFamily must be IPv4 or IPv6`));
    return;
  }
  const max = Number(text(known(ctx, props.MaxEntries, [...path, "MaxEntries"], id)));
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    ctx.errors.push(error(ctx.at([...path, "MaxEntries"]), "MaxEntries must be a whole number from 1 to 1000"));
    return;
  }
  const entries: PrefixList["entries"] = [];
  const list = props.Entries === undefined ? [] : props.Entries;
  if (!Array.isArray(list))
    ctx.errors.push(error(ctx.at([...path, "Entries"]), "Entries must be a list of { Cidr, Description }"));
  else
    list.forEach((e, n) => {
      const cidr = isRecord(e) ? text(known(ctx, e.Cidr, [...path, "Entries", n, "Cidr"], id)) : undefined;
      const problem = cidr === undefined ? "an entry needs a Cidr" : cidrProblem(cidr, family === "IPv4" ? 4 : 6);
      if (problem) ctx.errors.push(error(ctx.at([...path, "Entries", n]), `Entries: ${problem}`));
      else
        entries.push({
          cidr: cidr as string,
          ...(isRecord(e) && typeof e.Description === "string" ? { description: e.Description } : {}),
        });
    });
  const name = text(resolve(props.PrefixListName, ctx.t)) ?? id;
  ctx.prefixLists.set(id, { id: ctx.ids.take(id), name, addressFamily: family, maxEntries: max, entries });
}

function declareGroup(ctx: Context, id: string, props: Props, path: Path): void {
  const group: SecurityGroup = {
    id: ctx.ids.take(id),
    name: text(resolve(props.GroupName, ctx.t)) ?? ctx.cdkNames.get(id) ?? nameTag(ctx, props) ?? id,
    description: text(resolve(props.GroupDescription, ctx.t)) ?? "",
    ingress: [],
    egress: [],
  };
  const vpcId = vpcIdOf(ctx, props.VpcId, [...path, "VpcId"], id);
  if (vpcId) group.vpcId = vpcId;
  const tags = resolve(props.Tags, ctx.t);
  if ("value" in tags && Array.isArray(tags.value)) {
    const record: Record<string, string> = {};
    for (const t of tags.value)
      if (isRecord(t) && typeof t.Key === "string" && typeof t.Value === "string") record[t.Key] = t.Value;
    if (Object.keys(record).length) group.tags = record;
  }
  ctx.groups.set(id, group);
  ctx.groupsById.set(group.id, group);
}

function templateOf(value: unknown, at: (p: Path) => Where): { t: Template; resources: [string, Props][] } {
  if (!isRecord(value) || !isRecord(value.Resources))
    throw new InputError([error(at([]), "not a CloudFormation template: expected a Resources section")]);
  const parameters = new Map<string, Parameter>();
  for (const [name, p] of Object.entries(isRecord(value.Parameters) ? value.Parameters : {})) {
    if (!isRecord(p)) continue;
    parameters.set(name, {
      type: typeof p.Type === "string" ? p.Type : "String",
      hasDefault: p.Default !== undefined && p.Default !== null,
      default: p.Default,
      ...(typeof p.Description === "string" ? { description: p.Description } : {}),
    });
  }
  const section = value.Resources;
  const ids = Object.keys(section);
  return {
    t: { parameters, mappings: isRecord(value.Mappings) ? value.Mappings : {}, resources: new Set(ids) },
    resources: ids.map((id): [string, Props] => [id, section[id] as Props]),
  };
}

/**
 * Reads a template's security groups, rules, prefix lists and attachments. Throws InputError for
 * wrong values. `parsed`: the text already parsed as JSON (see loadTemplate).
 */
export function importCloudFormation(file: CloudFormationSource, parsed?: { value: unknown }): ImportResult {
  const loaded = loadTemplate(file.name, file.text, parsed);
  const { t, resources } = templateOf(loaded.value, loaded.at);
  const ctx: Context = {
    ...draftState(),
    t,
    at: loaded.at,
    ipv6Vpcs: new Set(),
    subnets: new Map(),
    groupsById: new Map(),
    clusterGroups: new Map(),
    launchSources: new Map(),
    cdkNames: cdkNames(resources),
  };
  const typed: { id: string; type: string; props: Props; path: Path; metadata: unknown }[] = [];
  // Where each type's resources are in `typed`, in template order: each step below visits its own.
  const byType = new Map<string, number[]>();
  for (let n = 0; n < resources.length; n++) {
    const entry = resources[n] as [string, unknown];
    const id = entry[0];
    const r = entry[1];
    const path: Path = ["Resources", id];
    if (!isRecord(r) || typeof r.Type !== "string") {
      ctx.errors.push(error(loaded.at(path), `resource ${id} needs a Type such as AWS::EC2::SecurityGroup`));
      continue;
    }
    if (r.Properties !== undefined && !isRecord(r.Properties)) {
      ctx.errors.push(error(loaded.at([...path, "Properties"]), `Properties of ${id} must be a mapping`));
      continue;
    }
    if (typeof r.Condition === "string")
      ctx.warnings.push(
        warning(
          loaded.at([...path, "Condition"]),
          `${id} exists only when condition ${r.Condition} holds; imported as if it does`,
        ),
      );
    const list = byType.get(r.Type);
    if (list) list.push(typed.length);
    else byType.set(r.Type, [typed.length]);
    typed.push({
      id,
      type: r.Type,
      props: (r.Properties as Props | undefined) ?? {},
      path: ["Resources", id, "Properties"],
      metadata: r.Metadata,
    });
  }
  const each = (types: readonly string[], f: (x: (typeof typed)[number]) => void) => {
    const order =
      types.length === 1
        ? (byType.get(types[0] as string) ?? [])
        : types.flatMap((type) => byType.get(type) ?? []).sort((a, b) => a - b);
    for (let i = 0; i < order.length; i++) f(typed[order[i] as number] as (typeof typed)[number]);
  };
  each(["AWS::EC2::VPC"], ({ id, props, path }) => {
    const vpc: Vpc = { id: ctx.ids.take(id), name: ctx.cdkNames.get(id) ?? nameTag(ctx, props) ?? id };
    if (props.CidrBlock !== undefined) {
      const cidr = text(known(ctx, props.CidrBlock, [...path, "CidrBlock"], id));
      const problem = cidr === undefined ? undefined : cidrProblem(cidr, 4);
      if (problem) ctx.errors.push(error(loaded.at([...path, "CidrBlock"]), `CidrBlock: ${problem}`));
      else if (cidr) vpc.cidrIpv4 = cidr;
    }
    const ipv6 = tagsOf(ctx, props)[ADDRESS_TAGS.vpcIpv6];
    if (ipv6 !== undefined) {
      const problem = typeof ipv6 === "string" ? cidrProblem(ipv6, 6) : "it must be text";
      if (problem) ctx.errors.push(error(loaded.at([...path, "Tags"]), `tag ${ADDRESS_TAGS.vpcIpv6}: ${problem}`));
      else vpc.cidrIpv6 = ipv6 as string;
    }
    ctx.vpcs.set(id, vpc);
  });
  each(["AWS::EC2::VPCCidrBlock"], ({ props }) => {
    const vpc = resolve(props.VpcId, t);
    if (props.AmazonProvidedIpv6CidrBlock === true && "value" in vpc && vpc.value instanceof CfnRef)
      ctx.ipv6Vpcs.add(vpc.value.logicalId);
  });
  each(["AWS::EC2::Subnet"], ({ id, props }) => ctx.subnets.set(id, props.VpcId));
  each(["AWS::EC2::PrefixList"], ({ id, props, path }) => readPrefixList(ctx, id, props, path));
  each(["AWS::EC2::SecurityGroup"], ({ id, props, path }) => declareGroup(ctx, id, props, path));
  each(["AWS::EKS::Cluster"], ({ id, props }) => declareClusterGroup(ctx, id, props));
  each(Object.keys(LAUNCH_SOURCES), ({ id, type, props, path }) => ctx.launchSources.set(id, { type, props, path }));
  each(["AWS::EC2::SecurityGroup"], ({ id, props, path }) => readInlineRules(ctx, id, props, path));
  each(["AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"], ({ id, type, props, path, metadata }) =>
    readStandaloneRule(ctx, id, type, props, path, metadata),
  );
  each(Object.keys(ATTACHABLE), ({ id, type, props, path, metadata }) =>
    readAttachment(ctx, id, type, props, path, metadata),
  );
  const handled = new Set([
    "AWS::EC2::VPC",
    "AWS::EC2::VPCCidrBlock",
    "AWS::EC2::Subnet",
    "AWS::EC2::PrefixList",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
    ...Object.keys(ATTACHABLE),
    ...UNRELATED,
  ]);
  for (const x of typed)
    if (!handled.has(x.type)) ctx.warnings.push(notImported(loaded.at(x.path.slice(0, 2)), x.id, x.type));
  const design = finishImport(ctx, `Imported from ${file.name.split(/[\\/]/).pop() ?? file.name}`, file.name);
  return { design, warnings: ctx.warnings };
}
