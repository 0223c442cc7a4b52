// CloudFormation template (YAML or JSON) -> design. Unknowable values (parameters without a
// Default, ImportValue, conditions) are warnings at their line; wrong values are errors.
import { defaultEgress } from "../../model/factory";
import { InputError, type Problem } from "../../model/problems";
import { normalizeProtocol } from "../../model/protocol";
import type { Design, Peer, PrefixList, Resource, SecurityGroup, Vpc } from "../../model/schema";
import { cidrProblem, isIpv4Address, isIpv6Address } from "../../net/address";
import {
  ADDRESS_TAGS,
  checkRule,
  error,
  finishDesign,
  Ids,
  type NamedCidr,
  readAddressTags,
  show,
  type Where,
  warning,
} from "../draft";
import { CfnRef, type Parameter, type Resolved, resolve, type Template } from "./intrinsics";
import { ATTACHABLE, UNRELATED } from "./kinds";
import { loadTemplate, type Path } from "./template";

export interface CloudFormationSource {
  name: string;
  text: string;
}
export interface ImportResult {
  design: Design;
  warnings: Problem[];
}

type Props = Record<string, unknown>;
const isRecord = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The egress rule that stands for "no egress". CloudFormation keeps AWS's default allow-all egress
 * while a group declares none, so a group that must send nothing declares one rule that matches
 * nothing: all protocols to 127.0.0.1/32 (loopback never leaves the instance).
 */
export const BLOCK_EGRESS = { IpProtocol: "-1", CidrIp: "127.0.0.1/32" } as const;

interface Context {
  t: Template;
  at: (path: Path) => Where;
  ids: Ids;
  warnings: Problem[];
  errors: Problem[];
  vpcs: Map<string, Vpc>;
  /** VPC logical ids that get an Amazon-provided IPv6 block. */
  ipv6Vpcs: Set<string>;
  subnets: Map<string, unknown>;
  groups: Map<string, SecurityGroup>;
  groupsById: Map<string, SecurityGroup>;
  prefixLists: Map<string, PrefixList>;
  resources: Omit<Resource, "position">[];
  namedCidrs: NamedCidr[];
}

/** A resolved value, or a warning at `path` saying why it cannot be known. */
function known(ctx: Context, value: unknown, path: Path, what: string): Resolved {
  const r = resolve(value, ctx.t);
  if ("unresolved" in r) ctx.warnings.push(warning(ctx.at(path), `${what}: ${r.unresolved}`));
  return r;
}

function groupOf(ctx: Context, v: unknown): SecurityGroup | undefined {
  // Ref of a VPC group is its id; GetAtt GroupId is the id in every case.
  if (v instanceof CfnRef)
    return v.attribute === "Ref" || v.attribute === "GroupId" ? ctx.groups.get(v.logicalId) : undefined;
  if (typeof v === "string") return [...ctx.groups.values()].find((g) => g.id === v || g.name === v);
  return undefined;
}

function prefixListOf(ctx: Context, v: unknown): PrefixList | undefined {
  if (v instanceof CfnRef) return ctx.prefixLists.get(v.logicalId);
  return [...ctx.prefixLists.values()].find((p) => p.id === v);
}

const PEERS = {
  ingress: [
    ["CidrIp", "cidr4"],
    ["CidrIpv6", "cidr6"],
    ["SourcePrefixListId", "prefixList"],
    ["SourceSecurityGroupId", "group"],
    ["SourceSecurityGroupName", "group"],
  ],
  egress: [
    ["CidrIp", "cidr4"],
    ["CidrIpv6", "cidr6"],
    ["DestinationPrefixListId", "prefixList"],
    ["DestinationSecurityGroupId", "group"],
  ],
} as const;

/** One rule (an inline entry or a standalone resource) into one design rule per peer. */
function readRule(
  ctx: Context,
  props: Props,
  path: Path,
  group: SecurityGroup,
  direction: "ingress" | "egress",
  idBase: string,
  inline: boolean,
): void {
  const what = `${path[1]} ${direction} rule`;
  const protocol = known(ctx, props.IpProtocol, [...path, "IpProtocol"], what);
  const fromPort =
    props.FromPort === undefined ? { value: undefined } : known(ctx, props.FromPort, [...path, "FromPort"], what);
  const toPort =
    props.ToPort === undefined ? { value: undefined } : known(ctx, props.ToPort, [...path, "ToPort"], what);
  if ("unresolved" in protocol || "unresolved" in fromPort || "unresolved" in toPort) {
    ctx.warnings.push(warning(ctx.at(path), `${what} with unknown values is not imported`));
    return;
  }
  if (typeof protocol.value !== "string" && typeof protocol.value !== "number") {
    ctx.errors.push(
      error(ctx.at([...path, "IpProtocol"]), `IpProtocol must be a protocol such as tcp, udp, icmp or "-1"`),
    );
    return;
  }
  const description = props.Description === undefined ? undefined : resolve(props.Description, ctx.t);
  const peers: { peer: Peer; path: Path }[] = [];
  for (const [property, kind] of PEERS[direction]) {
    if (props[property] === undefined) continue;
    const at: Path = [...path, property];
    const r = known(ctx, props[property], at, what);
    if ("unresolved" in r) continue;
    if (kind === "cidr4" || kind === "cidr6") {
      if (typeof r.value !== "string") {
        ctx.errors.push(error(ctx.at(at), `${property} must be a CIDR such as "10.0.0.0/16"`));
        continue;
      }
      // The idiom that stands for "no egress" (see BLOCK_EGRESS): not a rule of the design.
      if (
        inline &&
        direction === "egress" &&
        normalizeProtocol(protocol.value) === "-1" &&
        r.value === BLOCK_EGRESS.CidrIp
      )
        return;
      if (r.parameter) {
        const p = ctx.t.parameters.get(r.parameter);
        ctx.namedCidrs.push({ key: r.parameter, name: p?.description || r.parameter, cidr: r.value });
      }
      peers.push({ peer: { kind, cidr: r.value }, path: at });
    } else if (kind === "group") {
      const g = groupOf(ctx, r.value);
      if (g) peers.push({ peer: { kind: "group", groupId: g.id }, path: at });
      else
        ctx.warnings.push(
          warning(ctx.at(at), `${what}: ${show(r.value)} is not a security group of this template; not imported`),
        );
    } else {
      const pl = prefixListOf(ctx, r.value);
      if (pl) peers.push({ peer: { kind: "prefixList", prefixListId: pl.id }, path: at });
      else
        ctx.warnings.push(
          warning(ctx.at(at), `${what}: ${show(r.value)} is not a prefix list of this template; not imported`),
        );
    }
  }
  if (peers.length === 0 && !Object.keys(props).some((k) => PEERS[direction].some(([p]) => p === k)))
    ctx.errors.push(
      error(ctx.at(path), `${what} names no peer: expected one of ${PEERS[direction].map(([p]) => p).join(", ")}`),
    );
  peers.forEach(({ peer, path: peerPath }, i) => {
    const rule = checkRule(
      {
        id: ctx.ids.take(peers.length > 1 ? `${idBase}-${i + 1}` : idBase),
        protocol: protocol.value,
        fromPort: fromPort.value,
        toPort: toPort.value,
        peer,
        description: description && "value" in description ? description.value : undefined,
      },
      (f) =>
        ctx.at(
          f === "fromPort"
            ? [...path, "FromPort"]
            : f === "toPort"
              ? [...path, "ToPort"]
              : f === "peer"
                ? peerPath
                : [...path, "IpProtocol"],
        ),
      ctx.errors,
    );
    if (rule) group[direction].push(rule);
  });
}

function text(v: Resolved | undefined): string | undefined {
  return v && "value" in v && (typeof v.value === "string" || typeof v.value === "number")
    ? String(v.value)
    : undefined;
}

/** A resource's Tags list as a record, values resolved where they can be. */
function tagsOf(ctx: Context, props: Props): Record<string, unknown> {
  const tags = resolve(props.Tags, ctx.t);
  if (!("value" in tags) || !Array.isArray(tags.value)) return {};
  const out: Record<string, unknown> = {};
  for (const t of tags.value)
    if (isRecord(t) && typeof t.Key === "string") {
      const v = resolve(t.Value, ctx.t);
      if ("value" in v) out[t.Key] = v.value;
    }
  return out;
}

function nameTag(ctx: Context, props: Props): string | undefined {
  const name = tagsOf(ctx, props).Name;
  return typeof name === "string" || typeof name === "number" ? String(name) : undefined;
}

function vpcIdOf(ctx: Context, value: unknown, path: Path, what: string): string | undefined {
  if (value === undefined) return undefined;
  const r = known(ctx, value, path, what);
  if ("unresolved" in r) return undefined;
  if (r.value instanceof CfnRef) return ctx.vpcs.get(r.value.logicalId)?.id;
  if (typeof r.value !== "string") return undefined;
  // A literal VPC id: the VPC is outside this template; keep it so its groups stay together.
  let v = ctx.vpcs.get(r.value);
  if (!v) {
    v = { id: ctx.ids.take(r.value), name: r.value };
    ctx.vpcs.set(r.value, v);
  }
  return v.id;
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
    name: text(resolve(props.GroupName, ctx.t)) ?? nameTag(ctx, props) ?? id,
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

function readInlineRules(ctx: Context, id: string, props: Props, path: Path): void {
  const group = ctx.groups.get(id) as SecurityGroup;
  for (const [property, direction] of [
    ["SecurityGroupIngress", "ingress"],
    ["SecurityGroupEgress", "egress"],
  ] as const) {
    const list = props[property];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      ctx.errors.push(error(ctx.at([...path, property]), `${property} must be a list of rules`));
      continue;
    }
    list.forEach((rule, n) => {
      const rulePath = [...path, property, n];
      if (!isRecord(rule))
        ctx.errors.push(error(ctx.at(rulePath), `a rule must be a mapping with IpProtocol and a peer`));
      else readRule(ctx, rule, rulePath, group, direction, `${id}-${direction}-${n + 1}`, true);
    });
  }
  // CloudFormation keeps AWS's default egress until the group itself declares egress; standalone
  // AWS::EC2::SecurityGroupEgress resources do not remove it.
  const egress = props.SecurityGroupEgress;
  if (egress === undefined || (Array.isArray(egress) && egress.length === 0)) {
    const vpc = [...ctx.vpcs.entries()].find(([, v]) => v.id === group.vpcId)?.[0];
    // The VPC's IPv6 block is Amazon's choice, unknown here; that it has one is all the default needs.
    const hasIpv6 = vpc !== undefined && (ctx.ipv6Vpcs.has(vpc) || ctx.vpcs.get(vpc)?.cidrIpv6 !== undefined);
    group.egress.unshift(...defaultEgress(group.id, hasIpv6 ? { cidrIpv6: "::/0" } : undefined));
  }
}

function readStandaloneRule(ctx: Context, id: string, type: string, props: Props, path: Path): void {
  const direction = type === "AWS::EC2::SecurityGroupIngress" ? "ingress" : "egress";
  const owner = props.GroupId !== undefined ? props.GroupId : props.GroupName;
  const ownerPath: Path = [...path, props.GroupId !== undefined ? "GroupId" : "GroupName"];
  const r = known(ctx, owner, ownerPath, id);
  if ("unresolved" in r) return;
  const group = groupOf(ctx, r.value);
  if (!group) {
    ctx.warnings.push(
      warning(ctx.at(ownerPath), `${id}: ${show(r.value)} is not a security group of this template; not imported`),
    );
    return;
  }
  readRule(ctx, props, path, group, direction, id, false);
}

function lookup(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return value === undefined ? [] : [value];
  const [head, ...rest] = path;
  if (head === "*") return Array.isArray(value) ? value.flatMap((v) => lookup(v, rest)) : [];
  return isRecord(value) ? lookup(value[head as string], rest) : [];
}

function readAttachment(ctx: Context, id: string, type: string, props: Props, path: Path): void {
  const spec = ATTACHABLE[type];
  if (!spec) return;
  const groupIds: string[] = [];
  for (const groupPath of spec.groups) {
    const propertyPath = [...path, ...groupPath.filter((p) => p !== "*")];
    for (const list of lookup(props, groupPath)) {
      const r = known(ctx, list, propertyPath, id);
      if ("unresolved" in r) continue;
      const items = Array.isArray(r.value) ? r.value : [r.value];
      for (const item of items) {
        const g = groupOf(ctx, item);
        if (!g)
          ctx.warnings.push(
            warning(
              ctx.at(propertyPath),
              `${id}: ${show(item)} is not a security group of this template; not attached`,
            ),
          );
        else if (!groupIds.includes(g.id)) groupIds.push(g.id);
      }
    }
  }
  if (groupIds.length === 0)
    ctx.warnings.push(
      warning(ctx.at(path), `${id} names no security group of this template, so AWS gives it its VPC's default group`),
    );
  const own = spec.name ? text(resolve(props[spec.name], ctx.t)) : undefined;
  const resource: Omit<Resource, "position"> = {
    id: ctx.ids.take(id),
    kind: spec.kind,
    name: nameTag(ctx, props) ?? own ?? id,
    groupIds,
  };
  const subnet = resolve(props.SubnetId, ctx.t);
  const viaSubnet =
    "value" in subnet && subnet.value instanceof CfnRef
      ? resolve(ctx.subnets.get(subnet.value.logicalId), ctx.t)
      : undefined;
  const vpcId =
    vpcIdOf(ctx, props.VpcId, [...path, "VpcId"], id) ??
    (viaSubnet && "value" in viaSubnet && viaSubnet.value instanceof CfnRef
      ? ctx.vpcs.get(viaSubnet.value.logicalId)?.id
      : undefined) ??
    groupIds.map((g) => ctx.groupsById.get(g)?.vpcId).find((v) => v !== undefined);
  if (vpcId) resource.vpcId = vpcId;
  if (type === "AWS::EC2::Instance") {
    const ip =
      props.PrivateIpAddress === undefined
        ? undefined
        : text(known(ctx, props.PrivateIpAddress, [...path, "PrivateIpAddress"], id));
    if (ip !== undefined) {
      if (isIpv4Address(ip)) resource.privateIpv4 = ip;
      else
        ctx.errors.push(
          error(
            ctx.at([...path, "PrivateIpAddress"]),
            `PrivateIpAddress "${ip}" is not an IPv4 address such as 10.0.1.5`,
          ),
        );
    }
    const v6 = lookup(props, ["Ipv6Addresses", "*", "Ipv6Address"])[0];
    if (typeof v6 === "string") {
      if (isIpv6Address(v6)) resource.ipv6 = v6;
      else
        ctx.errors.push(
          error(ctx.at([...path, "Ipv6Addresses"]), `"${v6}" is not an IPv6 address such as 2001:db8::5`),
        );
    }
  }
  readAddressTags(tagsOf(ctx, props), resource, () => ctx.at([...path, "Tags"]), ctx.errors);
  ctx.resources.push(resource);
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
  const resources = Object.entries(value.Resources).map(([id, r]) => [id, r] as [string, Props]);
  return {
    t: {
      parameters,
      mappings: isRecord(value.Mappings) ? value.Mappings : {},
      resources: new Set(resources.map(([id]) => id)),
    },
    resources,
  };
}

/** Reads a template's security groups, rules, prefix lists and attachments. Throws InputError for wrong values. */
export function importCloudFormation(file: CloudFormationSource): ImportResult {
  const loaded = loadTemplate(file.name, file.text);
  const { t, resources } = templateOf(loaded.value, loaded.at);
  const ctx: Context = {
    t,
    at: loaded.at,
    ids: new Ids(),
    warnings: [],
    errors: [],
    vpcs: new Map(),
    ipv6Vpcs: new Set(),
    subnets: new Map(),
    groups: new Map(),
    groupsById: new Map(),
    prefixLists: new Map(),
    resources: [],
    namedCidrs: [],
  };
  const typed: { id: string; type: string; props: Props; path: Path }[] = [];
  for (const [id, r] of resources) {
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
    typed.push({ id, type: r.Type, props: (r.Properties as Props | undefined) ?? {}, path: [...path, "Properties"] });
  }
  const each = (types: string[], f: (x: (typeof typed)[number]) => void) => {
    for (const x of typed) if (types.includes(x.type)) f(x);
  };
  each(["AWS::EC2::VPC"], ({ id, props, path }) => {
    const vpc: Vpc = { id: ctx.ids.take(id), name: nameTag(ctx, props) ?? id };
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
  each(["AWS::EC2::SecurityGroup"], ({ id, props, path }) => readInlineRules(ctx, id, props, path));
  each(["AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"], ({ id, type, props, path }) =>
    readStandaloneRule(ctx, id, type, props, path),
  );
  each(Object.keys(ATTACHABLE), ({ id, type, props, path }) => readAttachment(ctx, id, type, props, path));
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
    if (!handled.has(x.type))
      ctx.warnings.push(warning(loaded.at(x.path.slice(0, 2)), `${x.id}: resource type ${x.type} is not imported`));
  if (ctx.errors.length) throw new InputError(ctx.errors);
  const design = finishDesign(
    {
      name: `Imported from ${file.name.split(/[\\/]/).pop() ?? file.name}`,
      vpcs: [...new Map([...ctx.vpcs.values()].map((v) => [v.id, v])).values()],
      groups: [...ctx.groups.values()],
      prefixLists: [...ctx.prefixLists.values()],
      resources: ctx.resources,
      namedCidrs: ctx.namedCidrs,
    },
    ctx.ids,
    file.name,
  );
  return { design, warnings: ctx.warnings };
}
