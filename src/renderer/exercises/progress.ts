// Progress through the lessons, kept in the browser's storage: which steps were done and whether
// the lesson was completed. Stored per lesson; a damaged entry is forgotten, not fatal.

export interface LessonProgress {
  /** Steps the checker last reported done. */
  steps: string[];
  completed: boolean;
}

export const PROGRESS_KEY = "palisade.exercises.v1";

type Store = Pick<Storage, "getItem" | "setItem">;

export function readProgress(storage: Store): Record<string, LessonProgress> {
  try {
    const raw = JSON.parse(storage.getItem(PROGRESS_KEY) ?? "{}") as unknown;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
    const out: Record<string, LessonProgress> = {};
    for (const [id, p] of Object.entries(raw as Record<string, unknown>)) {
      const v = p as Partial<LessonProgress> | null;
      if (v && Array.isArray(v.steps) && typeof v.completed === "boolean")
        out[id] = { steps: v.steps.filter((s): s is string => typeof s === "string"), completed: v.completed };
    }
    return out;
  } catch {
    return {};
  }
}

/** Records the latest check; a completed lesson stays completed when the design changes later. */
export function recordProgress(storage: Store, lessonId: string, doneSteps: string[], completed: boolean): void {
  const all = readProgress(storage);
  const before = all[lessonId];
  all[lessonId] = { steps: doneSteps, completed: completed || (before?.completed ?? false) };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: progress is a convenience, the lesson still works.
  }
}
