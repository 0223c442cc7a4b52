// Opening a lesson loads its starting design; after every edit the engine checks the design
// against the lesson's steps (over the api, never by reading the rules' text), and the result
// and progress are kept.
import { api } from "../api-client";
import { heldAs, replaceDocument } from "../state/commands";
import { engineSync } from "../state/engine";
import { docState, isDirty, notify, viewState } from "../state/store";
import { recordProgress } from "./progress";

export async function openLesson(id: string): Promise<void> {
  if (isDirty(docState.get()) && !window.confirm("Discard the unsaved changes to this design?")) return;
  if (await begin(id)) viewState.set({ exercisesOpen: false });
}

/** The open lesson from its start again, with no hints shown. */
export async function resetLesson(): Promise<void> {
  const state = viewState.get().lesson;
  if (state) await begin(state.lesson.id);
}

/**
 * Lesson `id` from its start: the host reads the lesson and holds its starting design as a new
 * document, which becomes this window's (the design is not sent back). False when it failed.
 */
async function begin(id: string): Promise<boolean> {
  const open = engineSync.newDocument();
  const reply = await api["exercises:open"]({ id, open });
  if (!reply.ok) {
    notify("error", reply.problems.map((p) => p.message).join("; "));
    return false;
  }
  const { held, ...lesson } = reply.value;
  replaceDocument(lesson.start, undefined, lesson.start, heldAs(open, held));
  viewState.set({ lesson: { lesson, hints: {} }, leftLesson: undefined });
  return true;
}

/** Back to the lesson that New, Open or Import ended, with the design it had then. */
export function returnToLesson(): void {
  const left = viewState.get().leftLesson;
  if (!left) return;
  if (isDirty(docState.get()) && !window.confirm("Discard the unsaved changes to this design?")) return;
  replaceDocument(left.design, undefined, left.state.lesson.start);
  viewState.set({ lesson: { ...left.state, result: undefined }, leftLesson: undefined });
}

export function closeLesson(): void {
  viewState.set({ lesson: undefined });
}

export function showHint(stepId: string): void {
  const state = viewState.get().lesson;
  if (!state) return;
  viewState.set({ lesson: { ...state, hints: { ...state.hints, [stepId]: (state.hints[stepId] ?? 0) + 1 } } });
}

/** Checks the current design against the open lesson; a stale answer is dropped. */
export async function checkCurrent(): Promise<void> {
  const state = viewState.get().lesson;
  if (!state) return;
  const design = docState.get().history.present;
  const reply = await api["exercises:check"]({ id: state.lesson.id, design });
  const now = viewState.get().lesson;
  if (!now || now.lesson.id !== state.lesson.id || docState.get().history.present !== design) return;
  if (!reply.ok) return notify("error", reply.problems.map((p) => p.message).join("; "));
  viewState.set({ lesson: { ...now, result: reply.value } });
  const done = reply.value.steps.filter((s) => s.done).map((s) => s.id);
  recordProgress(localStorage, state.lesson.id, done, reply.value.done);
}
