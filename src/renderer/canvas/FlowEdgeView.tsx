// One permitted flow: a directed edge labelled with its services, coloured by exposure, drawn
// between the sides of its nodes that face each other.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath, useInternalNode } from "@xyflow/react";
import { memo } from "react";
import { editor } from "../state/store";
import { floatingAnchors } from "./floating";
import type { EdgeData } from "./toFlow";

/** Internet and internal flows are solid; flows to other outside parties and within a group are dashed. */
const DASHES: Record<EdgeData["exposure"], string | undefined> = {
  internet: undefined,
  external: "6 3",
  internal: undefined,
  sameGroup: "2 3",
};

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
        // Inline, not only in CSS: the PNG/SVG export copies inline styles of SVG paths, not class rules.
        style={{
          stroke: `var(--edge-${exposure})`,
          strokeWidth: (exposure === "internet" ? 2.2 : 1.6) + (active ? 1.4 : 0),
          strokeDasharray: DASHES[exposure],
        }}
        interactionWidth={16}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`edge-label nodrag nopan edge-label--${exposure}${active ? " is-active" : ""}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-${id}`}
          aria-label={`Flow ${source} to ${target}: ${data?.label ?? ""}`}
          // The label is part of the edge for the pointer and the keyboard: hover or focus explains, a click selects.
          onMouseEnter={() => editor.set({ hoverEdge: id })}
          onMouseLeave={() => editor.set({ hoverEdge: undefined })}
          onFocus={() => editor.set({ hoverEdge: id })}
          onBlur={() => editor.set({ hoverEdge: undefined })}
          onClick={() => editor.set({ selection: { nodes: [], edge: id }, hoverEdge: undefined })}
        >
          {data?.label}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdgeView = memo(FlowEdgeViewImpl);
