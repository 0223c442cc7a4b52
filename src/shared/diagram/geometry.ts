// Boxes, points and orthogonal segments, and a bucket index of boxes for "what is near here":
// the router and the label placer ask it thousands of times on a large design.

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const grow = (b: Box, by: number): Box => ({
  x: b.x - by,
  y: b.y - by,
  width: b.width + 2 * by,
  height: b.height + 2 * by,
});

/** Whether two boxes share some area (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether the segment a-b passes through the inside of box (running along its border does not count). */
export function segmentCrossesBox(a: Point, b: Point, box: Box): boolean {
  const x0 = box.x;
  const x1 = box.x + box.width;
  const y0 = box.y;
  const y1 = box.y + box.height;
  // Liang-Barsky clipping against the open box.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  if (t1 - t0 <= 1e-9) return false;
  // The part inside must be strictly inside, not on the border.
  const mx = a.x + dx * ((t0 + t1) / 2);
  const my = a.y + dy * ((t0 + t1) / 2);
  return mx > x0 && mx < x1 && my > y0 && my < y1;
}

/** Whether two segments cross or overlap (touching at an end counts). */
export function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (p: Point, q: Point, r: Point) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (p: Point, q: Point, r: Point) =>
    Math.min(p.x, q.x) <= r.x && r.x <= Math.max(p.x, q.x) && Math.min(p.y, q.y) <= r.y && r.y <= Math.max(p.y, q.y);
  return (
    (d1 === 0 && on(c, d, a)) || (d2 === 0 && on(c, d, b)) || (d3 === 0 && on(a, b, c)) || (d4 === 0 && on(a, b, d))
  );
}

export const polylineLength = (points: readonly Point[]): number => {
  let n = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    n += Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
  }
  return n;
};

/** An SVG path through the points. */
export const pathOf = (points: readonly Point[]): string =>
  points.map((p, i) => `${i === 0 ? "M" : "L"}${Math.round(p.x * 10) / 10} ${Math.round(p.y * 10) / 10}`).join(" ");

const CELL = 256;

/** Boxes by id in square buckets: the ones near a point, a segment or a box, without a pass over all. */
export class BoxIndex {
  private readonly cells = new Map<number, string[]>();
  readonly boxes = new Map<string, Box>();

  constructor(boxes?: Iterable<[string, Box]>) {
    if (boxes) for (const [id, b] of boxes) this.add(id, b);
  }

  private static key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  private span(b: Box): [number, number, number, number] {
    return [
      Math.floor(b.x / CELL),
      Math.floor(b.y / CELL),
      Math.floor((b.x + b.width) / CELL),
      Math.floor((b.y + b.height) / CELL),
    ];
  }

  add(id: string, b: Box): void {
    if (this.boxes.has(id)) this.remove(id);
    this.boxes.set(id, b);
    const [x0, y0, x1, y1] = this.span(b);
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const k = BoxIndex.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(id);
        else this.cells.set(k, [id]);
      }
  }

  remove(id: string): void {
    const b = this.boxes.get(id);
    if (!b) return;
    this.boxes.delete(id);
    const [x0, y0, x1, y1] = this.span(b);
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const k = BoxIndex.key(cx, cy);
        const list = this.cells.get(k);
        if (!list) continue;
        const i = list.indexOf(id);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) this.cells.delete(k);
      }
  }

  /** Ids of boxes whose bucket meets the area (a superset of those that overlap it). */
  near(area: Box): Set<string> {
    const out = new Set<string>();
    const [x0, y0, x1, y1] = this.span(area);
    // A very large area: every box, rather than millions of empty buckets.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size * 4) {
      for (const id of this.boxes.keys()) out.add(id);
      return out;
    }
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(BoxIndex.key(cx, cy));
        if (list) for (const id of list) out.add(id);
      }
    return out;
  }

  /** The first box (other than those skipped) that the segment passes through, if any. */
  blocking(a: Point, b: Point, skip?: (id: string) => boolean): string | undefined {
    const area = {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      width: Math.abs(b.x - a.x),
      height: Math.abs(b.y - a.y),
    };
    for (const id of this.near(area)) {
      if (skip?.(id)) continue;
      if (segmentCrossesBox(a, b, this.boxes.get(id) as Box)) return id;
    }
    return undefined;
  }

  /** Ids of boxes overlapping the box. */
  overlapping(box: Box): string[] {
    const out: string[] = [];
    for (const id of this.near(box)) if (overlaps(box, this.boxes.get(id) as Box)) out.push(id);
    return out;
  }
}
