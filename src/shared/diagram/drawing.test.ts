import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Drawing } from "./drawing";
import { type Box, grow, overlaps, type Point, segmentCrossesBox } from "./geometry";

const box = (x: number, y: number): Box => ({ x, y, width: 200, height: 80 });
const through = (points: readonly Point[], b: Box) =>
  points.some((q, i) => i > 0 && segmentCrossesBox(points[i - 1] as Point, q, b));

describe("Drawing", () => {
  it("routes a line around a box that stands between its ends", () => {
    const boxes = new Map([
      ["a", box(0, 0)],
      ["wall", box(400, -20)],
      ["b", box(800, 0)],
    ]);
    const routes = new Drawing().update(boxes, [{ id: "a->b", from: "a", to: "b", label: "tcp 443" }]);
    const route = routes.get("a->b")?.points ?? [];
    expect(route.length).toBeGreaterThan(2);
    expect(through(route, boxes.get("wall") as Box)).toBe(false);
    expect(route[0]?.x).toBe(200);
    expect(route.at(-1)?.x).toBe(800);
  });

  it("ends a line inside the band of the row it is for (an instance's eth1), on whichever side faces it", () => {
    const tall: Box = { x: 600, y: 0, width: 200, height: 150 };
    const eth1 = { top: 100, bottom: 146 };
    for (const [from, at] of [
      [box(0, 0), 600],
      [box(1200, 0), 800],
    ] as const) {
      const routes = new Drawing().update(
        new Map([
          ["a", from],
          ["web", tall],
        ]),
        [
          { id: "a->web/eth1", from: "a", to: "web", toBand: eth1 },
          { id: "a->web", from: "a", to: "web", toBand: { top: 50, bottom: 96 } },
        ],
      );
      const end = routes.get("a->web/eth1")?.points.at(-1);
      expect(end?.x).toBe(at);
      expect(end?.y).toBeGreaterThan(100);
      expect(end?.y).toBeLessThan(146);
      const eth0 = routes.get("a->web")?.points.at(-1);
      expect(eth0?.y).toBeGreaterThan(50);
      expect(eth0?.y).toBeLessThan(96);
    }
  });

  it("leaves a line from a row within the row's band, and routes it again when its band moves", () => {
    const boxes = new Map([
      ["web", { x: 0, y: 0, width: 200, height: 150 }],
      ["db", box(600, 0)],
    ]);
    const drawing = new Drawing();
    const first = drawing.update(boxes, [
      { id: "web/eth1->db", from: "web", to: "db", fromBand: { top: 100, bottom: 146 } },
    ]);
    expect(first.get("web/eth1->db")?.points[0]?.y).toBeGreaterThan(100);
    const second = drawing.update(boxes, [
      { id: "web/eth1->db", from: "web", to: "db", fromBand: { top: 50, bottom: 96 } },
    ]);
    const y = second.get("web/eth1->db")?.points[0]?.y ?? 0;
    expect(y).toBeGreaterThan(50);
    expect(y).toBeLessThan(96);
  });

  it("places a label clear of a caption it is told to keep out of, and again when a caption comes", () => {
    const boxes = new Map([
      ["a", box(0, 0)],
      ["b", box(600, 0)],
    ]);
    const edges = [{ id: "a->b", from: "a", to: "b", label: "tcp 80, 443" }];
    const drawing = new Drawing();
    const before = drawing.update(boxes, edges).get("a->b")?.labelBox as Box;
    // A caption where the label sits now (as "Reached from the Internet" above a ringed node).
    const caption = { x: before.x - 20, y: before.y - 2, width: 160, height: 14 };
    expect(overlaps(before, caption)).toBe(true);
    const after = drawing.update(boxes, edges, new Map([["b", caption]])).get("a->b")?.labelBox as Box;
    expect(overlaps(after, caption)).toBe(false);
    expect(drawing.stats.routed).toBe(0);
    const fresh = new Drawing().update(boxes, edges, new Map([["b", caption]])).get("a->b")?.labelBox as Box;
    expect(overlaps(fresh, caption)).toBe(false);
  });

  it("draws the two directions of a pair apart", () => {
    const boxes = new Map([
      ["a", box(0, 0)],
      ["b", box(600, 0)],
    ]);
    const routes = new Drawing().update(boxes, [
      { id: "a->b", from: "a", to: "b" },
      { id: "b->a", from: "b", to: "a" },
    ]);
    const there = routes.get("a->b")?.points ?? [];
    const back = routes.get("b->a")?.points ?? [];
    expect(there[0]?.y).not.toBe(back.at(-1)?.y);
  });

  it("routes only the moved node's lines and those it now lies on; a new flow routes only itself", () => {
    const boxes = new Map<string, Box>();
    const edges = [];
    for (let i = 0; i < 10; i++) {
      boxes.set(`l${i}`, box(0, i * 150));
      boxes.set(`r${i}`, box(700, i * 150));
      edges.push({ id: `l${i}->r${i}`, from: `l${i}`, to: `r${i}`, label: "tcp 443" });
    }
    const drawing = new Drawing();
    const first = drawing.update(boxes, edges);
    expect(drawing.stats.routed).toBe(10);
    // Moved onto the line l5->r5: its own line and l5->r5's are routed again, no other.
    const moved = new Map(boxes);
    moved.set("r2", box(350, 5 * 150 - 10));
    const second = drawing.update(moved, edges);
    expect(drawing.stats.routed).toBe(2);
    expect(through(second.get("l5->r5")?.points ?? [], moved.get("r2") as Box)).toBe(false);
    expect(second.get("l0->r0")?.points).toBe(first.get("l0->r0")?.points);
    drawing.update(moved, [...edges, { id: "l0->r1", from: "l0", to: "r1", label: "tcp 22" }]);
    // The new line takes a port on l0 and r1: those sides' lines move their ports too.
    expect(drawing.stats.routed).toBeLessThanOrEqual(3);
  });

  it("moving a node routes its own lines only: the ports of its neighbours' other lines stay", () => {
    // A hub with six lines to a column; the top node moved below the others changes its line's
    // place among the hub's ports, which moved all six ports (and routed all six lines) before.
    const boxes = new Map<string, Box>([["hub", box(0, 300)]]);
    const edges = [];
    for (let i = 0; i < 6; i++) {
      boxes.set(`r${i}`, box(700, i * 150));
      edges.push({ id: `hub->r${i}`, from: "hub", to: `r${i}`, label: "tcp 443" });
    }
    const drawing = new Drawing();
    const first = drawing.update(boxes, edges);
    const moved = new Map(boxes);
    moved.set("r0", box(700, 6 * 150));
    const second = drawing.update(moved, edges);
    expect(drawing.stats.routed).toBe(1);
    for (let i = 1; i < 6; i++) expect(second.get(`hub->r${i}`)?.points).toBe(first.get(`hub->r${i}`)?.points);
    // Its line leaves the hub below the others' (their order by height kept) and passes under no box.
    const starts = [0, 1, 2, 3, 4, 5].map((i) => second.get(`hub->r${i}`)?.points[0]?.y as number);
    expect(Math.max(...starts.slice(1))).toBeLessThan(starts[0] as number);
    for (const [id, b] of moved)
      if (id !== "hub" && id !== "r0") expect(through(second.get("hub->r0")?.points ?? [], b)).toBe(false);
  });

  it("a line moved to a row's band keeps its port in that row, between the row's other ports", () => {
    // An instance with two interface rows: lines to eth1 end in its row (40..80 from the top).
    const boxes = new Map<string, Box>([["web", { x: 700, y: 300, width: 200, height: 120 }]]);
    const row = { top: 40, bottom: 80 };
    const edges = [];
    for (let i = 0; i < 4; i++) {
      boxes.set(`c${i}`, box(0, i * 200));
      edges.push({ id: `c${i}->web`, from: `c${i}`, to: "web", label: "tcp 443", toBand: row });
    }
    const drawing = new Drawing();
    drawing.update(boxes, edges);
    const moved = new Map(boxes);
    moved.set("c0", box(0, 4 * 200));
    const after = drawing.update(moved, edges);
    expect(drawing.stats.routed).toBe(1);
    const ends = [0, 1, 2, 3].map((i) => after.get(`c${i}->web`)?.points.at(-1)?.y as number);
    for (const y of ends) {
      expect(y).toBeGreaterThan(300 + row.top);
      expect(y).toBeLessThan(300 + row.bottom);
    }
    expect(Math.max(...ends.slice(1))).toBeLessThan(ends[0] as number);
  });

  it("never draws a line through a box it does not connect, nor a label over a box or a label (random pictures)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 3,
          maxLength: 24,
          selector: ([c, r]) => `${c},${r}`,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }),
        (cells, pairs) => {
          const boxes = new Map(cells.map(([c, r], i) => [`n${i}`, box(c * 330 + (r % 3) * 20, r * 140)]));
          const ids = [...boxes.keys()];
          const edges = [
            ...new Map(
              pairs
                .map(([p, q]) => [ids[p % ids.length] as string, ids[q % ids.length] as string] as const)
                .filter(([p, q]) => p !== q)
                .map(([p, q]) => [`${p}->${q}`, { id: `${p}->${q}`, from: p, to: q, label: "tcp 443" }]),
            ).values(),
          ];
          const routes = new Drawing().update(boxes, edges);
          const labels: Box[] = [];
          for (const e of edges) {
            const r = routes.get(e.id);
            expect(r).toBeDefined();
            for (const [id, b] of boxes)
              if (id !== e.from && id !== e.to) expect(through(r?.points ?? [], b)).toBe(false);
            if (r?.labelBox) labels.push(r.labelBox);
          }
          const overlap = (a: Box, b: Box) =>
            a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          for (const [i, l] of labels.entries()) {
            for (const b of boxes.values()) expect(overlap(l, b)).toBe(false);
            for (const m of labels.slice(i + 1)) expect(overlap(l, m)).toBe(false);
          }
        },
      ),
      { numRuns: 60, seed: 13 },
    );
  });

  it("after any run of moves, still no line through a box nor a label over a box or a label (random pictures)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 7 })), {
          minLength: 4,
          maxLength: 16,
          selector: ([c, r]) => `${c},${r}`,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (cells, pairs, moves) => {
          const boxes = new Map(cells.map(([c, r], i) => [`n${i}`, box(c * 330, r * 140)]));
          const ids = [...boxes.keys()];
          const edges = [
            ...new Map(
              pairs
                .map(([p, q]) => [ids[p % ids.length] as string, ids[q % ids.length] as string] as const)
                .filter(([p, q]) => p !== q)
                .map(([p, q]) => [`${p}->${q}`, { id: `${p}->${q}`, from: p, to: q, label: "tcp 443" }]),
            ).values(),
          ];
          const drawing = new Drawing();
          drawing.update(boxes, edges);
          for (const [k, c, r] of moves) {
            const id = ids[k % ids.length] as string;
            // Onto a free cell, half a column over: between the others' lines.
            const to = box(c * 330 + 165, r * 140 + 35);
            if ([...boxes].some(([other, b]) => other !== id && overlaps(grow(b, 10), to))) continue;
            boxes.set(id, to);
            const routes = drawing.update(boxes, edges);
            const labels: Box[] = [];
            for (const e of edges) {
              const route = routes.get(e.id)?.points ?? [];
              for (const [other, b] of boxes)
                if (other !== e.from && other !== e.to) expect(through(route, b)).toBe(false);
              const l = routes.get(e.id)?.labelBox;
              if (l) labels.push(l);
            }
            for (const [i, l] of labels.entries()) {
              for (const b of boxes.values()) expect(overlaps(l, b)).toBe(false);
              for (const m of labels.slice(i + 1)) expect(overlaps(l, m)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
