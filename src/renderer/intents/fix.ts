// "Fix": the engine proposes the tightest change that makes an intent hold; the dialog shows it
// as a diff, and applying it is one undoable step.

import type { Change, FixProposal } from "../../shared/engine/synthesize";
import { applyFix } from "../actions/intents";
import { api } from "../api-client";
import { run } from "../state/commands";
import { designOrRef } from "../state/engine";
import { docState, notify, viewState } from "../state/store";

export async function proposeFixFor(intentId: string): Promise<void> {
  const design = docState.get().history.present;
  const intent = design.intents.find((i) => i.id === intentId);
  if (!intent) return;
  viewState.set({ fix: { intentId } });
  const reply = await api["engine:proposeFix"]({ ...designOrRef(design), intent });
  if (viewState.get().fix?.intentId !== intentId) return;
  viewState.set({ fix: reply.ok ? { intentId, proposal: reply.value } : { intentId, problems: reply.problems } });
}

/** Applies the chosen option (the engine's tightest by default) as one undoable step. */
export function applyProposedFix(changes?: Change[]): void {
  const fix = viewState.get().fix;
  if (!fix?.proposal) return;
  if (run(applyFix, { changes: changes ?? fix.proposal.changes })) {
    viewState.set({ fix: undefined });
    notify("info", "Fix applied; undo takes it back in one step");
  }
}

/** The id the fix dialog holds while it shows the fix of every blocked intent at once. */
export const ALL_INTENTS = "*";

/**
 * One fix for every intent the engine reports blocked: each intent's tightest fix is proposed on
 * the design as the fixes before it left it, and the dialog shows them as one diff, applied as
 * one undoable step. Drawn connections then take two clicks to become rules, not two per connection.
 */
export async function proposeFixForAll(intentIds: readonly string[]): Promise<void> {
  const start = docState.get().history.present;
  viewState.set({ fix: { intentId: ALL_INTENTS } });
  const parts: FixProposal[] = [];
  let design = start;
  for (const id of intentIds) {
    const intent = design.intents.find((i) => i.id === id);
    if (!intent) continue;
    const reply = await api["engine:proposeFix"]({ ...(design === start ? designOrRef(design) : { design }), intent });
    if (viewState.get().fix?.intentId !== ALL_INTENTS || docState.get().history.present !== start) return;
    if (!reply.ok) return viewState.set({ fix: { intentId: ALL_INTENTS, problems: reply.problems } });
    if (reply.value.changes.length === 0) continue;
    parts.push(reply.value);
    design = reply.value.design;
  }
  viewState.set({ fix: { intentId: ALL_INTENTS, proposal: combine(parts, design) } });
}

function combine(parts: readonly FixProposal[], design: FixProposal["design"]): FixProposal {
  const quiet = parts.every((p) => p.effect === "nothing else changes");
  const effect = quiet
    ? "nothing else changes"
    : parts
        .map((p) => p.effect)
        .filter((e) => e !== "nothing else changes")
        .join("; ");
  const headline = parts.map((p) => p.headline).join("; ");
  return {
    changes: parts.flatMap((p) => p.changes),
    diff: parts.flatMap((p) => p.diff),
    effect,
    newPairs: parts.reduce((n, p) => n + p.newPairs, 0),
    widenedPairs: parts.reduce((n, p) => n + p.widenedPairs, 0),
    headline,
    summary: `${headline}; ${effect}.`,
    design,
    warnings: [...new Set(parts.flatMap((p) => p.warnings))],
    alternatives: [],
  };
}
