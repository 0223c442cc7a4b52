import { Position } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { floatingAnchors } from "./floating";

const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

describe("floatingAnchors", () => {
  it("leaves from the side facing the target, also when the target is on the left", () => {
    expect(floatingAnchors(box(300, 0), box(0, 0), true)).toMatchObject({
      sx: 300,
      tx: 100,
      sourcePosition: Position.Left,
      targetPosition: Position.Right,
    });
  });
  it("uses top and bottom when the nodes are stacked", () => {
    expect(floatingAnchors(box(0, 0), box(10, 300), true)).toMatchObject({
      sy: 50,
      ty: 300,
      sourcePosition: Position.Bottom,
      targetPosition: Position.Top,
    });
  });
  it("draws the two directions of a pair apart", () => {
    const ab = floatingAnchors(box(0, 0), box(300, 0), true);
    const ba = floatingAnchors(box(300, 0), box(0, 0), false);
    expect(ab.sy).not.toBe(ba.ty);
  });
});
