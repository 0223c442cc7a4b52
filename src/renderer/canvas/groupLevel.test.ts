import { describe, expect, it } from "vitest";
import example from "../../../examples/three-tier.palisade.json";
import { groupFlows } from "../../shared/engine/group-flows";
import { validateDesign } from "../../shared/model";
import {
  canvasLevel,
  DENSE_EDGES,
  GROUP_NODE_SIZE,
  groupEndIds,
  placeByMembers,
  SPREAD,
  toGroupEdges,
  toGroupNodes,
} from "./groupLevel";

const threeTier = validateDesign(example);

describe("canvasLevel", () => {
  it.each([
    [undefined, DENSE_EDGES, "nodes"],
    [undefined, DENSE_EDGES + 1, "groups"],
    ["nodes", 10 * DENSE_EDGES, "nodes"],
    ["groups", 3, "groups"],
  ] as const)("choice %s with %i node edges draws %s", (choice, count, level) => {
    expect(canvasLevel(choice, count)).toBe(level);
  });

  it("draws groups whatever the choice when node flows are withheld (too many to send)", () => {
    expect(canvasLevel("nodes", 3, true)).toBe("groups");
    expect(canvasLevel(undefined, 3, true)).toBe("groups");
  });
});

describe("group level", () => {
  const flows = groupFlows(threeTier);
  it("draws each group and outside party once, never as a React Flow parent", () => {
    const nodes = toGroupNodes(threeTier, flows, new Map());
    expect(nodes.map((n) => n.id).sort()).toEqual(["internet", "office", "sg-alb", "sg-app", "sg-db"]);
    expect(nodes.find((n) => n.id === "sg-app")?.data).toMatchObject({ kind: "group", members: 2 });
    expect(nodes.every((n) => n.parentId === undefined)).toBe(true);
  });
  it("keeps a group's saved position over the computed layout", () => {
    const moved = { ...threeTier, groups: threeTier.groups.map((g) => ({ ...g, position: { x: 7, y: 9 } })) };
    const nodes = toGroupNodes(moved, flows, new Map([["sg-db", { x: 500, y: 500 }]]));
    expect(nodes.find((n) => n.id === "sg-db")?.position).toEqual({ x: 7, y: 9 });
  });
  it("labels an edge with its services and the node pairs it stands for", () => {
    const edge = toGroupEdges(threeTier, flows).find((e) => e.id === "group:sg-app->sg-db");
    expect(edge?.data?.label).toBe("tcp 5432 (2 pairs)");
    expect(toGroupEdges(threeTier, flows).find((e) => e.source === "internet")?.data?.exposure).toBe("internet");
    // Outbound to an outside party is coloured as one, as `palisade draw --level group` colours it.
    expect(toGroupEdges(threeTier, flows).find((e) => e.id === "group:sg-app->internet")?.data?.exposure).toBe(
      "external",
    );
  });
  it("rings the groups a flow from the whole Internet reaches, and only those", () => {
    const nodes = toGroupNodes(
      threeTier,
      flows,
      new Map(),
      undefined,
      new WeakMap(),
      undefined,
      new Map(),
      new Set(["sg-alb"]),
    );
    expect(nodes.filter((n) => n.data.exposed).map((n) => n.id)).toEqual(["sg-alb"]);
  });
  it("gives group nodes their size and anchors, so React Flow can cull them unmeasured", () => {
    const node = toGroupNodes(threeTier, flows, new Map())[0]!;
    expect(node.initialWidth).toBe(GROUP_NODE_SIZE.width);
    expect(node.handles?.map((h) => [h.type, h.position])).toEqual([
      ["target", "left"],
      ["source", "right"],
    ]);
  });
});

describe("placeByMembers", () => {
  const flows = groupFlows(threeTier);
  const ids = groupEndIds(threeTier, flows);
  const placed = placeByMembers(threeTier, ids);
  it("places each group at the middle of its members, each outside party where it is", () => {
    const app = threeTier.resources.filter((r) => r.groupIds.includes("sg-app"));
    expect(app.length).toBeGreaterThan(1);
    const mid = (k: "x" | "y") => Math.round((app.reduce((t, r) => t + r.position[k], 0) / app.length) * SPREAD[k]);
    expect(placed.get("sg-app")).toEqual({ x: mid("x"), y: mid("y") });
    for (const e of threeTier.externals)
      expect(placed.get(e.id)).toEqual({
        x: Math.round(e.position.x * SPREAD.x),
        y: Math.round(e.position.y * SPREAD.y),
      });
  });
  it("places every end, those without members apart in a column left of the rest", () => {
    const lonely = {
      ...threeTier,
      groups: [...threeTier.groups, { ...threeTier.groups[0]!, id: "sg-new", name: "new" }],
    };
    const all = groupEndIds(lonely, flows);
    const out = placeByMembers(lonely, all);
    expect([...out.keys()].sort()).toEqual([...all].sort());
    const others = [...out].filter(([id]) => id !== "sg-new").map(([, p]) => p.x);
    expect(out.get("sg-new")!.x + GROUP_NODE_SIZE.width).toBeLessThan(Math.min(...others));
  });
});
