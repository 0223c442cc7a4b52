// The engine's channels, run the same way inline or in the worker thread.
import type { z } from "zod";
import type { Replies, requests } from "../shared/api";
import { evaluateFlow, expandFlows, flowRelation, groupFlows } from "../shared/engine";
import { flowsDependOn } from "../shared/engine/depends-on";
import { findings } from "../shared/engine/findings";
import { pairCount } from "../shared/engine/flows";
import { MAX_NODE_FLOWS } from "../shared/engine/live";
import { diffFlows, reachabilityMatrix, whatCanReach, whoCanReach } from "../shared/engine/reachability";
import { simulate } from "../shared/engine/simulate";
import { proposeFix } from "../shared/engine/synthesize";
import { type Design, InputError } from "../shared/model";

/** Matrix cells listed at most (the rest are counted): more than any table a person reads. */
export const MAX_MATRIX_CELLS = 50_000;
/** Node flows compared one by one at most (per design) by engine:diffFlows. */
export const MAX_COMPARED_FLOWS = 200_000;

export const ENGINE_CHANNELS = [
  "engine:flows",
  "engine:evaluate",
  "engine:findings",
  "engine:dependsOn",
  "engine:simulate",
  "engine:proposeFix",
  "engine:matrix",
  "engine:reach",
  "engine:diffFlows",
  "engine:groupFlows",
] as const;
export type EngineChannel = (typeof ENGINE_CHANNELS)[number];

export function isEngineChannel(channel: string): channel is EngineChannel {
  return (ENGINE_CHANNELS as readonly string[]).includes(channel);
}

export type EngineResults = Pick<Replies, EngineChannel>;
/** A request after its schema has validated (and normalized) it. */
type Valid<C extends EngineChannel> = z.output<(typeof requests)[C]>;

/** Runs one validated request. Throws what the engine throws (InputError for an unknown node). */
export function runEngine<C extends EngineChannel>(channel: C, request: Valid<C>): EngineResults[C] {
  const { design } = request as { design: Design };
  switch (channel) {
    case "engine:flows": {
      const relation = flowRelation(design);
      const pairs = pairCount(relation, MAX_NODE_FLOWS);
      if (pairs > MAX_NODE_FLOWS)
        throw new InputError([
          {
            message: `more than ${MAX_NODE_FLOWS.toLocaleString("en")} flows between nodes: too many to list; ask for the flows between groups (engine:groupFlows)`,
            severity: "error",
          },
        ]);
      return expandFlows(relation) as EngineResults[C];
    }
    case "engine:evaluate":
      return evaluateFlow(design, (request as Valid<"engine:evaluate">).query) as EngineResults[C];
    case "engine:findings":
      return findings(design) as EngineResults[C];
    case "engine:dependsOn":
      return Object.fromEntries(flowsDependOn(design)) as EngineResults[C];
    case "engine:simulate":
      return simulate(design, (request as Valid<"engine:simulate">).query) as EngineResults[C];
    case "engine:proposeFix":
      return proposeFix(design, (request as Valid<"engine:proposeFix">).intent) as EngineResults[C];
    case "engine:matrix":
      return reachabilityMatrix(design, {
        ...(request as Valid<"engine:matrix">).filter,
        maxCells: MAX_MATRIX_CELLS,
      }) as EngineResults[C];
    case "engine:reach": {
      const { node, role, filter } = request as Valid<"engine:reach">;
      return (role === "to" ? whoCanReach : whatCanReach)(design, node, filter) as EngineResults[C];
    }
    case "engine:diffFlows": {
      // Flows of both versions, compared pair by pair (node ids match across versions).
      const { other } = request as Valid<"engine:diffFlows">;
      const [before, after] = [flowRelation(design), flowRelation(other)];
      for (const [which, relation] of [
        ["this design", before],
        ["the other design", after],
      ] as const) {
        const pairs = pairCount(relation, MAX_COMPARED_FLOWS);
        if (pairs > MAX_COMPARED_FLOWS)
          throw new InputError([
            {
              message: `${which} has more than ${MAX_COMPARED_FLOWS.toLocaleString("en")} flows between nodes: too many to compare one by one`,
              severity: "error",
            },
          ]);
      }
      return diffFlows(expandFlows(before), expandFlows(after)) as EngineResults[C];
    }
    case "engine:groupFlows":
      return groupFlows(design) as EngineResults[C];
  }
  throw new Error(`not an engine channel: ${channel}`);
}

/** Work this build cannot do; the handlers turn it into a problem, not an internal error. */
export class Unavailable extends Error {
  override name = "Unavailable";
}

/** Channels whose work is pure computation, and so may run in the worker thread. */
export const OFFLOAD_CHANNELS = [
  ...ENGINE_CHANNELS,
  "doc:open",
  "doc:edit",
  "doc:close",
  "design:parse",
  "iac:import",
  "iac:export",
] as const;
export type OffloadChannel = (typeof OFFLOAD_CHANNELS)[number];

export function isOffloadChannel(channel: string): channel is OffloadChannel {
  return (OFFLOAD_CHANNELS as readonly string[]).includes(channel);
}

/**
 * The autosave: done where the documents are held (the engine worker), so that a large design is
 * neither sent again nor checked on the main thread; all three there, so that they stay in order.
 */
export const RECOVERY_CHANNELS = ["recovery:write", "recovery:read", "recovery:clear"] as const;
export type RecoveryChannel = (typeof RECOVERY_CHANNELS)[number];

export function isRecoveryChannel(channel: string): channel is RecoveryChannel {
  return (RECOVERY_CHANNELS as readonly string[]).includes(channel);
}

/** Work on files' text, done in the files worker (see handlers.ts). */
export const FILE_CHANNELS = ["design:parse", "iac:import", "iac:export"] as const;

export function isFileChannel(channel: string): channel is (typeof FILE_CHANNELS)[number] {
  return (FILE_CHANNELS as readonly string[]).includes(channel);
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
