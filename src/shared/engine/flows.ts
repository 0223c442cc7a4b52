// Every permitted flow of a design. Real accounts hold thousands of instances, so pairs are not
// enumerated one by one: nodes that no rule can tell apart (same groups, addresses inside the
// same rule CIDRs) form one class, the relation is computed between classes, and node pairs are
// expanded only on demand.

import type { Design } from "../model/schema";
import type { Family } from "../net/address";
import { type DesignIndex, type IndexedNode, type IndexedRule, indexDesign } from "./index-design";
import { EVERYTHING, intersect, isEmpty, label, NOTHING, type ServiceSet, toServices, union } from "./services";
import { allowedServices, type Counterpart } from "./side";
import type { FlowEdge } from "./types";

export interface NodeClass {
  /** Node ids, in design order. */
  members: string[];
  /** One member, whose groups and addresses stand for all. */
  representative: IndexedNode;
}

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

const FAMILIES: Family[] = [4, 6];

/** CIDRs that appear in any rule's peer, by key, and for IPv4 by prefix length and network. */
interface RuleCidrs {
  keys: Set<string>;
  /** IPv4: prefix length -> networks (as numbers) that rules name at that length. */
  v4: Map<number, Set<number>>;
  /** IPv6 prefix lengths in use. */
  v6Lengths: number[];
}

function ruleCidrs(index: DesignIndex): RuleCidrs {
  const keys = new Set<string>();
  const v4 = new Map<number, Set<number>>();
  const v6 = new Set<number>();
  for (const { ingress, egress } of index.rules.values())
    for (const list of [ingress, egress])
      for (const r of list)
        if (r.peer.kind === "ranges")
          r.peer.keys.forEach((key, i) => {
            if (keys.has(key)) return;
            keys.add(key);
            const length = Number(key.split("/")[1]);
            if (r.peer.kind !== "ranges") return;
            if (r.peer.family === 6) v6.add(length);
            else {
              const networks = v4.get(length) ?? new Set<number>();
              networks.add(Number((r.peer.ranges[i] as { start: bigint }).start));
              v4.set(length, networks);
            }
          });
  return { keys, v4, v6Lengths: [...v6] };
}

/** The rule CIDRs holding one exact address: one look-up per prefix length the rules use. */
function coveringKeys(address: bigint, family: Family, cidrs: RuleCidrs): string[] {
  const found: string[] = [];
  if (family === 4) {
    const a = Number(address);
    for (const [len, networks] of cidrs.v4) {
      const size = 2 ** (32 - len);
      const network = Math.floor(a / size) * size;
      if (networks.has(network)) found.push(`4/${len}/${network}`);
    }
  } else {
    for (const len of cidrs.v6Lengths) {
      const host = BigInt(128 - len);
      const key = `6/${len}/${(address >> host) << host}`;
      if (cidrs.keys.has(key)) found.push(key);
    }
  }
  return found.length > 1 ? found.sort() : found;
}

interface Classification {
  classes: NodeClass[];
  /** Per class and family: the rule CIDR keys holding its exact address. */
  covering: Record<Family, string[]>[];
  /** Classes holding each group. */
  withGroup: Map<string, number[]>;
  /** Per family: classes of resources with an exact address. */
  exact: Record<Family, number[]>;
  /** Per family: for each rule CIDR key, the classes of exact addresses inside it. */
  inside: Record<Family, Map<string, number[]>>;
  /** Per family: classes whose addresses are ranges (externals, unstated addresses): matched the slow way. */
  ranged: Record<Family, number[]>;
}

/** Nodes a rule cannot tell apart share a signature. Externals and unstated addresses stay apart. */
function classify(index: DesignIndex): Classification {
  const keys = ruleCidrs(index);
  const bySignature = new Map<string, number>();
  const classes: NodeClass[] = [];
  const covering: Record<Family, string[]>[] = [];
  for (const node of index.nodes.values()) {
    let signature: string;
    const found: Record<Family, string[]> = { 4: [], 6: [] };
    if (!node.isResource) signature = `external:${node.id}`;
    else {
      const parts = [node.groups.map((g) => g.id).join(",")];
      for (const family of FAMILIES) {
        const set = node.addresses[family];
        const range = set?.ranges[0];
        if (!set || !range) parts.push("-");
        else if (set.exact) {
          found[family] = coveringKeys(range.start, family, keys);
          parts.push(found[family].join(","));
        } else parts.push(`~${range.start}-${range.end}`);
      }
      signature = parts.join("|");
    }
    let k = bySignature.get(signature);
    if (k === undefined) {
      k = classes.length;
      bySignature.set(signature, k);
      classes.push({ members: [], representative: node });
      covering.push(found);
    }
    classes[k]?.members.push(node.id);
  }
  const inside: Record<Family, Map<string, number[]>> = { 4: new Map(), 6: new Map() };
  const ranged: Record<Family, number[]> = { 4: [], 6: [] };
  const exact: Record<Family, number[]> = { 4: [], 6: [] };
  const withGroup = new Map<string, number[]>();
  classes.forEach((c, k) => {
    for (const g of c.representative.groups) {
      const list = withGroup.get(g.id) ?? [];
      list.push(k);
      withGroup.set(g.id, list);
    }
    for (const family of FAMILIES) {
      const set = c.representative.addresses[family];
      if (!set) continue;
      if (!set.exact || !c.representative.isResource) {
        ranged[family].push(k);
        continue;
      }
      exact[family].push(k);
      for (const key of covering[k]?.[family] ?? []) {
        const list = inside[family].get(key) ?? [];
        list.push(k);
        inside[family].set(key, list);
      }
    }
  });
  return { classes, covering, withGroup, exact, inside, ranged };
}

function counterpartOf(node: IndexedNode, family: Family): Counterpart | undefined {
  const set = node.addresses[family];
  if (!set) return undefined;
  return {
    name: node.name,
    groupIds: node.isResource ? new Set(node.groups.map((g) => g.id)) : undefined,
    ranges: set.ranges,
    why: set.why,
  };
}

function rulesOf(index: DesignIndex, node: IndexedNode, direction: "ingress" | "egress"): IndexedRule[] {
  return node.groups.flatMap((g) => index.rules.get(g.id)?.[direction] ?? []);
}

type SelectorMap = Map<string, ServiceSet>;

function addTo(map: SelectorMap, key: string, svc: ServiceSet): void {
  map.set(key, union(map.get(key) ?? NOTHING, svc));
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
  // Selector maps depend only on a class's groups and families: classes that differ by address
  // alone share them.
  const cache = new Map<string, { in: Record<Family, SelectorMap>; out: Record<Family, SelectorMap> }>();
  for (const c of classes) {
    const node = c.representative;
    const families = FAMILIES.filter((f) => node.addresses[f] && node.isResource);
    const key = `${node.groups.map((g) => g.id).join(",")}|${families.join(",")}`;
    let maps = node.isResource ? cache.get(key) : undefined;
    if (!maps) {
      maps = { in: { 4: new Map(), 6: new Map() }, out: { 4: new Map(), 6: new Map() } };
      const ingress = rulesOf(index, node, "ingress");
      const egress = rulesOf(index, node, "egress");
      for (const family of families)
        for (const [rules, map, explicit] of [
          [ingress, maps.in[family], "s:"],
          [egress, maps.out[family], "t:"],
        ] as const) {
          for (const rule of rules) {
            if (rule.peer.kind === "group") addTo(map, `g:${rule.peer.groupId}`, rule.service);
            else if (rule.peer.family === family)
              for (const range of rule.peer.keys) addTo(map, range.endsWith("/0/0") ? "*" : `c:${range}`, rule.service);
          }
          // Parties outside AWS and unstated addresses are ranges a rule may cover only in part:
          // weigh each of them against all the rules, the exact way.
          for (const other of ranged[family]) {
            const them = counterparts[other]?.[family];
            if (!them) continue;
            const svc = allowedServices(rules, them, family);
            if (!isEmpty(svc)) map.set(`${explicit}${other}`, svc);
          }
        }
      if (node.isResource) cache.set(key, maps);
    }
    inbound.push(maps.in);
    outbound.push(maps.out);
  }
  return { index, classes, classification, counterparts, isRanged, inbound, outbound };
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
  const node = relation.classes[k]?.representative;
  for (const g of node?.groups ?? []) {
    const more = map.get(`g:${g.id}`);
    if (more) svc = union(svc, more);
  }
  for (const key of relation.classification.covering[k]?.[family] ?? []) {
    const more = map.get(`c:${key}`);
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
  const { withGroup, inside } = relation.classification;
  for (const family of FAMILIES) {
    const map = relation.inbound[t]?.[family];
    if (!map) continue;
    for (const key of map.keys()) {
      if (key === "*") for (const s of relation.classification.exact[family]) out.add(s);
      else if (key.startsWith("g:")) for (const s of withGroup.get(key.slice(2)) ?? []) out.add(s);
      else if (key.startsWith("c:")) for (const s of inside[family].get(key.slice(2)) ?? []) out.add(s);
      else if (key.startsWith("s:")) out.add(Number(key.slice(2)));
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
