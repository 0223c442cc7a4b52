import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { emptyDesign, InputError, parseDesign } from "../shared/model";
import {
  clearRecovery,
  readDesignFile,
  readRecovery,
  recoveryPath,
  saveDesign,
  writeFileAtomic,
  writeRecovery,
} from "./files";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "palisade-files-"));
});

describe("atomic save", () => {
  it("replaces the file's content and leaves no temporary file behind", async () => {
    const path = join(dir, "a.palisade.json");
    await writeFile(path, "old");
    await writeFileAtomic(path, "new");
    expect(await readFile(path, "utf8")).toBe("new");
    expect(await readdir(dir)).toEqual(["a.palisade.json"]);
  });

  it("fails without leaving a temporary file when the target cannot be replaced", async () => {
    // A non-empty folder in the way makes the final rename fail, even for root.
    const target = join(dir, "taken.palisade.json");
    await mkdir(join(target, "inside"), { recursive: true });
    await expect(writeFileAtomic(target, "new")).rejects.toThrow();
    expect(await readdir(dir)).toEqual(["taken.palisade.json"]);
    expect(await readdir(target)).toEqual(["inside"]);
  });

  it("keeps an existing file's permissions", async () => {
    const path = join(dir, "a.palisade.json");
    await writeFile(path, "old", { mode: 0o600 });
    await writeFileAtomic(path, "new");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("saves a design that reads back equal", async () => {
    const path = join(dir, "d.palisade.json");
    const design = emptyDesign("Round trip");
    await saveDesign(path, design);
    expect(parseDesign(await readFile(path, "utf8"))).toEqual(design);
    expect(await readDesignFile(path)).toEqual(design);
  });

  it("names the file and the line of a broken design", async () => {
    const path = join(dir, "bad.palisade.json");
    await writeFile(path, '{\n  "format": "palisade",\n  "version": 1,\n  "name": 5\n}\n');
    const error = await readDesignFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ file: path, line: 4 });
  });

  it("says plainly that a file does not exist", async () => {
    const error = await readDesignFile(join(dir, "nope.palisade.json")).catch((e: unknown) => e);
    expect((error as InputError).problems[0]?.message).toBe("cannot read the file: no such file or folder");
  });
});

describe("recovery file", () => {
  it("round-trips the design, its path and the time", async () => {
    const design = emptyDesign("Unsaved");
    await writeRecovery(dir, { design, path: "/home/me/x.palisade.json", savedAt: "2026-01-02T03:04:05.000Z" });
    expect(await readRecovery(dir)).toEqual({
      design,
      path: "/home/me/x.palisade.json",
      savedAt: "2026-01-02T03:04:05.000Z",
    });
  });

  it("is absent until written and after it is cleared", async () => {
    expect(await readRecovery(dir)).toBeNull();
    await writeRecovery(dir, { design: emptyDesign(), savedAt: new Date().toISOString() });
    await clearRecovery(dir);
    expect(await readRecovery(dir)).toBeNull();
    await clearRecovery(dir);
  });

  it.each([
    ["not JSON", "{", "not valid JSON"],
    ["another format", '{"format":"x"}', 'expected "format": "palisade-recovery"'],
    [
      "a broken design",
      '{"format":"palisade-recovery","savedAt":"t","design":{"format":"palisade","version":1}}',
      "the recovered design is damaged",
    ],
  ])("reports a damaged file (%s) instead of dropping it", async (_, text, message) => {
    await writeFile(recoveryPath(dir), text);
    const error = await readRecovery(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]?.message).toContain(message);
    expect(await readFile(recoveryPath(dir), "utf8")).toBe(text);
  });
});
