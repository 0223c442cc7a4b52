// Flows from some nodes to some others, at any level (node pairs, classes, groups), without
// enumerating the pairs that are not asked for: the selection is applied to the class flows, whose
// number is that of the rules, and node pairs are expanded from the selected members only.

import { contains, parseAddress } from "../net/address";
import { type ClassFlow, classFlows, type FlowRelation, type NodeFlow } from "./flows";
import type { DesignIndex } from "./index-design";

/** Nodes a filter keeps, by id; undefined keeps every node. */
export interface Selection {
  from?: ReadonlySet<string>;
  to?: ReadonlySet<string>;
}

/** A class flow with the members the selection keeps at each end, and how many node pairs they make. */
export interface SelectedClassFlow extends ClassFlow {
  fromMembers: readonly string[];
  toMembers: readonly string[];
  pairs: number;
}

/**
 * The nodes an end names, as resolveEndpoint returns it (a node id, or a literal address): the
 * node itself, or every node whose addresses hold the address (a sketch's unstated address is
 * somewhere in its range, so it may be the one).
 */
export function nodesNamed(index: DesignIndex, endpoint: string): Set<string> {
  if (index.nodes.has(endpoint)) return new Set([endpoint]);
  const address = parseAddress(endpoint);
  const out = new Set<string>();
  if (!address) return out;
  for (const [id, node] of index.nodes)
    if (node.addresses[address.family]?.ranges.some((r) => contains(r, address))) out.add(id);
  return out;
}

function keep(members: readonly string[], only: ReadonlySet<string> | undefined): readonly string[] {
  return only ? members.filter((id) => only.has(id)) : members;
}

/** Every class flow with a selected member at both ends. */
export function* selectedClassFlows(relation: FlowRelation, selection: Selection = {}): Generator<SelectedClassFlow> {
  const { classes } = relation;
  // Members kept per class, worked out once per class rather than once per class flow.
  const kept = (only: ReadonlySet<string> | undefined) => {
    const cache = new Map<number, readonly string[]>();
    return (k: number) => {
      let members = cache.get(k);
      if (!members) {
        members = keep(classes[k]?.members ?? [], only);
        cache.set(k, members);
      }
      return members;
    };
  };
  const fromOf = kept(selection.from);
  const toOf = kept(selection.to);
  const all = !selection.from && !selection.to;
  for (const flow of classFlows(relation)) {
    // Nothing selected (the common case, a region's millions of class flows): members as they are.
    if (all) {
      const fromMembers = classes[flow.from]?.members ?? [];
      const toMembers = classes[flow.to]?.members ?? [];
      const pairs = fromMembers.length * toMembers.length - (flow.from === flow.to ? fromMembers.length : 0);
      if (pairs > 0) yield { from: flow.from, to: flow.to, services: flow.services, fromMembers, toMembers, pairs };
      continue;
    }
    const fromMembers = fromOf(flow.from);
    if (fromMembers.length === 0) continue;
    const toMembers = toOf(flow.to);
    if (toMembers.length === 0) continue;
    // Within one class a node does not flow to itself: take out the nodes kept at both ends.
    let same = 0;
    if (flow.from === flow.to) {
      const targets = new Set(toMembers);
      for (const id of fromMembers) if (targets.has(id)) same++;
    }
    const pairs = fromMembers.length * toMembers.length - same;
    if (pairs > 0) yield { from: flow.from, to: flow.to, services: flow.services, fromMembers, toMembers, pairs };
  }
}

/** The node pairs of selected class flows, one at a time: nothing is held but the current flow. */
export function* selectedNodeFlows(flows: Iterable<SelectedClassFlow>): Generator<NodeFlow> {
  for (const flow of flows)
    for (const a of flow.fromMembers)
      for (const b of flow.toMembers) if (a !== b) yield { from: a, to: b, v4: flow.services[4], v6: flow.services[6] };
}
