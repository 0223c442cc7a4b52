// Nodes that no rule can tell apart (same groups, exact addresses inside the same rule CIDRs)
// form one class, so that the flow relation is computed between classes, not nodes. A region
// has tens of thousands of nodes: classifying them builds no string per node, only walks a
// trie keyed by their groups and the rule CIDRs holding their address.

import type { SecurityGroup } from "../model/schema";
import type { Family } from "../net/address";
import type { DesignIndex, IndexedNode, IndexedRule, PeerMatch } from "./index-design";

export interface NodeClass {
  /** Node ids, in design order. */
  members: string[];
  /** One member, whose groups and addresses stand for all. */
  representative: IndexedNode;
}

export interface Classification {
  classes: NodeClass[];
  /** Per class and family: the selectors ("c:" and a rule CIDR's key) of the rule CIDRs holding its exact address. */
  covering: Record<Family, string[]>[];
  /** Per class: the selectors ("g:" and the id) of its groups, in order. */
  groupSelectors: string[][];
  /** Per class: its set of groups, as a number shared by every class with the same groups in the same order. */
  combo: number[];
  /** Classes holding each group, by the group's selector ("g:" and the id). */
  withGroup: Map<string, number[]>;
  /** Per family: classes of resources with an exact address. */
  exact: Record<Family, number[]>;
  /** Per family: for each rule CIDR selector ("c:" and the key), the classes of exact addresses inside it. */
  inside: Record<Family, Map<string, number[]>>;
  /** Per family: classes whose addresses are ranges (externals, unstated addresses): matched the slow way. */
  ranged: Record<Family, number[]>;
}

export const FAMILIES: readonly Family[] = [4, 6];

/** A rule CIDR's selector: "*" for a whole family, else "c:" and its key ("family/prefix/network"). */
export function cidrSelector(key: string): string {
  return key.endsWith("/0/0") ? "*" : `c:${key}`;
}

/**
 * The CIDRs that rules name (the whole family aside: "*" selects it), numbered, with their
 * networks by prefix length so that the ones holding an address take one look-up per length.
 */
interface RuleCidrs {
  /** Selector of each numbered CIDR. */
  selectors: string[];
  /** IPv4: per prefix length in use, the block size and the numbered networks (as numbers). */
  v4: { size: number; networks: Map<number, number> }[];
  /** IPv6: per prefix length in use, the host bits and the numbered networks. */
  v6: { host: bigint; networks: Map<bigint, number> }[];
}

function ruleCidrs(index: DesignIndex): RuleCidrs {
  const selectors: string[] = [];
  const known = new Set<string>();
  const v4 = new Map<number, Map<number, number>>();
  const v6 = new Map<number, Map<bigint, number>>();
  // Peers are shared objects (one per CIDR or prefix list in an index): look at each once.
  const seen = new Set<PeerMatch>();
  const look = (list: readonly IndexedRule[]) => {
    // Indexed loops, here and below: a first run is interpreted, where for-of makes an object per step.
    for (let j = 0; j < list.length; j++) {
      const peer = (list[j] as IndexedRule).peer;
      if (peer.kind !== "ranges" || seen.has(peer)) continue;
      seen.add(peer);
      for (let i = 0; i < peer.keys.length; i++) {
        const key = peer.keys[i] as string;
        if (known.has(key)) continue;
        known.add(key);
        const length = Number(key.split("/")[1]);
        if (length === 0) continue;
        const start = (peer.ranges[i] as { start: bigint }).start;
        const id = selectors.length;
        selectors.push(cidrSelector(key));
        if (peer.family === 4) {
          const networks = v4.get(length) ?? new Map<number, number>();
          networks.set(Number(start), id);
          v4.set(length, networks);
        } else {
          const networks = v6.get(length) ?? new Map<bigint, number>();
          networks.set(start, id);
          v6.set(length, networks);
        }
      }
    }
  };
  index.rules.forEach(({ ingress, egress }) => {
    look(ingress);
    look(egress);
  });
  return {
    selectors,
    v4: [...v4].map(([length, networks]) => ({ size: 2 ** (32 - length), networks })),
    v6: [...v6].map(([length, networks]) => ({ host: BigInt(128 - length), networks })),
  };
}

/**
 * Writes into `out` the numbers of the rule CIDRs holding one exact address, ascending, and says
 * how many. `out` has room for one per prefix length in use.
 */
function coveringIds(address: bigint, family: Family, cidrs: RuleCidrs, out: Int32Array): number {
  let n = 0;
  if (family === 4) {
    const a = Number(address);
    for (const { size, networks } of cidrs.v4) {
      const id = networks.get(a - (a % size));
      if (id !== undefined) out[n++] = id;
    }
  } else
    for (const { host, networks } of cidrs.v6) {
      const id = networks.get((address >> host) << host);
      if (id !== undefined) out[n++] = id;
    }
  // Few CIDRs hold one address: insertion sort.
  for (let i = 1; i < n; i++)
    for (let j = i; j > 0 && (out[j - 1] as number) > (out[j] as number); j--) {
      const t = out[j] as number;
      out[j] = out[j - 1] as number;
      out[j - 1] = t;
    }
  return n;
}

/**
 * What tells nodes apart, as paths of small numbers (a group, a rule CIDR, a marker): each path
 * is numbered as it is first walked, one step at a time, in a single map from (path so far, next
 * number) to the longer path's number. No string or object per node.
 */
class Paths {
  private readonly steps = new Map<number, number>();
  private count = 1;

  constructor(private readonly base: number) {}

  /** The number of the path `from` followed by `token` (0 <= token < base); 0 is the empty path. */
  step(from: number, token: number): number {
    const key = from * this.base + token;
    let to = this.steps.get(key);
    if (to === undefined) {
      to = this.count++;
      this.steps.set(key, to);
    }
    return to;
  }
}

function selectorsOf(ids: Int32Array, n: number, cidrs: RuleCidrs): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = cidrs.selectors[ids[i] as number] as string;
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, k: number): void {
  const list = map.get(key);
  if (list) list.push(k);
  else map.set(key, [k]);
}

/** Nodes a rule cannot tell apart share a class. Externals and unstated addresses stay apart. */
export function classify(index: DesignIndex): Classification {
  const cidrs = ruleCidrs(index);
  // Tokens: 0-2 mark the parts of a path, then the groups, then the rule CIDRs, then address
  // ranges of unstated addresses (numbered as met).
  const NO_ADDRESS = 0;
  const FAMILY_MARK: Record<Family, number> = { 4: 1, 6: 2 };
  const groupToken = new Map<SecurityGroup, number>();
  for (const g of index.groups.values()) groupToken.set(g, 3 + groupToken.size);
  const cidrBase = 3 + groupToken.size;
  const rangeToken = new Map<string, number>();
  const rangeBase = cidrBase + cidrs.selectors.length;
  // Each node adds at most one unstated range per family.
  const paths = new Paths(rangeBase + 2 * index.nodes.size);
  const classOfPath = new Map<number, number>();
  const comboSelectors = new Map<number, string[]>();
  const classes: NodeClass[] = [];
  const covering: Record<Family, string[]>[] = [];
  const groupSelectors: string[][] = [];
  const combo: number[] = [];
  // The rule CIDRs holding the current node's address, per family (scratch, not kept).
  const found: Record<Family, Int32Array> = { 4: new Int32Array(cidrs.v4.length), 6: new Int32Array(cidrs.v6.length) };
  const count: Record<Family, number> = { 4: 0, 6: 0 };
  // forEach: a map's iterator would make an object per node.
  index.nodes.forEach((node) => {
    if (!node.isResource) {
      // Each party outside AWS is a class of its own.
      classes.push({ members: [node.id], representative: node });
      covering.push({ 4: [], 6: [] });
      groupSelectors.push([]);
      combo.push(-1);
      return;
    }
    let path = 0;
    // A node's groups are the index's own objects (indexDesign takes them from its map).
    for (let i = 0; i < node.groups.length; i++)
      path = paths.step(path, groupToken.get(node.groups[i] as SecurityGroup) as number);
    const groups = path;
    for (let f = 0; f < FAMILIES.length; f++) {
      const family = FAMILIES[f] as Family;
      path = paths.step(path, FAMILY_MARK[family]);
      const set = node.addresses[family];
      const range = set?.ranges[0];
      count[family] = 0;
      if (!set || !range) path = paths.step(path, NO_ADDRESS);
      else if (set.exact) {
        const ids = found[family];
        const n = coveringIds(range.start, family, cidrs, ids);
        count[family] = n;
        for (let i = 0; i < n; i++) path = paths.step(path, cidrBase + (ids[i] as number));
      } else {
        const text = `${range.start}-${range.end}`;
        let token = rangeToken.get(text);
        if (token === undefined) {
          token = rangeBase + rangeToken.size;
          rangeToken.set(text, token);
        }
        path = paths.step(path, token);
      }
    }
    let k = classOfPath.get(path);
    if (k === undefined) {
      k = classes.length;
      classOfPath.set(path, k);
      let selectors = comboSelectors.get(groups);
      if (!selectors) {
        selectors = node.groups.map((g) => `g:${g.id}`);
        comboSelectors.set(groups, selectors);
      }
      classes.push({ members: [], representative: node });
      covering.push({ 4: selectorsOf(found[4], count[4], cidrs), 6: selectorsOf(found[6], count[6], cidrs) });
      groupSelectors.push(selectors);
      combo.push(groups);
    }
    classes[k]?.members.push(node.id);
  });
  const inside: Record<Family, Map<string, number[]>> = { 4: new Map(), 6: new Map() };
  const ranged: Record<Family, number[]> = { 4: [], 6: [] };
  const exact: Record<Family, number[]> = { 4: [], 6: [] };
  const withGroup = new Map<string, number[]>();
  for (let k = 0; k < classes.length; k++) {
    const c = classes[k] as NodeClass;
    for (const selector of groupSelectors[k] ?? []) push(withGroup, selector, k);
    for (const family of FAMILIES) {
      const set = c.representative.addresses[family];
      if (!set) continue;
      if (!set.exact || !c.representative.isResource) {
        ranged[family].push(k);
        continue;
      }
      exact[family].push(k);
      for (const selector of covering[k]?.[family] ?? []) push(inside[family], selector, k);
    }
  }
  return { classes, covering, groupSelectors, combo, withGroup, exact, inside, ranged };
}
