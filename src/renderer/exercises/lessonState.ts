// A lesson as the editor keeps it while it is being worked on. Apart from lesson.ts (which
// changes it through the store) so that the store can name it without importing what uses it.
import type { Lesson, LessonResult } from "../../shared/exercises";

export interface LessonState {
  lesson: Lesson;
  result?: LessonResult;
  /** How many of the current step's hints the learner asked for. */
  hints: Record<string, number>;
}
