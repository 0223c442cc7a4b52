// What a permitted flow depends on that the files did not define (the unknowns of
// model/unknowns.ts): an unknown whose rules permit some of the flow, found by taking those rules
// away and seeing what the flow loses, and an unknown that decides whether one of its ends exists
// at all. A flow that known rules permit as well is certain whatever the unknown turns out to be:
// a known rule beside an unknown-CIDR rule in one group does not make its flows depend on the CIDR.
import type { FlowQuery } from "../model/flow-query";
import type { Design } from "../model/schema";
import { type Unknown, unknownsOf } from "../model/unknowns";
import type { Family } from "../net/address";
import { evaluateFlow } from "./evaluate";
import { classFlows, type FlowRelation, flowRelation, pairCount, servicesBetween } from "./flows";
import { MAX_NODE_FLOWS } from "./live";
import { label, type ServiceSet } from "./services";

/** The design without the rules an unknown decides. */
function without(design: Design, u: Unknown): Design {
  return {
    ...design,
    groups: design.groups.map((g) => {
      const ids = u.rules.get(g.id);
      if (!ids) return g;
      return { ...g, ingress: g.ingress.filter((r) => !ids.has(r.id)), egress: g.egress.filter((r) => !ids.has(r.id)) };
    }),
  };
}

/** Class index by node id, in a relation. */
function classOf(relation: FlowRelation): Map<string, number> {
  const out = new Map<string, number>();
  relation.classes.forEach((c, k) => {
    for (const id of c.members) out.set(id, k);
  });
  return out;
}

const sameTraffic = (a: Record<Family, ServiceSet>, b: Record<Family, ServiceSet>) =>
  label(a[4]) === label(b[4]) && label(a[6]) === label(b[6]);

/**
 * Per permitted flow (by its id, `from->to`), the unknowns it depends on; a flow that depends on
 * none is absent. For each unknown, the relation is computed again without its rules, and only the
 * flows into the members of the groups holding its ingress rules, or out of those holding its
 * egress rules, are compared: taking rules away only takes traffic away, and only there.
 */
export function flowsDependOn(design: Design): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const unknowns = unknownsOf(design);
  if (unknowns.length === 0) return out;
  const relation = flowRelation(design);
  // Too many node flows to list (a region): none is shown, so none is said to depend on anything.
  if (pairCount(relation, MAX_NODE_FLOWS) > MAX_NODE_FLOWS) return out;
  const flows = [...classFlows(relation)];
  const add = (id: string, name: string) => {
    const list = out.get(id);
    if (!list) out.set(id, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const u of unknowns) {
    // The ends whose flows may lose traffic: members of the groups holding the unknown's rules.
    const sources = new Set<string>(u.ends);
    const targets = new Set<string>(u.ends);
    for (const node of relation.index.nodes.values())
      for (const g of node.groups) {
        const ids = u.rules.get(g.id);
        if (!ids) continue;
        if (g.egress.some((r) => ids.has(r.id))) sources.add(node.id);
        if (g.ingress.some((r) => ids.has(r.id))) targets.add(node.id);
      }
    if (sources.size + targets.size === 0) continue;
    const reduced = u.rules.size > 0 ? flowRelation(without(design, u)) : undefined;
    const reducedClass = reduced ? classOf(reduced) : undefined;
    for (const f of flows) {
      const from = relation.classes[f.from]?.members ?? [];
      const to = relation.classes[f.to]?.members ?? [];
      if (!from.some((a) => sources.has(a)) && !to.some((b) => targets.has(b))) continue;
      for (const a of from)
        for (const b of to) {
          if (a === b || !(sources.has(a) || targets.has(b))) continue;
          const id = `${a}->${b}`;
          if (u.ends.has(a) || u.ends.has(b)) add(id, u.name);
          else if (reduced && reducedClass) {
            const left = servicesBetween(reduced, reducedClass.get(a) as number, reducedClass.get(b) as number);
            if (!sameTraffic(left, f.services)) add(id, u.name);
          }
        }
    }
  }
  return out;
}

/** The unknowns a permitted verdict depends on: those without whose rules it is not permitted, and those its ends' existence waits on. */
export function verdictDependsOn(design: Design, query: FlowQuery): string[] {
  const out: string[] = [];
  for (const u of unknownsOf(design)) {
    if (u.ends.has(query.from) || u.ends.has(query.to)) out.push(u.name);
    else if (u.rules.size > 0 && !evaluateFlow(without(design, u), query).permitted) out.push(u.name);
  }
  return out;
}
