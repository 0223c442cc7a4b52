// One node's view: who can reach it, and what it can reach, optionally on one protocol or port.
import { resourceEnds } from "../../model/interfaces";
import { InputError } from "../../model/problems";
import type { Design } from "../../model/schema";
import { flowRelation, servicesBetween } from "../flows";
import { resolveEndpoint } from "../resolve";
import { isEmpty } from "../services";
import { filtered, filterSet, type TrafficFilter } from "./filter";
import { cellOf, type MatrixCell } from "./matrix";

function reach(design: Design, text: string, filter: TrafficFilter, role: "from" | "to"): MatrixCell[] {
  const id = resolveEndpoint(design, text, role);
  const relation = flowRelation(design);
  const k = relation.classes.findIndex((c) => c.members.includes(id));
  if (k < 0)
    throw new InputError([
      { path: role, severity: "error", message: `"${text}" is an address, not a node: name a node of this design` },
    ]);
  const wanted = filterSet(filter);
  const out: MatrixCell[] = [];
  relation.classes.forEach((c, other) => {
    const services = filtered(
      role === "to" ? servicesBetween(relation, other, k) : servicesBetween(relation, k, other),
      wanted,
    );
    if (isEmpty(services[4]) && isEmpty(services[6])) return;
    for (const member of c.members)
      if (member !== id) out.push(role === "to" ? cellOf(member, id, services) : cellOf(id, member, services));
  });
  const order = new Map([...resourceEnds(design.resources), ...design.externals].map((n, i) => [n.id, i]));
  const key = (cell: MatrixCell) => order.get(role === "to" ? cell.from : cell.to) ?? 0;
  return out.sort((x, y) => key(x) - key(y));
}

/** Every node that may send the filtered traffic to `target` (an id or a name). */
export function whoCanReach(design: Design, target: string, filter: TrafficFilter = {}): MatrixCell[] {
  return reach(design, target, filter, "to");
}

/** Every node `source` (an id or a name) may send the filtered traffic to. */
export function whatCanReach(design: Design, source: string, filter: TrafficFilter = {}): MatrixCell[] {
  return reach(design, source, filter, "from");
}
