// What a permitted flow depends on that the files did not define (the unknowns of
// model/unknowns.ts): an unknown whose rules permit some of the flow, found by taking those rules
// away and seeing what the flow loses, and an unknown that decides whether one of its ends exists
// at all. A flow that known rules permit as well is certain whatever the unknown turns out to be:
// a known rule beside an unknown-CIDR rule in one group does not make its flows depend on the CIDR.
import type { FlowQuery } from "../model/flow-query";
import type { Design } from "../model/schema";
import { type Unknown, unknownsOf } from "../model/unknowns";
import { evaluateFlow } from "./evaluate";
import { LiveFlows } from "./live";

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

/**
 * Per permitted flow (by its id, `from->to`), the unknowns it depends on; a flow that depends on
 * none is absent. Each unknown's rules are taken away as one edit of the live relation, so only
 * the flows of the groups that hold them are computed again.
 */
export function flowsDependOn(design: Design): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const unknowns = unknownsOf(design);
  if (unknowns.length === 0) return out;
  const add = (id: string, name: string) => {
    const list = out.get(id);
    if (!list) out.set(id, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  const live = new LiveFlows(design);
  const flows = live.flowList();
  for (const u of unknowns) {
    if (u.ends.size > 0) for (const f of flows) if (u.ends.has(f.from) || u.ends.has(f.to)) add(f.id, u.name);
    if (u.rules.size === 0) continue;
    // Taking rules away only takes traffic away: every flow that changes loses some.
    const change = live.update(without(design, u));
    for (const f of change.flows.upsert) add(f.id, u.name);
    for (const id of change.flows.remove) add(id, u.name);
    live.update(design);
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
