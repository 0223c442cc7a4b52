// An intended connection: dashed, red while the rules block it, subtle green once they allow it.
// Its label offers to send a packet along it, to fix it, or to remove it.
import { BaseEdge, type EdgeProps, getBezierPath, ViewportPortal } from "@xyflow/react";
import { memo } from "react";
import { removeIntent } from "../actions/intents";
import { NODE_WIDTH } from "../canvas/FlowEdgeView";
import { floatingAnchors } from "../canvas/floating";
import { sendPacket } from "../simulate/send";
import { run } from "../state/commands";
import { proposeFixFor } from "./fix";
import type { IntentEdgeData, IntentService } from "./intentEdges";

const NOMINAL_HEIGHT = 84;

function IntentEdgeViewImpl(props: EdgeProps & { data?: IntentEdgeData }) {
  const { id, source, target, data } = props;
  if (!data) return null;
  const sh = data.sourceHeight ?? NOMINAL_HEIGHT;
  const th = data.targetHeight ?? NOMINAL_HEIGHT;
  const a = floatingAnchors(
    { x: props.sourceX - NODE_WIDTH, y: props.sourceY - sh / 2, width: NODE_WIDTH, height: sh },
    { x: props.targetX, y: props.targetY - th / 2, width: NODE_WIDTH, height: th },
    source < target,
    false,
  );
  const [path, labelX, labelY] = getBezierPath({
    sourceX: a.sx,
    sourceY: a.sy,
    targetX: a.tx,
    targetY: a.ty,
    sourcePosition: a.sourcePosition,
    targetPosition: a.targetPosition,
  });
  const state = data.satisfied ? "satisfied" : "blocked";
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
          // Below the middle, so it does not sit on a flow's label between the same nodes.
          style={{ transform: `translate(-50%, 0) translate(${labelX}px, ${labelY + 14}px)` }}
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
