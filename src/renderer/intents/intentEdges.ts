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

/**
 * Intents at the security-group level: each end drawn where its node is at that level (its first
 * group, or itself for an outside party or a groupless resource that is drawn), labelled with the
 * two nodes so that one group edge still says which connection is meant. An intent inside one
 * group has no edge there.
 */
export function toGroupIntentEdges(
  design: Design,
  findings: readonly Finding[],
  drawn: ReadonlySet<string>,
): Edge<IntentEdgeData>[] {
  const endOf = new Map<string, { end: string; name: string }>();
  for (const r of design.resources) endOf.set(r.id, { end: r.groupIds[0] ?? r.id, name: r.name || r.id });
  for (const e of design.externals) endOf.set(e.id, { end: e.id, name: e.name || e.id });
  const failing = unsatisfiedIntentIds(findings);
  const edges: Edge<IntentEdgeData>[] = [];
  for (const intent of design.intents) {
    const from = endOf.get(intent.from);
    const to = endOf.get(intent.to);
    if (!from || !to || from.end === to.end || !drawn.has(from.end) || !drawn.has(to.end)) continue;
    const reason = failing.get(intent.id);
    edges.push({
      id: `${INTENT_PREFIX}${intent.id}`,
      source: from.end,
      target: to.end,
      type: "intent",
      selectable: false,
      data: {
        intent,
        label: `${intentTraffic(intent)}: ${from.name} → ${to.name}`,
        satisfied: reason === undefined,
        ...(reason !== undefined ? { reason } : {}),
      },
    });
  }
  return edges;
}
