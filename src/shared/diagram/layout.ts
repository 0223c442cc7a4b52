// A layered layout of our own, left to right by tier (tiers.ts): columns of nodes ordered to
// cross few flows (barycentre sweeps), each VPC a band of its own across the columns so that its
// frame encloses only its resources. ELK's layered algorithm took 1.0-1.4 s at 200 nodes and
// 10-11 s at 1,000 here (bench/diagram.ts says so): too slow for the targets, and it cannot keep
// the positions a person chose. New nodes are placed near their neighbours (placeNear).
import { type Box, BoxIndex, grow, type Point } from "./geometry";
import { tiersOf } from "./tiers";

export interface LayoutNode {
  id: string;
  kind: string;
  external: boolean;
  vpcId?: string;
  width: number;
  height: number;
}

export interface LayoutFlow {
  from: string;
  to: string;
}

/** Room between columns for the lines and their labels. */
export const CHANNEL = 220;
/** Between two nodes of a column. */
export const ROW_GAP = 44;
/** Between two VPC bands: their frames and the frame's name. */
export const BAND_GAP = 90;
const SWEEPS = 6;

/** Positions (integers, top-left corners) for every node. */
export function layoutNodes(nodes: readonly LayoutNode[], flows: readonly LayoutFlow[]): Map<string, Point> {
  const tier = tiersOf(nodes, flows);
  const tiers = [...new Set(tier.values())].sort((a, b) => a - b);
  const columnOf = new Map(tiers.map((t, i) => [t, i]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const bandOrder = new Map<string, number>();
  for (const n of nodes) {
    const band = n.external ? "" : (n.vpcId ?? "\0none");
    if (!bandOrder.has(band)) bandOrder.set(band, bandOrder.size);
  }
  const bandOf = (n: LayoutNode) => bandOrder.get(n.external ? "" : (n.vpcId ?? "\0none")) as number;
  const columns: LayoutNode[][] = tiers.map(() => []);
  for (const n of nodes) columns[columnOf.get(tier.get(n.id) as number) as number]?.push(n);
  for (const c of columns) c.sort((a, b) => bandOf(a) - bandOf(b));

  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const f of flows)
    if (f.from !== f.to && byId.has(f.from) && byId.has(f.to)) {
      link(f.from, f.to);
      link(f.to, f.from);
    }
  // Where each node stands in its column, 0..1: what the barycentres are made of.
  const rank = new Map<string, number>();
  const rankColumn = (c: LayoutNode[]) => {
    c.forEach((n, i) => {
      rank.set(n.id, (i + 0.5) / c.length);
    });
  };
  for (const c of columns) rankColumn(c);
  const sweep = (c: LayoutNode[]) => {
    const key = new Map<string, number>();
    for (const n of c) {
      const ns = neighbours.get(n.id);
      if (!ns) {
        key.set(n.id, rank.get(n.id) as number);
        continue;
      }
      let sum = 0;
      for (const m of ns) sum += rank.get(m) as number;
      key.set(n.id, sum / ns.length);
    }
    c.sort((a, b) => bandOf(a) - bandOf(b) || (key.get(a.id) as number) - (key.get(b.id) as number));
    rankColumn(c);
  };
  for (let s = 0; s < SWEEPS; s++) {
    if (s % 2 === 0) for (let i = 1; i < columns.length; i++) sweep(columns[i] as LayoutNode[]);
    else for (let i = columns.length - 2; i >= 0; i--) sweep(columns[i] as LayoutNode[]);
  }

  // Bands line up across columns: each starts below the tallest part of the band above it.
  const bands = bandOrder.size;
  const bandHeight = new Array<number>(bands).fill(0);
  for (const c of columns) {
    const h = new Array<number>(bands).fill(0);
    for (const n of c) if (!n.external) h[bandOf(n)] = (h[bandOf(n)] as number) + n.height + ROW_GAP;
    h.forEach((v, b) => {
      bandHeight[b] = Math.max(bandHeight[b] as number, v - ROW_GAP);
    });
  }
  const bandTop = new Array<number>(bands).fill(0);
  let y = 0;
  for (let b = 0; b < bands; b++) {
    bandTop[b] = y;
    if ((bandHeight[b] as number) > 0) y += (bandHeight[b] as number) + BAND_GAP;
  }
  const total = Math.max(0, y - BAND_GAP);
  const at = new Map<string, Point>();
  let x = 0;
  for (const c of columns) {
    const width = Math.max(...c.map((n) => n.width));
    for (let b = 0; b < bands; b++) {
      const members = c.filter((n) => bandOf(n) === b);
      if (members.length === 0) continue;
      const height = members.reduce((s, n) => s + n.height + ROW_GAP, -ROW_GAP);
      // Outside parties are centred on the whole picture, a band's members on their band.
      const room = members[0]?.external ? total : (bandHeight[b] as number);
      let top = (members[0]?.external ? 0 : (bandTop[b] as number)) + Math.max(0, (room - height) / 2);
      for (const n of members) {
        at.set(n.id, { x: Math.round(x + (width - n.width) / 2), y: Math.round(top) });
        top += n.height + ROW_GAP;
      }
    }
    x += width + CHANNEL;
  }
  return at;
}

/**
 * Places the nodes without a position near the nodes they have flows with, in a free spot, and
 * leaves every other node where it is.
 */
export function placeNear(
  nodes: readonly LayoutNode[],
  placed: ReadonlyMap<string, Point>,
  flows: readonly LayoutFlow[],
): Map<string, Point> {
  const at = new Map(placed);
  const index = new BoxIndex();
  for (const n of nodes) {
    const p = at.get(n.id);
    if (p) index.add(n.id, { x: p.x, y: p.y, width: n.width, height: n.height });
  }
  const neighbours = new Map<string, { id: string; after: boolean }[]>();
  for (const f of flows) {
    neighbours.set(f.to, [...(neighbours.get(f.to) ?? []), { id: f.from, after: true }]);
    neighbours.set(f.from, [...(neighbours.get(f.from) ?? []), { id: f.to, after: false }]);
  }
  let right = 0;
  for (const b of index.boxes.values()) right = Math.max(right, b.x + b.width);
  for (const n of nodes) {
    if (at.has(n.id)) continue;
    const near = (neighbours.get(n.id) ?? []).filter((m) => at.has(m.id));
    let target: Point;
    if (near.length === 0) target = { x: right + CHANNEL, y: 0 };
    else {
      // A column to the right of what sends to it, to the left of what it sends to.
      let sx = 0;
      let sy = 0;
      for (const m of near) {
        const p = at.get(m.id) as Point;
        sx += p.x + (m.after ? n.width + CHANNEL : -(n.width + CHANNEL));
        sy += p.y;
      }
      target = { x: sx / near.length, y: sy / near.length };
    }
    const spot = freeSpot(index, target, n);
    at.set(n.id, spot);
    index.add(n.id, { ...spot, width: n.width, height: n.height });
  }
  return at;
}

/** The nearest place to `target` where the node's box, with room around it, meets no other box. */
function freeSpot(index: BoxIndex, target: Point, size: { width: number; height: number }): Point {
  const step = { x: size.width + CHANNEL, y: size.height + ROW_GAP };
  for (let ring = 0; ring < 200; ring++)
    for (let dx = -ring; dx <= ring; dx++)
      for (const dy of ring === 0 ? [0] : [-ring, ring]) {
        const p = { x: Math.round(target.x + dx * step.x * 0.5), y: Math.round(target.y + dy * step.y * 0.5) };
        const box: Box = { ...p, width: size.width, height: size.height };
        if (index.overlapping(grow(box, ROW_GAP / 2)).length === 0) return p;
      }
  return { x: Math.round(target.x), y: Math.round(target.y) };
}
