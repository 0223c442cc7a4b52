// Where a node dropped on the canvas frame lands: pure geometry, apart from the drop handler
// (drop.ts), which reaches the host through the state, so that it is tested without a page.
import { NODE_WIDTH } from "./FlowEdgeView";

/** How far inside the visible canvas a node lands when it was dropped outside it. */
const MARGIN = 24;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where a drop at `point` lands, in screen coordinates: the point itself when it is on the pane,
 * else the nearest point that keeps a whole node (as wide as NODE_WIDTH, about `height` tall,
 * centred under the pointer) on the pane.
 */
export function landingPoint(
  point: { x: number; y: number },
  pane: Box,
  height = 80,
): { x: number; y: number; moved: boolean } {
  const inside = point.x >= pane.left && point.x <= pane.right && point.y >= pane.top && point.y <= pane.bottom;
  if (inside) return { ...point, moved: false };
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  const x = clamp(point.x, pane.left + NODE_WIDTH / 2 + MARGIN, pane.right - NODE_WIDTH / 2 - MARGIN);
  const y = clamp(point.y, pane.top + height / 2 + MARGIN, pane.bottom - height / 2 - MARGIN);
  return { x, y, moved: true };
}
