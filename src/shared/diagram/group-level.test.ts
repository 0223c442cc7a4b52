import { describe, expect, it } from "vitest";
import threeTier from "../../../examples/three-tier.palisade.json";
import { groupFlows } from "../engine/group-flows";
import { validateDesign } from "../model";
import { diagramOf } from "./build";
import { GROUP_NODE_SIZE, groupLevelEnds, placeGroupLevel, placeGroupLevelAfter } from "./group-level";
import { CHANNEL } from "./layout";
import { diagramMetrics } from "./metrics";
import { generateServices } from "./testing/services";

const design = validateDesign(threeTier);

describe("the group level's places", () => {
  const flows = groupFlows(design);
  const drawn = flows.filter((f) => f.from !== f.to);

  it("lays out outside parties, then groups, every end at one size", () => {
    const ends = groupLevelEnds(design, flows);
    expect(ends.map((e) => e.id)).toEqual(["internet", "office", "sg-alb", "sg-app", "sg-db"]);
    expect(ends.every((e) => e.width === GROUP_NODE_SIZE.width && e.height === GROUP_NODE_SIZE.height)).toBe(true);
    const at = placeGroupLevel(ends, drawn);
    // Left to right by tier: the Internet, the load balancer's group, the app's, the database's.
    const x = (id: string) => at.get(id)?.x as number;
    expect(x("internet")).toBeLessThan(x("sg-alb"));
    expect(x("sg-alb")).toBeLessThan(x("sg-app"));
    expect(x("sg-app")).toBeLessThan(x("sg-db"));
  });

  it("keeps a group where the person put it, unless laid out again", () => {
    const moved = {
      ...design,
      groups: design.groups.map((g) => (g.id === "sg-db" ? { ...g, position: { x: 7, y: 9 } } : g)),
    };
    const ends = groupLevelEnds(moved, flows);
    expect(placeGroupLevel(ends, drawn).get("sg-db")).toEqual({ x: 7, y: 9 });
    expect(placeGroupLevel(ends, drawn, true).get("sg-db")).not.toEqual({ x: 7, y: 9 });
    // `palisade draw --level group` (and the app's SVG export) draws it there too.
    expect(diagramOf(moved, { level: "group" }).nodes.find((n) => n.id === "sg-db")?.box).toMatchObject({ x: 7, y: 9 });
  });

  it("draws at group level where the group view places the ends, with the app's own group flows", () => {
    const d = diagramOf(design, { level: "group", groupFlows: flows });
    const shown = d.edges.map((e) => ({ from: e.from, to: e.to }));
    const at = placeGroupLevel(groupLevelEnds(design, flows), shown);
    for (const n of d.nodes) expect({ id: n.id, x: n.box.x, y: n.box.y }).toEqual({ id: n.id, ...at.get(n.id) });
  });

  it("draws a generated design of 200 nodes at group level with no line through a box and no label over another", () => {
    const m = diagramMetrics(diagramOf(generateServices(200), { level: "group" }));
    expect(m.edges).toBeGreaterThan(50);
    expect(m.edgesThroughBoxes).toBe(0);
    expect(m.overlappingLabels).toBe(0);
  });
});

describe("the group level's places after an edit", () => {
  it("keeps every end where it was and puts a new group near the group it has flows with, clear of the others", () => {
    const flows = groupFlows(design);
    const drawn = flows.filter((f) => f.from !== f.to);
    const before = placeGroupLevel(groupLevelEnds(design, flows), drawn);
    const cache = { ...design.groups[2]!, id: "sg-cache", name: "cache" };
    const edited = { ...design, groups: [...design.groups, cache] };
    const ends = groupLevelEnds(edited, flows);
    const withCache = [...drawn, { from: "sg-app", to: "sg-cache" }];
    const after = placeGroupLevelAfter(ends, before, withCache);
    for (const [id, p] of before) expect(after.get(id)).toBe(p);
    const at = after.get("sg-cache") as { x: number; y: number };
    const app = after.get("sg-app") as { x: number; y: number };
    // Near the app it receives from (within a column of it), and on no other box.
    expect(Math.abs(at.x - app.x)).toBeLessThanOrEqual(GROUP_NODE_SIZE.width + CHANNEL);
    for (const [id, p] of before) {
      const apart = Math.abs(p.x - at.x) >= GROUP_NODE_SIZE.width || Math.abs(p.y - at.y) >= GROUP_NODE_SIZE.height;
      expect({ id, apart }).toEqual({ id, apart: true });
    }
  });
});
