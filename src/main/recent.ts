// Recent files, most recent first, kept in a small JSON file in the user's data folder.
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../server/files";

export const MAX_RECENT = 10;

/** The list after using path: moved to the front, without duplicates, at most MAX_RECENT long. */
export function addRecent(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, MAX_RECENT);
}

/** A missing or damaged list is an empty one: recent files are a convenience, not data. */
export function loadRecent(file: string): string[] {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(raw) ? raw.filter((p): p is string => typeof p === "string").slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export async function saveRecent(file: string, list: readonly string[]): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(list, null, 2)}\n`);
}
