// The lessons that ship with Palisade, validated once on first use.
import { formatPath, InputError } from "../model/problems";
import httpServer from "./lessons/01-http-server.json" with { type: "json" };
import stateful from "./lessons/02-stateful.json" with { type: "json" };
import threeTiers from "./lessons/03-three-tiers.json" with { type: "json" };
import timeouts from "./lessons/04-timeouts.json" with { type: "json" };
import { Lesson } from "./schema";

const FILES: [string, unknown][] = [
  ["01-http-server.json", httpServer],
  ["02-stateful.json", stateful],
  ["03-three-tiers.json", threeTiers],
  ["04-timeouts.json", timeouts],
];

/** Validates a lesson; throws InputError naming every bad field by its path. */
export function parseLesson(raw: unknown, file?: string): Lesson {
  const result = Lesson.safeParse(raw);
  if (result.success) return result.data;
  throw new InputError(
    result.error.issues.map((issue) => ({
      file,
      path: formatPath(issue.path.filter((k): k is string | number => typeof k !== "symbol")),
      message: issue.message,
      severity: "error" as const,
    })),
  );
}

let cache: Lesson[] | undefined;

/** Every shipped lesson, in order. */
export function lessons(): Lesson[] {
  cache ??= FILES.map(([file, raw]) => parseLesson(raw, `exercises/lessons/${file}`)).sort(
    (a, b) => a.number - b.number,
  );
  return cache;
}

export function lessonById(id: string): Lesson | undefined {
  return lessons().find((l) => l.id === id);
}
