// Writing design files so that a crash or a full disk never leaves half a file, and the
// recovery file that autosave keeps for the next start.
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { type Design, InputError, parseDesign, serializeDesign, validateDesign } from "../shared/model";
import { MAX_FILE_BYTES } from "../shared/model/limits";
import { FileWriteError, ioReason, removeStaleTemporaries, writeFileAtomic } from "./atomic";

export { FileWriteError, ioReason, removeStaleTemporaries, writeFileAtomic };

/** Saves a design in the file format (stable key order, two-space indent). */
export async function saveDesign(path: string, design: Design): Promise<void> {
  await writeFileAtomic(path, serializeDesign(design));
}

/**
 * A file's text, refusing one larger than any real design or template before reading it: a
 * 100 MB file would cost the whole app its memory for nothing. File system errors are thrown as is.
 */
export async function readTextFile(path: string): Promise<string> {
  const { size } = await stat(path);
  if (size > MAX_FILE_BYTES)
    throw new InputError([
      {
        file: path,
        message: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${Math.round(size / 1024 / 1024)} MB): no real design or template is this large, so it is not read`,
        severity: "error",
      },
    ]);
  return readFile(path, "utf8");
}

/** Reads and validates a design file; a bad one throws InputError naming the file, line and column. */
export async function readDesignFile(path: string): Promise<Design> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: path, message: `cannot read the file: ${ioReason(error)}`, severity: "error" }]);
  }
  // Opening a design tidies what killed saves of it left beside it (best effort, never fails the open).
  await removeStaleTemporaries(path);
  return parseDesign(text, path);
}

export interface Recovery {
  design: Design;
  /** The file the design was opened from or last saved to, if any. */
  path?: string;
  /** ISO 8601 time of the autosave. */
  savedAt: string;
}

const RECOVERY_FILE = "recovery.palisade-recovery.json";

/** Where autosave keeps the unsaved design: one file per recovery folder (one app instance). */
export function recoveryPath(dir: string): string {
  return join(dir, RECOVERY_FILE);
}

/** Autosave operations, one after another in the order they were asked for (per folder). */
const recoveryQueues = new Map<string, Promise<unknown>>();
function inTurn<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const turn = (recoveryQueues.get(dir) ?? Promise.resolve()).then(work, work);
  const settled = turn.catch(() => undefined);
  recoveryQueues.set(dir, settled);
  void settled.then(() => {
    if (recoveryQueues.get(dir) === settled) recoveryQueues.delete(dir);
  });
  return turn;
}

export function writeRecovery(dir: string, recovery: Recovery): Promise<void> {
  return inTurn(dir, () => writeRecoveryNow(dir, recovery));
}

async function writeRecoveryNow(dir: string, recovery: Recovery): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { design, path, savedAt } = recovery;
  // The design is kept as its own serialized form so that the recovery file reads like a design.
  const text = `${JSON.stringify({ format: "palisade-recovery", savedAt, path, design: JSON.parse(serializeDesign(design)) }, null, 2)}\n`;
  await writeFileAtomic(recoveryPath(dir), text);
}

/**
 * The autosaved design, or null when there is none. A damaged recovery file throws InputError
 * saying so, and is left in place so nothing is lost silently.
 */
export function readRecovery(dir: string): Promise<Recovery | null> {
  return inTurn(dir, () => readRecoveryNow(dir));
}

async function readRecoveryNow(dir: string): Promise<Recovery | null> {
  const file = recoveryPath(dir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new InputError([{ file, message: `cannot read the recovery file: ${ioReason(error)}`, severity: "error" }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError([{ file, message: "the recovery file is damaged (not valid JSON)", severity: "error" }]);
  }
  const record = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  if (record.format !== "palisade-recovery" || typeof record.savedAt !== "string")
    throw new InputError([
      { file, message: 'the recovery file is damaged: expected "format": "palisade-recovery"', severity: "error" },
    ]);
  try {
    const design = validateDesign(record.design, { file });
    const path = typeof record.path === "string" ? record.path : undefined;
    return path === undefined ? { design, savedAt: record.savedAt } : { design, path, savedAt: record.savedAt };
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(
        error.problems.map((p) => ({ ...p, message: `the recovered design is damaged: ${p.message}` })),
      );
    throw error;
  }
}

export function clearRecovery(dir: string): Promise<void> {
  return inTurn(dir, () => rm(recoveryPath(dir), { force: true }));
}
