// The one path by which the document changes: run an action, record it for undo, or say why not.
import type { Held } from "../../shared/api";
import type { Design } from "../../shared/model";
import { type Action, ActionRefused } from "../actions/types";
import { engineSync } from "./engine";
import { type History, record, redo as redoStep, startHistory, undo as undoStep } from "./history";
import { docState, type HeldAs, notify, type Selection, viewState } from "./store";

/**
 * Runs an action on the current design, the one way an edit happens: several steps that are one
 * to undo are one action (src/renderer/actions/). Returns false (and shows why) when it was refused.
 */
export function run<A>(action: Action<A>, args: A, selection?: Selection): boolean {
  const { history } = docState.get();
  const label = action.label;
  let next: Design;
  try {
    next = action.perform(history.present, args);
  } catch (e) {
    if (e instanceof ActionRefused) {
      notify("error", e.message);
      return false;
    }
    throw e;
  }
  // The view first: whoever hears of the new design finds no selection of what it no longer has.
  viewState.set((v) => ({ selection: prune(next, selection ?? v.selection) }));
  docState.set((d) => ({ history: record(d.history, label, next) }));
  return true;
}

/** Drops from the selection what the design no longer has (after delete, undo or redo). */
function prune(design: Design, sel: Selection): Selection {
  const nodes = new Set([...design.resources, ...design.externals].map((n) => n.id));
  const groups = new Set(design.groups.map((g) => g.id));
  return {
    nodes: sel.nodes.filter((n) => nodes.has(n)),
    ...(sel.group && groups.has(sel.group) ? { group: sel.group } : {}),
    ...(sel.edge ? { edge: sel.edge } : {}),
  };
}

/** Undo or redo: the history's other step, and the selection of what that design has. */
function moveTo(history: History): void {
  viewState.set((v) => ({ selection: prune(history.present, v.selection) }));
  docState.set({ history });
}

export function undo(): void {
  const { history } = docState.get();
  if (history.past.length === 0) return;
  const label = history.label;
  moveTo(undoStep(history));
  if (label) notify("info", `Undid ${label.toLowerCase()}`);
}

export function redo(): void {
  const { history } = docState.get();
  if (history.future.length === 0) return;
  moveTo(redoStep(history));
  const label = docState.get().history.label;
  if (label) notify("info", `Redid ${label.toLowerCase()}`);
}

/** The document `id`, when the host's answer says it holds it. */
export const heldAs = (id: string, held: Held | undefined): HeldAs | undefined => (held ? { id, held } : undefined);

/**
 * A new document (New, Open, Import, an example, a lesson, recovery): a fresh history, nothing selected, no question or
 * fix about the last one's nodes. An open lesson ends (it would grade the new design against its
 * own nodes) and is kept to be offered back. `held`: the host already holds it (a file it read),
 * so the engine sync takes it as it is instead of sending it.
 */
export function replaceDocument(design: Design, path: string | undefined, saved: Design = design, held?: HeldAs): void {
  const before = docState.get().history.present;
  viewState.set((v) => ({
    ...(v.lesson ? { lesson: undefined, leftLesson: { state: v.lesson, design: before } } : {}),
    selection: { nodes: [] },
    hoverEdge: undefined,
    ask: undefined,
    problems: undefined,
    simulation: undefined,
    focusRule: undefined,
    intentDraft: undefined,
    fix: undefined,
    reach: undefined,
    compare: undefined,
  }));
  if (held) engineSync.adopt(held.id, design, held.held);
  docState.set({ history: startHistory(design), saved, path });
}

export function select(selection: Selection): void {
  viewState.set({ selection });
}
