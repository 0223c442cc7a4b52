// The animated packet: a dot along the same curve as the edge, the reply back along the reverse
// one, and a timeout marker with the reason where a blocked packet is dropped. Drawn in flow
// coordinates, so it pans and zooms with the canvas. prefers-reduced-motion shows the end state.
import { getBezierPath, type InternalNode, useReactFlow, ViewportPortal } from "@xyflow/react";
import { type Point, pathOf } from "../../shared/diagram";
import { type Box, floatingAnchors } from "../canvas/floating";
import { canvasEnd } from "../canvas/interfaceRows";
import { useView } from "../state/store";
import { type Leg, packetPlan } from "./legs";

/** Seconds per leg: short enough not to wait for, long enough to follow. */
export const LEG_SECONDS = 0.9;

function box(node: InternalNode | undefined): Box | undefined {
  if (!node) return undefined;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? 200, height: node.measured.height ?? 84 };
}

/**
 * `routes`: the lines as the canvas draws them (by flow id `${from}->${to}`): the request travels
 * its flow's line, the reply the same line back (one connection); a flow not drawn takes a curve.
 */
export function PacketOverlay({ routes }: { routes?: ReadonlyMap<string, readonly Point[]> }) {
  const simulation = useView((s) => s.simulation);
  const { getInternalNode } = useReactFlow();
  if (!simulation) return null;
  const plan = packetPlan(simulation.sim);
  // An interface's end ("web/eth1") is drawn on its instance's node.
  const nodeOf = (end: string) => getInternalNode(canvasEnd(end).node);
  const legPath = (leg: Leg) => {
    const drawn = routes?.get(leg.kind === "reply" ? `${leg.to}->${leg.from}` : `${leg.from}->${leg.to}`);
    if (drawn) return pathOf(leg.kind === "reply" ? [...drawn].reverse() : drawn);
    const [a, b] = [box(nodeOf(leg.from)), box(nodeOf(leg.to))];
    if (!a || !b) return undefined;
    const anchors = floatingAnchors(a, b, leg.from < leg.to, false);
    const [path] = getBezierPath({
      sourceX: anchors.sx,
      sourceY: anchors.sy,
      targetX: anchors.tx,
      targetY: anchors.ty,
      sourcePosition: anchors.sourcePosition,
      targetPosition: anchors.targetPosition,
    });
    return path;
  };
  const dropped = plan.timeoutAt ? box(nodeOf(plan.timeoutAt)) : undefined;
  const source = box(nodeOf(simulation.sim.query.from));
  const ends = plan.legs.length * LEG_SECONDS;
  return (
    <ViewportPortal>
      <div className="packets" key={simulation.seq} data-testid="packet-overlay">
        {plan.legs.map((leg, i) => {
          const path = legPath(leg);
          if (!path) return null;
          return (
            <div
              key={leg.kind}
              className={`packet packet--${leg.kind}${plan.timeoutAt ? " packet--dropped" : ""}`}
              data-testid={`packet-${leg.kind}`}
              style={
                {
                  offsetPath: `path("${path}")`,
                  "--until": `${leg.until * 100}%`,
                  animationDelay: `${i * LEG_SECONDS}s`,
                  animationDuration: `${LEG_SECONDS}s`,
                } as React.CSSProperties
              }
            />
          );
        })}
        {dropped && (
          <div
            className="timeout-marker"
            role="status"
            data-testid="timeout-marker"
            style={{ left: dropped.x, top: dropped.y + dropped.height + 8, animationDelay: `${ends}s` }}
          >
            <strong>⏱ Timeout</strong> {plan.reason}
          </div>
        )}
        {!plan.timeoutAt && source && (
          <div
            className="packet-caption"
            role="status"
            data-testid="reply-marker"
            style={{ left: source.x, top: source.y + source.height + 8, animationDelay: `${ends}s` }}
          >
            <strong>✓ Reply received</strong> security groups are stateful: the reply needs no rule.
          </div>
        )}
      </div>
    </ViewportPortal>
  );
}
