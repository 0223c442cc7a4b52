// Routes and labels of a picture kept from one change to the next: a line is routed again only
// when one of its ends moved, its ports moved, or a box now stands on it; a label is placed again
// only when its line changed or a box now covers it. A rule edit routes its new flows; moving a
// node routes its own flows and those it now lies on.
import { type Box, BoxIndex, type Point, segmentCrossesBox } from "./geometry";
import { labelSize } from "./measure";
import { type Band, byOtherEnd, endMiddle, type Port, portsOf } from "./ports";
import { routeBetween, type Side } from "./route";

export interface DrawnEdge {
  id: string;
  from: string;
  to: string;
  /** The label's text; none drawn when absent. */
  label?: string;
  /** Where on the side the line leaves (fromBand) or ends (toBand); the whole side when absent. */
  fromBand?: Band;
  toBand?: Band;
}

const sameBand = (a: Band | undefined, b: Band | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.top === b.top && a.bottom === b.bottom);

interface Kept {
  a: Point;
  b: Point;
  aSide: Side;
  bSide: Side;
  points: Point[];
  label?: string;
  labelBox?: Box;
}

export interface DrawingStats {
  /** Lines routed in this update. */
  routed: number;
  /** Labels placed in this update. */
  labelled: number;
  /** Milliseconds: choosing ports, routing, placing labels. */
  portsMs: number;
  routeMs: number;
  labelMs: number;
}

const sameBox = (a: Box | undefined, b: Box | undefined) =>
  a !== undefined && b !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

/** Past this many boxes changed at once, each line is checked against the index instead of each box. */
const FEW = 16;

const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

export class Drawing {
  private readonly kept = new Map<string, Kept>();
  private readonly nodes = new BoxIndex();
  private readonly labels = new BoxIndex();
  /** What labels keep clear of besides boxes and each other: the captions of ringed nodes. */
  private readonly keepOut = new BoxIndex();
  /** The edges of the last update and each node's edges: which ports a change can move. */
  private readonly edges = new Map<string, DrawnEdge>();
  private readonly incident = new Map<string, Set<string>>();
  private ports = new Map<string, Port>();
  stats: DrawingStats = { routed: 0, labelled: 0, portsMs: 0, routeMs: 0, labelMs: 0 };

  /**
   * The route of each edge (the same array while it is unchanged) and its label's box. `keepOut`:
   * boxes that labels are placed clear of, though lines may pass them (captions).
   */
  update(
    boxes: ReadonlyMap<string, Box>,
    edges: readonly DrawnEdge[],
    keepOut: ReadonlyMap<string, Box> = new Map(),
  ): Map<string, { points: Point[]; labelBox?: Box }> {
    const t0 = now();
    const newKeepOut: Box[] = [];
    for (const [id, b] of keepOut)
      if (!sameBox(this.keepOut.boxes.get(id), b)) {
        this.keepOut.add(id, b);
        newKeepOut.push(b);
      }
    for (const id of [...this.keepOut.boxes.keys()]) if (!keepOut.has(id)) this.keepOut.remove(id);
    const changed: string[] = [];
    for (const [id, b] of boxes)
      if (!sameBox(this.nodes.boxes.get(id), b)) {
        changed.push(id);
        this.nodes.add(id, b);
      }
    for (const id of [...this.nodes.boxes.keys()])
      if (!boxes.has(id)) {
        changed.push(id);
        this.nodes.remove(id);
      }
    const changedBoxes = changed.map((id) => boxes.get(id)).filter((b): b is Box => b !== undefined);
    const ports = this.portsAfter(boxes, edges, changed);
    const t1 = now();
    let routed = 0;
    const live = new Set<string>();
    const fresh: string[] = [];
    for (const e of edges) {
      const p = ports.get(e.id);
      if (!p) continue;
      live.add(e.id);
      const k = this.kept.get(e.id);
      const stands =
        k !== undefined &&
        k.aSide === p.aSide &&
        k.bSide === p.bSide &&
        samePoint(k.a, p.a) &&
        samePoint(k.b, p.b) &&
        (changed.length === 0 ||
          (changed.length <= FEW
            ? !changedBoxes.some((b) => crosses(k.points, b))
            : !k.points.some((q, i) => i > 0 && this.nodes.blocking(k.points[i - 1] as Point, q))));
      if (stands) {
        if (k.label !== e.label) {
          this.dropLabel(e.id, k);
          k.label = e.label;
          fresh.push(e.id);
        }
        continue;
      }
      if (k) this.dropLabel(e.id, k);
      const points = routeBetween(this.nodes, p.a, p.aSide, p.b, p.bSide, e.id, [e.from, e.to]);
      routed++;
      this.kept.set(e.id, { ...p, points, ...(e.label !== undefined ? { label: e.label } : {}) });
      fresh.push(e.id);
    }
    for (const [id, k] of this.kept)
      if (!live.has(id)) {
        this.dropLabel(id, k);
        this.kept.delete(id);
      }
    const t2 = now();
    // Labels a moved box (or a new caption) now covers are placed again, with the new lines' labels.
    const covering = [...changedBoxes, ...newKeepOut];
    if (covering.length > 0)
      for (const b of covering)
        for (const id of this.labels.overlapping(b)) {
          const k = this.kept.get(id);
          if (k && !fresh.includes(id)) {
            this.dropLabel(id, k);
            fresh.push(id);
          }
        }
    let labelled = 0;
    for (const id of fresh) {
      const k = this.kept.get(id);
      if (!k || k.label === undefined) continue;
      k.labelBox = placeLabel(k.points, labelSize(k.label), [this.nodes, this.labels, this.keepOut]);
      this.labels.add(id, k.labelBox);
      labelled++;
    }
    const t3 = now();
    this.stats = { routed, labelled, portsMs: t1 - t0, routeMs: t2 - t1, labelMs: t3 - t2 };
    const result = new Map<string, { points: Point[]; labelBox?: Box }>();
    for (const [id, k] of this.kept)
      result.set(id, k.labelBox ? { points: k.points, labelBox: k.labelBox } : { points: k.points });
    return result;
  }

  /**
   * Ports for this update, chosen again only around what changed: the nodes whose box changed or
   * whose edges came or went, and their neighbours (a port's place depends on the other ends'
   * heights). Every port of those nodes is placed again; every other port stands.
   */
  private portsAfter(
    boxes: ReadonlyMap<string, Box>,
    edges: readonly DrawnEdge[],
    changed: readonly string[],
  ): Map<string, Port> {
    // Nodes whose lines came or went: every port on them is placed again.
    const relined = new Set<string>();
    const next = new Map<string, DrawnEdge>();
    for (const e of edges) {
      next.set(e.id, e);
      const was = this.edges.get(e.id);
      if (
        !was ||
        was.from !== e.from ||
        was.to !== e.to ||
        !sameBand(was.fromBand, e.fromBand) ||
        !sameBand(was.toBand, e.toBand)
      ) {
        relined.add(e.from);
        relined.add(e.to);
      }
    }
    for (const [id, e] of this.edges)
      if (!next.has(id)) {
        relined.add(e.from);
        relined.add(e.to);
      }
    if (relined.size === 0 && this.ports.size > 0 && changed.length * 4 <= boxes.size)
      return this.portsAfterMove(boxes, changed);
    const dirty = new Set([...changed, ...relined]);
    this.edges.clear();
    this.incident.clear();
    for (const e of edges) {
      this.edges.set(e.id, e);
      for (const n of [e.from, e.to]) {
        const set = this.incident.get(n);
        if (set) set.add(e.id);
        else this.incident.set(n, new Set([e.id]));
      }
    }
    if (this.ports.size === 0 || dirty.size * 4 > boxes.size) {
      this.ports = portsOf(boxes, edges);
      return this.ports;
    }
    const around = new Set(dirty);
    for (const n of dirty)
      for (const id of this.incident.get(n) ?? []) {
        const e = this.edges.get(id) as DrawnEdge;
        around.add(e.from);
        around.add(e.to);
      }
    const subset = new Set<string>();
    for (const n of around) for (const id of this.incident.get(n) ?? []) subset.add(id);
    const partial = portsOf(
      boxes,
      [...subset].map((id) => this.edges.get(id) as DrawnEdge),
    );
    const ports = new Map<string, Port>();
    for (const e of edges) {
      const fresh = partial.get(e.id);
      const kept = this.ports.get(e.id);
      if (!fresh) {
        if (kept && !subset.has(e.id)) ports.set(e.id, kept);
        continue;
      }
      // An end outside `around` keeps its port: its side holds the same edges as before.
      ports.set(e.id, {
        aSide: fresh.aSide,
        bSide: fresh.bSide,
        a: around.has(e.from) || !kept ? fresh.a : kept.a,
        b: around.has(e.to) || !kept ? fresh.b : kept.b,
      });
    }
    this.ports = ports;
    return ports;
  }

  /**
   * Ports after nodes only moved (a drag, the arrow keys): the moved nodes' ports are placed
   * again; at each other end the line takes a port between those already there, in its place by
   * the moved node's height, and every other line keeps its port, so that a move routes the moved
   * node's lines only (and those it now lies on).
   */
  private portsAfterMove(boxes: ReadonlyMap<string, Box>, moved: readonly string[]): Map<string, Port> {
    const movedSet = new Set(moved);
    const subset = new Set<string>();
    for (const n of moved) for (const id of this.incident.get(n) ?? []) subset.add(id);
    if (subset.size === 0) return this.ports;
    const fresh = portsOf(
      boxes,
      [...subset].map((id) => this.edges.get(id) as DrawnEdge),
    );
    // At each end that stayed: the lines to insert, by stretch (a side, or a band of it: a row).
    const stretchOf = (node: string, side: Side, band: Band | undefined) =>
      `${side === "right" ? "R" : "L"}${band ? `${band.top}:${band.bottom}` : ""}|${node}`;
    const inserts = new Map<
      string,
      { node: string; band?: Band; list: { edge: string; other: number; out: boolean }[] }
    >();
    for (const [id, p] of fresh) {
      const e = this.edges.get(id) as DrawnEdge;
      for (const [end, other, side, band, otherBand, out] of [
        [e.from, e.to, p.aSide, e.fromBand, e.toBand, true],
        [e.to, e.from, p.bSide, e.toBand, e.fromBand, false],
      ] as const) {
        if (movedSet.has(end)) continue;
        const key = stretchOf(end, side, band);
        const entry = { edge: id, other: endMiddle(boxes.get(other) as Box, otherBand), out };
        const stretch = inserts.get(key);
        if (stretch) stretch.list.push(entry);
        else inserts.set(key, band ? { node: end, band, list: [entry] } : { node: end, list: [entry] });
      }
    }
    const placed = new Map<string, number>();
    for (const [key, { node, band, list }] of inserts) {
      const box = boxes.get(node) as Box;
      // The ports that stay on this stretch, with the heights of their other ends.
      const staying: { y: number; other: number }[] = [];
      for (const id of this.incident.get(node) ?? []) {
        if (subset.has(id)) continue;
        const p = this.ports.get(id);
        const e = this.edges.get(id) as DrawnEdge;
        if (!p) continue;
        const atFrom = e.from === node;
        if (stretchOf(node, atFrom ? p.aSide : p.bSide, atFrom ? e.fromBand : e.toBand) !== key) continue;
        const o = boxes.get(atFrom ? e.to : e.from) as Box;
        staying.push({ y: atFrom ? p.a.y : p.b.y, other: endMiddle(o, atFrom ? e.toBand : e.fromBand) });
      }
      staying.sort((p, q) => p.y - q.y);
      const byOther = staying.map((p) => p.other).sort((p, q) => p - q);
      const gaps = new Map<number, typeof list>();
      for (const entry of list) {
        let g = 0;
        while (g < byOther.length && (byOther[g] as number) < entry.other) g++;
        const inGap = gaps.get(g);
        if (inGap) inGap.push(entry);
        else gaps.set(g, [entry]);
      }
      // As portsOf: a band's lines a few pixels inside the row, a whole side's clear of the corners.
      const [top, bottom] = band
        ? [box.y + band.top + 4, box.y + band.bottom - 4]
        : [box.y + 8, box.y + box.height - 8];
      for (const [g, inGap] of gaps) {
        const lo = g === 0 ? top : (staying[g - 1] as { y: number }).y;
        const hi = g === staying.length ? bottom : (staying[g] as { y: number }).y;
        inGap.sort(byOtherEnd);
        inGap.forEach((p, k) => {
          placed.set(`${p.out ? "a" : "b"}${p.edge}`, lo + ((hi - lo) * (k + 1)) / (inGap.length + 1));
        });
      }
    }
    for (const [id, p] of fresh) {
      const e = this.edges.get(id) as DrawnEdge;
      const ay = placed.get(`a${id}`);
      const by = placed.get(`b${id}`);
      this.ports.set(id, {
        aSide: p.aSide,
        bSide: p.bSide,
        a: movedSet.has(e.from) || ay === undefined ? p.a : { x: p.a.x, y: ay },
        b: movedSet.has(e.to) || by === undefined ? p.b : { x: p.b.x, y: by },
      });
    }
    return this.ports;
  }

  private dropLabel(id: string, k: Kept): void {
    if (k.labelBox) this.labels.remove(id);
    k.labelBox = undefined;
  }
}

const crosses = (points: readonly Point[], b: Box) =>
  points.some((q, i) => i > 0 && segmentCrossesBox(points[i - 1] as Point, q, b));

/** Spots along the route, middle of the longest segments first, then beside them. */
function placeLabel(
  points: readonly Point[],
  size: { width: number; height: number },
  obstacles: readonly BoxIndex[],
): Box {
  const segments: [Point, Point, number][] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    segments.push([a, b, Math.abs(b.x - a.x) + Math.abs(b.y - a.y)]);
  }
  segments.sort((p, q) => q[2] - p[2]);
  const boxAt = (c: Point): Box => ({
    x: Math.round(c.x - size.width / 2),
    y: Math.round(c.y - size.height / 2),
    width: size.width,
    height: size.height,
  });
  const clear = (b: Box) => obstacles.every((o) => o.overlapping(b).length === 0);
  let first: Box | undefined;
  // On the line first; then beside it, a step further each time (a crowded room between columns).
  for (let shift = 0; shift <= 6; shift++) {
    for (const [a, b, len] of segments) {
      for (const f of [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9]) {
        const c = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
        const vertical = a.x === b.x;
        const away = shift === 0 ? [0] : [shift, -shift];
        for (const k of away) {
          const p = vertical
            ? { x: c.x + k * (size.width / 2 + 3), y: c.y }
            : { x: c.x, y: c.y + k * (size.height / 2 + 3) };
          const box = boxAt(p);
          first ??= box;
          if (clear(box)) return box;
        }
        if (len < size.width) break;
      }
    }
  }
  return first ?? boxAt(points[0] ?? { x: 0, y: 0 });
}
