// Where a finding is, and what one click can do about it. The fix is offered only where it is
// clear: an intent the engine can propose rules for, a rule that adds nothing.

import type { Finding } from "../../shared/engine/types";
import type { Design } from "../../shared/model";
import type { Direction } from "../../shared/model/direction";
import type { Selection } from "../state/store";

export interface FindingPlace {
  selection: Selection;
  /** The node to centre on the canvas. */
  centre?: string;
  focusRule?: { groupId: string; direction: Direction; index: number };
}

export function placeOf(design: Design, f: Finding): FindingPlace {
  if (f.groupId) {
    const member = design.resources.find((r) => r.groupIds.includes(f.groupId as string));
    return {
      selection: { nodes: [], group: f.groupId },
      ...(member ? { centre: member.id } : {}),
      ...(f.direction && f.ruleIndex !== undefined
        ? { focusRule: { groupId: f.groupId, direction: f.direction, index: f.ruleIndex } }
        : {}),
    };
  }
  if (f.nodeId) return { selection: { nodes: [f.nodeId] }, centre: f.nodeId };
  return { selection: { nodes: [] } };
}

export type FindingFix =
  | { kind: "intent"; intentId: string; label: string }
  | { kind: "deleteRule"; groupId: string; direction: Direction; index: number; label: string };

/** Rules that add nothing: deleting them changes no flow. */
const DELETABLE = new Set(["duplicate-rule", "shadowed-rule"]);

export function fixOf(f: Finding): FindingFix | undefined {
  if (f.code === "intent-not-satisfied" && f.intentId) return { kind: "intent", intentId: f.intentId, label: "Fix…" };
  if (DELETABLE.has(f.code) && f.groupId && f.direction && f.ruleIndex !== undefined)
    return { kind: "deleteRule", groupId: f.groupId, direction: f.direction, index: f.ruleIndex, label: "Delete rule" };
  return undefined;
}
