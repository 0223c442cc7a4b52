import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleRange } from "./range";

describe("visibleRange", () => {
  it.each([
    // top, height, rowHeight, count, overscan -> start, end
    { top: 0, height: 100, row: 20, count: 1000, over: 0, start: 0, end: 5 },
    { top: 0, height: 100, row: 20, count: 1000, over: 3, start: 0, end: 8 },
    { top: 400, height: 100, row: 20, count: 1000, over: 2, start: 18, end: 27 },
    { top: 410, height: 100, row: 20, count: 1000, over: 0, start: 20, end: 26 },
    { top: 19_950, height: 200, row: 20, count: 1000, over: 4, start: 993, end: 1000 },
    // The list starts 300 px below the top of its scroller: its first rows are on screen.
    { top: -300, height: 400, row: 20, count: 1000, over: 0, start: 0, end: 5 },
    // Scrolled past the end of the list: nothing but the overscan is drawn.
    { top: 50_000, height: 400, row: 20, count: 1000, over: 0, start: 1000, end: 1000 },
    { top: 0, height: 400, row: 20, count: 3, over: 8, start: 0, end: 3 },
    { top: 0, height: 400, row: 20, count: 0, over: 8, start: 0, end: 0 },
  ])(
    "rows $start..$end for top $top, height $height in $count rows",
    ({ top, height, row, count, over, start, end }) => {
      expect(visibleRange(top, height, row, count, over)).toEqual({ start, end });
    },
  );

  it("renders every row that meets the window, and not many more", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2000, max: 60_000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 20 }),
        (top, height, row, count, over) => {
          const { start, end } = visibleRange(top, height, row, count, over);
          expect(0 <= start && start <= end && end <= count).toBe(true);
          for (let i = 0; i < count; i++) {
            const meets = i * row < top + height && (i + 1) * row > top;
            if (meets) expect(i >= start && i < end).toBe(true);
          }
          expect(end - start).toBeLessThanOrEqual(Math.ceil(height / row) + 1 + 2 * over);
        },
      ),
      { numRuns: 200 },
    );
  });
});
