// The edges React Flow is given on a canvas with thousands of them: those near the view. React
// Flow checks every edge it holds against the view on each change of its store (each frame of a
// pan, each measured node, each prop), so 15,000 group edges cost a few milliseconds a frame
// even though some hundred are drawn. Here the edges are filtered once per *window*, a box three
// times the view each way, found again only when the view leaves it (or shrinks well inside it),
// and React Flow still culls what it is given to the view itself.
import { type Edge, type Node, type ReactFlowState, useStore } from "@xyflow/react";
import { useCallback, useMemo, useRef } from "react";
import type { Box } from "./flowInstance";

/** Up to this many edges React Flow is given all of them. */
export const EDGE_WINDOW_FROM = 1500;

/** The view in flow coordinates, or undefined before the pane has a size. */
export function viewOf(transform: readonly [number, number, number], width: number, height: number): Box | undefined {
  const [tx, ty, zoom] = transform;
  if (!width || !height || !zoom) return undefined;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

const inside = (a: Box, b: Box) =>
  a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/**
 * The window for a view: `current` while the view is inside it and not much smaller (zoomed in
 * far, it would keep thousands of edges no longer near), else the view grown by its own size on
 * every side.
 */
export function windowFor(view: Box, current: Box | undefined): Box {
  if (current && inside(view, current) && view.width * view.height * 25 >= current.width * current.height)
    return current;
  return { x: view.x - view.width, y: view.y - view.height, width: view.width * 3, height: view.height * 3 };
}

/** A node's box: its measured size, else the size it was given before it was measured. */
export function boxOfNode(n: Pick<Node, "position" | "measured" | "initialWidth" | "initialHeight">): Box {
  return {
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? n.initialWidth ?? 0,
    height: n.measured?.height ?? n.initialHeight ?? 0,
  };
}

/**
 * The edges whose box (around both ends, as React Flow's own check) meets `area`, in their order;
 * an edge with an end not found is left out, as React Flow would not draw it either.
 */
export function edgesIn<E extends Pick<Edge, "source" | "target">>(
  edges: readonly E[],
  boxes: ReadonlyMap<string, Box>,
  area: Box,
): E[] {
  const x1 = area.x + area.width;
  const y1 = area.y + area.height;
  return edges.filter((e) => {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) return false;
    const left = Math.min(s.x, t.x);
    const top = Math.min(s.y, t.y);
    const right = Math.max(s.x + s.width, t.x + t.width);
    const bottom = Math.max(s.y + s.height, t.y + t.height);
    return left <= x1 && right >= area.x && top <= y1 && bottom >= area.y;
  });
}

/**
 * The edges to give React Flow: all of them up to EDGE_WINDOW_FROM, else those near the view.
 * The canvas re-renders when the window moves, not on every frame of a pan.
 */
export function useEdgeWindow<E extends Edge>(edges: E[], nodes: readonly Node[]): E[] {
  const windowed = edges.length > EDGE_WINDOW_FROM;
  const current = useRef<Box | undefined>(undefined);
  const select = useCallback(
    (s: ReactFlowState): Box | undefined => {
      if (!windowed) return undefined;
      const view = viewOf(s.transform, s.width, s.height);
      if (!view) return current.current;
      current.current = windowFor(view, current.current);
      return current.current;
    },
    [windowed],
  );
  const area = useStore(select);
  const boxes = useMemo(() => {
    if (!windowed) return undefined;
    const out = new Map<string, Box>();
    for (const n of nodes) out.set(n.id, boxOfNode(n));
    return out;
  }, [windowed, nodes]);
  // The same edges as last time (a node measured or dragged far from the view): the same array.
  const last = useRef<E[]>([]);
  return useMemo(() => {
    if (!boxes) return edges;
    // Before the pane has a size nothing is known to be near: nothing, rather than all of them.
    const next = area ? edgesIn(edges, boxes, area) : [];
    const prev = last.current;
    if (next.length === prev.length && next.every((e, i) => e === prev[i])) return prev;
    last.current = next;
    return next;
  }, [edges, boxes, area]);
}
