// A save that cannot be done (a read-only folder, a full disk, a read-only file system) fails with
// an error that names the file and the reason, and leaves the old file whole and no temporary
// behind. Each case is real: the save runs in a child process as an unprivileged user or inside a
// small tmpfs mounted in a mount namespace of its own (gone when the child exits), never a mock.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleChild } from "./testing/bundle";

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

interface Report {
  error: { name: string; message: string; code: string | undefined; reason: string } | null;
  after: string;
  names: string[];
}

/**
 * Whether this machine lets us mount a tmpfs in a private mount namespace: as root, or through a
 * user namespace where those are enabled. Elsewhere the disk cases cannot be made real and skip.
 */
function canMountTmpfs(): boolean {
  if (process.platform !== "linux") return false;
  const dir = mkdtempSync(join(tmpdir(), "palisade-mount-probe-"));
  const probe = spawnSync(
    "unshare",
    [isRoot ? "-m" : "-rm", "sh", "-ec", 'mount -t tmpfs -o size=64k palisade-test "$1"', "sh", dir],
    { stdio: "ignore" },
  );
  spawnSync("rmdir", [dir]);
  return probe.status === 0;
}
const mountable = canMountTmpfs();

let base: string;
let child: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "palisade-save-failure-"));
  // The unprivileged child must reach its script and folders.
  await chmod(base, 0o755);
  child = await bundleChild(join(import.meta.dirname, "testing/save-once.ts"), join(base, "save-once.mjs"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function report(out: { status: number | null; stdout: string; stderr: string }): Report {
  const line = out.stdout.trim().split("\n").at(-1) ?? "";
  if (out.status !== 0 || !line.startsWith("{")) throw new Error(`the child failed (${out.status}): ${out.stderr}`);
  return JSON.parse(line) as Report;
}

/** Runs `script` in a new mount namespace with a 64 KiB tmpfs at $1; "$SAVE" runs the child. */
async function inTmpfs(script: string): Promise<{ mount: string; report: Report }> {
  const mount = await mkdtemp(join(base, "mount-"));
  const out = spawnSync(
    "unshare",
    [
      isRoot ? "-m" : "-rm",
      "sh",
      "-ec",
      `mount -t tmpfs -o size=64k palisade-test "$1"\nSAVE="$2 $3"\n${script}`,
      "sh",
      mount,
      process.execPath,
      child,
    ],
    { encoding: "utf8" },
  );
  return { mount, report: report(out) };
}

describe("a save that cannot be done", () => {
  it.skipIf(process.platform === "win32")(
    "in a read-only folder fails naming the file and 'permission denied', and the old file stays",
    async () => {
      // Root ignores folder permissions (a read-only folder stops no root process), so as root the
      // save runs as nobody (uid 65534); as any other user, as ourselves.
      const folder = join(base, "read-only");
      await mkdir(folder);
      const target = join(folder, "d.palisade.json");
      await writeFile(target, "old", { mode: 0o644 });
      await chmod(folder, 0o555);
      const out = spawnSync(process.execPath, [child, target, "1000"], {
        encoding: "utf8",
        ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      const { error, after, names } = report(out);
      expect(error).toEqual({
        name: "FileWriteError",
        message: `cannot write ${target}: permission denied`,
        code: "EACCES",
        reason: "permission denied",
      });
      expect(after).toBe("old");
      expect(names).toEqual(["d.palisade.json"]);
    },
  );

  it.skipIf(!mountable)(
    "on a full disk (ENOSPC) fails naming the file and the reason, and the old file stays",
    async () => {
      const { mount, report } = await inTmpfs(`printf old > "$1/d.palisade.json"\n$SAVE "$1/d.palisade.json" 1048576`);
      expect(report.error).toEqual({
        name: "FileWriteError",
        message: `cannot write ${join(mount, "d.palisade.json")}: the disk is full`,
        code: "ENOSPC",
        reason: "the disk is full",
      });
      expect(report.after).toBe("old");
      // The half-written temporary is gone: it would hold the disk full.
      expect(report.names).toEqual(["d.palisade.json"]);
    },
  );

  it.skipIf(!mountable)("succeeds where a killed save's stale temporary was what filled the disk", async () => {
    // 40 KiB left by a dead writer + 40 KiB to save do not fit in 64 KiB: the stale one must go first.
    const { report } = await inTmpfs(`printf old > "$1/d.palisade.json"\n$SAVE "$1/d.palisade.json" 40960 40960`);
    expect(report.error).toBeNull();
    expect(report.after).toBe('40960 bytes of "n"');
    expect(report.names).toEqual(["d.palisade.json"]);
  });

  // Remounting read-only inside a user namespace is refused (its tmpfs flags are locked), so this
  // case needs root; as another user it skips.
  it.skipIf(!mountable || !isRoot)(
    "on a read-only file system (EROFS) fails naming the file and the reason, and the old file stays",
    async () => {
      const { mount, report } = await inTmpfs(
        `printf old > "$1/d.palisade.json"\nmount -o remount,ro "$1"\n$SAVE "$1/d.palisade.json" 10`,
      );
      expect(report.error).toEqual({
        name: "FileWriteError",
        message: `cannot write ${join(mount, "d.palisade.json")}: the disk is read-only`,
        code: "EROFS",
        reason: "the disk is read-only",
      });
      expect(report.after).toBe("old");
      expect(report.names).toEqual(["d.palisade.json"]);
    },
  );
});
