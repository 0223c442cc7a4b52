// One permitted flow: a directed edge labelled with its services, coloured by exposure.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from "@xyflow/react";
import { memo } from "react";
import type { EdgeData } from "./toFlow";

function FlowEdgeViewImpl(props: EdgeProps & { data?: EdgeData }) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, selected } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const exposure = data?.exposure ?? "internal";
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`flow-edge flow-edge--${exposure}${data?.active || selected ? " is-active" : ""}`}
        interactionWidth={16}
      />
      <EdgeLabelRenderer>
        <div
          className={`edge-label edge-label--${exposure}${data?.active || selected ? " is-active" : ""}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-${id}`}
        >
          {data?.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdgeView = memo(FlowEdgeViewImpl);
