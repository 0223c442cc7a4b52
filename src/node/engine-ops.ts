// The engine's work as plain messages, so the same call runs inline or in a worker thread.
import { evaluateFlow, permittedFlows } from "../shared/engine";
import { findings } from "../shared/engine/findings";
import type { Finding, FlowEdge, FlowQuery, FlowVerdict } from "../shared/engine/types";
import type { Design } from "../shared/model";

export type EngineJob =
  | { op: "flows"; design: Design }
  | { op: "evaluate"; design: Design; query: FlowQuery }
  | { op: "findings"; design: Design };

export interface EngineResults {
  flows: FlowEdge[];
  evaluate: FlowVerdict;
  findings: Finding[];
}

export type EngineResult<J extends EngineJob> = EngineResults[J["op"]];

/** Runs one job. Throws what the engine throws (InputError for a bad query). */
export function runEngineJob<J extends EngineJob>(job: J): EngineResult<J> {
  switch (job.op) {
    case "flows":
      return permittedFlows(job.design) as EngineResult<J>;
    case "evaluate":
      return evaluateFlow(job.design, (job as Extract<EngineJob, { op: "evaluate" }>).query) as EngineResult<J>;
    case "findings":
      return findings(job.design) as EngineResult<J>;
  }
  throw new Error(`unknown engine job ${(job as { op: string }).op}`);
}

/** Work this build cannot do; the handlers turn it into a problem, not an internal error. */
export class Unavailable extends Error {
  override name = "Unavailable";
}

/** How big a design is for the engine: nodes plus rules. Above WORKER_THRESHOLD the work leaves the calling thread. */
export function designSize(design: Design): number {
  let rules = 0;
  for (const g of design.groups) rules += g.ingress.length + g.egress.length;
  return design.resources.length + design.externals.length + rules;
}

export const WORKER_THRESHOLD = 2000;
