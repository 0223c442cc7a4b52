// A design indexed for the engine: groups, prefix lists and nodes by id, each node's address
// set per family, and each rule with its peer turned into address ranges once.

import type { Direction } from "../model/direction";
import { interfaceEnds } from "../model/interfaces";
import { resolveExternalPeers } from "../model/my-ip";
import { stalePeering } from "../model/peering";
import { normalizeProtocol } from "../model/protocol";
import type { Design, External, PrefixList, Resource, Rule, SecurityGroup, Vpc, VpcPeering } from "../model/schema";
import { placeholderRange, placeholderRangeText, standIns } from "../model/unknowns";
import {
  type AddressRange,
  everything,
  type Family,
  formatRange,
  parseAddress,
  parseCidr,
  prefixLength,
} from "../net/address";
import { type ServiceSet, serviceOfRule } from "./services";

/** How the other side's address must look for a rule's peer to match it. */
export type PeerMatch =
  | {
      kind: "ranges";
      family: Family;
      ranges: AddressRange[];
      /** "family/prefix/network" of each range, to find exact addresses inside it quickly. */
      keys: string[];
      /** Whether one of the ranges is the whole family (0.0.0.0/0, ::/0). */
      everything: boolean;
      text: string;
    }
  /**
   * A group reference: members' private addresses, either family. `stale`: the reference crosses
   * a VPC peering that is gone, so it matches no one (model/peering.ts).
   */
  | { kind: "group"; groupId: string; stale?: VpcPeering };

export interface IndexedRule {
  group: SecurityGroup;
  direction: Direction;
  index: number;
  rule: Rule;
  service: ServiceSet;
  peer: PeerMatch;
}

/** The addresses a node is seen with, for one family; `why` says where they come from. */
export interface AddressSet {
  family: Family;
  ranges: AddressRange[];
  /** Known exactly (a stated address), or inferred (an unknown address somewhere in a VPC). */
  exact: boolean;
  why: string;
}

export interface IndexedNode {
  id: string;
  name: string;
  node: Resource | External;
  isResource: boolean;
  groups: SecurityGroup[];
  /** The addresses this node is seen with by a peer inside AWS (private for resources). */
  addresses: Partial<Record<Family, AddressSet>>;
}

export interface DesignIndex {
  design: Design;
  groups: Map<string, SecurityGroup>;
  prefixLists: Map<string, PrefixList>;
  nodes: Map<string, IndexedNode>;
  /** Rules of each group by direction, indexed once. */
  rules: Map<string, { ingress: IndexedRule[]; egress: IndexedRule[] }>;
}

/** The key of a CIDR range: "family/prefix/network". */
export function rangeKey(range: AddressRange): string {
  return `${range.family}/${prefixLength(range)}/${range.start}`;
}

function rangesPeer(family: Family, ranges: AddressRange[], text: string): PeerMatch {
  const keys = ranges.map(rangeKey);
  return { kind: "ranges", family, ranges, keys, everything: keys.some((k) => k.endsWith("/0/0")), text };
}

function peerMatch(rule: Rule, prefixLists: Map<string, PrefixList>, standIns: ReadonlyMap<string, string>): PeerMatch {
  const peer = rule.peer;
  // A placeholder range's stand-in CIDR is named for what it stands in for, in every explanation.
  const text = (cidr: string) => {
    const unknown = standIns.get(cidr);
    return unknown ? placeholderRangeText(unknown) : cidr;
  };
  switch (peer.kind) {
    case "cidr4":
      return rangesPeer(4, [parseCidr(peer.cidr)], text(peer.cidr));
    case "cidr6":
      return rangesPeer(6, [parseCidr(peer.cidr)], text(peer.cidr));
    case "prefixList": {
      const list = prefixLists.get(peer.prefixListId);
      return rangesPeer(
        list?.addressFamily === "IPv6" ? 6 : 4,
        (list?.entries ?? []).map((e) => parseCidr(e.cidr)),
        `prefix list ${list?.name || peer.prefixListId}`,
      );
    }
    case "group": {
      const stale = stalePeering(peer);
      return stale ? { kind: "group", groupId: peer.groupId, stale } : { kind: "group", groupId: peer.groupId };
    }
    case "external":
      // indexDesign resolves a party's peers to its CIDRs first; one left here matches nothing.
      return { kind: "ranges", family: 4, ranges: [], keys: [], everything: false, text: `party ${peer.externalId}` };
  }
}

/** A stated address of a resource. Regions hold thousands: the words come only when asked for. */
class StatedAddress implements AddressSet {
  readonly exact = true;
  readonly ranges: AddressRange[];

  constructor(
    readonly family: Family,
    range: AddressRange,
    private readonly text: string,
    private readonly owner: string,
  ) {
    this.ranges = [range];
  }

  get why(): string {
    return `${this.text} (${this.owner}'s ${this.family === 4 ? "private IPv4" : "IPv6"})`;
  }
}

function resourceAddresses(r: Resource, vpc: Vpc | undefined): Partial<Record<Family, AddressSet>> {
  const v4 = r.privateIpv4 ? parseAddress(r.privateIpv4) : undefined;
  let out: Partial<Record<Family, AddressSet>>;
  if (v4 && r.privateIpv4) out = { 4: new StatedAddress(4, v4, r.privateIpv4, r.name) };
  // A resource in a VPC always has some private IPv4; unstated, it lies somewhere in its VPC's block.
  else if (vpc?.cidrIpv4)
    out = {
      4: {
        family: 4,
        ranges: [parseCidr(vpc.cidrIpv4)],
        exact: false,
        why: `${r.name}'s private IPv4, not stated, somewhere in VPC ${vpc.name || vpc.id} (${vpc.cidrIpv4})`,
      },
    };
  else out = { 4: { family: 4, ranges: [everything(4)], exact: false, why: `${r.name}'s private IPv4, not stated` } };
  const v6 = r.ipv6 ? parseAddress(r.ipv6) : undefined;
  // IPv6 traffic needs an IPv6 address that the design states.
  if (v6 && r.ipv6) out[6] = new StatedAddress(6, v6, r.ipv6, r.name);
  return out;
}

function externalAddresses(e: External): Partial<Record<Family, AddressSet>> {
  const out: Partial<Record<Family, AddressSet>> = {};
  for (const family of [4, 6] as const) {
    const ranges = e.cidrs.map((c) => parseCidr(c)).filter((r) => r.family === family);
    if (ranges.length > 0)
      out[family] = {
        family,
        ranges,
        exact: true,
        why: placeholderRange(e) ? placeholderRangeText(e.name) : `${e.name} (${ranges.map(formatRange).join(", ")})`,
      };
  }
  return out;
}

/**
 * Designs repeat the same peers and services thousands of times: one object for each, found
 * through maps keyed without building strings.
 */
class Shared {
  private readonly groupPeers = new Map<string, PeerMatch>();
  private readonly listPeers = new Map<string, PeerMatch>();
  private readonly cidrPeers = new Map<string, PeerMatch>();
  private readonly services = new Map<string, Map<number, ServiceSet>>();

  constructor(
    private readonly prefixLists: Map<string, PrefixList>,
    private readonly standIns: ReadonlyMap<string, string>,
  ) {}

  service(rule: Rule): ServiceSet {
    let byPorts = this.services.get(rule.protocol);
    if (!byPorts) {
      byPorts = new Map();
      this.services.set(rule.protocol, byPorts);
    }
    const key = ((rule.fromPort ?? -2) + 2) * 65540 + (rule.toPort ?? -2) + 2;
    let service = byPorts.get(key);
    if (!service) {
      service = serviceOfRule(rule);
      byPorts.set(key, service);
    }
    return service;
  }

  peer(rule: Rule): PeerMatch {
    const p = rule.peer;
    const map = p.kind === "group" ? this.groupPeers : p.kind === "prefixList" ? this.listPeers : this.cidrPeers;
    const key =
      p.kind === "group"
        ? stalePeering(p)
          ? `stale:${p.groupId}`
          : p.groupId
        : p.kind === "prefixList"
          ? p.prefixListId
          : p.kind === "external"
            ? `party:${p.externalId}`
            : p.cidr;
    let peer = map.get(key);
    if (!peer) {
      peer = peerMatch(rule, this.prefixLists, this.standIns);
      map.set(key, peer);
    }
    return peer;
  }
}

function indexRules(group: SecurityGroup, direction: Direction, shared: Shared): IndexedRule[] {
  const list = group[direction];
  const out = new Array<IndexedRule>(list.length);
  for (let index = 0; index < list.length; index++) {
    const raw = list[index] as Rule;
    // Designs built in code may say "6" for tcp; the file loader normalizes, the engine must too.
    const protocol = normalizeProtocol(raw.protocol) ?? raw.protocol;
    const rule = protocol === raw.protocol ? raw : { ...raw, protocol };
    out[index] = { group, direction, index, rule, service: shared.service(rule), peer: shared.peer(rule) };
  }
  return out;
}

/** The node as `previous` indexed it, when neither it nor any group it names changed. */
function unchanged(
  previous: DesignIndex | undefined,
  node: Resource | External,
  groups: Map<string, SecurityGroup>,
): IndexedNode | undefined {
  const before = previous?.nodes.get(node.id);
  if (before?.node !== node) return undefined;
  const ids = "groupIds" in node ? node.groupIds : [];
  // Every group the node names, in order, still the same object (none was added, changed or removed).
  if (before.groups.length !== ids.length) return undefined;
  for (let i = 0; i < ids.length; i++) {
    const g = before.groups[i] as SecurityGroup;
    if (ids[i] !== g.id || groups.get(g.id) !== g) return undefined;
  }
  return before;
}

function groupsOf(ids: readonly string[], groups: Map<string, SecurityGroup>): SecurityGroup[] {
  // Sized once: arrays grown by push hold room for 16 more, and a region has thousands of nodes.
  const out = new Array<SecurityGroup>(ids.length);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const g = groups.get(ids[i] as string);
    if (g) out[n++] = g;
  }
  out.length = n;
  return out;
}

/**
 * A member of one group that the design does not draw: an interface carrying only that group, at
 * an unstated private address in the group's VPC. `check` takes a group as an end this way, so
 * that a file of groups alone (describe-security-groups, a module of rules) can be asked about.
 */
export function groupMember(index: DesignIndex, group: SecurityGroup): IndexedNode {
  const name = `a member of ${group.name} (${group.id})`;
  const node: Resource = {
    id: group.id,
    kind: "instance",
    name,
    ...(group.vpcId ? { vpcId: group.vpcId } : {}),
    groupIds: [group.id],
    position: { x: 0, y: 0 },
  };
  const vpc = group.vpcId ? index.design.vpcs.find((v) => v.id === group.vpcId) : undefined;
  return { id: group.id, name, node, isResource: true, groups: [group], addresses: resourceAddresses(node, vpc) };
}

/**
 * Indexes a design. With `previous` (the index of an earlier version of the same document, whose
 * unchanged parts are the same objects), groups and nodes that did not change are taken over
 * as they were instead of being parsed again: an edit then costs what it changed.
 */
export function indexDesign(raw: Design, previous?: DesignIndex): DesignIndex {
  // Rules that refer to My IP see its CIDRs; an unchanged group and party resolve to the same objects.
  const design = resolveExternalPeers(raw);
  // Prefix lists feed rule peers and VPCs feed unstated addresses: when they change, nothing is reused.
  const reuse =
    previous && previous.design.prefixLists === design.prefixLists && previous.design.vpcs === design.vpcs
      ? previous
      : undefined;
  const groups = new Map<string, SecurityGroup>();
  for (const g of design.groups) groups.set(g.id, g);
  const prefixLists = new Map<string, PrefixList>();
  for (const p of design.prefixLists) prefixLists.set(p.id, p);
  const rules = new Map<string, { ingress: IndexedRule[]; egress: IndexedRule[] }>();
  const shared = new Shared(prefixLists, standIns(design.externals));
  for (const group of design.groups) {
    const before = reuse?.groups.get(group.id) === group ? reuse.rules.get(group.id) : undefined;
    rules.set(
      group.id,
      before ?? { ingress: indexRules(group, "ingress", shared), egress: indexRules(group, "egress", shared) },
    );
  }
  const vpcs = new Map<string, Vpc>();
  for (const v of design.vpcs) vpcs.set(v.id, v);
  const nodes = new Map<string, IndexedNode>();
  // An indexed loop: a first run is interpreted, where for-of makes an object per step.
  for (let i = 0; i < design.resources.length; i++) {
    const r = design.resources[i] as Resource;
    nodes.set(
      r.id,
      unchanged(reuse, r, groups) ?? {
        id: r.id,
        name: r.name || r.id,
        node: r,
        isResource: true,
        groups: groupsOf(r.groupIds, groups),
        addresses: resourceAddresses(r, r.vpcId ? vpcs.get(r.vpcId) : undefined),
      },
    );
    // Each further interface is an end of its own, with its own groups and addresses.
    if (r.interfaces?.length)
      for (const end of interfaceEnds(r))
        nodes.set(end.id, {
          id: end.id,
          name: end.name,
          node: end,
          isResource: true,
          groups: groupsOf(end.groupIds, groups),
          addresses: resourceAddresses(end, end.vpcId ? vpcs.get(end.vpcId) : undefined),
        });
  }
  for (const e of design.externals)
    nodes.set(
      e.id,
      unchanged(reuse, e, groups) ?? {
        id: e.id,
        name: e.name || e.id,
        node: e,
        isResource: false,
        groups: [],
        addresses: externalAddresses(e),
      },
    );
  return { design, groups, prefixLists, nodes, rules };
}
