// Intents as canvas edges: dashed red where the rules do not let the connection through, a
// subtle dashed green where they do. Which is which comes from the engine's findings.
import type { Edge } from "@xyflow/react";
import type { Finding } from "../../shared/engine/types";
import type { Design, Intent } from "../../shared/model";
import { deviceName } from "../../shared/model/interfaces";

/** One intended service between two nodes, and whether the rules let it through. */
export interface IntentService {
  intent: Intent;
  label: string;
  satisfied: boolean;
  /** The engine's reason when it does not hold. */
  reason?: string;
}

/**
 * Every intent between the same two nodes (same direction) is one edge with one marker that lists
 * each service: a second port on the pair adds to the marker, never a second marker on top of it.
 * intent, label, satisfied and reason are the first service's, or the pair's as a whole.
 */
export interface IntentEdgeData extends IntentService, Record<string, unknown> {
  services: IntentService[];
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

/** Edges between the same source and target become one, holding all their services in order. */
export function mergePairs(edges: readonly Edge<IntentEdgeData>[]): Edge<IntentEdgeData>[] {
  const byPair = new Map<string, Edge<IntentEdgeData>>();
  for (const edge of edges) {
    const key = `${edge.source}\u0000${edge.target}`;
    const first = byPair.get(key);
    if (!first?.data || !edge.data) {
      byPair.set(key, edge);
      continue;
    }
    const services = [...first.data.services, ...edge.data.services];
    const failing = services.find((s) => !s.satisfied);
    byPair.set(key, {
      ...first,
      data: {
        ...first.data,
        services,
        label: services.map((s) => s.label).join(", "),
        satisfied: failing === undefined,
        ...(failing?.reason !== undefined ? { reason: failing.reason } : {}),
      },
    });
  }
  return [...byPair.values()];
}

export function toIntentEdges(
  design: Design,
  findings: readonly Finding[],
  heights: ReadonlyMap<string, number> = new Map(),
): Edge<IntentEdgeData>[] {
  const nodes = new Set([...design.resources, ...design.externals].map((n) => n.id));
  // An intent names a resource, that is its primary interface: on an instance drawn with a row
  // per interface, the line ends at the eth0 row.
  const rows = new Set(design.resources.filter((r) => r.interfaces?.length).map((r) => r.id));
  const eth0 = deviceName(0);
  const failing = unsatisfiedIntentIds(findings);
  const edges = design.intents
    .filter((i) => nodes.has(i.from) && nodes.has(i.to) && i.from !== i.to)
    .map((intent): Edge<IntentEdgeData> => {
      const reason = failing.get(intent.id);
      const service = {
        intent,
        label: intentTraffic(intent),
        satisfied: reason === undefined,
        ...(reason !== undefined ? { reason } : {}),
      };
      return {
        id: `${INTENT_PREFIX}${intent.id}`,
        source: intent.from,
        target: intent.to,
        ...(rows.has(intent.from) ? { sourceHandle: eth0 } : {}),
        ...(rows.has(intent.to) ? { targetHandle: eth0 } : {}),
        type: "intent",
        selectable: false,
        data: {
          ...service,
          services: [service],
          sourceHeight: heights.get(intent.from),
          targetHeight: heights.get(intent.to),
        },
      };
    });
  return mergePairs(edges);
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
    const service = {
      intent,
      label: `${intentTraffic(intent)}: ${from.name} → ${to.name}`,
      satisfied: reason === undefined,
      ...(reason !== undefined ? { reason } : {}),
    };
    edges.push({
      id: `${INTENT_PREFIX}${intent.id}`,
      source: from.end,
      target: to.end,
      type: "intent",
      selectable: false,
      data: { ...service, services: [service] },
    });
  }
  return mergePairs(edges);
}
