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

/** Channels whose work is pure computation, and so may run in the worker thread. */
export const OFFLOAD_CHANNELS = [...ENGINE_CHANNELS, "design:parse", "iac:import", "iac:export"] as const;
export type OffloadChannel = (typeof OFFLOAD_CHANNELS)[number];

export function isOffloadChannel(channel: string): channel is OffloadChannel {
  return (OFFLOAD_CHANNELS as readonly string[]).includes(channel);
}

/** Characters of file text that weigh as much as one node or rule (1 MB of text = 1,000). */
const CHARS_PER_UNIT = 1000;

/**
 * How heavy a request is: its design's nodes plus rules, and its files' text in thousands of
 * characters. Read from the payload before it is validated, because validating a big design is
 * itself work to keep off the main thread. Anything malformed weighs nothing, and the inline
 * path then reports what is wrong with it.
 */
export function payloadSize(payload: unknown): number {
  const record = (payload ?? {}) as Record<string, unknown>;
  if (typeof record !== "object") return 0;
  const length = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const textOf = (f: unknown) => {
    const text = (f as { text?: unknown } | null)?.text;
    return typeof text === "string" ? text.length / CHARS_PER_UNIT : 0;
  };
  let size = 0;
  const design = record.design as Record<string, unknown> | undefined;
  if (typeof design === "object" && design !== null) {
    size += length(design.resources) + length(design.externals);
    if (Array.isArray(design.groups))
      for (const g of design.groups as unknown[]) {
        const group = g as Record<string, unknown> | null;
        if (typeof group === "object" && group !== null) size += length(group.ingress) + length(group.egress);
      }
  }
  if (typeof record.file === "object" && record.file !== null) size += textOf(record.file);
  if (Array.isArray(record.files)) for (const f of record.files as unknown[]) size += textOf(f);
  return Math.floor(size);
}

/** Above this weight, work leaves the main thread. */
export const WORKER_THRESHOLD = 2000;
