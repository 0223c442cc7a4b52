// Who reaches whom, as a table: rows are sources, columns targets, each cell the traffic that
// passes. Computed from the class relation, so identical nodes cost one evaluation.
import type { Design } from "../../model/schema";
import type { Family } from "../../net/address";
import { classFlows, flowRelation } from "../flows";
import { isEmpty, type ServiceSet, toServices, union } from "../services";
import type { Service } from "../types";
import { familyLabel, filtered, filterSet, type TrafficFilter } from "./filter";

export interface MatrixNode {
  id: string;
  name: string;
  kind: string;
  /** Inside AWS (has security groups) or an outside party. */
  inside: boolean;
}

export interface MatrixCell {
  from: string;
  to: string;
  /** What passes, cut down to the filter: "tcp 443", "all traffic". */
  label: string;
  services: Service[];
  families: Family[];
}

export interface ReachabilityMatrix {
  filter: TrafficFilter;
  /** Every node, in design order: rows are sources, columns targets. */
  nodes: MatrixNode[];
  /** Only the cells where something passes, row by row. */
  cells: MatrixCell[];
}

export function cellOf(from: string, to: string, services: Record<Family, ServiceSet>): MatrixCell {
  return {
    from,
    to,
    label: familyLabel(services),
    services: toServices(union(services[4], services[6])),
    families: ([4, 6] as const).filter((f) => !isEmpty(services[f])),
  };
}

export function reachabilityMatrix(design: Design, filter: TrafficFilter = {}): ReachabilityMatrix {
  const relation = flowRelation(design);
  const wanted = filterSet(filter);
  const cells: MatrixCell[] = [];
  for (const flow of classFlows(relation)) {
    const services = filtered(flow.services, wanted);
    if (isEmpty(services[4]) && isEmpty(services[6])) continue;
    for (const a of relation.classes[flow.from]?.members ?? [])
      for (const b of relation.classes[flow.to]?.members ?? []) if (a !== b) cells.push(cellOf(a, b, services));
  }
  const nodes: MatrixNode[] = [
    ...design.resources.map((r) => ({ id: r.id, name: r.name || r.id, kind: r.kind, inside: true })),
    ...design.externals.map((e) => ({ id: e.id, name: e.name || e.id, kind: e.kind, inside: false })),
  ];
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  cells.sort(
    (x, y) => (order.get(x.from) ?? 0) - (order.get(y.from) ?? 0) || (order.get(x.to) ?? 0) - (order.get(y.to) ?? 0),
  );
  return { filter, nodes, cells };
}
