// The canvas's lines routed around the node boxes (src/shared/diagram): each edge's data gets
// its route and its label's place. One Drawing is kept across renders, so an edit routes only
// the flows it changed, and a drag only the dragged node's lines and those it lands on.
import type { Edge, Node } from "@xyflow/react";
import { useMemo, useState } from "react";
import { type Box, Drawing, nodeCaptionBox, type Point } from "../../shared/diagram";
import { NODE_SIZE } from "./toFlow";

export interface Routed {
  route?: Point[];
  labelBox?: Box;
}

/** A node's box: its measured size, else the size it was given (all nodes, drawn or culled). */
export function boxesOf(nodes: readonly Node[]): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const n of nodes)
    out.set(n.id, {
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? n.initialWidth ?? NODE_SIZE.width,
      height: n.measured?.height ?? n.initialHeight ?? NODE_SIZE.height,
    });
  return out;
}

/** The "Reached from the Internet" caption above each ringed node: labels are placed clear of it. */
export function captionBoxesOf(nodes: readonly Node[], boxes: ReadonlyMap<string, Box>): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const n of nodes) {
    const box = boxes.get(n.id);
    if (box && (n.data as { exposed?: boolean }).exposed) out.set(n.id, nodeCaptionBox(box));
  }
  return out;
}

/** Marks the time routing takes in the renderer's own trace, for `npm run bench:ui`. */
const mark = (name: string) => (typeof performance !== "undefined" ? performance.mark(name) : undefined);

/**
 * The flow edges with their routes. An edge whose route and label place are unchanged keeps its
 * object (React Flow re-renders only what changed); `label(edge)` names the label to place, or
 * undefined where none is drawn.
 */
export function useRoutedEdges<D extends Record<string, unknown>>(
  edges: readonly Edge<D>[],
  nodes: readonly Node[],
  label: (e: Edge<D>) => string | undefined,
): Edge<D & Routed>[] {
  const [drawing] = useState(() => new Drawing());
  const [made] = useState(() => new WeakMap<Edge<D>, { route: Point[]; labelBox?: Box; edge: Edge<D & Routed> }>());
  return useMemo(() => {
    mark("palisade:route-start");
    const boxes = boxesOf(nodes);
    const routes = drawing.update(
      boxes,
      edges.map((e) => {
        const text = label(e);
        return text === undefined
          ? { id: e.id, from: e.source, to: e.target }
          : { id: e.id, from: e.source, to: e.target, label: text };
      }),
      captionBoxesOf(nodes, boxes),
    );
    const out = edges.map((e): Edge<D & Routed> => {
      const r = routes.get(e.id);
      if (!r) return e as Edge<D & Routed>;
      const before = made.get(e);
      if (before && before.route === r.points && before.labelBox === r.labelBox) return before.edge;
      const edge = {
        ...e,
        data: { ...(e.data as D), route: r.points, ...(r.labelBox ? { labelBox: r.labelBox } : {}) },
      };
      made.set(e, { route: r.points, ...(r.labelBox ? { labelBox: r.labelBox } : {}), edge });
      return edge;
    });
    mark("palisade:route-end");
    const { routed, labelled } = drawing.stats;
    if (typeof performance !== "undefined" && (routed > 0 || labelled > 0)) {
      // Drags route on every frame: the entries are kept few (the bench reads them after each edit).
      if (performance.getEntriesByType("measure").length > 500) performance.clearMeasures();
      performance.measure(
        `palisade:route routed=${drawing.stats.routed} labelled=${drawing.stats.labelled}`,
        "palisade:route-start",
        "palisade:route-end",
      );
    }
    return out;
  }, [edges, nodes, drawing, made, label]);
}
