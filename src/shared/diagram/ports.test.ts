import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Box } from "./geometry";
import { type PortedEdge, portsOf } from "./ports";
import { referencePortsOf } from "./testing/ports-reference";

const box = (x: number, y: number, height = 80): Box => ({ x, y, width: 200, height });

describe("portsOf", () => {
  it("spreads the lines leaving one side in the order of their other ends' heights, the pair's two directions apart", () => {
    const boxes = new Map([
      ["lb", box(0, 100)],
      ["high", box(600, 0)],
      ["low", box(600, 300)],
    ]);
    const ports = portsOf(boxes, [
      { id: "lb->low", from: "lb", to: "low" },
      { id: "lb->high", from: "lb", to: "high" },
      { id: "high->lb", from: "high", to: "lb" },
    ]);
    const y = (id: string, end: "a" | "b") => ports.get(id)?.[end].y as number;
    // Right side of lb: the line to high above the line from high, both above the line to low.
    expect(y("lb->high", "a")).toBeLessThan(y("high->lb", "b"));
    expect(y("high->lb", "b")).toBeLessThan(y("lb->low", "a"));
    expect(ports.get("lb->low")).toMatchObject({ aSide: "right", bSide: "left", a: { x: 200 }, b: { x: 600 } });
  });

  it("gives every port the reference gives, on random pictures with rows and boxes that overlap left to right", () => {
    const pictures = fc
      .record({
        boxes: fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 2000 }), y: fc.integer({ min: 0, max: 2000 }), tall: fc.boolean() }),
          { minLength: 1, maxLength: 12 },
        ),
        edges: fc.array(
          fc.record({
            from: fc.nat(11),
            to: fc.nat(11),
            fromRow: fc.option(fc.nat(2), { nil: undefined }),
            toRow: fc.option(fc.nat(2), { nil: undefined }),
          }),
          { maxLength: 40 },
        ),
      })
      .map(({ boxes, edges }) => ({
        boxes: new Map(boxes.map((b, i) => [`n${i}`, box(b.x, b.y, b.tall ? 150 : 80)])),
        edges: edges.map(
          (e, i): PortedEdge => ({
            id: `e${i}`,
            // Ends beyond the boxes (a line to a node not drawn) are left out by both.
            from: `n${e.from}`,
            to: `n${e.to}`,
            ...(e.fromRow !== undefined ? { fromBand: { top: 50 * e.fromRow, bottom: 50 * e.fromRow + 46 } } : {}),
            ...(e.toRow !== undefined ? { toBand: { top: 50 * e.toRow, bottom: 50 * e.toRow + 46 } } : {}),
          }),
        ),
      }));
    fc.assert(
      fc.property(pictures, ({ boxes, edges }) => {
        expect(portsOf(boxes, edges)).toEqual(referencePortsOf(boxes, edges));
      }),
      { numRuns: 300 },
    );
  });
});
