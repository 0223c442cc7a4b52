// Auto-layout of the node canvas: the shared tiered layout (src/shared/diagram/layout.ts) with
// the nodes' measured sizes, so that the app and `palisade draw` place a design alike.
import type { LayoutFlow, LayoutNode } from "../../shared/diagram/layout";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design, Position } from "../../shared/model";
import { NODE_SIZE } from "../canvas/toFlow";
import { layOut } from "./offThread";

/** What the layout needs of the design: each node with its size, and the ends of each flow. */
export function layoutInput(
  design: Design,
  flows: readonly FlowEdge[],
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): { nodes: LayoutNode[]; flows: LayoutFlow[] } {
  const nodes = [
    ...design.externals.map((e) => ({ id: e.id, kind: e.kind, external: true })),
    ...design.resources.map((r) => ({
      id: r.id,
      kind: r.kind,
      external: false,
      ...(r.vpcId ? { vpcId: r.vpcId } : {}),
    })),
  ].map((n) => ({ ...n, ...(sizes.get(n.id) ?? NODE_SIZE) }));
  return { nodes, flows: flows.map((f) => ({ from: f.from, to: f.to })) };
}

/** Laid out in the layout worker (offThread.ts), or inline where there is none; stopLayout() stops it. */
export function layoutByTier(
  design: Design,
  flows: readonly FlowEdge[],
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): Promise<{ id: string; position: Position }[]> {
  const input = layoutInput(design, flows, sizes);
  return layOut(input.nodes, input.flows);
}
