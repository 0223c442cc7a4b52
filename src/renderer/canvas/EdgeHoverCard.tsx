// Hovering an edge shows, without a click, the rules on both sides that permit the flow.
import { Panel } from "@xyflow/react";
import { EdgeDetails } from "../inspector/EdgeDetails";
import { useEditor } from "../state/store";

export function EdgeHoverCard() {
  const hover = useEditor((s) => s.hoverEdge);
  const selected = useEditor((s) => s.selection.edge);
  const flow = useEditor((s) => s.flows.find((f) => f.id === s.hoverEdge));
  const design = useEditor((s) => s.history.present);
  // The selected edge is explained in the inspector already.
  if (!hover || !flow || hover === selected) return null;
  return (
    <Panel position="top-right" className="hover-card" data-testid="edge-hover-card">
      <EdgeDetails design={design} flow={flow} compact />
    </Panel>
  );
}
