import { describe, expect, it } from "vitest";
import { boxOfNode, edgesIn, viewOf, windowFor } from "./edgeWindow";

describe("the edge window", () => {
  it("finds the view in flow coordinates from React Flow's transform", () => {
    expect(viewOf([-100, -50, 2], 800, 600)).toEqual({ x: 50, y: 25, width: 400, height: 300 });
    expect(viewOf([0, 0, 1], 0, 600)).toBeUndefined();
  });

  it("keeps its window while the view pans inside it, and moves it once the view leaves", () => {
    const view = { x: 0, y: 0, width: 100, height: 100 };
    const first = windowFor(view, undefined);
    expect(first).toEqual({ x: -100, y: -100, width: 300, height: 300 });
    expect(windowFor({ ...view, x: 90, y: -80 }, first)).toBe(first);
    const moved = windowFor({ ...view, x: 150 }, first);
    expect(moved).not.toBe(first);
    expect(moved.x).toBe(50);
  });

  it("is found again when the view zooms out past it or far into it", () => {
    const first = windowFor({ x: 0, y: 0, width: 100, height: 100 }, undefined);
    expect(windowFor({ x: -150, y: -150, width: 400, height: 400 }, first)).not.toBe(first);
    expect(windowFor({ x: 40, y: 40, width: 20, height: 20 }, first)).not.toBe(first);
    expect(windowFor({ x: 20, y: 20, width: 60, height: 60 }, first)).toBe(first);
  });

  it("gives the edges whose box around both ends meets the area, also one passing through it", () => {
    const boxes = new Map([
      ["a", { x: 0, y: 0, width: 10, height: 10 }],
      ["b", { x: 1000, y: 0, width: 10, height: 10 }],
      ["c", { x: 0, y: 1000, width: 10, height: 10 }],
      ["far", { x: 5000, y: 5000, width: 10, height: 10 }],
      ["far2", { x: 6000, y: 5000, width: 10, height: 10 }],
    ]);
    const edges = [
      { id: "1", source: "a", target: "b" },
      { id: "2", source: "far", target: "far2" },
      { id: "3", source: "c", target: "b" },
      { id: "4", source: "a", target: "gone" },
    ];
    // An area in the middle, away from every node: the edges a->b and c->b pass over it.
    expect(edgesIn(edges, boxes, { x: 400, y: 0, width: 100, height: 100 }).map((e) => e.id)).toEqual(["1", "3"]);
    expect(edgesIn(edges, boxes, { x: 4990, y: 4990, width: 50, height: 50 }).map((e) => e.id)).toEqual(["2"]);
  });

  it("sizes a node by its measurement, else by the size it was given", () => {
    expect(boxOfNode({ position: { x: 1, y: 2 }, measured: { width: 200, height: 90 }, initialWidth: 10 })).toEqual({
      x: 1,
      y: 2,
      width: 200,
      height: 90,
    });
    expect(boxOfNode({ position: { x: 1, y: 2 }, initialWidth: 200, initialHeight: 84 })).toMatchObject({
      width: 200,
      height: 84,
    });
  });
});
