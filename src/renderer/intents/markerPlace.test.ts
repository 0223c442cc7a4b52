import { describe, expect, it } from "vitest";
import { HANDLE_REACH, placeMarker } from "./markerPlace";

const size = { width: 160, height: 48 };
const covers = (p: { x: number; y: number }, n: { x: number; y: number; width: number; height: number }) =>
  p.x < n.x + n.width && n.x < p.x + size.width && p.y < n.y + n.height && n.y < p.y + size.height;

describe("placeMarker", () => {
  it("puts the marker just below the line's middle when that is clear", () => {
    const nodes = [
      { x: 0, y: 0, width: 200, height: 80 },
      { x: 600, y: 0, width: 200, height: 80 },
    ];
    expect(placeMarker({ x: 400, y: 40 }, size, nodes)).toEqual({ x: 320, y: 54 });
  });
  it("moves the marker off two close nodes so that it covers neither", () => {
    // As in the exercise: the Internet above-left, the instance a little to the right and lower.
    const nodes = [
      { x: 50, y: 60, width: 200, height: 72 },
      { x: 366, y: 104, width: 200, height: 80 },
      { x: 50, y: 250, width: 200, height: 72 },
    ];
    for (const [mid, ends] of [
      [{ x: 320, y: 120 }, [nodes[0]!, nodes[1]!]],
      [{ x: 300, y: 200 }, [nodes[2]!, nodes[1]!]],
    ] as const) {
      const p = placeMarker(mid, size, ends);
      for (const n of ends) expect(covers(p, n)).toBe(false);
    }
  });
  it("keeps clear of the intent handle that stands out under a node", () => {
    // As the exercise failed on CI at 1280x720: the middle of the line sat just under the
    // Internet's box, and the marker put there covered the handle a second intent starts from.
    const internet = { x: 50, y: 60, width: 200, height: 72 };
    const instance = { x: 366, y: 104, width: 200, height: 80 };
    const handle = {
      x: internet.x + internet.width / 2 - 7,
      y: internet.y + internet.height - 7,
      width: 14,
      height: 14,
    };
    const p = placeMarker({ x: 150, y: internet.y + internet.height - 10 }, size, [internet, instance]);
    expect(covers(p, handle)).toBe(false);
    for (const n of [internet, instance]) expect(covers(p, n)).toBe(false);
    expect(HANDLE_REACH).toBeGreaterThanOrEqual(7);
  });
});
