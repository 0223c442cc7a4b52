// One permitted flow: a directed edge labelled with its services, coloured by exposure, drawn
// between the sides of its nodes that face each other.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath, useInternalNode } from "@xyflow/react";
import { memo } from "react";
import { floatingAnchors } from "./floating";
import type { EdgeData } from "./toFlow";

function FlowEdgeViewImpl(props: EdgeProps & { data?: EdgeData }) {
  const { id, source, target, data, markerEnd, selected } = props;
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  let geometry = {
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    targetX: props.targetX,
    targetY: props.targetY,
    sourcePosition: props.sourcePosition,
    targetPosition: props.targetPosition,
  };
  if (s?.measured.width && t?.measured.width) {
    const box = (n: typeof s) => ({
      ...n.internals.positionAbsolute,
      width: n.measured.width ?? 0,
      height: n.measured.height ?? 0,
    });
    const a = floatingAnchors(box(s), box(t), source < target, data?.paired ?? false);
    geometry = {
      sourceX: a.sx,
      sourceY: a.sy,
      targetX: a.tx,
      targetY: a.ty,
      sourcePosition: a.sourcePosition,
      targetPosition: a.targetPosition,
    };
  }
  const [path, labelX, midY] = getBezierPath(geometry);
  // The labels of a pair would sit on each other at the middle; move each toward its own line.
  const labelY = data?.paired ? midY + (source < target ? -10 : 10) : midY;
  const exposure = data?.exposure ?? "internal";
  const active = data?.active || selected;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`flow-edge flow-edge--${exposure}${active ? " is-active" : ""}`}
        interactionWidth={16}
      />
      <EdgeLabelRenderer>
        <div
          className={`edge-label edge-label--${exposure}${active ? " is-active" : ""}`}
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
