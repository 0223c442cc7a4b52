// The list of lessons, with each one's progress; choosing one opens it.
import { useEffect, useRef, useState } from "react";
import type { Replies } from "../../shared/api";
import { api } from "../api-client";
import { Modal } from "../chrome/Modal";
import { useView, viewState } from "../state/store";
import { openLesson } from "./lesson";
import { readProgress } from "./progress";

export function ExercisesMenu() {
  const open = useView((s) => s.exercisesOpen);
  const [list, setList] = useState<Replies["exercises:list"]>([]);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    void api["exercises:list"]({}).then((r) => {
      if (r.ok) setList(r.value);
    });
  }, [open]);
  // The first lesson takes the focus once it is drawn (after the list came, not in a frame that
  // may come before it), unless the person already moved it.
  const focused = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list is the trigger: its first lesson is drawn once it came.
  useEffect(() => {
    if (!open) {
      focused.current = false;
      return;
    }
    const box = first.current?.closest("[role=dialog]");
    if (focused.current || !first.current || (document.activeElement !== box && box?.contains(document.activeElement)))
      return;
    first.current.focus();
    focused.current = true;
  }, [open, list]);
  if (!open) return null;
  const close = () => viewState.set({ exercisesOpen: false });
  const progress = readProgress(localStorage);
  return (
    <Modal className="exercises" labelledBy="exercises-title" onClose={close}>
      <div className="help__head">
        <h2 id="exercises-title">Exercises</h2>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      <p className="muted small">
        Each lesson opens its own starting design; the engine checks your rules after every edit.
      </p>
      <ul className="exercise-list">
        {list.map((l, i) => {
          const p = progress[l.id];
          return (
            <li key={l.id}>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                className="exercise"
                onClick={() => void openLesson(l.id)}
              >
                <strong>
                  {l.number}. {l.title}
                </strong>
                <span className="muted">{l.goal}</span>
                <span className={`badge ${p?.completed ? "badge--ok" : "badge--info"}`}>
                  {p?.completed ? "completed" : p && p.steps.length > 0 ? `${p.steps.length} steps done` : "new"}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
