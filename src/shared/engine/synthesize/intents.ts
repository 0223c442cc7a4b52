// Whether a connection the architect asked for is permitted. One protocol and port is one flow
// for evaluateFlow; "all traffic" holds only when the flow carries every protocol.
import { InputError } from "../../model/problems";
import type { Design, Intent } from "../../model/schema";
import { evaluateFlow } from "../evaluate";
import { intentFindings } from "../findings/intents";
import { type FlowRelation, flowRelation, servicesBetween } from "../flows";
import type { DesignIndex } from "../index-design";
import { union } from "../services";

export interface UnsatisfiedIntent {
  intent: Intent;
  /** Why it does not hold, in the engine's words. */
  message: string;
}

/** Intents the rules do not permit; intents the engine cannot evaluate are findings, not listed here. */
export function unsatisfiedIntents(design: Design): UnsatisfiedIntent[] {
  const byId = new Map(design.intents.map((i) => [i.id, i]));
  const out: UnsatisfiedIntent[] = [];
  for (const f of intentFindings(design)) {
    const intent = f.intentId ? byId.get(f.intentId) : undefined;
    if (f.code === "intent-not-satisfied" && intent) out.push({ intent, message: f.message });
  }
  return out;
}

function classOf(relation: FlowRelation, nodeId: string): number {
  return relation.classes.findIndex((c) => c.members.includes(nodeId));
}

/** Whether the intent holds; throws InputError for an intent that names no node or lacks a port. */
export function intentHolds(design: Design, intent: Intent, index?: DesignIndex, relation?: FlowRelation): boolean {
  if (intent.protocol !== "-1")
    return evaluateFlow(
      design,
      {
        from: intent.from,
        to: intent.to,
        protocol: intent.protocol,
        ...(intent.port !== undefined ? { port: intent.port } : {}),
      },
      index,
    ).permitted;
  const r = relation ?? flowRelation(design, index);
  const [s, t] = [classOf(r, intent.from), classOf(r, intent.to)];
  if (s < 0 || t < 0)
    throw new InputError([{ message: `no node has id "${s < 0 ? intent.from : intent.to}"`, severity: "error" }]);
  const services = servicesBetween(r, s, t);
  return union(services[4], services[6]).all;
}
