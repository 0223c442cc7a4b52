// "Fix": the engine proposes the tightest change that makes an intent hold; the dialog shows it
// as a diff, and applying it is one undoable step.

import type { Change } from "../../shared/engine/synthesize";
import { applyFix } from "../actions/intents";
import { api } from "../api-client";
import { run } from "../state/commands";
import { designOrRef } from "../state/engine";
import { editor, notify } from "../state/store";

export async function proposeFixFor(intentId: string): Promise<void> {
  const design = editor.get().history.present;
  const intent = design.intents.find((i) => i.id === intentId);
  if (!intent) return;
  editor.set({ fix: { intentId } });
  const reply = await api["engine:proposeFix"]({ ...designOrRef(design), intent });
  if (editor.get().fix?.intentId !== intentId) return;
  editor.set({ fix: reply.ok ? { intentId, proposal: reply.value } : { intentId, problems: reply.problems } });
}

/** Applies the chosen option (the engine's tightest by default) as one undoable step. */
export function applyProposedFix(changes?: Change[]): void {
  const fix = editor.get().fix;
  if (!fix?.proposal) return;
  if (run(applyFix, { changes: changes ?? fix.proposal.changes })) {
    editor.set({ fix: undefined });
    notify("info", "Fix applied; undo takes it back in one step");
  }
}
