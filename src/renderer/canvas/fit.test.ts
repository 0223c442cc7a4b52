import { describe, expect, it } from "vitest";
import { boundsOf, viewportFor } from "./flowInstance";

describe("fitting the whole design", () => {
  it("counts nodes React Flow never measured (culled off screen) by their initial size", () => {
    const box = boundsOf([
      { position: { x: 0, y: 0 }, measured: { width: 100, height: 50 } },
      { position: { x: 900, y: 400 }, initialWidth: 200, initialHeight: 84 },
    ]);
    expect(box).toEqual({ x: 0, y: 0, width: 1100, height: 484 });
  });

  it("centres the box and never zooms past the limit", () => {
    const v = viewportFor({ x: 0, y: 0, width: 100, height: 100 }, { width: 1000, height: 500 }, 0, 1);
    expect(v.zoom).toBe(1);
    expect(v).toMatchObject({ x: 450, y: 200 });
    const far = viewportFor({ x: 0, y: 0, width: 4000, height: 1000 }, { width: 1000, height: 500 }, 0, 1);
    expect(far.zoom).toBeCloseTo(0.25);
    // The box's centre (2000, 500) lands on the pane's centre (500, 250).
    expect(far.x + 2000 * far.zoom).toBeCloseTo(500);
    expect(far.y + 500 * far.zoom).toBeCloseTo(250);
  });

  it("shows the top-left corner of a box too big for the smallest zoom allowed, not its centre", () => {
    const v = viewportFor({ x: 100, y: 200, width: 40_000, height: 30_000 }, { width: 1000, height: 500 }, 0.2, 1, 0.5);
    expect(v.zoom).toBe(0.5);
    // The corner lands just inside the pane (half the padding), not off to the left and above.
    expect(v.x + 100 * v.zoom).toBeCloseTo(100);
    expect(v.y + 200 * v.zoom).toBeCloseTo(50);
  });

  it("keeps the design clear of the minimap in the bottom-right corner, above it or beside it, whichever is larger", () => {
    const pane = { width: 752, height: 450 };
    const corner = { width: 165, height: 115 };
    // A wide design (the HTTP/HTTPS example at 1280x720): above the minimap.
    const wide = { x: 0, y: 0, width: 620, height: 290 };
    const v = viewportFor(wide, pane, 0.15, 1, 0.05, { corner });
    const bottom = v.y + wide.height * v.zoom;
    const right = v.x + wide.width * v.zoom;
    expect(bottom <= pane.height - corner.height || right <= pane.width - corner.width).toBe(true);
    expect(v.zoom).toBeGreaterThan(0.9);
    // A tall one: beside it.
    const tall = { x: 0, y: 0, width: 200, height: 900 };
    const t = viewportFor(tall, pane, 0.15, 1, 0.05, { corner });
    expect(t.x + tall.width * t.zoom).toBeLessThanOrEqual(pane.width - corner.width);
    // Without a minimap, the whole pane.
    expect(viewportFor(wide, pane, 0.15, 1)).toEqual(viewportFor(wide, pane, 0.15, 1, 0.05));
  });

  it("keeps the design below the level toggle along the top, and still clear of the minimap", () => {
    const pane = { width: 752, height: 450 };
    const corner = { width: 165, height: 115 };
    const top = 44;
    const wide = { x: 0, y: 0, width: 620, height: 290 };
    const v = viewportFor(wide, pane, 0.15, 1, 0.05, { corner, top });
    expect(v.y).toBeGreaterThanOrEqual(top);
    const bottom = v.y + wide.height * v.zoom;
    const right = v.x + wide.width * v.zoom;
    expect(bottom <= pane.height - corner.height || right <= pane.width - corner.width).toBe(true);
  });
});
