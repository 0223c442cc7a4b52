// One permitted flow: a directed edge labelled with its services, coloured by exposure, drawn
// between the sides of its nodes that face each other.
import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  Position,
  type ReactFlowState,
  useStore,
} from "@xyflow/react";
import { memo } from "react";
import { edgeDash, pathOf } from "../../shared/diagram";
import { viewState } from "../state/store";
import { floatingAnchors } from "./floating";
import type { Routed } from "./routes";
import type { EdgeData } from "./toFlow";

export const NODE_WIDTH = 200;
const NOMINAL_HEIGHT = 84;

/** Below this zoom labels are too small to read, and each is an HTML element: only marked edges keep theirs. */
export const LABEL_MIN_ZOOM = 0.4;
const zoomedOut = (s: ReactFlowState) => s.transform[2] < LABEL_MIN_ZOOM;

function FlowEdgeViewImpl(props: EdgeProps & { data?: EdgeData & Routed }) {
  const { id, source, target, data, markerEnd, selected, sourceHandleId, targetHandleId } = props;
  // Nodes are NODE_WIDTH wide; the handles sit at the middle of their left and right sides, so
  // the boxes follow from the handle points without a store subscription per edge (thousands).
  const source_ = {
    x: props.sourceX - NODE_WIDTH,
    y: props.sourceY - (data?.sourceHeight ?? NOMINAL_HEIGHT) / 2,
    width: NODE_WIDTH,
    height: data?.sourceHeight ?? NOMINAL_HEIGHT,
  };
  const target_ = {
    x: props.targetX,
    y: props.targetY - (data?.targetHeight ?? NOMINAL_HEIGHT) / 2,
    width: NODE_WIDTH,
    height: data?.targetHeight ?? NOMINAL_HEIGHT,
  };
  const a = floatingAnchors(source_, target_, source < target, data?.paired ?? false);
  // An end at an interface's row (its handle) stays at that row's height on the side it uses.
  if (sourceHandleId && a.sourcePosition !== Position.Top && a.sourcePosition !== Position.Bottom) a.sy = props.sourceY;
  if (targetHandleId && a.targetPosition !== Position.Top && a.targetPosition !== Position.Bottom) a.ty = props.targetY;
  const geometry = {
    sourceX: a.sx,
    sourceY: a.sy,
    targetX: a.tx,
    targetY: a.ty,
    sourcePosition: a.sourcePosition,
    targetPosition: a.targetPosition,
  };
  // The route around the boxes where the canvas has one (src/shared/diagram), else a curve.
  const route = data?.route;
  const [curve, curveX, curveY] = route ? ["", 0, 0] : getBezierPath(geometry);
  const path = route ? pathOf(route) : curve;
  const placed = data?.labelBox;
  const labelX = placed ? placed.x + placed.width / 2 : curveX;
  // The labels of a pair would sit on each other at the middle; move each toward its own line.
  const labelY = placed ? placed.y + placed.height / 2 : data?.paired ? curveY + (source < target ? -10 : 10) : curveY;
  const exposure = data?.exposure ?? "internal";
  const active = data?.active || selected;
  // A boolean, so panning and zooming re-render an edge only when the threshold is crossed.
  const far = useStore(zoomedOut);
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
          strokeDasharray: edgeDash(exposure, data?.rulesOnly),
        }}
        interactionWidth={16}
        // The interfaces' rows the line ends at, in the DOM (an instance with several interfaces).
        data-source-handle={sourceHandleId ?? undefined}
        data-target-handle={targetHandleId ?? undefined}
      />
      {data?.showLabel !== false && (!far || active) && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`edge-label nodrag nopan edge-label--${exposure}${active ? " is-active" : ""}${placed ? " edge-label--placed" : ""}`}
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              ...(placed ? { width: placed.width, height: placed.height } : {}),
            }}
            data-testid={`edge-${id}`}
            aria-label={`Flow ${data?.fromEnd ?? source} to ${data?.toEnd ?? target}: ${data?.label ?? ""}`}
            // The label is part of the edge for the pointer and the keyboard: hover or focus explains, a click selects.
            onMouseEnter={() => viewState.set({ hoverEdge: id })}
            onMouseLeave={() => viewState.set({ hoverEdge: undefined })}
            onFocus={() => viewState.set({ hoverEdge: id })}
            onBlur={() => viewState.set({ hoverEdge: undefined })}
            onClick={() => viewState.set({ selection: { nodes: [], edge: id }, hoverEdge: undefined })}
          >
            {data?.label}
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdgeView = memo(FlowEdgeViewImpl);
