// Flows aggregated to security-group level, for canvases with too many node edges to draw: one
// edge from group A to group B when some member of A may reach some member of B. Outside parties
// stand for themselves; a resource without groups stands for itself.

import type { Design } from "../model/schema";
import type { Family } from "../net/address";
import { type FlowRelation, flowRelation } from "./flows";
import { rulesOnlyFlows } from "./rules-only";
import { type SelectedClassFlow, selectedClassFlows } from "./selection";
import { isEmpty, label, type ServiceSet, toServices, union } from "./services";
import type { GroupFlow } from "./types";

/** Declared with the engine's other plain answers (types.ts), so that rules-only.ts can name it too. */
export type { GroupFlow };

/** The group flows of a design: those of members, and those of memberless groups' own rules. */
export function groupFlows(design: Design): GroupFlow[] {
  const relation = flowRelation(design);
  return withRulesOnly(aggregateGroupFlows(relation).flows, rulesOnlyFlows(relation.index));
}

/** Both lists as one, sorted by id (their ids never meet: a rules-only edge has a memberless group at one end). */
export function withRulesOnly(flows: readonly GroupFlow[], rulesOnly: readonly GroupFlow[]): GroupFlow[] {
  if (rulesOnly.length === 0) return [...flows];
  return [...flows, ...rulesOnly].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
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
  interface Entry {
    id: string;
    from: string;
    to: string;
    fromKind: GroupFlow["fromKind"];
    toKind: GroupFlow["toKind"];
    svc: ServiceSet;
    pairs: number;
  }
  interface End {
    id: string;
    kind: "group" | "node";
    /** A number per end, so that a pair of ends is a number key, not a string built per class flow. */
    n: number;
  }
  // A region has millions of class flows and some 10^5 group pairs: keys and ends are numbers
  // worked out once, not strings concatenated per class flow (that took minutes at region scale).
  const numbers = new Map<string, number>();
  const numberOf = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(id, n);
    }
    return n;
  };
  const acc = new Map<number, Entry>();
  const groupEnds: (End[] | undefined)[] = [];
  const endsOf = (k: number, members: readonly string[]): End[] => {
    const c = relation.classes[k];
    if (!c) return [];
    const node = c.representative;
    if (node.groups.length === 0) return members.map((id) => ({ id, kind: "node" as const, n: numberOf(id) }));
    let ends = groupEnds[k];
    if (!ends) {
      ends = node.groups.map((g) => ({ id: g.id, kind: "group" as const, n: numberOf(g.id) }));
      groupEnds[k] = ends;
    }
    return ends;
  };
  // Both families' services of a class flow, kept by the pair of sets (class flows share them).
  const unions = new Map<ServiceSet, Map<ServiceSet, ServiceSet>>();
  const unionOf = (a: ServiceSet, b: ServiceSet) => {
    let byB = unions.get(a);
    if (!byB) {
      byB = new Map();
      unions.set(a, byB);
    }
    let set = byB.get(b);
    if (!set) {
      set = union(a, b);
      byB.set(b, set);
    }
    return set;
  };
  const SPAN = 2 ** 26;
  for (const flow of selected) {
    const svc = unionOf(flow.services[4 as Family], flow.services[6 as Family]);
    if (isEmpty(svc)) continue;
    const pairs = flow.pairs;
    total += pairs;
    const froms = endsOf(flow.from, flow.fromMembers);
    const tos = endsOf(flow.to, flow.toMembers);
    for (const a of froms)
      for (const b of tos) {
        const key = a.n * SPAN + b.n;
        const entry = acc.get(key);
        if (entry) {
          if (entry.svc !== svc) entry.svc = union(entry.svc, svc);
          entry.pairs += pairs;
        } else
          acc.set(key, { id: `${a.id}->${b.id}`, from: a.id, to: b.id, fromKind: a.kind, toKind: b.kind, svc, pairs });
      }
    if (acc.size > max) return { flows: [], pairs: total, complete: false };
  }
  const described = new Map<ServiceSet, { services: GroupFlow["services"]; label: string }>();
  const wordsOf = (svc: ServiceSet) => {
    let d = described.get(svc);
    if (!d) {
      d = { services: toServices(svc), label: label(svc) };
      described.set(svc, d);
    }
    return d;
  };
  const flows = [...acc.values()]
    .map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      fromKind: e.fromKind,
      toKind: e.toKind,
      services: wordsOf(e.svc).services,
      label: wordsOf(e.svc).label,
      pairs: e.pairs,
    }))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { flows, pairs: total, complete: true };
}
