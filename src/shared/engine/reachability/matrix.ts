// Who reaches whom, as a table: rows are sources, columns targets, each cell the traffic that
// passes. Computed from the class relation, so identical nodes cost one evaluation.
import { resourceEnds } from "../../model/interfaces";
import type { Design } from "../../model/schema";
import type { Family } from "../../net/address";
import { type ClassFlow, classFlows, type FlowRelation, flowRelation, servicesBetween } from "../flows";
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

export interface MatrixOptions extends TrafficFilter {
  /** Only these nodes as rows and columns (a selection, the nodes on screen); absent = every node. */
  nodes?: string[];
  /** List at most this many cells; the rest are counted in `omitted` (a fleet that admits itself is a million). */
  maxCells?: number;
}

export interface ReachabilityMatrix {
  filter: MatrixOptions;
  /** The nodes asked about (every node by default), in design order: rows are sources, columns targets. */
  nodes: MatrixNode[];
  /** Only the cells where something passes, row by row. */
  cells: MatrixCell[];
  /** Cells where something passes that are not listed (past maxCells). */
  omitted?: number;
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

/** Class flows between the classes of the chosen nodes only: a few classes cost a few look-ups. */
function* flowsAmong(relation: FlowRelation, chosen: Set<string>): Generator<ClassFlow> {
  const classes = new Set<number>();
  relation.classes.forEach((c, k) => {
    if (c.members.some((m) => chosen.has(m))) classes.add(k);
  });
  for (const s of classes)
    for (const t of classes) {
      const services = servicesBetween(relation, s, t);
      if (!isEmpty(services[4]) || !isEmpty(services[6])) yield { from: s, to: t, services };
    }
}

export function reachabilityMatrix(design: Design, options: MatrixOptions = {}): ReachabilityMatrix {
  const relation = flowRelation(design);
  const wanted = filterSet(options);
  const chosen = options.nodes ? new Set(options.nodes) : undefined;
  const keep = (id: string) => !chosen || chosen.has(id);
  const cells: MatrixCell[] = [];
  const max = options.maxCells ?? Number.POSITIVE_INFINITY;
  let omitted = 0;
  for (const flow of chosen ? flowsAmong(relation, chosen) : classFlows(relation)) {
    const services = filtered(flow.services, wanted);
    if (isEmpty(services[4]) && isEmpty(services[6])) continue;
    const from = relation.classes[flow.from]?.members ?? [];
    const to = relation.classes[flow.to]?.members ?? [];
    if (!chosen && cells.length + from.length * to.length > max) {
      // Past the limit, whole class flows are counted, not listed.
      omitted += from.length * to.length - (flow.from === flow.to ? from.length : 0);
      continue;
    }
    for (const a of from)
      if (keep(a))
        for (const b of to)
          if (a !== b && keep(b)) {
            if (cells.length < max) cells.push(cellOf(a, b, services));
            else omitted++;
          }
  }
  const nodes: MatrixNode[] = [
    ...resourceEnds(design.resources).map((r) => ({
      id: r.id,
      name: r.name || r.id,
      kind: r.kind as string,
      inside: true,
    })),
    ...design.externals.map((e) => ({ id: e.id, name: e.name || e.id, kind: e.kind as string, inside: false })),
  ].filter((n) => keep(n.id));
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  cells.sort(
    (x, y) => (order.get(x.from) ?? 0) - (order.get(y.from) ?? 0) || (order.get(x.to) ?? 0) - (order.get(y.to) ?? 0),
  );
  const { maxCells: _, ...filter } = options;
  return { filter, nodes, cells, ...(omitted > 0 ? { omitted } : {}) };
}
