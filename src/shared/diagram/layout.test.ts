import { describe, expect, it } from "vitest";
import { type Box, overlaps } from "./geometry";
import { layoutNodes, placeNear } from "./layout";

const node = (id: string, kind = "instance", vpcId?: string, external = false) => ({
  id,
  kind,
  external,
  width: 200,
  height: 90,
  ...(vpcId ? { vpcId } : {}),
});
const boxOf = (p: { x: number; y: number }): Box => ({ ...p, width: 200, height: 90 });

describe("layoutNodes", () => {
  it("gives each VPC a band of its own, so that frames around VPCs do not overlap", () => {
    const nodes = [
      node("out", "cidr", undefined, true),
      node("a1", "instance", "a"),
      node("b1", "instance", "b"),
      node("a2", "database", "a"),
      node("b2", "database", "b"),
    ];
    const at = layoutNodes(nodes, [
      { from: "out", to: "a1" },
      { from: "out", to: "b1" },
      { from: "a1", to: "a2" },
      { from: "b1", to: "b2" },
    ]);
    const band = (ids: string[]) => {
      const ys = ids.map((id) => at.get(id)?.y as number);
      return { top: Math.min(...ys), bottom: Math.max(...ys) + 90 };
    };
    const a = band(["a1", "a2"]);
    const b = band(["b1", "b2"]);
    expect(a.bottom < b.top || b.bottom < a.top).toBe(true);
    for (const id of ["a1", "a2", "b1", "b2"]) expect(Number.isInteger(at.get(id)?.x)).toBe(true);
  });
});

describe("placeNear", () => {
  it("keeps every placed node where it is and puts a new one near its neighbour, on no other box", () => {
    const placed = new Map([
      ["lb", { x: 0, y: 0 }],
      ["app", { x: 420, y: 0 }],
      ["app2", { x: 420, y: 140 }],
    ]);
    const at = placeNear([node("lb", "loadBalancer"), node("app"), node("app2"), node("db", "database")], placed, [
      { from: "app", to: "db" },
    ]);
    for (const [id, p] of placed) expect(at.get(id)).toEqual(p);
    const db = at.get("db");
    expect(db).toBeDefined();
    expect((db?.x ?? 0) > 420).toBe(true);
    expect(Math.abs((db?.y ?? 0) - 0)).toBeLessThan(400);
    for (const p of placed.values()) expect(overlaps(boxOf(db as { x: number; y: number }), boxOf(p))).toBe(false);
  });
});
