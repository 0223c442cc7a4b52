// The engine's channels, run the same way inline or in the worker thread.
import type { Request } from "../shared/api";
import { evaluateFlow, permittedFlows } from "../shared/engine";
import { findings } from "../shared/engine/findings";
import type { Finding, FlowEdge, FlowVerdict } from "../shared/engine/types";
import type { Design } from "../shared/model";

export const ENGINE_CHANNELS = ["engine:flows", "engine:evaluate", "engine:findings"] as const;
export type EngineChannel = (typeof ENGINE_CHANNELS)[number];

export function isEngineChannel(channel: string): channel is EngineChannel {
  return (ENGINE_CHANNELS as readonly string[]).includes(channel);
}

export interface EngineResults {
  "engine:flows": FlowEdge[];
  "engine:evaluate": FlowVerdict;
  "engine:findings": Finding[];
}

/** Runs one validated request. Throws what the engine throws (InputError for an unknown node). */
export function runEngine<C extends EngineChannel>(channel: C, request: Request<C>): EngineResults[C] {
  const { design } = request as { design: Design };
  switch (channel) {
    case "engine:flows":
      return permittedFlows(design) as EngineResults[C];
    case "engine:evaluate":
      return evaluateFlow(design, (request as Request<"engine:evaluate">).query) as EngineResults[C];
    case "engine:findings":
      return findings(design) as EngineResults[C];
  }
  throw new Error(`not an engine channel: ${channel}`);
}

/** Work this build cannot do; the handlers turn it into a problem, not an internal error. */
export class Unavailable extends Error {
  override name = "Unavailable";
}

/**
 * How big a request's design is for the engine (nodes plus rules), read from the payload before
 * it is validated: validating a big design is itself work to keep off the main thread. Anything
 * malformed counts as small, and the inline path then reports what is wrong with it.
 */
export function payloadSize(payload: unknown): number {
  const design = (payload as { design?: unknown } | null | undefined)?.design as Record<string, unknown> | undefined;
  if (typeof design !== "object" || design === null) return 0;
  const length = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  let size = length(design.resources) + length(design.externals);
  if (Array.isArray(design.groups))
    for (const g of design.groups as unknown[]) {
      const group = g as Record<string, unknown> | null;
      if (typeof group === "object" && group !== null) size += length(group.ingress) + length(group.egress);
    }
  return size;
}

/** Above this many nodes plus rules, engine work leaves the main thread. */
export const WORKER_THRESHOLD = 2000;
