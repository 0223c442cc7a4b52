// A simulation as what the canvas animates: the request's leg, and the reply's leg for a
// permitted flow. A blocked packet stops where it was dropped: just outside its source when the
// source's outbound rules drop it, at the target's door when the target's inbound rules do.
import type { Simulation } from "../../shared/engine/simulate";

export interface Leg {
  from: string;
  to: string;
  kind: "request" | "reply";
  /** How far along the path the packet gets, 0..1. */
  until: number;
}

export interface PacketPlan {
  legs: Leg[];
  /** The node where the client would see a timeout (the packet was dropped silently there). */
  timeoutAt?: string;
  /** Why, in the engine's words. */
  reason: string;
}

/** Where on its way a dropped packet stops: leaving the source, or arriving at the target. */
export const DROPPED_LEAVING = 0.15;
export const DROPPED_ARRIVING = 0.88;

export function packetPlan(sim: Simulation): PacketPlan {
  const { from, to } = sim.query;
  if (sim.permitted)
    return {
      legs: [
        { from, to, kind: "request", until: 1 },
        // Stateful: the reply comes back on the same connection, whatever the rules say.
        { from: to, to: from, kind: "reply", until: 1 },
      ],
      reason: sim.reason,
    };
  const timeout = sim.hops.find((h) => h.stage === "timeout");
  const atTarget = timeout?.at === to && to !== from;
  return {
    legs: [{ from, to, kind: "request", until: atTarget ? DROPPED_ARRIVING : DROPPED_LEAVING }],
    timeoutAt: timeout?.at ?? from,
    reason: timeout?.text ?? sim.reason,
  };
}
