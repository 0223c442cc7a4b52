// Hovering an edge shows, without a click, the rules on both sides that permit the flow.
import { Panel } from "@xyflow/react";
import { EdgeDetails } from "../inspector/EdgeDetails";
import { useDerived, useDoc, useView } from "../state/store";

export function EdgeHoverCard() {
  const hover = useView((s) => s.hoverEdge);
  const selected = useView((s) => s.selection.edge);
  const flow = useDerived((s) => s.flows.find((f) => f.id === hover));
  const design = useDoc((s) => s.history.present);
  // The selected edge is explained in the inspector already.
  if (!hover || !flow || hover === selected) return null;
  return (
    <Panel position="top-right" className="hover-card" data-testid="edge-hover-card">
      <EdgeDetails design={design} flow={flow} compact />
    </Panel>
  );
}
