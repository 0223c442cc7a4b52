// The React Flow instance, for commands that run outside components (fit view, export, layout).
import type { ReactFlowInstance } from "@xyflow/react";

let instance: ReactFlowInstance | undefined;

export function setFlowInstance(i: ReactFlowInstance): void {
  instance = i;
}

export function flowInstance(): ReactFlowInstance | undefined {
  return instance;
}

export const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around nodes, measured or not: culled nodes (off screen, never rendered) count too. */
export function boundsOf(
  nodes: readonly {
    position: { x: number; y: number };
    measured?: { width?: number; height?: number };
    initialWidth?: number;
    initialHeight?: number;
  }[],
): Box | undefined {
  if (nodes.length === 0) return undefined;
  let [x0, y0, x1, y1] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const n of nodes) {
    const w = n.measured?.width ?? n.initialWidth ?? 200;
    const h = n.measured?.height ?? n.initialHeight ?? 84;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + w);
    y1 = Math.max(y1, n.position.y + h);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** What covers parts of the pane, which a fitted design is kept clear of. */
export interface Covered {
  /** The bottom-right corner (the minimap). */
  corner?: { width: number; height: number };
  /** A band along the top (the Nodes / Groups toggle and its notice). */
  top?: number;
}

/**
 * The viewport that shows `box` in a pane of the given size, with padding, never zoomed past
 * maxZoom. The box is kept below a covered band along the top, and clear of a covered bottom-right
 * corner, beside it or above it, whichever shows the design larger.
 */
export function viewportFor(
  box: Box,
  pane: { width: number; height: number },
  padding = 0.15,
  maxZoom = 1,
  minZoom = 0.05,
  covered: Covered = {},
): { x: number; y: number; zoom: number } {
  const { corner, top = 0 } = covered;
  if (top > 0) {
    const below = viewportFor(
      box,
      { width: pane.width, height: Math.max(1, pane.height - top) },
      padding,
      maxZoom,
      minZoom,
      {
        corner,
      },
    );
    return { ...below, y: below.y + top };
  }
  if (corner && corner.width > 0 && corner.height > 0) {
    const beside = viewportFor(
      box,
      { width: Math.max(1, pane.width - corner.width), height: pane.height },
      padding,
      maxZoom,
      minZoom,
    );
    const above = viewportFor(
      box,
      { width: pane.width, height: Math.max(1, pane.height - corner.height) },
      padding,
      maxZoom,
      minZoom,
    );
    return beside.zoom > above.zoom ? beside : above;
  }
  const usable = { width: pane.width * (1 - padding), height: pane.height * (1 - padding) };
  const zoom = Math.max(
    minZoom,
    Math.min(maxZoom, usable.width / Math.max(1, box.width), usable.height / Math.max(1, box.height)),
  );
  // Too big to fit at the smallest zoom allowed: its top-left corner, where a design starts,
  // rather than its centre, which may fall in a gap between groups and show nothing.
  const margin = (side: number) => (side * padding) / 2;
  return {
    x:
      box.width * zoom > usable.width
        ? margin(pane.width) - box.x * zoom
        : pane.width / 2 - (box.x + box.width / 2) * zoom,
    y:
      box.height * zoom > usable.height
        ? margin(pane.height) - box.y * zoom
        : pane.height / 2 - (box.y + box.height / 2) * zoom,
    zoom,
  };
}

/**
 * Fits every node in view. React Flow's own fitView skips nodes it has not measured, and with
 * onlyRenderVisibleElements the ones off screen are never measured: a design opened with nodes
 * outside the view would stay half hidden.
 */
export async function fitAll(options: { padding?: number; maxZoom?: number; minZoom?: number } = {}): Promise<void> {
  const flow = instance;
  const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
  if (!flow || !pane) return;
  const box = boundsOf(flow.getNodes());
  if (!box) return;
  // The minimap sits over the pane's bottom-right corner and the level toggle over its top: nodes
  // fitted under either could not be read.
  const minimap = document.querySelector(".react-flow__minimap")?.getBoundingClientRect();
  const toggle = document.querySelector("[data-testid=level-toggle]")?.getBoundingClientRect();
  const covered: Covered = {
    ...(minimap ? { corner: { width: pane.right - minimap.left, height: pane.bottom - minimap.top } } : {}),
    ...(toggle && toggle.bottom > pane.top ? { top: toggle.bottom - pane.top } : {}),
  };
  await flow.setViewport(
    viewportFor(box, pane, options.padding ?? 0.15, options.maxZoom ?? 1, options.minZoom, covered),
  );
}
