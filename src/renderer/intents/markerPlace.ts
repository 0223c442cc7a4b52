// Where an intent's marker goes: by the middle of its line when that is clear of the two nodes it
// joins, else above the middle, else right of or below both nodes, so that it never covers a
// node's header (its kind and name), as it did when the two nodes stood close together. Not to
// the left: the canvas starts there, by the palette, and a marker there is cut off. Nor just
// under a node: its intent handle stands half out of its bottom edge, and a marker there took
// the pointer from it (a second intent could not be drawn from the Internet).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 8;
/** How far a node's handles stand out of its box (the intent handle: 14 px, half outside). */
export const HANDLE_REACH = 8;

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Top-left of a marker of this size, near (midX, midY), covering neither of the nodes. */
export function placeMarker(
  mid: { x: number; y: number },
  size: { width: number; height: number },
  nodes: readonly Rect[],
): { x: number; y: number } {
  const right = Math.max(...nodes.map((n) => n.x + n.width));
  const bottom = Math.max(...nodes.map((n) => n.y + n.height)) + HANDLE_REACH;
  const boxes = nodes.map((n) => ({
    x: n.x - HANDLE_REACH,
    y: n.y - HANDLE_REACH,
    width: n.width + 2 * HANDLE_REACH,
    height: n.height + 2 * HANDLE_REACH,
  }));
  // Under or over the middle: centred on it, then ending at it, then starting from it.
  const candidates = [mid.x - size.width / 2, mid.x - size.width, mid.x].flatMap((x) => [
    { x, y: mid.y + 14 },
    { x, y: mid.y - 14 - size.height },
  ]);
  candidates.push({ x: right + HANDLE_REACH + GAP, y: mid.y - size.height / 2 });
  const clear = candidates.find((c) => !boxes.some((n) => overlaps({ ...c, ...size }, n)));
  // Below both nodes is always clear of them.
  return clear ?? { x: mid.x - size.width / 2, y: bottom + GAP };
}
