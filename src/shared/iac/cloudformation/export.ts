// Design -> CloudFormation template (YAML with short tags, or JSON). Rules with a CIDR or prefix
// list peer are inline; rules with a group peer are standalone SecurityGroupIngress/Egress
// resources, because two groups that reference each other inline would be a circular dependency.

import { DUMP_SCHEMA, defineScalarTag, dump } from "js-yaml";
import type { Direction } from "../../model/direction";
import { resolveExternalPeers } from "../../model/my-ip";
import { isIcmp } from "../../model/protocol";
import type { Design, External, OtherAccountGroup, Resource, Rule } from "../../model/schema";
import { placeholderRange } from "../../model/unknowns";
import { awsVpcId, type ExportOptions, isExistingVpc } from "../deployable";
import { ADDRESS_TAGS } from "../draft";
import { eksClusterOf, isEksDefault } from "../eks";
import { externalGroupOf, placeholderInputDescription } from "../placeholder";
import type { VerifyPlan } from "../verify";
import { getAtt, Intrinsic, LogicalIds, type Props, ref, tagList } from "./build";
import { isRecord } from "./context";
import { INPUTS, logicalIdOf, ownAddressTags, resourceOf } from "./resources";
import { BLOCK_EGRESS } from "./rules";
import { verifyParts } from "./verify";

export { Intrinsic } from "./build";

const scalarTag = (fn: "Ref" | "GetAtt" | "Sub") =>
  defineScalarTag<Intrinsic>(`!${fn}`, {
    resolve: () => {
      throw new Error("dump only");
    },
    identify: (v) => v instanceof Intrinsic && v.fn === fn,
    represent: (v: Intrinsic) => String(v.arg),
  });
// js-yaml's compatibility schema quotes what YAML 1.1 readers (CloudFormation's among them) would
// take for dates, booleans or numbers: '2010-09-09', 'yes', '-1'. Fn::Select stays in long form.
const TEMPLATE_SCHEMA = DUMP_SCHEMA.withTags(scalarTag("Ref"), scalarTag("GetAtt"), scalarTag("Sub"));

function cidrParameters(
  externals: External[],
  ids: LogicalIds,
): { parameters: Props; cidr: Map<string, unknown>; placeholderNames: Record<string, string> } {
  const parameters: Props = {};
  const cidr = new Map<string, unknown>();
  const placeholderNames: Record<string, string> = {};
  for (const e of externals) {
    if (e.kind === "internet") continue;
    const name = ids.take(e.kind === "myIp" ? "My IP" : e.name, e.kind === "myIp" ? "" : "Cidr");
    const single = e.cidrs.length === 1;
    parameters[name] = {
      Type: single ? "String" : "CommaDelimitedList",
      Description: e.name,
      // A placeholder range (a variable with no value): its CIDR is a stand-in, never a default;
      // its name (var.admin_cidr) is kept in Metadata, as a placeholder group's is.
      ...(placeholderRange(e) ? {} : { Default: e.cidrs.join(",") }),
    };
    if (placeholderRange(e)) placeholderNames[name] = e.name;
    e.cidrs.forEach((c, i) => {
      if (!cidr.has(c)) cidr.set(c, single ? ref(name) : new Intrinsic("Select", [i, ref(name)]));
    });
  }
  return { parameters, cidr, placeholderNames };
}

function rulePorts(rule: Rule): Props {
  // AWS keeps ICMP type and code in FromPort/ToPort (-1 = any); ports mean nothing for -1 (all).
  if (rule.protocol === "tcp" || rule.protocol === "udp") return { FromPort: rule.fromPort, ToPort: rule.toPort };
  if (isIcmp(rule.protocol)) return { FromPort: rule.fromPort ?? -1, ToPort: rule.toPort ?? -1 };
  return {};
}

/** The design as one template. Deterministic: same design, same text. */
export function toCloudFormation(
  original: Design,
  format: "yaml" | "json" = "yaml",
  options: ExportOptions & { verify?: VerifyPlan } = {},
): { name: string; text: string } {
  // A rule that refers to My IP is its CIDR to AWS, which the MyIP parameter stands for.
  const design = resolveExternalPeers(original);
  const ids = new LogicalIds();
  for (const input of Object.keys(INPUTS)) ids.take(input, "");
  const { parameters, cidr, placeholderNames: rangeNames } = cidrParameters(design.externals, ids);
  const vpcIds = new Map(design.vpcs.map((v) => [v.id, ids.take(v.name || v.id, "Vpc")]));
  const plIds = new Map(design.prefixLists.map((p) => [p.id, ids.take(p.name || p.id, "PrefixList")]));
  // Another account's group is not a resource of this stack: rules name it by id and account.
  const otherAccount = new Map(
    design.groups.flatMap((g) => {
      const other = g.otherAccount;
      return other ? [[g.id, other] as [string, OtherAccountGroup]] : [];
    }),
  );
  // Resources are named before groups: EKS's cluster security group is referred to through its cluster.
  const logicalIds = new Map(design.resources.map((r) => [r.id, logicalIdOf(r, ids)]));
  const clusterGroups = new Map(
    design.groups.flatMap((g) => {
      const cluster = eksClusterOf(g);
      const r = cluster ? design.resources.find((x) => x.id === cluster && x.service === "eksCluster") : undefined;
      return r ? [[g.id, logicalIds.get(r.id) as string] as const] : [];
    }),
  );
  // A group a file named but did not define (var.x, data.aws_security_group.x): it exists outside
  // the design, so the stack takes its id as a Parameter and never creates it.
  const placeholderParameters: Props = {};
  // The parameter's logical id cannot hold "var.x" or "data.aws_security_group.x": the design's
  // name is kept in the template's Metadata (Palisade.Placeholders, parameter -> name), read back on
  // import, as a resource's name is in its own Metadata (Palisade.Name).
  const placeholderNames: Record<string, string> = { ...rangeNames };
  const placeholders = new Map(
    design.groups.flatMap((g) => {
      const stands = externalGroupOf(g);
      if (stands === undefined) return [];
      const id = ids.take(stands.replace(/^(var|data\.aws_security_group)\./, ""), "SecurityGroupId");
      placeholderParameters[id] = {
        Type: "AWS::EC2::SecurityGroup::Id",
        Description: placeholderInputDescription(stands),
      };
      placeholderNames[id] = g.name;
      return [[g.id, id] as const];
    }),
  );
  const managed = design.groups.filter(
    (g) => !otherAccount.has(g.id) && !clusterGroups.has(g.id) && !placeholders.has(g.id),
  );
  const groupIds = new Map(managed.map((g) => [g.id, ids.take(g.name, "SecurityGroup")]));
  const groupRef = (id: string): Intrinsic | string => {
    const placeholder = placeholders.get(id);
    if (placeholder) return ref(placeholder);
    const cluster = clusterGroups.get(id);
    if (cluster) return getAtt(cluster, "ClusterSecurityGroupId");
    return otherAccount.get(id)?.groupId ?? getAtt(groupIds.get(id) ?? id, "GroupId");
  };
  const clusterOf = (r: Resource) => {
    for (const id of r.groupIds) {
      const cluster = clusterGroups.get(id);
      if (cluster) return { cluster, groupId: id };
    }
    return undefined;
  };
  const inputs = new Set<string>();
  const input = (name: string) => {
    inputs.add(name);
    return ref(name);
  };
  const resources: Props = {};

  const existingVpcs: Props = {};
  for (const v of design.vpcs) {
    const id = vpcIds.get(v.id) as string;
    if (isExistingVpc(v)) {
      // Referenced, not created: a Ref to the parameter gives the VPC's id as a Ref to the VPC would.
      const known = awsVpcId(v);
      existingVpcs[id] = {
        Type: "AWS::EC2::VPC::Id",
        Description: `Id of the existing VPC ${v.name}`,
        ...(known ? { Default: known } : {}),
      };
      continue;
    }
    const ipv6: Record<string, string> = v.cidrIpv6 ? { [ADDRESS_TAGS.vpcIpv6]: v.cidrIpv6 } : {};
    resources[id] = {
      Type: "AWS::EC2::VPC",
      Properties: { CidrBlock: v.cidrIpv4, Tags: tagList(undefined, v.name, ipv6) },
    };
    // The design's IPv6 block stands for the one Amazon will assign; the exact block cannot be asked for.
    if (v.cidrIpv6)
      resources[`${id}Ipv6`] = {
        Type: "AWS::EC2::VPCCidrBlock",
        Properties: { VpcId: ref(id), AmazonProvidedIpv6CidrBlock: true },
      };
  }
  for (const p of design.prefixLists)
    resources[plIds.get(p.id) as string] = {
      Type: "AWS::EC2::PrefixList",
      Properties: {
        PrefixListName: p.name,
        AddressFamily: p.addressFamily,
        MaxEntries: p.maxEntries,
        Entries: p.entries.map((e) => ({ Cidr: e.cidr, Description: e.description })),
      },
    };

  const standalone: [string, Props][] = [];
  const inline = (direction: "ingress" | "egress", rule: Rule): Props => {
    const p = rule.peer;
    const peer: Props =
      p.kind === "cidr4"
        ? { CidrIp: cidr.get(p.cidr) ?? p.cidr }
        : p.kind === "cidr6"
          ? { CidrIpv6: cidr.get(p.cidr) ?? p.cidr }
          : p.kind === "prefixList"
            ? {
                [direction === "ingress" ? "SourcePrefixListId" : "DestinationPrefixListId"]: ref(
                  plIds.get(p.prefixListId) ?? p.prefixListId,
                ),
              }
            : p.kind !== "group"
              ? {} // a party's peer: resolved to its CIDRs above
              : {
                  [direction === "ingress" ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"]: groupRef(
                    p.groupId,
                  ),
                  // Egress has no owner property: the account goes in the resource's Metadata (below).
                  ...(direction === "ingress" && otherAccount.has(p.groupId)
                    ? { SourceSecurityGroupOwnerId: otherAccount.get(p.groupId)?.account }
                    : {}),
                };
    return { IpProtocol: rule.protocol, ...rulePorts(rule), ...peer, Description: rule.description };
  };
  for (const g of managed) {
    const id = groupIds.get(g.id) as string;
    const byPeer = (direction: Direction) => ({
      inline: g[direction].filter((r) => r.peer.kind !== "group").map((r) => inline(direction, r)),
      separate: g[direction].filter((r) => r.peer.kind === "group"),
    });
    const ingress = byPeer("ingress");
    const egress = byPeer("egress");
    // CloudFormation keeps AWS's default allow-all egress unless the group itself declares egress
    // (standalone SecurityGroupEgress resources do not count), so a group whose egress is empty
    // or only group-to-group declares the rule that matches nothing: all traffic to 127.0.0.1/32.
    if (egress.inline.length === 0)
      egress.inline.push({
        ...BLOCK_EGRESS,
        Description: "Matches nothing; declared so the default allow-all egress is removed",
      });
    resources[id] = {
      Type: "AWS::EC2::SecurityGroup",
      Properties: {
        GroupName: g.name,
        GroupDescription: g.description || g.name,
        // Without a VPC a group lands in the region's default one; the user may ask for it as an input.
        VpcId: g.vpcId ? ref(vpcIds.get(g.vpcId) as string) : options.vpcIdVariable ? input("VpcId") : undefined,
        SecurityGroupIngress: ingress.inline.length ? ingress.inline : undefined,
        SecurityGroupEgress: egress.inline,
        Tags: tagList(g.tags),
      },
    };
    for (const direction of ["ingress", "egress"] as const)
      for (const rule of direction === "ingress" ? ingress.separate : egress.separate) {
        // Rule ids often repeat the group ("sg-app-from-alb", "app-from-alb"); the logical id says it once.
        let words = rule.id;
        for (const prefix of [g.id, g.name])
          if (words.toLowerCase().startsWith(prefix.toLowerCase())) words = words.slice(prefix.length);
        const ruleId = ids.take(`${g.name} ${words}`, direction === "ingress" ? "Ingress" : "Egress");
        const props = inline(direction, rule);
        const destination = direction === "egress" && rule.peer.kind === "group" && otherAccount.get(rule.peer.groupId);
        standalone.push([
          ruleId,
          {
            Type: direction === "ingress" ? "AWS::EC2::SecurityGroupIngress" : "AWS::EC2::SecurityGroupEgress",
            ...(destination
              ? { Metadata: { Palisade: { DestinationSecurityGroupOwnerId: destination.account } } }
              : {}),
            Properties: { GroupId: groupRef(g.id), ...props },
          },
        ]);
      }
  }
  // EKS gives its cluster security group its own rules; only the design's others are written, on
  // their own. A placeholder's rules (those the file gave the group it named) are written so too.
  for (const g of design.groups.filter((x) => clusterGroups.has(x.id) || placeholders.has(x.id)))
    for (const direction of ["ingress", "egress"] as const)
      for (const rule of g[direction].filter((r) => !isEksDefault(g.id, direction, r)))
        standalone.push([
          ids.take(`${g.name} ${rule.id}`, direction === "ingress" ? "Ingress" : "Egress"),
          {
            Type: direction === "ingress" ? "AWS::EC2::SecurityGroupIngress" : "AWS::EC2::SecurityGroupEgress",
            Properties: { GroupId: groupRef(g.id), ...inline(direction, rule) },
          },
        ]);
  for (const [id, r] of standalone) resources[id] = r;
  for (const r of design.resources) {
    const logicalId = logicalIds.get(r.id) as string;
    Object.assign(resources, resourceOf(r, ids, vpcIds, groupRef, input, { logicalId, clusterOf }));
    // The design's name survives the round trip where the logical id cannot say it (see designName),
    // and its addresses where the type takes no Tags (an ECS task set): both in the Metadata.
    const own = resources[logicalId];
    if (!isRecord(own)) continue;
    const palisade: Props = {};
    if (r.name !== logicalId) palisade.Name = r.name;
    const addresses = ownAddressTags(r);
    if (Object.keys(addresses).length && !(isRecord(own.Properties) && own.Properties.Tags))
      palisade.Addresses = addresses;
    if (Object.keys(palisade).length)
      own.Metadata = { ...(isRecord(own.Metadata) ? own.Metadata : {}), Palisade: palisade };
  }
  const verify = options.verify && verifyParts(options.verify, ids, (id) => logicalIds.get(id) ?? id);
  if (verify) Object.assign(resources, verify.resources);

  const outputs: Props = {};
  for (const g of managed) {
    const id = groupIds.get(g.id) as string;
    outputs[`${id}Id`] = { Description: `Id of security group ${g.name}`, Value: groupRef(g.id) };
  }
  if (verify) Object.assign(outputs, verify.outputs);
  const template = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `Security groups of "${design.name}", exported by Palisade.`,
    Metadata: Object.keys(placeholderNames).length
      ? { ...verify?.metadata, Palisade: { Placeholders: placeholderNames } }
      : verify?.metadata,
    Parameters: {
      ...verify?.parameters,
      ...existingVpcs,
      ...placeholderParameters,
      ...parameters,
      ...Object.fromEntries(Object.entries(INPUTS).filter(([k]) => inputs.has(k))),
    },
    Resources: resources,
    Outputs: outputs,
  };
  const clean = prune(template) as Props;
  if (format === "json") return { name: "template.json", text: `${JSON.stringify(clean, null, 2)}\n` };
  const yaml = dump(clean, { schema: TEMPLATE_SCHEMA, lineWidth: -1, noRefs: true });
  return { name: "template.yaml", text: explainBlockingRule(yaml) };
}

/** Drops undefined fields and empty sections, so the template holds only what was said. */
function prune(v: unknown): unknown {
  if (v instanceof Intrinsic) return v.fn === "Select" ? v.toJSON() : v;
  if (Array.isArray(v)) return v.map(prune);
  if (typeof v !== "object" || v === null) return v;
  const out: Props = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    const p = prune(x);
    if (
      typeof p === "object" &&
      p !== null &&
      !Array.isArray(p) &&
      !(p instanceof Intrinsic) &&
      Object.keys(p).length === 0 &&
      (k === "Parameters" || k === "Outputs")
    )
      continue;
    out[k] = p;
  }
  return out;
}

/** YAML can say why in a comment; JSON carries the reason in the rule's Description. */
function explainBlockingRule(yaml: string): string {
  const lines = yaml.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const m = /^(\s*)- IpProtocol: '-1'$/.exec(line);
    if (m && lines[i + 1]?.trim() === `CidrIp: ${BLOCK_EGRESS.CidrIp}`)
      out.push(
        `${m[1]}# No egress: CloudFormation keeps AWS's default allow-all egress unless egress is declared,`,
        `${m[1]}# so this rule, which matches nothing (loopback never leaves the instance), is declared instead.`,
      );
    out.push(line);
  }
  return out.join("\n");
}
