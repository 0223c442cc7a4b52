// Auto-layout of the node canvas: the shared tiered layout (src/shared/diagram/layout.ts) with
// the nodes' measured sizes, so that the app and `palisade draw` place a design alike.
import { layoutNodes } from "../../shared/diagram/layout";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design, Position } from "../../shared/model";
import { NODE_SIZE } from "../canvas/toFlow";

export function layoutByTier(
  design: Design,
  flows: readonly FlowEdge[],
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): { id: string; position: Position }[] {
  const nodes = [
    ...design.externals.map((e) => ({ id: e.id, kind: e.kind, external: true })),
    ...design.resources.map((r) => ({
      id: r.id,
      kind: r.kind,
      external: false,
      ...(r.vpcId ? { vpcId: r.vpcId } : {}),
    })),
  ].map((n) => ({ ...n, ...(sizes.get(n.id) ?? NODE_SIZE) }));
  const at = layoutNodes(nodes, flows);
  return nodes.map((n) => ({ id: n.id, position: at.get(n.id) ?? { x: 0, y: 0 } }));
}
