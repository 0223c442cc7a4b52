// The canvas's lines routed around the node boxes (src/shared/diagram): each edge's data gets
// its route and its label's place. One Drawing is kept across renders, so an edit routes only
// the flows it changed, and a drag only the dragged node's lines and those it lands on.
import { type Edge, type Node, useStoreApi } from "@xyflow/react";
import { useMemo, useState } from "react";
import { type Band, type Box, Drawing, nodeCaptionBox, type Point } from "../../shared/diagram";
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

type Handles = NonNullable<Node["handles"]>;

/**
 * The stretch of a node's side that a handle spans, from the node's top: a row's handle is as
 * tall as its row (.node__row in CSS). `measured`: React Flow's bounds of the node's handles as
 * drawn; `nominal`: the node's own list, for a node not yet measured.
 */
export function bandOf(
  handle: string,
  type: "source" | "target",
  measured: { source?: Handles | null; target?: Handles | null } | undefined,
  nominal: Handles | undefined,
): Band | undefined {
  const h = measured?.[type]?.find((x) => x.id === handle) ?? nominal?.find((x) => x.id === handle && x.type === type);
  return h && h.height !== undefined ? { top: h.y, bottom: h.y + h.height } : undefined;
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
  const store = useStoreApi();
  return useMemo(() => {
    mark("palisade:route-start");
    // Read when the nodes change (React Flow measures handles before it reports new sizes).
    const lookup = store.getState().nodeLookup;
    // The nodes by id, made only when an edge ends at a row that React Flow has not measured.
    let given: Map<string, Node> | undefined;
    const band = (node: string, handle: string, type: "source" | "target") => {
      const measured = lookup.get(node)?.internals.handleBounds;
      const found = bandOf(handle, type, measured, undefined);
      if (found) return found;
      given ??= new Map(nodes.map((n) => [n.id, n]));
      return bandOf(handle, type, undefined, given.get(node)?.handles);
    };
    const boxes = boxesOf(nodes);
    const routes = drawing.update(
      boxes,
      edges.map((e) => {
        const text = label(e);
        const fromBand = e.sourceHandle ? band(e.source, e.sourceHandle, "source") : undefined;
        const toBand = e.targetHandle ? band(e.target, e.targetHandle, "target") : undefined;
        return {
          id: e.id,
          from: e.source,
          to: e.target,
          ...(text !== undefined ? { label: text } : {}),
          ...(fromBand ? { fromBand } : {}),
          ...(toBand ? { toBand } : {}),
        };
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
      const { portsMs, routeMs, labelMs } = drawing.stats;
      performance.measure(
        `palisade:route routed=${routed} labelled=${labelled} ports=${portsMs.toFixed(2)} lines=${routeMs.toFixed(2)} labels=${labelMs.toFixed(2)}`,
        "palisade:route-start",
        "palisade:route-end",
      );
    }
    return out;
  }, [edges, nodes, drawing, made, label, store]);
}
