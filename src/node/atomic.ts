// Writing a file so that a crash or a full disk never leaves half of it (kept apart from the
// design format so that anything may use it, and so a crash test's child starts quickly).
import { randomBytes } from "node:crypto";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes text to path atomically: a temporary file beside it, flushed to disk, then renamed over
 * the target. Readers see the old file or the new one, never a torn one; a failed write leaves the
 * old file untouched. The temporary file sits in the same folder because rename is atomic only
 * within one file system.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  // Keep the file's permissions when it exists (a user may have made it read-only for others).
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  const handle = await open(temp, "wx", mode);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
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
