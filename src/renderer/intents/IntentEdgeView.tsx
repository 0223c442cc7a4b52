// An intended connection: dashed, red while the rules block it, subtle green once they allow it.
// Its label offers to send a packet along it, to fix it, or to remove it.
import {
  BaseEdge,
  type EdgeProps,
  getBezierPath,
  type InternalNode,
  Position,
  useInternalNode,
  ViewportPortal,
} from "@xyflow/react";
import { memo } from "react";
import { removeIntent } from "../actions/intents";
import { NODE_WIDTH } from "../canvas/FlowEdgeView";
import { floatingAnchors } from "../canvas/floating";
import { sendPacket } from "../simulate/send";
import { run } from "../state/commands";
import { proposeFixFor } from "./fix";
import type { IntentEdgeData, IntentService } from "./intentEdges";
import { placeMarker, type Rect } from "./markerPlace";

const NOMINAL_HEIGHT = 84;
const ROW_HEIGHT = 26;

function rectOf(node: InternalNode | undefined): Rect | undefined {
  const { width, height } = node?.measured ?? {};
  if (!node || !width || !height) return undefined;
  return { ...node.internals.positionAbsolute, width, height };
}

function IntentEdgeViewImpl(props: EdgeProps & { data?: IntentEdgeData }) {
  const { id, source, target, data } = props;
  // The nodes as drawn (the handle is not always on the side the line leaves from).
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!data) return null;
  const sh = data.sourceHeight ?? NOMINAL_HEIGHT;
  const th = data.targetHeight ?? NOMINAL_HEIGHT;
  // At a row's handle the handle is not the side's middle: the node as drawn gives the box.
  const sourceRect = (props.sourceHandleId ? rectOf(sourceNode) : undefined) ?? {
    x: props.sourceX - NODE_WIDTH,
    y: props.sourceY - sh / 2,
    width: NODE_WIDTH,
    height: sh,
  };
  const targetRect = (props.targetHandleId ? rectOf(targetNode) : undefined) ?? {
    x: props.targetX,
    y: props.targetY - th / 2,
    width: NODE_WIDTH,
    height: th,
  };
  const a = floatingAnchors(sourceRect, targetRect, source < target, false);
  // At an instance drawn with a row per interface the intent ends at its eth0 row (its handle).
  if (props.sourceHandleId && (a.sourcePosition === Position.Left || a.sourcePosition === Position.Right))
    a.sy = props.sourceY;
  if (props.targetHandleId && (a.targetPosition === Position.Left || a.targetPosition === Position.Right))
    a.ty = props.targetY;
  const [path, labelX, labelY] = getBezierPath({
    sourceX: a.sx,
    sourceY: a.sy,
    targetX: a.tx,
    targetY: a.ty,
    sourcePosition: a.sourcePosition,
    targetPosition: a.targetPosition,
  });
  const state = data.satisfied ? "satisfied" : "blocked";
  // The marker's size, estimated from its text (rows of 11px type and three small buttons).
  const longest = Math.max(...data.services.map((s) => s.label.length));
  const size = { width: longest * 6.5 + 130, height: data.services.length * ROW_HEIGHT };
  const at = placeMarker({ x: labelX, y: labelY }, size, [
    rectOf(sourceNode) ?? sourceRect,
    rectOf(targetNode) ?? targetRect,
  ]);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`intent-edge intent-edge--${state}`}
        style={{
          stroke: data.satisfied ? "var(--ok)" : "var(--danger)",
          strokeWidth: data.satisfied ? 1.4 : 2,
          strokeDasharray: "7 5",
          opacity: data.satisfied ? 0.55 : 1,
        }}
        interactionWidth={12}
      />
      <ViewportPortal>
        <div
          className="intent-marker nodrag nopan"
          // Below the middle (not on a flow's label between the same nodes), clear of both nodes.
          style={{ transform: `translate(-50%, 0) translate(${at.x + size.width / 2}px, ${at.y}px)` }}
        >
          {data.services.map((service) => (
            <ServiceRow key={service.intent.id} service={service} />
          ))}
        </div>
      </ViewportPortal>
    </>
  );
}

/** One intended service of the pair: its state, and Send, Fix and remove for it alone. */
function ServiceRow({ service }: { service: IntentService }) {
  const { intent, satisfied, label } = service;
  const state = satisfied ? "satisfied" : "blocked";
  const query = {
    from: intent.from,
    to: intent.to,
    protocol: intent.protocol === "-1" ? "tcp" : intent.protocol,
    ...(intent.port !== undefined ? { port: intent.port } : intent.protocol === "-1" ? { port: 443 } : {}),
  };
  return (
    <div
      className={`intent-label intent-label--${state}`}
      data-testid={`intent-${intent.id}`}
      title={
        satisfied
          ? "An intended connection, and the rules allow it"
          : `An intended connection the rules block: ${service.reason}`
      }
    >
      <span className="intent-label__text">
        {satisfied ? "✓" : "✕"} {label}
      </span>
      <button type="button" onClick={() => void sendPacket(query)} aria-label={`Send a packet ${label}`}>
        Send
      </button>
      {!satisfied && (
        <button type="button" className="primary" onClick={() => void proposeFixFor(intent.id)}>
          Fix
        </button>
      )}
      <button
        type="button"
        aria-label={`Remove the intended connection ${label}`}
        title="Remove this intended connection"
        onClick={() => run(removeIntent, { id: intent.id })}
      >
        ×
      </button>
    </div>
  );
}

export const IntentEdgeView = memo(IntentEdgeViewImpl);
