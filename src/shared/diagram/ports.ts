// Where each line leaves and enters its boxes. Runs on the whole picture when it is first drawn
// and around every change after that, so it allocates little: each end is one object that gets
// its place written on it, with no string keys made per line (at 1,000 nodes the strings and maps
// of a keyed version made most of its time, as garbage to collect, and grew with the picture).
import type { Box, Point } from "./geometry";
import type { Side } from "./route";

/** A stretch of a node's side that a line must end in, from the box's top (an interface's row). */
export interface Band {
  top: number;
  bottom: number;
}

/** What portsOf needs of a line. */
export interface PortedEdge {
  id: string;
  from: string;
  to: string;
  fromBand?: Band;
  toBand?: Band;
}

export interface Port {
  a: Point;
  b: Point;
  aSide: Side;
  bSide: Side;
}

/** One end of a line on a stretch: `other` is the height of the line's other end; `y` its place, once spread. */
interface End {
  edge: string;
  other: number;
  out: boolean;
  y: number;
}

interface Stretch {
  box: Box;
  band?: Band;
  list: End[];
}

/** A node's stretches: its two sides, and the bands (rows) of either side, by "R" or "L" and the band. */
interface Stretches {
  left?: Stretch;
  right?: Stretch;
  bands?: Map<string, Stretch>;
}

/** The middle of a line's other end: of its band where it has one, so that lines to rows do not cross. */
export const endMiddle = (box: Box, band: Band | undefined): number =>
  band ? box.y + (band.top + band.bottom) / 2 : box.y + box.height / 2;

/** The order of the ends on a stretch: by the other end's height; a pair's two directions side by side, outgoing first. */
export const byOtherEnd = (
  p: { other: number; out: boolean; edge: string },
  q: { other: number; out: boolean; edge: string },
): number => p.other - q.other || Number(q.out) - Number(p.out) || (p.edge < q.edge ? -1 : 1);

/**
 * Where each edge leaves and enters its nodes: the facing sides (both right sides when the two
 * overlap left to right), each side's ports spread along it in the order of the other ends, so
 * that the lines leave without crossing and the two directions of a pair are apart.
 */
export function portsOf(boxes: ReadonlyMap<string, Box>, edges: readonly PortedEdge[]): Map<string, Port> {
  const byNode = new Map<string, Stretches>();
  const stretches: Stretch[] = [];
  const stretchOf = (node: string, box: Box, side: Side, band: Band | undefined): Stretch => {
    let of = byNode.get(node);
    if (!of) {
      of = {};
      byNode.set(node, of);
    }
    if (!band) {
      let s = side === "right" ? of.right : of.left;
      if (!s) {
        s = { box, list: [] };
        if (side === "right") of.right = s;
        else of.left = s;
        stretches.push(s);
      }
      return s;
    }
    of.bands ??= new Map();
    const key = `${side === "right" ? "R" : "L"}${band.top}:${band.bottom}`;
    let s = of.bands.get(key);
    if (!s) {
      s = { box, band, list: [] };
      of.bands.set(key, s);
      stretches.push(s);
    }
    return s;
  };
  const lines: { id: string; aSide: Side; bSide: Side; s: Box; t: Box; a: End; b: End }[] = [];
  for (const e of edges) {
    const s = boxes.get(e.from);
    const t = boxes.get(e.to);
    if (!s || !t || e.from === e.to) continue;
    let aSide: Side = "right";
    let bSide: Side = "right";
    if (t.x >= s.x + s.width) bSide = "left";
    else if (t.x + t.width <= s.x) aSide = "left";
    const a: End = { edge: e.id, other: endMiddle(t, e.toBand), out: true, y: 0 };
    const b: End = { edge: e.id, other: endMiddle(s, e.fromBand), out: false, y: 0 };
    stretchOf(e.from, s, aSide, e.fromBand).list.push(a);
    stretchOf(e.to, t, bSide, e.toBand).list.push(b);
    lines.push({ id: e.id, aSide, bSide, s, t, a, b });
  }
  for (const { box, band, list } of stretches) {
    list.sort(byOtherEnd);
    // A band keeps its lines a few pixels inside the row's edges; a whole side, clear of the corners.
    const top = band ? box.y + band.top : box.y;
    const height = band ? band.bottom - band.top : box.height;
    const inset = band ? 4 : 8;
    const room = Math.max(inset, height - 2 * inset);
    for (let i = 0; i < list.length; i++) (list[i] as End).y = top + inset + (room * (i + 1)) / (list.length + 1);
  }
  const out = new Map<string, Port>();
  for (const { id, aSide, bSide, s, t, a, b } of lines)
    out.set(id, {
      aSide,
      bSide,
      a: { x: aSide === "right" ? s.x + s.width : s.x, y: a.y },
      b: { x: bSide === "right" ? t.x + t.width : t.x, y: b.y },
    });
  return out;
}
