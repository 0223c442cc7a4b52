import { describe, expect, it } from "vitest";
import { NODE_WIDTH } from "./FlowEdgeView";
import { landingPoint } from "./landing";

const pane = { left: 200, top: 50, right: 900, bottom: 550 };

describe("where a dropped node lands", () => {
  it("on the pane, exactly where it was dropped", () => {
    expect(landingPoint({ x: 300, y: 100 }, pane)).toEqual({ x: 300, y: 100, moved: false });
  });
  it("dropped right of the pane (on the lesson panel), at the pane's right edge, whole", () => {
    const p = landingPoint({ x: 1100, y: 300 }, pane, 80);
    expect(p.moved).toBe(true);
    expect(p.x + NODE_WIDTH / 2).toBeLessThanOrEqual(pane.right);
    expect(p.x).toBeGreaterThan(pane.left);
    expect(p.y).toBe(300);
  });
  it("dropped below and left of the pane, inside its corner", () => {
    const p = landingPoint({ x: 0, y: 2000 }, pane, 80);
    expect(p.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(pane.left);
    expect(p.y + 40).toBeLessThanOrEqual(pane.bottom);
  });
});
