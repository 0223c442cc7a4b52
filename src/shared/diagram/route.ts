// Orthogonal routes that go around node boxes. Most lines of a layered picture are a Z through
// the room between two columns, tried first at a few places; the rest take the shortest path
// with fewest bends over the grid of the nearby boxes' sides (A*), grown to the whole picture
// when the nearby boxes leave no way through.
import { type Box, type BoxIndex, grow, type Point, segmentCrossesBox } from "./geometry";

export type Side = "left" | "right";

/** Straight out of a node before the first bend, and the clearance kept from other boxes. */
export const STUB = 14;
const CLEAR = 8;
const BEND = 24;
const NEAR = 160;

const out = (p: Point, side: Side, by: number): Point => ({ x: p.x + (side === "right" ? by : -by), y: p.y });

/** A number in 0..1 from an id: where in the room between columns a line runs, the same each time. */
export function spread(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

/** No segment passes through a box, nor within CLEAR of a box other than its own ends. */
function free(index: BoxIndex, points: readonly Point[], ends: readonly string[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const area = grow(
      { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) },
      CLEAR,
    );
    for (const id of index.near(area)) {
      const box = index.boxes.get(id) as Box;
      if (segmentCrossesBox(a, b, ends.includes(id) ? box : grow(box, CLEAR - 1))) return false;
    }
  }
  return true;
}

/** Bend places from `preferred` outward, every 8 pixels, inside lo..hi. */
function* places(preferred: number, lo: number, hi: number): Generator<number> {
  yield preferred;
  for (let k = 1; k < 40; k++) {
    const up = preferred + 8 * k;
    const down = preferred - 8 * k;
    if (up > hi && down < lo) return;
    if (up <= hi) yield up;
    if (down >= lo) yield down;
  }
}

/** A route from port a (on side aSide of its node) to port b. */
export function routeBetween(
  index: BoxIndex,
  a: Point,
  aSide: Side,
  b: Point,
  bSide: Side,
  id: string,
  ends: readonly string[] = [],
): Point[] {
  const a1 = out(a, aSide, STUB);
  const b1 = out(b, bSide, STUB);
  const f = spread(id);
  if (Math.abs(a.y - b.y) < 0.5 && aSide !== bSide && (aSide === "right" ? a.x < b.x : a.x > b.x)) {
    const straight = [a, b];
    if (free(index, straight, ends)) return straight;
  }
  let lo: number;
  let hi: number;
  let preferred: number;
  if (aSide !== bSide) {
    lo = Math.min(a1.x, b1.x);
    hi = Math.max(a1.x, b1.x);
    preferred = lo + (hi - lo) * (0.3 + 0.4 * f);
    // A Z only runs forward: out of a's side towards b's.
    const forward = aSide === "right" ? a1.x <= b1.x : a1.x >= b1.x;
    if (!forward) lo = hi + 1;
  } else if (aSide === "right") {
    lo = Math.max(a1.x, b1.x);
    hi = lo + 160;
    preferred = lo + 40 * f;
  } else {
    hi = Math.min(a1.x, b1.x);
    lo = hi - 160;
    preferred = hi - 40 * f;
  }
  if (lo <= hi)
    for (const x of places(preferred, lo, hi)) {
      const z = [a, { x, y: a.y }, { x, y: b.y }, b];
      if (free(index, z, ends)) return simplify(z);
    }
  const around = detour(index, a, a1, aSide, b, b1, bSide, f, ends);
  if (around) return simplify(around);
  const area = {
    x: Math.min(a1.x, b1.x) - NEAR,
    y: Math.min(a1.y, b1.y) - NEAR,
    width: Math.abs(a1.x - b1.x) + 2 * NEAR,
    height: Math.abs(a1.y - b1.y) + 2 * NEAR,
  };
  const path = gridPath(index, a1, b1, area) ?? gridPath(index, a1, b1, undefined);
  if (path) return simplify([a, ...path, b]);
  return simplify([a, a1, { x: a1.x, y: b1.y }, b1, b]);
}

/**
 * Out of a's side into the room beside it, along a corridor between the boxes in the way, into
 * the room beside b: the usual shape of a line that skips a column. The corridor's height is
 * found by stepping over the boxes that block it, a few at most.
 */
function detour(
  index: BoxIndex,
  a: Point,
  a1: Point,
  aSide: Side,
  b: Point,
  b1: Point,
  bSide: Side,
  f: number,
  ends: readonly string[],
): Point[] | undefined {
  const da = aSide === "right" ? 1 : -1;
  const db = bSide === "right" ? 1 : -1;
  for (const x1 of [a1.x + da * (10 + 50 * f), a1.x])
    for (const x2 of [b1.x + db * (10 + 50 * (1 - f)), b1.x]) {
      const tried = new Set<number>();
      const queue = [b.y, a.y];
      while (queue.length > 0 && tried.size < 10) {
        const cy = queue.shift() as number;
        if (tried.has(cy)) continue;
        tried.add(cy);
        const route = [a, { x: x1, y: a.y }, { x: x1, y: cy }, { x: x2, y: cy }, { x: x2, y: b.y }, b];
        if (free(index, route, ends)) return route;
        // Step over what blocks the corridor itself, nearest way first.
        const blocker = index.blocking({ x: x1, y: cy }, { x: x2, y: cy });
        if (!blocker) continue;
        const box = index.boxes.get(blocker) as Box;
        const above = box.y - 2 * CLEAR;
        const below = box.y + box.height + 2 * CLEAR;
        if (Math.abs(above - cy) <= Math.abs(below - cy)) queue.push(above, below);
        else queue.push(below, above);
      }
    }
  return undefined;
}

function simplify(points: Point[]): Point[] {
  const outp: Point[] = [];
  for (const p of points) {
    const last = outp[outp.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = outp[outp.length - 2];
    if (
      last &&
      prev &&
      ((Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) ||
        (Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))
    )
      outp[outp.length - 1] = p;
    else outp.push(p);
  }
  return outp;
}

const lowerBound = (xs: readonly number[], v: number): number => {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * The cheapest path (length, plus BEND per bend) from s to t along the lines through the sides of
 * the boxes (grown by CLEAR) in `area` (all boxes when undefined), never through a box.
 */
function gridPath(
  index: BoxIndex,
  s: Point,
  t: Point,
  area: { x: number; y: number; width: number; height: number } | undefined,
): Point[] | undefined {
  const ids = area ? index.near(area) : new Set(index.boxes.keys());
  const boxes = [...ids].map((id) => index.boxes.get(id) as { x: number; y: number; width: number; height: number });
  let x0 = Math.min(s.x, t.x);
  let x1 = Math.max(s.x, t.x);
  let y0 = Math.min(s.y, t.y);
  let y1 = Math.max(s.y, t.y);
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  const xsSet = new Set<number>([s.x, t.x, x0 - 3 * CLEAR, x1 + 3 * CLEAR]);
  const ysSet = new Set<number>([s.y, t.y, y0 - 3 * CLEAR, y1 + 3 * CLEAR]);
  for (const b of boxes) {
    xsSet.add(b.x - CLEAR);
    xsSet.add(b.x + b.width + CLEAR);
    ysSet.add(b.y - CLEAR);
    ysSet.add(b.y + b.height + CLEAR);
  }
  const withMiddles = (set: Set<number>) => {
    const v = [...set].sort((p, q) => p - q);
    const outv: number[] = [];
    for (let i = 0; i < v.length; i++) {
      outv.push(v[i] as number);
      const next = v[i + 1];
      if (next !== undefined && next - (v[i] as number) > 4 * CLEAR) outv.push(((v[i] as number) + next) / 2);
    }
    return outv;
  };
  const xs = withMiddles(xsSet);
  const ys = withMiddles(ysSet);
  const nx = xs.length;
  const ny = ys.length;
  // Cells between neighbouring lines that lie inside a box (grown by CLEAR).
  const cw = nx - 1;
  const blocked = new Uint8Array(cw * (ny - 1));
  for (const b of boxes) {
    const i0 = lowerBound(xs, b.x - CLEAR);
    const i1 = lowerBound(xs, b.x + b.width + CLEAR);
    const j0 = lowerBound(ys, b.y - CLEAR);
    const j1 = lowerBound(ys, b.y + b.height + CLEAR);
    for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) blocked[j * cw + i] = 1;
  }
  const cell = (i: number, j: number) => i >= 0 && j >= 0 && i < cw && j < ny - 1 && blocked[j * cw + i] === 1;
  // A step along a line is blocked when the line runs through the inside of a box: both cells beside it are in one.
  const stepBlocked = (i: number, j: number, dir: number): boolean => {
    if (dir === 0) return cell(i, j - 1) && cell(i, j); // +x from (i,j)
    if (dir === 1) return cell(i - 1, j - 1) && cell(i - 1, j); // -x
    if (dir === 2) return cell(i - 1, j) && cell(i, j); // +y
    return cell(i - 1, j - 1) && cell(i, j - 1); // -y
  };
  const si = xs.indexOf(s.x);
  const sj = ys.indexOf(s.y);
  const ti = xs.indexOf(t.x);
  const tj = ys.indexOf(t.y);
  const states = nx * ny * 4;
  const cost = new Float64Array(states).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(states).fill(-1);
  const heap: number[] = [];
  const prio: number[] = [];
  const push = (state: number, p: number) => {
    heap.push(state);
    prio.push(p);
    let k = heap.length - 1;
    while (k > 0) {
      const up = (k - 1) >> 1;
      if ((prio[up] as number) <= p) break;
      heap[k] = heap[up] as number;
      prio[k] = prio[up] as number;
      k = up;
    }
    heap[k] = state;
    prio[k] = p;
  };
  const pop = (): number => {
    const top = heap[0] as number;
    const lastS = heap.pop() as number;
    const lastP = prio.pop() as number;
    if (heap.length > 0) {
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= heap.length) break;
        const r = l + 1;
        const c = r < heap.length && (prio[r] as number) < (prio[l] as number) ? r : l;
        if ((prio[c] as number) >= lastP) break;
        heap[k] = heap[c] as number;
        prio[k] = prio[c] as number;
        k = c;
      }
      heap[k] = lastS;
      prio[k] = lastP;
    }
    return top;
  };
  const h = (i: number, j: number) => Math.abs((xs[i] as number) - t.x) + Math.abs((ys[j] as number) - t.y);
  for (let d = 0; d < 4; d++) {
    const st = (sj * nx + si) * 4 + d;
    cost[st] = 0;
    push(st, h(si, sj));
  }
  const DI = [1, -1, 0, 0];
  const DJ = [0, 0, 1, -1];
  let goal = -1;
  while (heap.length > 0) {
    const st = pop();
    const d = st & 3;
    const node = st >> 2;
    const i = node % nx;
    const j = (node - i) / nx;
    if (i === ti && j === tj) {
      goal = st;
      break;
    }
    const c = cost[st] as number;
    for (let nd = 0; nd < 4; nd++) {
      const ni = i + (DI[nd] as number);
      const nj = j + (DJ[nd] as number);
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      if (stepBlocked(i, j, nd)) continue;
      const len = Math.abs((xs[ni] as number) - (xs[i] as number)) + Math.abs((ys[nj] as number) - (ys[j] as number));
      const nc = c + len + (nd === d ? 0 : BEND);
      const ns = (nj * nx + ni) * 4 + nd;
      if (nc < (cost[ns] as number)) {
        cost[ns] = nc;
        from[ns] = st;
        push(ns, nc + h(ni, nj));
      }
    }
  }
  if (goal < 0) return undefined;
  const path: Point[] = [];
  for (let st = goal; st >= 0; st = from[st] as number) {
    const node = st >> 2;
    const i = node % nx;
    path.push({ x: xs[i] as number, y: ys[(node - i) / nx] as number });
  }
  return path.reverse();
}
