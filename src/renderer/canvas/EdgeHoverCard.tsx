// Hovering an edge shows, without a click, the rules on both sides that permit the flow.
import { Panel } from "@xyflow/react";
import { EdgeDetails } from "../inspector/EdgeDetails";
import { useDerived, useDoc, useView } from "../state/store";

export function EdgeHoverCard() {
  const hover = useView((s) => s.hoverEdge);
  const selected = useView((s) => s.selection.edge);
  const flow = useDerived((s) => s.flows.find((f) => f.id === hover));
  const design = useDoc((s) => s.history.present);
  const dependsOn = useDerived((s) => (hover ? s.dependsOn[hover] : undefined)) ?? [];
  // The selected edge is explained in the inspector already.
  if (!hover || !flow || hover === selected) return null;
  // As the Flows tab's row says: a flow that an unknown's rules (a placeholder group or range) permit.
  return (
    <Panel position="top-right" className="hover-card" data-testid="edge-hover-card">
      {dependsOn.length > 0 && (
        <span className="badge badge--unknown" data-testid="edge-depends-on">
          depends on {dependsOn.join(", ")}
        </span>
      )}
      <EdgeDetails design={design} flow={flow} compact />
    </Panel>
  );
}
