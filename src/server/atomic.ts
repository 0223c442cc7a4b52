// Writing a file so that a crash or a full disk never leaves half of it (kept apart from the
// design format so that anything may use it, and so a crash test's child starts quickly).
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, readlinkSync } from "node:fs";
import { lstat, open, readdir, rename, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/** A save that failed: names the file and says why in a person's words; `code` is the system's. */
export class FileWriteError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly path: string,
    readonly reason: string,
    options: { cause: unknown },
  ) {
    super(`cannot write ${path}: ${reason}`, options);
    this.name = "FileWriteError";
    this.code = (options.cause as NodeJS.ErrnoException | undefined)?.code;
  }
}

/** A short, human reason for a file system error, without a stack. */
export function ioReason(error: unknown): string {
  if (error instanceof FileWriteError) return error.reason;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder, not a file";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    case "EROFS":
      return "the disk is read-only";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Writes text to path atomically: a temporary file beside it, flushed to disk, then renamed over
 * the target. Readers see the old file or the new one, never a torn one; a failed write (a full
 * disk, a read-only folder) leaves the old file untouched and no temporary file, and throws a
 * FileWriteError naming `path`. The temporary file sits in the same folder because rename is
 * atomic only within one file system. Temporaries that killed saves of the same file left behind
 * are removed first (see removeStaleTemporaries): on a full disk they may be what fills it.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  await removeStaleTemporaries(path);
  const temp = temporaryFor(path);
  try {
    // Keep the file's permissions when it exists (a user may have made it read-only for others).
    const mode = await stat(path).then(
      (s) => s.mode & 0o777,
      () => 0o644,
    );
    const handle = await open(temp, "wx", mode);
    let failure: unknown;
    try {
      await handle.writeFile(text, typeof text === "string" ? "utf8" : null);
      await handle.sync();
    } catch (error) {
      failure = error;
    }
    // Some file systems (NFS) report a full disk only on close: that too fails the save.
    await handle.close().catch((error: unknown) => {
      failure ??= error;
    });
    if (failure !== undefined) throw failure;
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new FileWriteError(path, ioReason(error), { cause: error });
  }
  await syncFolder(dirname(path));
}

// A temporary is named `.<file>.<writer>-<pid>-<random>.palisade-tmp`: the file it replaces, the
// marker, and who wrote it, so that a later save can tell it from anything else in the folder and
// know whether its writer can still be running. <writer> is a digest of the machine, its boot
// and the process's pid namespace: a pid means something only where all three are the same.
const MARKER = "palisade-tmp";
const WRITER = createHash("sha256").update(writerIdentity()).digest("hex").slice(0, 8);
/** A temporary untouched this long is stale whoever wrote it: a save takes seconds. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

function writerIdentity(): string {
  const linux = (read: () => string) => {
    try {
      return read().trim();
    } catch {
      return ""; // Not Linux: the host name alone.
    }
  };
  return [
    hostname(),
    linux(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8")),
    linux(() => readlinkSync("/proc/self/ns/pid")),
  ].join("\n");
}

/** A fresh temporary's path for a save of `path` by this process. */
export function temporaryFor(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${WRITER}-${pid}-${randomBytes(6).toString("hex")}.${MARKER}`);
}

/** The writer and pid of a temporary of `path`'s file, or undefined when `name` is not one. */
function parseTemporary(path: string, name: string): { writer: string; pid: number } | undefined {
  const prefix = `.${basename(path)}.`;
  if (!name.startsWith(prefix)) return undefined;
  const found = /^([0-9a-f]{8})-([1-9]\d{0,9})-[0-9a-f]{12}\.palisade-tmp$/.exec(name.slice(prefix.length));
  return found ? { writer: found[1] as string, pid: Number(found[2]) } : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporaries that earlier saves of `path` left behind when they were killed, and
 * returns their names. Only regular files named as this module names them for this very file are
 * considered, and of those only the ones no live writer can own: written by a process of this
 * machine, boot and pid namespace that is no longer running, or untouched for STALE_AFTER_MS (a
 * writer elsewhere, on a shared folder). Were a live writer's temporary ever removed, its rename
 * would fail and its save report that; the design file itself is never touched. Best effort:
 * a folder that cannot be read or written is left as it is.
 */
export async function removeStaleTemporaries(path: string, now = Date.now()): Promise<string[]> {
  const dir = dirname(path);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const temp = parseTemporary(path, name);
    if (!temp) continue;
    const file = join(dir, name);
    const info = await lstat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    const orphan = temp.writer === WRITER && !isRunning(temp.pid);
    if (!orphan && now - info.mtimeMs < STALE_AFTER_MS) continue;
    if (
      await rm(file).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  return removed;
}

/** The rename survives a power cut only once the folder's entry is on disk too (not needed after a mere crash). */
async function syncFolder(dir: string): Promise<void> {
  // Some systems (Windows) cannot open a folder for syncing; the rename is then as durable as they allow.
  const handle = await open(dir, "r").catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Best effort, as above.
  } finally {
    await handle.close();
  }
}
