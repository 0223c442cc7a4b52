import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { emptyDesign, serializeDesign } from "../shared/model";
import { removeStaleTemporaries, STALE_AFTER_MS, temporaryFor, writeFileAtomic } from "./atomic";
import { readDesignFile } from "./files";

let dir: string;
let design: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "palisade-atomic-"));
  design = join(dir, "net.palisade.json");
  await writeFile(design, serializeDesign(emptyDesign("Net")));
});

/** The pid of a process that has exited: what a killed save's temporary is named for. */
function exitedPid(): number {
  const pid = spawnSync(process.execPath, ["-e", ""]).pid;
  if (!pid) throw new Error("no child was started");
  return pid;
}

async function leave(path: string, hoursOld = 0): Promise<string> {
  await writeFile(path, "half a design");
  const when = new Date(Date.now() - hoursOld * 3_600_000);
  await utimes(path, when, when);
  return basename(path);
}

describe("stale temporaries of killed saves", () => {
  it("a temporary of the same file whose writer has exited is removed", async () => {
    const stale = await leave(temporaryFor(design, exitedPid()));
    expect(await removeStaleTemporaries(design)).toEqual([stale]);
    expect(await readdir(dir)).toEqual(["net.palisade.json"]);
  });

  it("a running writer's temporary is kept (this process is one)", async () => {
    const live = await leave(temporaryFor(design, process.pid));
    expect(await removeStaleTemporaries(design)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([live, "net.palisade.json"].sort());
  });

  it("a writer elsewhere (another machine, boot or pid namespace) is waited for until its temporary is an hour old", async () => {
    const ours = basename(temporaryFor(design, process.pid));
    // Same shape, another writer digest: its pid means nothing here.
    const tag = ours.slice(".net.palisade.json.".length, ".net.palisade.json.".length + 8);
    const other = tag === "00000000" ? "11111111" : "00000000";
    const fresh = await leave(join(dir, ours.replace(tag, other)));
    expect(await removeStaleTemporaries(design)).toEqual([]);
    const later = Date.now() + STALE_AFTER_MS + 60_000;
    expect(await removeStaleTemporaries(design, later)).toEqual([fresh]);
  });

  it("nothing else is touched: other files' temporaries, lookalikes, folders and links with a temporary's name", async () => {
    const pid = exitedPid();
    const other = join(dir, "other.palisade.json");
    await writeFile(other, "{}");
    const kept = [
      await leave(temporaryFor(other, pid)),
      // The earlier naming, other tools' temporaries, and near misses of ours.
      await leave(join(dir, ".net.palisade.json.0123456789ab.tmp"), 48),
      await leave(join(dir, "net.palisade.json.tmp"), 48),
      await leave(join(dir, `${basename(temporaryFor(design, pid))}.bak`), 48),
      await leave(join(dir, basename(temporaryFor(design, pid)).replace("palisade-tmp", "tmp")), 48),
    ];
    const folder = temporaryFor(design, pid);
    await mkdir(folder);
    const link = temporaryFor(design, pid);
    await symlink(other, link);
    expect(await removeStaleTemporaries(design, Date.now() + 10 * STALE_AFTER_MS)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(
      [...kept, basename(folder), basename(link), "net.palisade.json", "other.palisade.json"].sort(),
    );
    expect(await readFile(other, "utf8")).toBe("{}");
  });

  it("the next save and the next open of the design remove them", async () => {
    await leave(temporaryFor(design, exitedPid()));
    await writeFileAtomic(design, serializeDesign(emptyDesign("Saved")));
    expect(await readdir(dir)).toEqual(["net.palisade.json"]);
    await leave(temporaryFor(design, exitedPid()));
    expect((await readDesignFile(design)).name).toBe("Saved");
    expect(await readdir(dir)).toEqual(["net.palisade.json"]);
  });

  it("a folder that cannot be read is passed over without an error", async () => {
    expect(await removeStaleTemporaries(join(dir, "no-such-folder", "x.palisade.json"))).toEqual([]);
  });
});
