// The port choice as it was first written, straight and keyed by strings: the reference that
// portsOf (ports.ts, which allocates little) must agree with, place for place.
import type { Box, Point } from "../geometry";
import type { Band, PortedEdge } from "../ports";
import type { Side } from "../route";

/**
 * Where each edge leaves and enters its nodes: the facing sides (both right sides when the two
 * overlap left to right), each side's ports spread along it in the order of the other ends, so
 * that the lines leave without crossing and the two directions of a pair are apart.
 */
export function referencePortsOf(
  boxes: ReadonlyMap<string, Box>,
  edges: readonly PortedEdge[],
): Map<string, { a: Point; b: Point; aSide: Side; bSide: Side }> {
  // One list per stretch that ports are spread along: a side of a node, or a band of it (a row).
  const sides = new Map<string, { box: Box; band?: Band; list: { edge: string; other: number; out: boolean }[] }>();
  const chosen = new Map<string, { aSide: Side; bSide: Side; s: Box; t: Box }>();
  const at = (
    node: string,
    box: Box,
    side: Side,
    band: Band | undefined,
    edge: string,
    other: number,
    out: boolean,
  ) => {
    const key = `${side === "right" ? "R" : "L"}${band ? `${band.top}:${band.bottom}` : ""}|${node}`;
    const entry = { edge, other, out };
    const stretch = sides.get(key);
    if (stretch) stretch.list.push(entry);
    else sides.set(key, band ? { box, band, list: [entry] } : { box, list: [entry] });
  };
  // The middle of the other end: of its band where it has one, so that lines to rows do not cross.
  const middle = (box: Box, band: Band | undefined) =>
    band ? box.y + (band.top + band.bottom) / 2 : box.y + box.height / 2;
  for (const e of edges) {
    const s = boxes.get(e.from);
    const t = boxes.get(e.to);
    if (!s || !t || e.from === e.to) continue;
    let aSide: Side;
    let bSide: Side;
    if (t.x >= s.x + s.width) [aSide, bSide] = ["right", "left"];
    else if (t.x + t.width <= s.x) [aSide, bSide] = ["left", "right"];
    else [aSide, bSide] = ["right", "right"];
    chosen.set(e.id, { aSide, bSide, s, t });
    at(e.from, s, aSide, e.fromBand, e.id, middle(t, e.toBand), true);
    at(e.to, t, bSide, e.toBand, e.id, middle(s, e.fromBand), false);
  }
  const y = new Map<string, number>();
  for (const { box, band, list } of sides.values()) {
    // By the other end's height; a pair's two directions side by side, outgoing first.
    list.sort((p, q) => p.other - q.other || Number(q.out) - Number(p.out) || (p.edge < q.edge ? -1 : 1));
    // A band keeps its lines a few pixels inside the row's edges; a whole side, clear of the corners.
    const [top, height, inset] = band ? [box.y + band.top, band.bottom - band.top, 4] : [box.y, box.height, 8];
    const room = Math.max(inset, height - 2 * inset);
    list.forEach((p, i) => {
      y.set(`${p.out ? "a" : "b"}${p.edge}`, top + inset + (room * (i + 1)) / (list.length + 1));
    });
  }
  const outp = new Map<string, { a: Point; b: Point; aSide: Side; bSide: Side }>();
  for (const [id, { aSide, bSide, s, t }] of chosen)
    outp.set(id, {
      aSide,
      bSide,
      a: { x: aSide === "right" ? s.x + s.width : s.x, y: y.get(`a${id}`) as number },
      b: { x: bSide === "right" ? t.x + t.width : t.x, y: y.get(`b${id}`) as number },
    });
  return outp;
}
