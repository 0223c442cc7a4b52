// The open lesson is checked again after every edit.
import { useEffect } from "react";
import { useDoc, useView } from "../state/store";
import { checkCurrent } from "./lesson";

export function useLessonCheck(): void {
  const design = useDoc((s) => s.history.present);
  const lessonId = useView((s) => s.lesson?.lesson.id);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the design is what a check reads; it is read from the store.
  useEffect(() => {
    if (lessonId) void checkCurrent();
  }, [design, lessonId]);
}
