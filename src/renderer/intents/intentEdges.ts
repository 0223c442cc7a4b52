// Intents as canvas edges: dashed red where the rules do not let the connection through, a
// subtle dashed green where they do. Which is which comes from the engine's findings.
import type { Edge } from "@xyflow/react";
import type { Finding } from "../../shared/engine/types";
import type { Design, Intent } from "../../shared/model";

export interface IntentEdgeData extends Record<string, unknown> {
  intent: Intent;
  label: string;
  satisfied: boolean;
  /** The engine's reason when it does not hold. */
  reason?: string;
  sourceHeight?: number;
  targetHeight?: number;
}

export const INTENT_PREFIX = "intent:";

export function intentTraffic(intent: Pick<Intent, "protocol" | "port">): string {
  if (intent.protocol === "-1") return "all traffic";
  return intent.port !== undefined ? `${intent.protocol} ${intent.port}` : intent.protocol;
}

/** Intent ids the engine reports as not holding (blocked, or impossible to check). */
export function unsatisfiedIntentIds(findings: readonly Finding[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of findings)
    if (f.intentId && (f.code === "intent-not-satisfied" || f.code === "intent-invalid"))
      out.set(f.intentId, f.message);
  return out;
}

export function toIntentEdges(
  design: Design,
  findings: readonly Finding[],
  heights: ReadonlyMap<string, number> = new Map(),
): Edge<IntentEdgeData>[] {
  const nodes = new Set([...design.resources, ...design.externals].map((n) => n.id));
  const failing = unsatisfiedIntentIds(findings);
  return design.intents
    .filter((i) => nodes.has(i.from) && nodes.has(i.to) && i.from !== i.to)
    .map((intent) => {
      const reason = failing.get(intent.id);
      return {
        id: `${INTENT_PREFIX}${intent.id}`,
        source: intent.from,
        target: intent.to,
        type: "intent",
        selectable: false,
        data: {
          intent,
          label: intentTraffic(intent),
          satisfied: reason === undefined,
          ...(reason !== undefined ? { reason } : {}),
          sourceHeight: heights.get(intent.from),
          targetHeight: heights.get(intent.to),
        },
      };
    });
}
