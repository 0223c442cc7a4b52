// The lesson beside the canvas: its goal, each step with the engine's live verdict, hints on
// request, the warning when a working answer is unsafe, and the completion state.
import { useEffect, useState } from "react";
import type { Replies } from "../../shared/api";
import { api } from "../api-client";
import { useView, viewState } from "../state/store";
import { currentStep, hintsFor } from "./hints";
import { closeLesson, openLesson, resetLesson, showHint } from "./lesson";

export function LessonPanel() {
  const state = useView((s) => s.lesson);
  const [list, setList] = useState<Replies["exercises:list"]>([]);
  useEffect(() => {
    void api["exercises:list"]({}).then((r) => r.ok && setList(r.value));
  }, []);
  if (!state) return null;
  const { lesson, result, hints } = state;
  const current = currentStep(lesson.steps, result?.steps);
  const next = list.find((l) => l.number === lesson.number + 1);
  return (
    <aside className="lesson" aria-label={`Lesson ${lesson.number}: ${lesson.title}`} data-testid="lesson">
      <div className="lesson__head">
        <h2>
          Lesson {lesson.number}: {lesson.title}
        </h2>
        <button type="button" className="icon-button" aria-label="Close the lesson" onClick={closeLesson}>
          ×
        </button>
      </div>
      <p className="lesson__goal">{lesson.goal}</p>
      {result?.done && (
        <div className="lesson__complete" role="status" data-testid="lesson-complete">
          <strong>✓ Lesson complete.</strong>
          {next ? (
            <button type="button" className="primary" onClick={() => void openLesson(next.id)}>
              Next: {next.title}
            </button>
          ) : (
            <span> That was the last lesson.</span>
          )}
        </div>
      )}
      {result && result.warnings.length > 0 && (
        <div className="lesson__warning" role="alert" data-testid="lesson-warning">
          <strong>It works, but it is not safe:</strong>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <ol className="lesson__steps">
        {lesson.steps.map((step) => {
          const r = result?.steps.find((x) => x.id === step.id);
          const isCurrent = step.id === current?.id;
          // A done step needs no hints; the ones asked for were about what was wrong then.
          const shown = r?.done ? [] : hintsFor(step, r).slice(0, hints[step.id] ?? 0);
          return (
            <li
              key={step.id}
              className={`lesson__step${r?.done ? " is-done" : ""}${isCurrent ? " is-current" : ""}`}
              data-testid={`step-${step.id}`}
              data-done={r?.done ? "true" : "false"}
            >
              <div className="lesson__step-head">
                <span className="lesson__mark" aria-hidden="true">
                  {r?.done ? "✓" : "○"}
                </span>
                <strong>{step.title}</strong>
                <span className="sr-only">{r?.done ? "done" : "not done yet"}</span>
              </div>
              {(isCurrent || !r?.done) && <p>{step.instruction}</p>}
              {r && (isCurrent || r.done) && <p className={r.done ? "lesson__ok" : "lesson__why"}>{r.message}</p>}
              {shown.length > 0 && (
                <ul className="lesson__hints" aria-label="Hints">
                  {shown.map((h) => (
                    <li key={h}>
                      <strong>Hint:</strong> {h}
                    </li>
                  ))}
                </ul>
              )}
              {isCurrent && !r?.done && shown.length < hintsFor(step, r).length && (
                <button type="button" onClick={() => showHint(step.id)}>
                  Hint
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => void resetLesson()}>
          Reset
        </button>
        <button type="button" onClick={() => viewState.set({ exercisesOpen: true })}>
          All exercises
        </button>
      </div>
    </aside>
  );
}
