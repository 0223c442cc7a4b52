// The way back to a lesson that New, Open or Import ended: one line over the canvas, until the
// learner goes back or dismisses it.
import { useView, viewState } from "../state/store";
import { returnToLesson } from "./lesson";

export function LessonLeft() {
  const left = useView((s) => s.leftLesson);
  if (!left) return null;
  const { lesson } = left.state;
  return (
    <div className="lesson-left" role="status" data-testid="lesson-left">
      <span>
        Lesson {lesson.number} ({lesson.title}) was closed.
      </span>
      <button type="button" className="primary" onClick={returnToLesson}>
        Back to lesson {lesson.number}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss: do not go back to the lesson"
        onClick={() => viewState.set({ leftLesson: undefined })}
      >
        ×
      </button>
    </div>
  );
}
