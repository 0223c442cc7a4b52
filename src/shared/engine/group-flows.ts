// Flows aggregated to security-group level, for canvases with too many node edges to draw: one
// edge from group A to group B when some member of A may reach some member of B. Outside parties
// stand for themselves; a resource without groups stands for itself.

import type { Design } from "../model/schema";
import type { Family } from "../net/address";
import { type FlowRelation, flowRelation } from "./flows";
import { type SelectedClassFlow, selectedClassFlows } from "./selection";
import { isEmpty, label, NOTHING, type ServiceSet, toServices, union } from "./services";
import type { Service } from "./types";

export interface GroupFlow {
  /** `${from}->${to}`; ends are group ids, or node ids for outside parties and groupless resources. */
  id: string;
  from: string;
  to: string;
  fromKind: "group" | "node";
  toKind: "group" | "node";
  services: Service[];
  label: string;
  /** How many ordered node pairs this edge stands for. */
  pairs: number;
}

export function groupFlows(design: Design): GroupFlow[] {
  return aggregateGroupFlows(flowRelation(design)).flows;
}

/**
 * Group flows of a relation, and how many node pairs may talk in all (each counted once). Stops
 * once there are more than `max` group flows (complete: false; pairs then counts those seen).
 * `selected` may be a selection of the class flows (the CLI's --from/--to): pairs then count only
 * the selected members.
 */
export function aggregateGroupFlows(
  relation: FlowRelation,
  max = Number.POSITIVE_INFINITY,
  selected: Iterable<SelectedClassFlow> = selectedClassFlows(relation),
): { flows: GroupFlow[]; pairs: number; complete: boolean } {
  let total = 0;
  const acc = new Map<
    string,
    {
      from: string;
      to: string;
      fromKind: GroupFlow["fromKind"];
      toKind: GroupFlow["toKind"];
      svc: ServiceSet;
      pairs: number;
    }
  >();
  const endsOf = (k: number, members: readonly string[]): { id: string; kind: "group" | "node" }[] => {
    const c = relation.classes[k];
    if (!c) return [];
    const node = c.representative;
    if (node.groups.length === 0) return members.map((id) => ({ id, kind: "node" as const }));
    return node.groups.map((g) => ({ id: g.id, kind: "group" as const }));
  };
  for (const flow of selected) {
    const svc = ([4, 6] as Family[]).reduce((s, f) => union(s, flow.services[f]), NOTHING);
    if (isEmpty(svc)) continue;
    const pairs = flow.pairs;
    total += pairs;
    for (const a of endsOf(flow.from, flow.fromMembers))
      for (const b of endsOf(flow.to, flow.toMembers)) {
        const id = `${a.id}->${b.id}`;
        const entry = acc.get(id);
        if (entry) {
          entry.svc = union(entry.svc, svc);
          entry.pairs += pairs;
        } else acc.set(id, { from: a.id, to: b.id, fromKind: a.kind, toKind: b.kind, svc, pairs });
      }
    if (acc.size > max) return { flows: [], pairs: total, complete: false };
  }
  const flows = [...acc.entries()]
    .map(([id, e]) => ({
      id,
      from: e.from,
      to: e.to,
      fromKind: e.fromKind,
      toKind: e.toKind,
      services: toServices(e.svc),
      label: label(e.svc),
      pairs: e.pairs,
    }))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { flows, pairs: total, complete: true };
}
