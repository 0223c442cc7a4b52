// The permitted flows of a document that is being edited, kept up to date edit by edit. An edit
// changes one node or one group at a time; only the flows from or to the nodes it touches are
// computed again, pair by pair with the same side checks the whole relation uses, and what
// changed goes out as a delta. Edits that change what everything depends on (VPCs, prefix
// lists) or touch more than a few dozen nodes take the whole relation again and diff it. Past
// MAX_NODE_FLOWS node pairs, node flows are withheld and only flows between groups are kept.

import type { Direction } from "../model/direction";
import { resolveExternalPeers } from "../model/my-ip";
import type { Design, External, Resource, SecurityGroup } from "../model/schema";
import type { Family } from "../net/address";
import {
  bothFamilies,
  edgeMaker,
  type FlowRelation,
  flowOrder,
  flowRelation,
  type NodeFlow,
  nodeFlows,
  pairCount,
} from "./flows";
import { aggregateGroupFlows, type GroupFlow, withRulesOnly } from "./group-flows";
import { type DesignIndex, type IndexedNode, type IndexedRule, indexDesign } from "./index-design";
import { rulesOnlyFlows } from "./rules-only";
import { EVERYTHING, intersect, isEmpty, label, NOTHING, type ServiceSet, toServices, union } from "./services";
import { allowedServices, type Counterpart } from "./side";
import type { FlowEdge } from "./types";

/** What changed in a list of things with ids: new or changed ones, and the ids of those gone. */
export interface Delta<T> {
  upsert: T[];
  remove: string[];
}

export interface LiveChange {
  flows: Delta<FlowEdge>;
  groupFlows: Delta<GroupFlow>;
  /** How many node pairs may talk (also when they are withheld). */
  flowCount: number;
  /** Too many node flows to keep or draw: none are sent, group flows stand for them. */
  withheld: boolean;
  /**
   * Too many flows between groups as well (a whole region): none are sent, and flowCount is only
   * a lower bound (the count stopped).
   */
  groupsWithheld: boolean;
  /** Whether the whole relation was computed again (for figures and tests). */
  whole: boolean;
}

interface FlowEntry {
  edge: FlowEdge;
  services: ServiceSet;
  /** The group-level edges this flow counts towards, as computed when it was added. */
  groupKeys: string[];
}

interface GroupEntry {
  from: string;
  to: string;
  fromKind: GroupFlow["fromKind"];
  toKind: GroupFlow["toKind"];
  /** Ids of the node flows it stands for. */
  flows: Set<string>;
  flow?: GroupFlow;
}

const FAMILIES: Family[] = [4, 6];

/**
 * Node flows kept (and sent, and drawn) one by one up to this many. A group of a thousand
 * instances that admits itself is a million node pairs: past the limit only the count and the
 * flows between security groups are kept, which the canvas draws at group level.
 */
export const MAX_NODE_FLOWS = 50_000;
/** Group flows sent (and drawn) at most; past it, none (see LiveChange.groupsWithheld). */
export const MAX_GROUP_FLOWS = 10_000;

function emptyChange(): LiveChange {
  return {
    flows: { upsert: [], remove: [] },
    groupFlows: { upsert: [], remove: [] },
    flowCount: 0,
    withheld: false,
    groupsWithheld: false,
    whole: false,
  };
}

/** Dirty nodes (as sources plus as targets) past which an update computes the whole relation. */
export const WHOLE_AFTER = 48;

/** Node fields that decide no flow: a change to only these leaves every flow as it was. */
const COSMETIC = new Set(["name", "position", "tags", "description"]);

function changesFlows(before: Resource | External, after: Resource | External): boolean {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (!COSMETIC.has(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key])) return true;
  return false;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameEdge(a: FlowEdge, b: FlowEdge): boolean {
  return a.label === b.label && a.exposure === b.exposure && sameValue(a.byFamily, b.byFamily);
}

function sameGroupFlow(a: GroupFlow, b: GroupFlow): boolean {
  return a.label === b.label && a.pairs === b.pairs && a.rulesOnly === b.rulesOnly && sameValue(a.services, b.services);
}

/** The ends a flow between these nodes has at group level: their groups, or the node itself. */
function ends(node: IndexedNode | undefined, id: string): { id: string; kind: "group" | "node" }[] {
  if (!node || node.groups.length === 0) return [{ id, kind: "node" }];
  return node.groups.map((g) => ({ id: g.id, kind: "group" as const }));
}

export class LiveFlows {
  private design: Design;
  private index: DesignIndex;
  private readonly flows = new Map<string, FlowEntry>();
  /** Flow ids by source node and by target node. */
  private readonly outOf = new Map<string, Set<string>>();
  private readonly into = new Map<string, Set<string>>();
  private readonly groups = new Map<string, GroupEntry>();
  /** Per indexed node (reused across versions while it is unchanged): its rules and counterparts. */
  private readonly rulesCache = new WeakMap<IndexedNode, { ingress: IndexedRule[]; egress: IndexedRule[] }>();
  private readonly counterparts = new WeakMap<IndexedNode, Partial<Record<Family, Counterpart>>>();
  private make: (flow: NodeFlow) => FlowEdge;

  /** Node flows are kept one by one up to this many; past it they are withheld (see `withheld`). */
  private readonly maxNodeFlows: number;
  /** Too many node flows to keep or draw: only group flows (and the count) are kept. */
  private withheldNow = false;
  private withheldGroups = new Map<string, GroupFlow>();
  private withheldCount = 0;
  private groupsWithheldNow = false;
  private readonly maxGroupFlows: number;
  /** What memberless groups' own rules open (rules-only.ts), by id, and the design they are of. */
  private rulesOnly = new Map<string, GroupFlow>();
  private rulesOnlyOf: Design | undefined;
  /** How many rules-only edges the withheld group flows' limit was last decided with. */
  private rulesOnlyCounted = 0;
  /** rulesOnlyFlows of the current index, made once however many steps of an update ask. */
  private rulesOnlyMade: { index: DesignIndex; flows: GroupFlow[] } | undefined;

  constructor(design: Design, options: { maxNodeFlows?: number; maxGroupFlows?: number } = {}) {
    this.maxNodeFlows = options.maxNodeFlows ?? MAX_NODE_FLOWS;
    this.maxGroupFlows = options.maxGroupFlows ?? MAX_GROUP_FLOWS;
    // Rules that refer to My IP are compared as its CIDRs: a new address makes their groups new.
    this.design = resolveExternalPeers(design);
    this.index = indexDesign(this.design);
    this.make = edgeMaker(this.index);
    this.replaceAll(flowRelation(this.design, this.index), emptyChange());
  }

  /** Every permitted flow, in design order (as permittedFlows gives them); none while withheld. */
  flowList(): FlowEdge[] {
    return [...this.flows.values()].map((f) => f.edge).sort(flowOrder(this.index.nodes.keys()));
  }

  /** Flows aggregated to security groups (as groupFlows gives them). */
  groupFlowList(): GroupFlow[] {
    const members = [...this.visibleGroups().values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    return withRulesOnly(members, [...this.rulesOnly.values()]);
  }

  /** How many node pairs may talk, whether or not they are kept one by one. */
  get flowCount(): number {
    return this.withheldNow ? this.withheldCount : this.flows.size;
  }

  /** Whether node flows are too many to keep (more than maxNodeFlows): group flows stand for them. */
  get withheld(): boolean {
    return this.withheldNow;
  }

  /** Whether group flows are too many as well: none are kept, and flowCount is a lower bound. */
  get groupsWithheld(): boolean {
    return this.groupsWithheldNow;
  }

  get current(): Design {
    return this.design;
  }

  /** Moves to the next version of the design and says which flows changed. */
  update(raw: Design): LiveChange {
    const change = emptyChange();
    const next = resolveExternalPeers(raw);
    if (next === this.design) return this.finish(change);
    const before = this.design;
    const previousIndex = this.index;
    // Whatever everything depends on: start over.
    const whole = !sameValue(before.vpcs, next.vpcs) || !sameValue(before.prefixLists, next.prefixLists);
    this.design = next;
    this.index = indexDesign(next, whole ? undefined : previousIndex);
    this.make = edgeMaker(this.index);
    const dirty = whole ? undefined : this.dirtyNodes(before, previousIndex);
    if (dirty && dirty.sources.size + dirty.targets.size === 0) {
      // A memberless group's rules change no node's flows; but while withheld its edges count
      // towards the group flows' limit, so a change in how many there are decides anew.
      if (!this.withheldNow || this.rulesOnlyNow().length === this.rulesOnlyCounted) return this.finish(change);
      return this.replaceAll(flowRelation(next, this.index), change);
    }
    const computed = new Map<string, NodeFlow>();
    let stale: Iterable<string>;
    // Each dirty node costs one pair per node; past a few dozen, the whole relation (built per
    // class and rule, not per pair) is cheaper.
    if (this.withheldNow || !dirty || dirty.sources.size + dirty.targets.size > WHOLE_AFTER) {
      const relation = flowRelation(next, this.index);
      if (this.withheldNow || pairCount(relation, this.maxNodeFlows) > this.maxNodeFlows)
        return this.replaceAll(relation, change);
      change.whole = true;
      for (const flow of nodeFlows(relation)) computed.set(`${flow.from}->${flow.to}`, flow);
      stale = [...this.flows.keys()];
    } else {
      const ids = [...this.index.nodes.keys()];
      for (const s of dirty.sources) for (const t of ids) if (t !== s) this.pair(s, t, computed);
      for (const t of dirty.targets)
        for (const s of ids) if (s !== t && !dirty.sources.has(s)) this.pair(s, t, computed);
      const around = new Set<string>();
      for (const s of dirty.sources) for (const id of this.outOf.get(s) ?? []) around.add(id);
      for (const t of dirty.targets) for (const id of this.into.get(t) ?? []) around.add(id);
      stale = around;
      // Grown past what is kept one by one: withhold them all instead.
      let size = this.flows.size;
      for (const id of around) if (!computed.has(id)) size--;
      for (const id of computed.keys()) if (!this.flows.has(id)) size++;
      if (size > this.maxNodeFlows) return this.replaceAll(flowRelation(next, this.index), change);
    }
    const touchedGroups = new Set<string>();
    for (const id of stale)
      if (!computed.has(id)) {
        const entry = this.flows.get(id);
        if (!entry) continue;
        this.remove(id, entry, touchedGroups);
        change.flows.remove.push(id);
      }
    for (const [id, flow] of computed) {
      const old = this.flows.get(id);
      const edge = this.make(flow);
      if (old && sameEdge(old.edge, edge) && sameValue(old.groupKeys, this.groupKeys(flow))) continue;
      if (old) this.remove(id, old, touchedGroups);
      this.add(flow, edge, touchedGroups);
      change.flows.upsert.push(edge);
    }
    for (const key of touchedGroups) {
      const was = this.groups.get(key)?.flow;
      const now = this.refreshGroup(key);
      if (!now) {
        if (was) change.groupFlows.remove.push(key);
      } else if (!was || !sameGroupFlow(was, now)) change.groupFlows.upsert.push(now);
    }
    return this.finish(change);
  }

  private finish(change: LiveChange): LiveChange {
    this.refreshRulesOnly(change);
    change.flowCount = this.flowCount;
    change.withheld = this.withheldNow;
    change.groupsWithheld = this.groupsWithheldNow;
    return change;
  }

  /**
   * The rules-only edges again when the design changed (a handful of memberless groups' rules
   * against the outside parties: cheap), and what changed among them into the delta. An edge
   * keeps its id when its group gains or loses its first member (internet->sg-x either way):
   * the id then goes out as an upsert only, never also as a removal.
   */
  private rulesOnlyNow(): GroupFlow[] {
    if (this.rulesOnlyMade?.index !== this.index)
      this.rulesOnlyMade = { index: this.index, flows: rulesOnlyFlows(this.index) };
    return this.rulesOnlyMade.flows;
  }

  private refreshRulesOnly(change: LiveChange): void {
    if (this.rulesOnlyOf === this.design) return;
    this.rulesOnlyOf = this.design;
    const before = this.rulesOnly;
    const now = this.groupsWithheldNow ? [] : this.rulesOnlyNow();
    this.rulesOnly = new Map(now.map((f) => [f.id, f]));
    for (const id of before.keys()) if (!this.rulesOnly.has(id)) change.groupFlows.remove.push(id);
    for (const flow of now) {
      const was = before.get(flow.id);
      if (!was || !sameGroupFlow(was, flow)) change.groupFlows.upsert.push(flow);
    }
    const upserted = new Set(change.groupFlows.upsert.map((f) => f.id));
    change.groupFlows.remove = change.groupFlows.remove.filter((id) => !upserted.has(id));
  }

  /** The group flows as the window has them. */
  private visibleGroups(): Map<string, GroupFlow> {
    if (this.withheldNow) return this.withheldGroups;
    const out = new Map<string, GroupFlow>();
    for (const [key, entry] of this.groups) if (entry.flow) out.set(key, entry.flow);
    return out;
  }

  /**
   * Everything again from the whole relation: node flows one by one, or withheld when there are
   * too many (counted only up to just past the limit, then aggregated by group without them).
   */
  private replaceAll(relation: FlowRelation, change: LiveChange): LiveChange {
    const oldGroups = this.visibleGroups();
    change.whole = true;
    change.flows.remove = [...this.flows.keys()];
    this.flows.clear();
    this.outOf.clear();
    this.into.clear();
    this.groups.clear();
    this.withheldGroups = new Map();
    this.withheldNow = pairCount(relation, this.maxNodeFlows) > this.maxNodeFlows;
    this.groupsWithheldNow = false;
    if (this.withheldNow) {
      // Memberless groups' own edges are drawn too, so they count towards the group flows' limit.
      this.rulesOnlyCounted = this.rulesOnlyNow().length;
      const room = this.maxGroupFlows - this.rulesOnlyCounted;
      const { flows, pairs, complete } = aggregateGroupFlows(relation, Math.max(room, 0));
      this.groupsWithheldNow = !complete || room < 0;
      if (!this.groupsWithheldNow) this.withheldGroups = new Map(flows.map((g) => [g.id, g]));
      this.withheldCount = complete ? pairs : Math.max(pairs, this.maxNodeFlows + 1);
    } else {
      for (const flow of nodeFlows(relation)) {
        const edge = this.make(flow);
        this.add(flow, edge);
        change.flows.upsert.push(edge);
      }
      for (const key of this.groups.keys()) this.refreshGroup(key);
    }
    const newGroups = this.visibleGroups();
    for (const key of oldGroups.keys()) if (!newGroups.has(key)) change.groupFlows.remove.push(key);
    for (const [key, flow] of newGroups) {
      const was = oldGroups.get(key);
      if (!was || !sameGroupFlow(was, flow)) change.groupFlows.upsert.push(flow);
    }
    return this.finish(change);
  }

  /** Nodes whose outgoing (sources) or incoming (targets) flows this version may have changed. */
  private dirtyNodes(before: Design, previousIndex: DesignIndex): { sources: Set<string>; targets: Set<string> } {
    const sources = new Set<string>();
    const targets = new Set<string>();
    const both = (id: string) => {
      sources.add(id);
      targets.add(id);
    };
    const next = this.design;
    if (before.resources !== next.resources || before.externals !== next.externals) {
      for (const [id, node] of this.index.nodes) {
        const was = previousIndex.nodes.get(id);
        if (!was || (was.node !== node.node && changesFlows(was.node, node.node))) both(id);
      }
      for (const id of previousIndex.nodes.keys()) if (!this.index.nodes.has(id)) both(id);
    }
    if (before.groups !== next.groups) {
      const changed = new Map<string, { ingress: boolean; egress: boolean }>();
      const old = new Map<string, SecurityGroup>(before.groups.map((g) => [g.id, g]));
      for (const g of next.groups) {
        const was = old.get(g.id);
        if (!was || was === g) continue;
        const ingress = !sameValue(was.ingress, g.ingress);
        const egress = !sameValue(was.egress, g.egress);
        if (ingress || egress) changed.set(g.id, { ingress, egress });
      }
      // A group added or removed changes only nodes that join or leave it, which are themselves changed.
      if (changed.size > 0)
        for (const [id, node] of this.index.nodes)
          for (const g of node.groups) {
            const what = changed.get(g.id);
            if (what?.ingress) targets.add(id);
            if (what?.egress) sources.add(id);
          }
    }
    return { sources, targets };
  }

  private rulesOf(node: IndexedNode): { ingress: IndexedRule[]; egress: IndexedRule[] } {
    let rules = this.rulesCache.get(node);
    if (!rules) {
      const of = (d: Direction) => node.groups.flatMap((g) => this.index.rules.get(g.id)?.[d] ?? []);
      rules = { ingress: of("ingress"), egress: of("egress") };
      this.rulesCache.set(node, rules);
    }
    return rules;
  }

  private counterpart(node: IndexedNode, family: Family): Counterpart | undefined {
    let byFamily = this.counterparts.get(node);
    if (!byFamily) {
      byFamily = {};
      for (const f of FAMILIES) {
        const set = node.addresses[f];
        if (set)
          byFamily[f] = {
            name: node.name,
            groupIds: node.isResource ? new Set(node.groups.map((g) => g.id)) : undefined,
            ranges: set.ranges,
            why: set.why,
          };
      }
      this.counterparts.set(node, byFamily);
    }
    return byFamily[family];
  }

  /** One pair, with the checks of servicesBetween: the source's egress meets the target's ingress. */
  private pair(from: string, to: string, out: Map<string, NodeFlow>): void {
    const a = this.index.nodes.get(from);
    const b = this.index.nodes.get(to);
    if (!a || !b || (!a.isResource && !b.isResource)) return;
    const services: Record<Family, ServiceSet> = { 4: NOTHING, 6: NOTHING };
    for (const family of FAMILIES) {
      const them = this.counterpart(a, family);
      const us = this.counterpart(b, family);
      if (!them || !us) continue;
      const admitted = b.isResource ? allowedServices(this.rulesOf(b).ingress, them, family) : EVERYTHING;
      if (isEmpty(admitted)) continue;
      const sent = a.isResource ? allowedServices(this.rulesOf(a).egress, us, family) : EVERYTHING;
      services[family] = intersect(admitted, sent);
    }
    if (!isEmpty(services[4]) || !isEmpty(services[6]))
      out.set(`${from}->${to}`, { from, to, v4: services[4], v6: services[6] });
  }

  private groupKeys(flow: NodeFlow): string[] {
    const keys: string[] = [];
    for (const x of ends(this.index.nodes.get(flow.from), flow.from))
      for (const y of ends(this.index.nodes.get(flow.to), flow.to)) keys.push(`${x.id}->${y.id}`);
    return keys;
  }

  private add(flow: NodeFlow, edge = this.make(flow), touched?: Set<string>): void {
    const groupKeys: string[] = [];
    const a = ends(this.index.nodes.get(flow.from), flow.from);
    const b = ends(this.index.nodes.get(flow.to), flow.to);
    for (const x of a)
      for (const y of b) {
        const key = `${x.id}->${y.id}`;
        groupKeys.push(key);
        let entry = this.groups.get(key);
        if (!entry) {
          entry = { from: x.id, to: y.id, fromKind: x.kind, toKind: y.kind, flows: new Set() };
          this.groups.set(key, entry);
        }
        entry.flows.add(edge.id);
        touched?.add(key);
      }
    this.flows.set(edge.id, { edge, services: bothFamilies(flow), groupKeys });
    link(this.outOf, flow.from, edge.id);
    link(this.into, flow.to, edge.id);
  }

  private remove(id: string, entry: FlowEntry, touched: Set<string>): void {
    this.flows.delete(id);
    this.outOf.get(entry.edge.from)?.delete(id);
    this.into.get(entry.edge.to)?.delete(id);
    for (const key of entry.groupKeys) {
      this.groups.get(key)?.flows.delete(id);
      touched.add(key);
    }
  }

  /** Recomputes one group-level edge from the node flows it stands for. */
  private refreshGroup(key: string): GroupFlow | undefined {
    const entry = this.groups.get(key);
    if (!entry) return undefined;
    if (entry.flows.size === 0) {
      this.groups.delete(key);
      return undefined;
    }
    let svc = NOTHING;
    for (const id of entry.flows) {
      const flow = this.flows.get(id);
      if (flow) svc = union(svc, flow.services);
    }
    entry.flow = {
      id: key,
      from: entry.from,
      to: entry.to,
      fromKind: entry.fromKind,
      toKind: entry.toKind,
      services: toServices(svc),
      label: label(svc),
      pairs: entry.flows.size,
    };
    return entry.flow;
  }
}

function link(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(id);
}
