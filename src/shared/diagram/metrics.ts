// What makes a picture hard to read, counted: lines that pass under a box they do not connect,
// labels that overlap a box, another label or a caption, and lines that cross.
import { BoxIndex, type Point } from "./geometry";
import type { Diagram } from "./types";

export interface DiagramMetrics {
  nodes: number;
  edges: number;
  /** Edges that pass through the box of a node that is not one of their ends (target 0). */
  edgesThroughBoxes: number;
  /** Labels overlapping a node, another label or a tier's caption (target 0). */
  overlappingLabels: number;
  /** Pairs of edges that cross (reported). */
  crossings: number;
}

export function diagramMetrics(d: Diagram): DiagramMetrics {
  const nodes = new BoxIndex(d.nodes.map((n) => [n.id, n.box]));
  let through = 0;
  for (const e of d.edges) {
    const hit = e.points.some(
      (q, i) =>
        i > 0 && nodes.blocking(e.points[i - 1] as Point, q, (id) => id === e.from || id === e.to) !== undefined,
    );
    if (hit) through++;
  }
  const labels = new BoxIndex();
  const captions = new BoxIndex(d.captions.map((c, i) => [`caption${i}`, c.box]));
  let overlapping = 0;
  for (const e of d.edges) {
    if (!e.labelBox) continue;
    const hitsNode = nodes.overlapping(e.labelBox).length > 0;
    const hitsLabel = labels.overlapping(e.labelBox).length > 0;
    const hitsCaption = captions.overlapping(e.labelBox).length > 0;
    if (hitsNode || hitsLabel || hitsCaption) overlapping++;
    labels.add(e.id, e.labelBox);
  }
  return {
    nodes: d.nodes.length,
    edges: d.edges.length,
    edgesThroughBoxes: through,
    overlappingLabels: overlapping,
    crossings: crossings(d),
  };
}

/**
 * Pairs of edges that cross: a horizontal segment of one through a vertical segment of the other
 * (routes are orthogonal; a diagonal segment counts as both). Edges that share an end node leave
 * it side by side and are not counted.
 */
function crossings(d: Diagram): number {
  const hs: { edge: number; x0: number; x1: number; y: number }[] = [];
  const vs: { edge: number; y0: number; y1: number; x: number }[] = [];
  d.edges.forEach((e, k) => {
    for (let i = 1; i < e.points.length; i++) {
      const a = e.points[i - 1] as Point;
      const b = e.points[i] as Point;
      if (a.y === b.y || a.x !== b.x)
        hs.push({ edge: k, x0: Math.min(a.x, b.x), x1: Math.max(a.x, b.x), y: (a.y + b.y) / 2 });
      if (a.x === b.x || a.y !== b.y)
        vs.push({ edge: k, y0: Math.min(a.y, b.y), y1: Math.max(a.y, b.y), x: (a.x + b.x) / 2 });
    }
  });
  hs.sort((p, q) => p.y - q.y);
  const ys = hs.map((h) => h.y);
  const pairs = new Set<number>();
  const m = d.edges.length;
  for (const v of vs) {
    // The horizontal segments at heights strictly between the vertical one's ends.
    let lo = 0;
    let hi = ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ys[mid] as number) <= v.y0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hs.length && (ys[i] as number) < v.y1; i++) {
      const h = hs[i] as (typeof hs)[number];
      if (h.edge === v.edge || h.x0 >= v.x || h.x1 <= v.x) continue;
      const e1 = d.edges[h.edge] as Diagram["edges"][number];
      const e2 = d.edges[v.edge] as Diagram["edges"][number];
      if (e1.from === e2.from || e1.from === e2.to || e1.to === e2.from || e1.to === e2.to) continue;
      pairs.add(Math.min(h.edge, v.edge) * m + Math.max(h.edge, v.edge));
    }
  }
  return pairs.size;
}
