// Every permitted flow of a design. Real accounts hold thousands of instances, so pairs are not
// enumerated one by one: nodes that no rule can tell apart (same groups, addresses inside the
// same rule CIDRs) form one class, the relation is computed between classes, and node pairs are
// expanded only on demand.

import type { Design } from "../model/schema";
import type { AddressRange, Family } from "../net/address";
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
  flows: ClassFlow[];
}

const FAMILIES: Family[] = [4, 6];

/** CIDRs that appear in any rule's peer, keyed by "family/prefix/network", to classify exact addresses. */
function ruleCidrKeys(index: DesignIndex): Set<string> {
  const keys = new Set<string>();
  for (const { ingress, egress } of index.rules.values())
    for (const r of [...ingress, ...egress])
      if (r.peer.kind === "ranges") for (const range of r.peer.ranges) keys.add(rangeKey(range));
  return keys;
}

function prefixLength(range: AddressRange): number {
  const bits = range.family === 4 ? 32 : 128;
  let size = range.end - range.start + 1n;
  let host = 0;
  while (size > 1n) {
    size >>= 1n;
    host++;
  }
  return bits - host;
}

function rangeKey(range: AddressRange): string {
  return `${range.family}/${prefixLength(range)}/${range.start}`;
}

/** The rule CIDRs holding one exact address: at most 33 (IPv4) or 129 (IPv6) look-ups. */
function coveringKeys(address: bigint, family: Family, keys: Set<string>): string[] {
  const bits = family === 4 ? 32 : 128;
  const found: string[] = [];
  if (family === 4) {
    const a = Number(address);
    for (let len = 0; len <= 32; len++) {
      const network = len === 0 ? 0 : Math.floor(a / 2 ** (32 - len)) * 2 ** (32 - len);
      const key = `4/${len}/${network}`;
      if (keys.has(key)) found.push(key);
    }
  } else {
    for (let len = 0; len <= bits; len++) {
      const host = BigInt(bits - len);
      const network = (address >> host) << host;
      const key = `6/${len}/${network}`;
      if (keys.has(key)) found.push(key);
    }
  }
  return found;
}

interface Classification {
  classes: NodeClass[];
  /** Per family: for each rule CIDR key, the classes of exact addresses inside it. */
  inside: Record<Family, Map<string, number[]>>;
  /** Per family: classes whose addresses are ranges (externals, unstated addresses): matched the slow way. */
  ranged: Record<Family, number[]>;
}

/** Nodes a rule cannot tell apart share a signature. Externals and unstated addresses stay apart. */
function classify(index: DesignIndex): Classification {
  const keys = ruleCidrKeys(index);
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
  classes.forEach((c, k) => {
    for (const family of FAMILIES) {
      const set = c.representative.addresses[family];
      if (!set) continue;
      if (!set.exact || !c.representative.isResource) {
        ranged[family].push(k);
        continue;
      }
      for (const key of covering[k]?.[family] ?? []) {
        const list = inside[family].get(key) ?? [];
        list.push(k);
        inside[family].set(key, list);
      }
    }
  });
  return { classes, inside, ranged };
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

function coversEverything(rule: IndexedRule, family: Family): boolean {
  return (
    rule.peer.kind === "ranges" &&
    rule.peer.family === family &&
    rule.peer.ranges.some((r) => r.start === 0n && prefixLength(r) === 0)
  );
}

/** The flow relation between classes of nodes. */
export function flowRelation(design: Design, prebuilt?: DesignIndex): FlowRelation {
  const index = prebuilt ?? indexDesign(design);
  const { classes, inside, ranged } = classify(index);
  const counterparts = classes.map((c) => ({
    4: counterpartOf(c.representative, 4),
    6: counterpartOf(c.representative, 6),
  }));
  const ingressRules = classes.map((c) => rulesOf(index, c.representative, "ingress"));
  const egressRules = classes.map((c) => rulesOf(index, c.representative, "egress"));
  // What each class may send anywhere (rules to 0.0.0.0/0 or ::/0): for most groups, all traffic,
  // which spares the per-target egress work.
  const egressAnywhere = egressRules.map((rules) => ({
    4: rules.filter((r) => coversEverything(r, 4)).reduce((acc, r) => union(acc, r.service), NOTHING),
    6: rules.filter((r) => coversEverything(r, 6)).reduce((acc, r) => union(acc, r.service), NOTHING),
  }));
  const classesWithGroup = new Map<string, number[]>();
  classes.forEach((c, k) => {
    for (const g of c.representative.groups) {
      const list = classesWithGroup.get(g.id) ?? [];
      list.push(k);
      classesWithGroup.set(g.id, list);
    }
  });

  const egressFrom = (s: number, t: number, family: Family): ServiceSet => {
    if (!classes[s]?.representative.isResource) return EVERYTHING; // outside AWS: unfiltered
    const anywhere = egressAnywhere[s]?.[family] ?? NOTHING;
    if (anywhere.all) return EVERYTHING;
    const target = counterparts[t]?.[family];
    return target ? union(anywhere, allowedServices(egressRules[s] ?? [], target, family)) : NOTHING;
  };

  /** What each source class may send to resource class t, as t's ingress rules see it. */
  const ingressTo = (t: number, family: Family): Map<number, ServiceSet> => {
    const out = new Map<number, ServiceSet>();
    const add = (s: number, svc: ServiceSet) => out.set(s, union(out.get(s) ?? NOTHING, svc));
    for (const rule of ingressRules[t] ?? []) {
      if (rule.peer.kind === "group") {
        for (const s of classesWithGroup.get(rule.peer.groupId) ?? [])
          if (counterparts[s]?.[family]) add(s, rule.service);
      } else if (rule.peer.family === family) {
        // An exact address is inside a rule's CIDR or not: no partial cover to weigh.
        for (const range of rule.peer.ranges)
          for (const s of inside[family].get(rangeKey(range)) ?? []) add(s, rule.service);
      }
    }
    for (const s of ranged[family]) {
      const other = counterparts[s]?.[family];
      if (!other) continue;
      const svc = allowedServices(ingressRules[t] ?? [], other, family);
      if (isEmpty(svc)) out.delete(s);
      else out.set(s, svc);
    }
    return out;
  };

  const flows: ClassFlow[] = [];
  for (let t = 0; t < classes.length; t++) {
    const target = classes[t] as NodeClass;
    const perSource = new Map<number, Record<Family, ServiceSet>>();
    for (const family of FAMILIES) {
      if (!counterparts[t]?.[family]) continue;
      let ingress: Map<number, ServiceSet>;
      if (target.representative.isResource) ingress = ingressTo(t, family);
      else {
        // A party outside AWS has no ingress filter: whatever its sources' egress allows arrives.
        ingress = new Map();
        for (let s = 0; s < classes.length; s++)
          if (classes[s]?.representative.isResource && counterparts[s]?.[family]) ingress.set(s, EVERYTHING);
      }
      for (const [s, inSvc] of ingress) {
        // A class talks to itself only between distinct members.
        if (s === t && target.members.length < 2) continue;
        if (!classes[s]?.representative.isResource && !target.representative.isResource) continue;
        const svc = intersect(inSvc, egressFrom(s, t, family));
        if (isEmpty(svc)) continue;
        const entry = perSource.get(s) ?? { 4: NOTHING, 6: NOTHING };
        entry[family] = svc;
        perSource.set(s, entry);
      }
    }
    for (const [s, services] of perSource) flows.push({ from: s, to: t, services });
  }
  return { index, classes, flows };
}

function exposureOf(index: DesignIndex, from: string, to: string): FlowEdge["exposure"] {
  const a = index.nodes.get(from);
  const b = index.nodes.get(to);
  if (!a || !b) return "internal";
  if (!a.isResource && a.node.kind === "internet") return "internet";
  if (!a.isResource || !b.isResource) return "external";
  const groups = new Set(a.groups.map((g) => g.id));
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

/** Node-level edges of a class relation: one per ordered pair of distinct nodes. */
export function expandFlows(relation: FlowRelation): FlowEdge[] {
  const edges: FlowEdge[] = [];
  for (const flow of relation.flows) {
    const both = union(flow.services[4], flow.services[6]);
    const families = ([4, 6] as const).filter((f) => !isEmpty(flow.services[f]));
    const services = toServices(both);
    const [v4, v6] = [flow.services[4], flow.services[6]];
    const byFamily = {
      ...(isEmpty(v4) ? {} : { ipv4: toServices(v4) }),
      ...(isEmpty(v6) ? {} : { ipv6: toServices(v6) }),
    };
    const text = edgeLabel(v4, v6);
    const from = relation.classes[flow.from]?.members ?? [];
    const to = relation.classes[flow.to]?.members ?? [];
    for (const a of from)
      for (const b of to) {
        if (a === b) continue;
        edges.push({
          id: `${a}->${b}`,
          from: a,
          to: b,
          services,
          byFamily,
          families: [...families],
          label: text,
          exposure: exposureOf(relation.index, a, b),
        });
      }
  }
  const order = new Map([...relation.index.nodes.keys()].map((id, i) => [id, i]));
  return edges.sort(
    (x, y) => (order.get(x.from) ?? 0) - (order.get(y.from) ?? 0) || (order.get(x.to) ?? 0) - (order.get(y.to) ?? 0),
  );
}

/** Every permitted flow between nodes, one edge per ordered pair. Replies are implied (stateful). */
export function permittedFlows(design: Design): FlowEdge[] {
  return expandFlows(flowRelation(design));
}
