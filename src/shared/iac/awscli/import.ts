// AWS CLI JSON (several describe-* outputs together) into one design: groups split one peer per
// rule, instances and managed-service interfaces as resources, VPCs and prefix lists.
import type { Direction } from "../../model/direction";
import { emptyDesign, validateDesign } from "../../model/document";
import { idStem } from "../../model/ids";
import { jsonPositioner } from "../../model/json";
import { otherAccountGroup } from "../../model/other-account";
import { formatPath, InputError, type Problem } from "../../model/problems";
import type { Design, External, PrefixList, Resource, SecurityGroup, Vpc } from "../../model/schema";
import { cidrProblem, contains, isIpv4Address, isIpv6Address, parseCidr } from "../../net/address";
import { normalizeCidr } from "../../net/normalize";
import { layoutTiers, withoutAddressTags } from "../draft";
import { otherAccountWarning } from "../other-account";
import { classifyInterface } from "./classify";
import { asPermission } from "./group-rules";
import { type AwsCliFile, type AwsCliOutput, readAwsCliOutput } from "./read";
import { splitPermission } from "./rules";
import { type AwsNetworkInterface, nameTag, tagRecord } from "./shapes";

export interface ImportResult {
  design: Design;
  warnings: Problem[];
  /**
   * Where a part was read, for findings placed at file:line:column: keys "group:<id>",
   * "rule:<groupId>:<ingress|egress>:<index>" (the IpPermission peer) and "node:<id>".
   * Positions are worked out when asked, so a large import does not pay for them.
   */
  locate(key: string): Pick<Problem, "file" | "line" | "column"> | undefined;
}

type JsonPath = (string | number)[];

export function importAwsCli(files: readonly AwsCliFile[], name = "Imported from AWS CLI"): ImportResult {
  const errors: Problem[] = [];
  const outputs: { file: AwsCliFile; output: AwsCliOutput; root: JsonPath }[] = [];
  for (const file of files) {
    try {
      outputs.push({ file, ...readAwsCliOutput(file) });
    } catch (e) {
      if (e instanceof InputError) errors.push(...e.problems);
      else throw e;
    }
  }
  if (errors.length > 0) throw new InputError(errors);

  const warnings: Problem[] = [];
  const positioners = new Map(outputs.map(({ file, root }) => [file, { at: jsonPositioner(file.text), root }]));
  const position = (file: AwsCliFile, path: JsonPath) => {
    const p = positioners.get(file);
    return p ? p.at([...p.root, ...path]) : {};
  };
  const places = new Map<string, { file: AwsCliFile; path: JsonPath }>();
  const remember = (key: string, file: AwsCliFile, path: JsonPath) => {
    if (!places.has(key)) places.set(key, { file, path });
  };
  const locate = (key: string) => {
    const at = places.get(key);
    return at ? { file: at.file.name, ...position(at.file, at.path) } : undefined;
  };
  const place = (file: AwsCliFile, path: JsonPath) => ({
    file: file.name,
    ...position(file, path),
    path: formatPath(path),
  });
  const warn = (file: AwsCliFile, path: JsonPath, message: string): void => {
    warnings.push({ ...place(file, path), message, severity: "warning" });
  };
  const fail = (file: AwsCliFile, path: JsonPath, message: string): void => {
    errors.push({ ...place(file, path), message, severity: "error" });
  };

  const vpcs = new Map<string, Vpc>();
  const groups = new Map<string, SecurityGroup>();
  const prefixLists = new Map<string, PrefixList>();
  const resources = new Map<string, Resource>();
  const resourceByKey = new Map<string, Resource>();
  /** What group pairs say about groups the files may not describe (another account's, say). */
  const pairInfo = new Map<string, { name?: string; vpcId?: string }>();
  /** Pairs naming a group of another account than the rule's own group (UserId vs OwnerId). */
  const otherAccount: {
    file: AwsCliFile;
    path: JsonPath;
    owner: string;
    direction: Direction;
    account: string;
    groupId: string;
  }[] = [];
  const needVpc = (id: string | undefined) => {
    if (id && !vpcs.has(id)) vpcs.set(id, { id, name: id });
  };

  for (const { file, output } of outputs)
    output.Vpcs?.forEach((v, i) => {
      const ipv6 = v.Ipv6CidrBlockAssociationSet?.find((a) => a.Ipv6CidrBlock)?.Ipv6CidrBlock;
      // A VPC's ranges decide which rule CIDRs are outside it: a broken one is an error, placed.
      const bad = [
        { path: ["Vpcs", i, "CidrBlock"], problem: v.CidrBlock && cidrProblem(v.CidrBlock, 4) },
        { path: ["Vpcs", i, "Ipv6CidrBlockAssociationSet"], problem: ipv6 && cidrProblem(ipv6, 6) },
      ].filter((b) => b.problem);
      for (const b of bad) fail(file, b.path, b.problem as string);
      if (bad.length > 0) return;
      if (vpcs.has(v.VpcId)) {
        warn(file, ["Vpcs", i], `VPC ${v.VpcId} appears twice; the first is kept`);
        return;
      }
      vpcs.set(v.VpcId, {
        id: v.VpcId,
        name: nameTag(v.Tags) ?? v.VpcId,
        ...(v.CidrBlock ? { cidrIpv4: v.CidrBlock } : {}),
        ...(ipv6 ? { cidrIpv6: ipv6 } : {}),
      });
    });

  for (const { file, output } of outputs)
    output.PrefixLists?.forEach((p, i) => {
      if (prefixLists.has(p.PrefixListId)) {
        warn(file, ["PrefixLists", i], `prefix list ${p.PrefixListId} appears twice; the first is kept`);
        return;
      }
      prefixLists.set(p.PrefixListId, {
        id: p.PrefixListId,
        name: p.PrefixListName ?? p.PrefixListId,
        addressFamily: p.AddressFamily,
        // AWS-managed lists print no MaxEntries; their weight is unknown here, so count one.
        maxEntries: p.MaxEntries ?? 1,
        entries: [],
      });
    });
  // get-managed-prefix-list-entries does not print the list's id: take it from the file name
  // (pl-0123abcd-entries.json), else from the only described list without entries.
  for (const { file, output } of outputs) {
    if (!output.Entries) continue;
    const named = /pl-[0-9a-f]+/.exec(file.name)?.[0];
    const empty = [...prefixLists.values()].filter((p) => p.entries.length === 0);
    const list = named ? prefixLists.get(named) : empty.length === 1 ? empty[0] : undefined;
    if (!list) {
      warn(
        file,
        ["Entries"],
        named
          ? `these entries belong to ${named}, which no describe-managed-prefix-lists output describes; they were not imported`
          : "prefix list entries whose list is unknown were not imported: name the file after the list (pl-0123abcd.json) or import the describe-managed-prefix-lists output of exactly that list",
      );
      continue;
    }
    output.Entries.forEach((e, i) => {
      const family = e.Cidr.includes(":") ? "IPv6" : "IPv4";
      if (family !== list.addressFamily) {
        fail(file, ["Entries", i, "Cidr"], `${e.Cidr} is not an ${list.addressFamily} CIDR as ${list.id} holds`);
        return;
      }
      const stored = normalizeCidr(e.Cidr, family === "IPv6" ? 6 : 4);
      if (!("cidr" in stored)) {
        fail(file, ["Entries", i, "Cidr"], stored.problem);
        return;
      }
      if (stored.note) warn(file, ["Entries", i, "Cidr"], stored.note);
      list.entries.push({ cidr: stored.cidr, ...(e.Description ? { description: e.Description.slice(0, 255) } : {}) });
    });
    if (list.entries.length > list.maxEntries) list.maxEntries = Math.min(1000, list.entries.length);
  }

  for (const { file, output } of outputs)
    output.SecurityGroups?.forEach((g, i) => {
      const at: JsonPath = ["SecurityGroups", i];
      if (groups.has(g.GroupId)) {
        warn(file, at, `group ${g.GroupId} appears twice; the first is kept`);
        return;
      }
      needVpc(g.VpcId);
      const group: SecurityGroup = {
        id: g.GroupId,
        name: g.GroupName,
        description: (g.Description ?? g.GroupName).slice(0, 255),
        ...(g.VpcId ? { vpcId: g.VpcId } : {}),
        ingress: [],
        egress: [],
        ...(g.Tags?.length ? { tags: tagRecord(g.Tags) } : {}),
        ...(g.GroupName === "default" ? { isDefault: true } : {}),
      };
      for (const [key, direction] of [
        ["IpPermissions", "ingress"],
        ["IpPermissionsEgress", "egress"],
      ] as const) {
        let n = 0;
        const nextId = () => `${g.GroupId}-${direction}-${++n}`;
        g[key]?.forEach((permission, j) => {
          const split = splitPermission(permission, [...at, key, j], nextId);
          for (const p of split.problems) fail(file, p.path, p.message);
          for (const p of split.notes) warn(file, p.path, p.message);
          for (const p of split.groupPairsWithoutId)
            warn(file, p, "a group pair without a GroupId (EC2-Classic) cannot match anything in a VPC; skipped");
          for (const { rule, path } of split.rules) {
            remember(`rule:${g.GroupId}:${direction}:${group[direction].length}`, file, path);
            group[direction].push(rule);
          }
        });
      }
      for (const [key, direction] of [
        ["IpPermissions", "ingress"],
        ["IpPermissionsEgress", "egress"],
      ] as const)
        g[key]?.forEach((permission, j) => {
          permission.UserIdGroupPairs?.forEach((pair, k) => {
            if (!pair.GroupId) return;
            if (!pairInfo.has(pair.GroupId))
              pairInfo.set(pair.GroupId, {
                ...(pair.GroupName ? { name: pair.GroupName } : {}),
                ...(pair.VpcId ? { vpcId: pair.VpcId } : {}),
              });
            if (pair.UserId && g.OwnerId && pair.UserId !== g.OwnerId)
              otherAccount.push({
                file,
                path: [...at, key, j, "UserIdGroupPairs", k],
                owner: `${g.GroupName} (${g.GroupId})`,
                direction,
                account: pair.UserId,
                groupId: pair.GroupId,
              });
          });
        });
      groups.set(g.GroupId, group);
      remember(`group:${g.GroupId}`, file, at);
    });

  // describe-security-group-rules: each rule joins its group (described above, or known only by its
  // rules); a rule that describe-security-groups printed as well is not added twice.
  for (const { file, output } of outputs)
    output.SecurityGroupRules?.forEach((r, i) => {
      const at: JsonPath = ["SecurityGroupRules", i];
      let group = groups.get(r.GroupId);
      if (!group) {
        group = {
          id: r.GroupId,
          name: r.GroupId,
          description: "known from describe-security-group-rules",
          ingress: [],
          egress: [],
        };
        groups.set(r.GroupId, group);
        remember(`group:${r.GroupId}`, file, at);
      }
      const direction = r.IsEgress ? "egress" : "ingress";
      const list = group[direction];
      const split = splitPermission(
        asPermission(r),
        at,
        () => r.SecurityGroupRuleId ?? `${r.GroupId}-${direction}-${list.length + 1}`,
      );
      for (const p of split.problems) fail(file, p.path, p.message);
      for (const p of split.notes) warn(file, p.path, p.message);
      for (const { rule } of split.rules) {
        const same = (x: typeof rule) =>
          x.protocol === rule.protocol &&
          x.fromPort === rule.fromPort &&
          x.toPort === rule.toPort &&
          JSON.stringify(x.peer) === JSON.stringify(rule.peer);
        if (list.some(same)) continue;
        remember(`rule:${r.GroupId}:${direction}:${list.length}`, file, at);
        list.push(list.some((x) => x.id === rule.id) ? { ...rule, id: `${rule.id}-${list.length + 1}` } : rule);
      }
      const ref = r.ReferencedGroupInfo;
      if (ref?.GroupId && !pairInfo.has(ref.GroupId))
        pairInfo.set(ref.GroupId, { ...(ref.VpcId ? { vpcId: ref.VpcId } : {}) });
    });

  for (const { file, output } of outputs)
    output.Reservations?.forEach((reservation, i) => {
      reservation.Instances.forEach((inst, j) => {
        const at: JsonPath = ["Reservations", i, "Instances", j];
        if (inst.State?.Name === "terminated") {
          warn(file, at, `instance ${inst.InstanceId} is terminated; not imported`);
          return;
        }
        if (resources.has(inst.InstanceId)) {
          warn(file, at, `instance ${inst.InstanceId} appears twice; the first is kept`);
          return;
        }
        needVpc(inst.VpcId);
        // A design resource has one interface: the primary one (device index 0) carries the
        // instance's SecurityGroups; other interfaces with other groups are left out.
        const primary =
          inst.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0) ?? inst.NetworkInterfaces?.[0];
        if ((inst.NetworkInterfaces?.length ?? 0) > 1)
          warn(
            file,
            at,
            `instance ${inst.InstanceId} has several network interfaces; only the primary one is modelled`,
          );
        const groupIds = unique((inst.SecurityGroups ?? primary?.Groups ?? []).map((s) => s.GroupId));
        const tags = withoutAddressTags(tagRecord(inst.Tags));
        const resource: Resource = {
          id: inst.InstanceId,
          kind: "instance",
          name: nameTag(inst.Tags) ?? inst.InstanceId,
          ...(inst.VpcId ? { vpcId: inst.VpcId } : {}),
          ...addresses(inst.PrivateIpAddress, primary?.Ipv6Addresses?.[0]?.Ipv6Address, inst.PublicIpAddress),
          groupIds,
          // An instance deployed from an export carries its address tags; AWS states the addresses itself.
          ...(tags ? { tags } : {}),
          position: { x: 0, y: 0 },
        };
        resources.set(resource.id, resource);
        remember(`node:${resource.id}`, file, at);
        resourceByKey.set(resource.id, resource);
      });
    });

  for (const { file, output } of outputs)
    output.NetworkInterfaces?.forEach((eni, i) => {
      const at: JsonPath = ["NetworkInterfaces", i];
      const owner = classifyInterface(eni);
      if ("skip" in owner) {
        warn(file, at, `${eni.NetworkInterfaceId} not imported: ${owner.skip}`);
        return;
      }
      const groupIds = unique((eni.Groups ?? []).map((g) => g.GroupId));
      const existing = resourceByKey.get(owner.key);
      if (existing) {
        mergeInterface(existing, eni, groupIds);
        return;
      }
      needVpc(eni.VpcId);
      const id = uniqueId(idStem(owner.key.replace(":", "-")), resources);
      const resource: Resource = {
        id,
        kind: owner.kind,
        ...(owner.service ? { service: owner.service } : {}),
        name: nameTag(eni.TagSet) ?? owner.name.slice(0, 255),
        ...(eni.VpcId ? { vpcId: eni.VpcId } : {}),
        ...addresses(eni.PrivateIpAddress, eni.Ipv6Addresses?.[0]?.Ipv6Address, eni.Association?.PublicIp),
        groupIds,
        position: { x: 0, y: 0 },
      };
      resources.set(id, resource);
      remember(`node:${id}`, file, at);
      resourceByKey.set(owner.key, resource);
    });

  if (errors.length > 0) throw new InputError(errors);

  // A group of another account that these files do not describe stands as a placeholder of that
  // account (named so, without a VPC of this design), with a warning at each pair naming it.
  const placeholders = new Set<string>();
  for (const ref of otherAccount) {
    if (groups.has(ref.groupId) && !placeholders.has(ref.groupId)) continue;
    const info = pairInfo.get(ref.groupId);
    const placeholder =
      groups.get(ref.groupId) ??
      otherAccountGroup(ref.groupId, ref, {
        ...(info?.name ? { name: info.name } : {}),
        ...(info?.vpcId ? { vpcId: info.vpcId } : {}),
      });
    if (!placeholders.has(ref.groupId)) {
      placeholders.add(ref.groupId);
      groups.set(ref.groupId, placeholder);
      remember(`group:${ref.groupId}`, ref.file, ref.path);
    }
    warn(
      ref.file,
      ref.path,
      otherAccountWarning(`an ${ref.direction} rule of ${ref.owner}`, ref.direction, ref, placeholder),
    );
  }

  // Groups referenced but not described (another account's, or simply not in these files) are
  // kept as empty placeholders so that the rules naming them keep their meaning.
  const referenced = (id: string, by: string, at: string) => {
    if (groups.has(id)) return;
    const info = pairInfo.get(id);
    needVpc(info?.vpcId);
    groups.set(id, {
      id,
      name: info?.name ?? id,
      description: `referenced by ${by}; not in the imported files`,
      ...(info?.vpcId ? { vpcId: info.vpcId } : {}),
      ingress: [],
      egress: [],
    });
    warnings.push({
      ...locate(at),
      message: `group ${id} is referenced by ${by} but not described; it was added without rules (import its describe-security-groups output to fill it)`,
      severity: "warning",
    });
  };
  const ruleKeys = (g: SecurityGroup) =>
    (["ingress", "egress"] as const).flatMap((d) => g[d].map((rule, i) => ({ rule, at: `rule:${g.id}:${d}:${i}` })));
  for (const g of [...groups.values()])
    for (const { rule, at } of ruleKeys(g))
      if (rule.peer.kind === "group") referenced(rule.peer.groupId, `a rule of ${g.name} (${g.id})`, at);
  for (const r of resources.values()) for (const g of r.groupIds) referenced(g, `${r.name} (${r.id})`, `node:${r.id}`);
  for (const g of [...groups.values()])
    for (const { rule, at } of ruleKeys(g)) {
      if (rule.peer.kind !== "prefixList" || prefixLists.has(rule.peer.prefixListId)) continue;
      const id = rule.peer.prefixListId;
      prefixLists.set(id, { id, name: id, addressFamily: "IPv4", maxEntries: 1, entries: [] });
      warnings.push({
        ...locate(at),
        message: `prefix list ${id} is referenced by ${g.name} (${g.id}) but not described; it was added empty, so its rules match nothing (import describe-managed-prefix-lists and get-managed-prefix-list-entries output)`,
        severity: "warning",
      });
    }

  const design: Design = {
    ...emptyDesign(name),
    vpcs: [...vpcs.values()],
    resources: [...resources.values()],
    externals: externalsFor([...groups.values()], [...vpcs.values()]),
    groups: [...groups.values()],
    prefixLists: [...prefixLists.values()],
  };
  return { design: validateDesign(layoutTiers(design)), warnings, locate };
}

// Without describe-vpcs output the VPC ranges are unknown; private ranges are then taken as inside.
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"].map(parseCidr);

/**
 * The Internet appears as a node when some ingress rule admits it, and so does each other range
 * outside the VPCs that an ingress rule admits: parties the architect will want to see.
 */
function externalsFor(groups: readonly SecurityGroup[], vpcs: readonly Vpc[]): External[] {
  const at = { x: 0, y: 0 };
  const externals: External[] = [];
  const rules = groups.flatMap((g) => g.ingress);
  const cidrs = rules.flatMap((r) => (r.peer.kind === "cidr4" || r.peer.kind === "cidr6" ? [r.peer.cidr] : []));
  if (cidrs.some((c) => c.endsWith("/0")))
    externals.push({ id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: at });
  const known = vpcs.flatMap((v) => [v.cidrIpv4, v.cidrIpv6].filter((c): c is string => !!c)).map(parseCidr);
  const inside = known.length > 0 ? known : PRIVATE;
  const seen = new Set<string>();
  for (const cidr of cidrs) {
    if (cidr.endsWith("/0") || seen.has(cidr)) continue;
    seen.add(cidr);
    const range = parseCidr(cidr);
    if (inside.some((r) => contains(r, range))) continue;
    externals.push({ id: `cidr-${cidr}`, kind: "cidr", name: cidr, cidrs: [cidr], position: at });
  }
  return externals;
}

function addresses(
  privateIpv4: string | undefined,
  ipv6: string | undefined,
  publicIpv4: string | undefined,
): Pick<Resource, "privateIpv4" | "ipv6" | "publicIpv4"> {
  return {
    ...(privateIpv4 && isIpv4Address(privateIpv4) ? { privateIpv4 } : {}),
    ...(ipv6 && isIpv6Address(ipv6) ? { ipv6 } : {}),
    ...(publicIpv4 && isIpv4Address(publicIpv4) ? { publicIpv4 } : {}),
  };
}

/** A second interface of the same resource (an ALB's next zone) adds its groups; the address
 * is then no longer one, so it is dropped: the resource has *some* address in its VPC. */
function mergeInterface(resource: Resource, eni: AwsNetworkInterface, groupIds: string[]): void {
  resource.groupIds = unique([...resource.groupIds, ...groupIds]);
  if (resource.kind === "instance") {
    const ipv6 = eni.Ipv6Addresses?.[0]?.Ipv6Address;
    if (!resource.ipv6 && ipv6 && isIpv6Address(ipv6)) resource.ipv6 = ipv6;
    return;
  }
  if (eni.PrivateIpAddress !== resource.privateIpv4) delete resource.privateIpv4;
  if (eni.Association?.PublicIp !== resource.publicIpv4) delete resource.publicIpv4;
  delete resource.ipv6;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** `stem` (an idStem), numbered past the ids `taken` holds. */
function uniqueId(stem: string, taken: ReadonlyMap<string, unknown>): string {
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  return id;
}
