// Undo/redo as a history of whole documents. Designs are immutable values that share their
// unchanged parts, so a step costs only what the action changed.
import type { Design } from "../../shared/model";

export interface History {
  past: { design: Design; label: string }[];
  present: Design;
  /** The label of the action that produced `present`, for "Undo <label>". */
  label?: string;
  future: { design: Design; label: string }[];
}

export const HISTORY_LIMIT = 200;

export function startHistory(design: Design): History {
  return { past: [], present: design, future: [] };
}

/** Records the result of an action; an action that changed nothing leaves no step to undo. */
export function record(history: History, label: string, next: Design): History {
  if (next === history.present) return history;
  const past = [...history.past, { design: history.present, label: history.label ?? "" }];
  return { past: past.slice(-HISTORY_LIMIT), present: next, label, future: [] };
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous.design,
    label: previous.label || undefined,
    future: [{ design: history.present, label: history.label ?? "" }, ...history.future],
  };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (!next) return history;
  return {
    past: [...history.past, { design: history.present, label: history.label ?? "" }],
    present: next.design,
    label: next.label || undefined,
    future: history.future.slice(1),
  };
}

export const canUndo = (h: History): boolean => h.past.length > 0;
export const canRedo = (h: History): boolean => h.future.length > 0;
