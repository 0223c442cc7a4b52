// What a security group that no resource carries would let through, one-sided: a module of rules
// only (terraform-aws-security-group's examples, consul's rules) has groups and no members, so
// group flows, which come from members, draw nothing. Each such group shows what its own rules
// open instead: an ingress rule as an edge from its peer (the outside parties its addresses
// match, or the peer group) to the group, an egress rule as an edge from the group to its peer.
// Only the group's side is known: the other side's rules are not weighed, and no node pair
// stands behind the edge (pairs 0, rulesOnly). Never at node level.

import type { Direction } from "../model/direction";
import type { Family } from "../net/address";
import { counterpartOf } from "./flows";
import type { DesignIndex, IndexedRule } from "./index-design";
import { isEmpty, label, NOTHING, type ServiceSet, toServices, union } from "./services";
import { allowedServices } from "./side";
import type { GroupFlow } from "./types";

const FAMILIES: Family[] = [4, 6];

/** The edges the rules of every memberless group open, merged per pair of ends, sorted by id. */
export function rulesOnlyFlows(index: DesignIndex): GroupFlow[] {
  const carried = new Set<string>();
  for (const node of index.nodes.values()) for (const g of node.groups) carried.add(g.id);
  const outside = [...index.nodes.values()].filter((n) => !n.isResource);
  type Kind = GroupFlow["fromKind"];
  const acc = new Map<string, { from: string; to: string; fromKind: Kind; toKind: Kind; svc: ServiceSet }>();
  const add = (from: string, fromKind: Kind, to: string, toKind: Kind, svc: ServiceSet) => {
    const id = `${from}->${to}`;
    const had = acc.get(id);
    if (had) had.svc = union(had.svc, svc);
    else acc.set(id, { from, to, fromKind, toKind, svc });
  };
  for (const group of index.design.groups) {
    if (carried.has(group.id)) continue;
    const rules = index.rules.get(group.id);
    if (!rules) continue;
    for (const direction of ["ingress", "egress"] as Direction[]) {
      const one = (peer: string, kind: Kind, svc: ServiceSet) =>
        direction === "ingress" ? add(peer, kind, group.id, "group", svc) : add(group.id, "group", peer, kind, svc);
      const ranged: IndexedRule[] = [];
      for (const rule of rules[direction]) {
        const peer = rule.peer;
        if (peer.kind === "ranges") ranged.push(rule);
        // A reference across a peering that is gone matches no one (model/peering.ts).
        else if (!peer.stale && index.groups.has(peer.groupId)) one(peer.groupId, "group", rule.service);
      }
      if (ranged.length === 0) continue;
      // An address peer reaches the outside parties a member's rules would match, as node flows weigh them.
      for (const party of outside) {
        let svc = NOTHING;
        for (const family of FAMILIES) {
          const them = counterpartOf(party, family);
          if (them) svc = union(svc, allowedServices(ranged, them, family));
        }
        if (!isEmpty(svc)) one(party.id, "node", svc);
      }
    }
  }
  return [...acc.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([id, e]) => ({
      id,
      from: e.from,
      to: e.to,
      fromKind: e.fromKind,
      toKind: e.toKind,
      services: toServices(e.svc),
      label: label(e.svc),
      pairs: 0,
      rulesOnly: true as const,
    }));
}
