// What the renderer and its layout worker say to each other, and the worker's answer as a plain
// function: the worker file only wires it to its messages, so Node tests run it as it is, and
// the renderer runs it inline where no Worker can be made. Pure: it imports only the shared layout.
import { type LayoutFlow, type LayoutNode, layoutNodes } from "../../shared/diagram/layout";
import type { Position } from "../../shared/model";

/** Nodes with their sizes, and only the ends of each flow: a flow's rules need not be copied over. */
export interface LayoutRequest {
  seq: number;
  nodes: LayoutNode[];
  flows: LayoutFlow[];
}

export type LayoutReply =
  | { seq: number; positions: { id: string; position: Position }[] }
  | { seq: number; error: string };

export function answerLayout(request: LayoutRequest): LayoutReply {
  try {
    const at = layoutNodes(request.nodes, request.flows);
    return {
      seq: request.seq,
      positions: request.nodes.map((n) => ({ id: n.id, position: at.get(n.id) ?? { x: 0, y: 0 } })),
    };
  } catch (e) {
    return { seq: request.seq, error: e instanceof Error ? e.message : String(e) };
  }
}
