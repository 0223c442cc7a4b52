// Opening a lesson loads its starting design; after every edit the engine checks the design
// against the lesson's steps (over the api, never by reading the rules' text), and the result
// and progress are kept.
import { api } from "../api-client";
import { replaceDocument } from "../state/commands";
import { docState, isDirty, notify, viewState } from "../state/store";
import { recordProgress } from "./progress";

export async function openLesson(id: string): Promise<void> {
  if (isDirty(docState.get()) && !window.confirm("Discard the unsaved changes to this design?")) return;
  const reply = await api["exercises:open"]({ id });
  if (!reply.ok) return notify("error", reply.problems.map((p) => p.message).join("; "));
  replaceDocument(reply.value.start, undefined);
  viewState.set({ lesson: { lesson: reply.value, hints: {} }, leftLesson: undefined, exercisesOpen: false });
}

export function resetLesson(): void {
  const state = viewState.get().lesson;
  if (!state) return;
  replaceDocument(state.lesson.start, undefined);
  viewState.set({ lesson: { lesson: state.lesson, hints: {} }, leftLesson: undefined });
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
