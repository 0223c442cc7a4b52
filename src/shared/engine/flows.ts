// Every permitted flow of a design. Real accounts hold thousands of instances, so pairs are not
// enumerated one by one: nodes that no rule can tell apart (same groups, addresses inside the
// same rule CIDRs) form one class, the relation is computed between classes, and node pairs are
// expanded only on demand.

import type { Direction } from "../model/direction";
import type { Design, SecurityGroup } from "../model/schema";
import type { Family } from "../net/address";
import { type Classification, cidrSelector, classify, FAMILIES, type NodeClass } from "./classes";
import { type DesignIndex, type IndexedNode, type IndexedRule, indexDesign, type PeerMatch } from "./index-design";
import { EVERYTHING, intersect, isEmpty, label, NOTHING, type ServiceSet, toServices, union } from "./services";
import { allowedServices, type Counterpart } from "./side";
import type { FlowEdge } from "./types";

export type { NodeClass } from "./classes";

export interface ClassFlow {
  from: number;
  to: number;
  /** What may pass over IPv4 and over IPv6; empty sets where nothing does. */
  services: Record<Family, ServiceSet>;
}

export interface FlowRelation {
  index: DesignIndex;
  classes: NodeClass[];
  classification: Classification;
  counterparts: Record<Family, Counterpart | undefined>[];
  /** Per family, the classes whose addresses are ranges, matched by explicit entries. */
  isRanged: Record<Family, Set<number>>;
  /** Per class and family: what its ingress admits, by selector. */
  inbound: Record<Family, Map<string, ServiceSet>>[];
  /** Per class and family: what its egress lets out, by selector. */
  outbound: Record<Family, Map<string, ServiceSet>>[];
}

export function counterpartOf(node: IndexedNode, family: Family): Counterpart | undefined {
  const set = node.addresses[family];
  if (!set) return undefined;
  return {
    name: node.name,
    groupIds: node.isResource ? new Set(node.groups.map((g) => g.id)) : undefined,
    ranges: set.ranges,
    why: set.why,
  };
}

type SelectorMap = Map<string, ServiceSet>;

function addTo(map: SelectorMap, key: string, svc: ServiceSet): void {
  const had = map.get(key);
  map.set(key, had ? union(had, svc) : svc);
}

/** Peers are shared objects (one per CIDR, prefix list or group in an index): their selectors are worked out once. */
class PeerSelectors {
  private readonly peers = new Map<PeerMatch, string[]>();

  of(peer: PeerMatch): string[] {
    let keys = this.peers.get(peer);
    if (!keys) {
      // A stale reference (across a peering that is gone) selects no one.
      keys = peer.kind === "group" ? (peer.stale ? [] : [`g:${peer.groupId}`]) : peer.keys.map(cidrSelector);
      this.peers.set(peer, keys);
    }
    return keys;
  }
}

/**
 * The flow relation between classes, factored by what the rules select: for each class, what its
 * ingress admits from each selector (a group "g:", a rule CIDR "c:", an explicit source class
 * "s:") and what its egress lets out to each selector ("*" = anywhere, "g:", "c:", "t:"). The
 * services between any two classes follow in a few look-ups, and the node pairs of a class
 * flow are expanded only on demand. Its size is that of the rules, never of the pairs.
 */
export function flowRelation(design: Design, prebuilt?: DesignIndex): FlowRelation {
  const index = prebuilt ?? indexDesign(design);
  const classification = classify(index);
  const { classes, ranged } = classification;
  // Only classes with ranged addresses are ever weighed as a whole against rules; the others are
  // found through selectors, so they need no counterpart of their own.
  const isRanged: Record<Family, Set<number>> = { 4: new Set(ranged[4]), 6: new Set(ranged[6]) };
  const counterparts = classes.map((c, k) => ({
    4: isRanged[4].has(k) ? counterpartOf(c.representative, 4) : undefined,
    6: isRanged[6].has(k) ? counterpartOf(c.representative, 6) : undefined,
  }));
  const inbound: Record<Family, SelectorMap>[] = [];
  const outbound: Record<Family, SelectorMap>[] = [];
  const peers = new PeerSelectors();
  // A family a class has no address in selects nothing: one empty map stands for all of them.
  const none: SelectorMap = new Map();
  // Selector maps depend only on a class's groups and families: classes that differ by address
  // alone share them.
  const cache = new Map<number, { in: Record<Family, SelectorMap>; out: Record<Family, SelectorMap> }>();
  for (let k = 0; k < classes.length; k++) {
    const node = (classes[k] as NodeClass).representative;
    const combo = classification.combo[k] as number;
    const key = node.isResource ? combo * 4 + (node.addresses[4] ? 1 : 0) + (node.addresses[6] ? 2 : 0) : -1;
    let maps = cache.get(key);
    if (!maps) {
      maps = { in: { 4: none, 6: none }, out: { 4: none, 6: none } };
      if (node.isResource)
        for (const family of FAMILIES) {
          if (!node.addresses[family]) continue;
          maps.in[family] = selectorMap(index, node.groups, "ingress", family, peers, ranged, counterparts, "s:");
          maps.out[family] = selectorMap(index, node.groups, "egress", family, peers, ranged, counterparts, "t:");
        }
      cache.set(key, maps);
    }
    inbound.push(maps.in);
    outbound.push(maps.out);
  }
  return { index, classes, classification, counterparts, isRanged, inbound, outbound };
}

/** What the rules of a set of groups select in one direction and family. */
function selectorMap(
  index: DesignIndex,
  groups: readonly SecurityGroup[],
  direction: Direction,
  family: Family,
  peers: PeerSelectors,
  ranged: Record<Family, number[]>,
  counterparts: Record<Family, Counterpart | undefined>[],
  explicit: string,
): SelectorMap {
  let rules: readonly IndexedRule[] = [];
  if (groups.length === 1) rules = index.rules.get((groups[0] as SecurityGroup).id)?.[direction] ?? [];
  else if (groups.length > 1) {
    const all: IndexedRule[] = [];
    for (const g of groups) for (const rule of index.rules.get(g.id)?.[direction] ?? []) all.push(rule);
    rules = all;
  }
  const map: SelectorMap = new Map();
  // Indexed loops: a first run is interpreted, where for-of makes an object per step.
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as IndexedRule;
    const peer = rule.peer;
    if (peer.kind === "ranges" && peer.family !== family) continue;
    const keys = peers.of(peer);
    for (let j = 0; j < keys.length; j++) addTo(map, keys[j] as string, rule.service);
  }
  // Parties outside AWS and unstated addresses are ranges a rule may cover only in part: weigh
  // each of them against all the rules of the groups together, the exact way.
  for (let i = 0; i < ranged[family].length; i++) {
    const other = ranged[family][i] as number;
    const them = counterparts[other]?.[family];
    if (!them) continue;
    const svc = allowedServices(rules, them, family);
    if (!isEmpty(svc)) map.set(`${explicit}${other}`, svc);
  }
  return map;
}

/** What may pass from class s to class t, per family: egress of s meets ingress of t. */
export function servicesBetween(relation: FlowRelation, s: number, t: number): Record<Family, ServiceSet> {
  const out: Record<Family, ServiceSet> = { 4: NOTHING, 6: NOTHING };
  const source = relation.classes[s];
  const target = relation.classes[t];
  if (!source || !target) return out;
  if (s === t && target.members.length < 2) return out;
  const a = source.representative;
  const b = target.representative;
  if (!a.isResource && !b.isResource) return out;
  for (const family of FAMILIES) {
    if (!a.addresses[family] || !b.addresses[family]) continue;
    const admitted = b.isResource ? selected(relation, relation.inbound[t]?.[family], s, family, "s:") : EVERYTHING;
    if (isEmpty(admitted)) continue;
    const sent = a.isResource ? selected(relation, relation.outbound[s]?.[family], t, family, "t:") : EVERYTHING;
    out[family] = intersect(admitted, sent);
  }
  return out;
}

/** The services a selector map grants to class k: its explicit entry if k is a range, else by its groups and CIDRs. */
function selected(
  relation: FlowRelation,
  map: SelectorMap | undefined,
  k: number,
  family: Family,
  explicit: string,
): ServiceSet {
  if (!map || map.size === 0) return NOTHING;
  if (relation.isRanged[family].has(k)) return map.get(`${explicit}${k}`) ?? NOTHING;
  let svc = map.get("*") ?? NOTHING;
  if (svc.all) return svc;
  const { groupSelectors, covering } = relation.classification;
  for (const key of groupSelectors[k] ?? []) {
    const more = map.get(key);
    if (more) svc = union(svc, more);
  }
  for (const key of covering[k]?.[family] ?? []) {
    const more = map.get(key);
    if (more) svc = union(svc, more);
  }
  return svc;
}

/** The classes that may send anything to class t: those its ingress selectors name, or all for an outside target. */
function candidateSources(relation: FlowRelation, t: number): Set<number> {
  const target = relation.classes[t]?.representative;
  const out = new Set<number>();
  if (!target) return out;
  if (!target.isResource) {
    relation.classes.forEach((c, s) => {
      if (c.representative.isResource) out.add(s);
    });
    return out;
  }
  const { withGroup, inside, exact } = relation.classification;
  for (const family of FAMILIES) {
    const map = relation.inbound[t]?.[family];
    if (!map) continue;
    for (const key of map.keys()) {
      if (key === "*") for (const s of exact[family]) out.add(s);
      else if (key.startsWith("s:")) out.add(Number(key.slice(2)));
      else for (const s of withGroup.get(key) ?? inside[family].get(key) ?? []) out.add(s);
    }
  }
  return out;
}

/** Every class flow, computed on demand from the factored relation: (source, target, services). */
export function* classFlows(relation: FlowRelation): Generator<ClassFlow> {
  for (let t = 0; t < relation.classes.length; t++)
    for (const s of candidateSources(relation, t)) {
      const services = servicesBetween(relation, s, t);
      if (!isEmpty(services[4]) || !isEmpty(services[6])) yield { from: s, to: t, services };
    }
}

function exposureOf(a: IndexedNode, b: IndexedNode, groupsOfA: () => Set<string>): FlowEdge["exposure"] {
  if (!a.isResource && a.node.kind === "internet") return "internet";
  if (!a.isResource || !b.isResource) return "external";
  const groups = groupsOfA();
  return b.groups.some((g) => groups.has(g.id)) ? "sameGroup" : "internal";
}

/** The label says which family when only one carries the flow, or both when they differ. */
function edgeLabel(v4: ServiceSet, v6: ServiceSet): string {
  // IPv4 alone is the common case and goes unsaid; IPv6 alone is worth saying.
  if (isEmpty(v6)) return label(v4);
  if (isEmpty(v4)) return `${label(v6)} (IPv6 only)`;
  const [a, b] = [label(v4), label(v6)];
  return a === b ? a : `IPv4: ${a}; IPv6: ${b}`;
}

/** One node pair's flow: what may pass over each family (at least one not empty). */
export interface NodeFlow {
  from: string;
  to: string;
  v4: ServiceSet;
  v6: ServiceSet;
}

/** Both families together. */
export function bothFamilies(flow: Pick<NodeFlow, "v4" | "v6">): ServiceSet {
  return isEmpty(flow.v6) ? flow.v4 : isEmpty(flow.v4) ? flow.v6 : union(flow.v4, flow.v6);
}

/** The node pairs of every class flow: one per ordered pair of distinct nodes. */
export function* nodeFlows(relation: FlowRelation): Generator<NodeFlow> {
  for (const flow of classFlows(relation)) {
    const from = relation.classes[flow.from]?.members ?? [];
    const to = relation.classes[flow.to]?.members ?? [];
    for (const a of from)
      for (const b of to) if (a !== b) yield { from: a, to: b, v4: flow.services[4], v6: flow.services[6] };
  }
}

/**
 * Turns node flows into the edges the canvas and the CLI show. Flows share service sets (one
 * rule's, often): each set is described once per maker.
 */
export function edgeMaker(index: DesignIndex): (flow: NodeFlow) => FlowEdge {
  const described = new Map<ServiceSet, FlowEdge["services"]>();
  const servicesOf = (set: ServiceSet) => {
    let d = described.get(set);
    if (!d) {
      d = toServices(set);
      described.set(set, d);
    }
    return d;
  };
  const unions = new Map<ServiceSet, Map<ServiceSet, ServiceSet>>();
  const both = (v4: ServiceSet, v6: ServiceSet) => {
    if (isEmpty(v6)) return v4;
    if (isEmpty(v4)) return v6;
    let byV6 = unions.get(v4);
    if (!byV6) {
      byV6 = new Map();
      unions.set(v4, byV6);
    }
    let set = byV6.get(v6);
    if (!set) {
      set = union(v4, v6);
      byV6.set(v6, set);
    }
    return set;
  };
  let lastFrom: string | undefined;
  let lastGroups: Set<string> | undefined;
  return ({ from, to, v4, v6 }) => {
    const a = index.nodes.get(from);
    const b = index.nodes.get(to);
    const groupsOfA = () => {
      if (lastFrom !== from || !lastGroups) {
        lastFrom = from;
        lastGroups = new Set(a?.groups.map((g) => g.id));
      }
      return lastGroups;
    };
    return {
      id: `${from}->${to}`,
      from,
      to,
      services: servicesOf(both(v4, v6)),
      byFamily: {
        ...(isEmpty(v4) ? {} : { ipv4: servicesOf(v4) }),
        ...(isEmpty(v6) ? {} : { ipv6: servicesOf(v6) }),
      },
      families: ([4, 6] as const).filter((f) => !isEmpty(f === 4 ? v4 : v6)),
      label: edgeLabel(v4, v6),
      exposure: a && b ? exposureOf(a, b, groupsOfA) : "internal",
    };
  };
}

/** How many node pairs the relation lets talk, counted up to just past `limit` (then it stops). */
export function pairCount(relation: FlowRelation, limit = Number.POSITIVE_INFINITY): number {
  let n = 0;
  for (const flow of classFlows(relation)) {
    const from = relation.classes[flow.from]?.members.length ?? 0;
    const to = relation.classes[flow.to]?.members.length ?? 0;
    n += from * to - (flow.from === flow.to ? from : 0);
    if (n > limit) return n;
  }
  return n;
}

/** Design order: by source node, then target node, as the nodes appear in the design. */
export function flowOrder(
  nodeIds: Iterable<string>,
): (x: { from: string; to: string }, y: { from: string; to: string }) => number {
  const order = new Map<string, number>();
  let i = 0;
  for (const id of nodeIds) order.set(id, i++);
  return (x, y) =>
    (order.get(x.from) ?? 0) - (order.get(y.from) ?? 0) || (order.get(x.to) ?? 0) - (order.get(y.to) ?? 0);
}

/** Node-level edges of a class relation: one per ordered pair of distinct nodes. */
export function expandFlows(relation: FlowRelation): FlowEdge[] {
  const make = edgeMaker(relation.index);
  const edges: FlowEdge[] = [];
  for (const flow of nodeFlows(relation)) edges.push(make(flow));
  return edges.sort(flowOrder(relation.index.nodes.keys()));
}

/** Every permitted flow between nodes, one edge per ordered pair. Replies are implied (stateful). */
export function permittedFlows(design: Design): FlowEdge[] {
  return expandFlows(flowRelation(design));
}
