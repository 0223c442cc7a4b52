// An ELK graph (the group level's, groupLevel.ts), and ELK's answer back as integer positions.
import type { Position } from "../../shared/model";

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

export function positionsOf(result: { children?: { id: string; x?: number; y?: number }[] }): {
  id: string;
  position: Position;
}[] {
  return (result.children ?? []).map((c) => ({
    id: c.id,
    position: { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) },
  }));
}
