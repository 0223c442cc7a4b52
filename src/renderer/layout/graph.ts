// The design as an ELK graph (layered, left to right, following the permitted flows), and
// ELK's answer back as integer positions for the moveNodes/autoLayout action.
import type { FlowEdge } from "../../shared/engine/types";
import type { Design, Position } from "../../shared/model";

export interface ElkNode {
  id: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
}

export interface ElkGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkNode[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export const DEFAULT_SIZE = { width: 210, height: 120 };

export function toElkGraph(
  design: Design,
  flows: readonly FlowEdge[],
  sizes: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): ElkGraph {
  const nodes = [...design.externals, ...design.resources];
  const ids = new Set(nodes.map((n) => n.id));
  const externals = new Set(design.externals.map((e) => e.id));
  return {
    id: "design",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": "48",
      "elk.layered.spacing.nodeNodeBetweenLayers": "120",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children: nodes.map((n) => ({
      id: n.id,
      ...(sizes.get(n.id) ?? DEFAULT_SIZE),
      // External parties start the picture: traffic from outside enters on the left.
      ...(externals.has(n.id) ? { layoutOptions: { "elk.layered.layering.layerConstraint": "FIRST" } } : {}),
    })),
    edges: flows
      .filter((f) => f.from !== f.to && ids.has(f.from) && ids.has(f.to))
      .map((f) => ({ id: f.id, sources: [f.from], targets: [f.to] })),
  };
}

export function positionsOf(result: { children?: { id: string; x?: number; y?: number }[] }): {
  id: string;
  position: Position;
}[] {
  return (result.children ?? []).map((c) => ({
    id: c.id,
    position: { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) },
  }));
}
