// No lost work: a save killed at any moment (SIGKILL: no handler, no flush) leaves the complete
// old design or the complete new one on disk, never a mix and never an empty file. The child runs
// the save's file half (writeFileAtomic); serializing happens before any byte is written. What a
// killed save leaves beside the file (its temporary) is removed by the next save: the kills never
// pile up more than one per file, and one clean save leaves none.

import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRegion, random } from "../../bench/generate";
import { serializeDesign } from "../shared/model";
import { readDesignFile, saveDesign } from "./files";
import { bundleChild } from "./testing/bundle";

const KILLS = Number(process.env.CRASH_KILLS ?? 200);

let dir: string;
let child: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "palisade-crash-"));
  child = await bundleChild(join(import.meta.dirname, "testing/save-loop.ts"), join(dir, "save-loop.mjs"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the saving loop and kills it hard `delay` ms after its first save began. */
function saveAndKill(args: string[], delay: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let errors = "";
    let started = false;
    proc.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    proc.stdout.on("data", () => {
      if (started) return;
      started = true;
      setTimeout(() => proc.kill("SIGKILL"), delay);
    });
    proc.on("error", reject);
    proc.on("exit", (_code, signal) => {
      if (signal === "SIGKILL") resolve();
      else reject(new Error(`the saving child stopped by itself (${signal ?? _code}): ${errors}`));
    });
  });
}

describe("saving under SIGKILL", () => {
  it(`leaves the old or the new design, whole, after each of ${KILLS} kills at random moments`, async () => {
    // Two designs of about a megabyte each, different in length so that a torn write shows.
    const a = generateRegion({ instances: 1500, groups: 300, rules: 3000 }, 1);
    const b = generateRegion({ instances: 1400, groups: 320, rules: 3300 }, 2);
    const texts = [serializeDesign(a), serializeDesign(b)];
    await writeFile(join(dir, "a.txt"), texts[0] as string);
    await writeFile(join(dir, "b.txt"), texts[1] as string);

    // Four lanes, each its own file, so that one child's start overlaps another's run.
    const lanes = await Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        const target = join(dir, `design-${lane}.palisade.json`);
        await writeFile(target, texts[0] as string);
        const rnd = random(6 + lane);
        const seen = [0, 0];
        let changes = 0;
        let midWrite = 0;
        let previous = texts[0];
        for (let kill = lane; kill < KILLS; kill += 4) {
          // Alternate which text the child writes first, so that each kill can land on either.
          const order = kill % 8 < 4 ? ["b.txt", "a.txt"] : ["a.txt", "b.txt"];
          await saveAndKill([target, ...order.map((f) => join(dir, f))], Math.floor(rnd() * 40));
          const text = await readFile(target, "utf8");
          const which = texts.indexOf(text);
          expect(
            which,
            `after kill ${kill + 1} ${target} has ${text.length} bytes, neither design whole`,
          ).toBeGreaterThanOrEqual(0);
          seen[which] = (seen[which] ?? 0) + 1;
          if (text !== previous) changes++;
          previous = text;
          // A temporary beside the file means this kill landed mid-write; never more than one,
          // since the child's first save removes what the kill before it left.
          const temporaries = (await readdir(dir)).filter((n) => n.startsWith(`.design-${lane}.palisade.json.`));
          expect(temporaries.length, `temporaries of ${target} after kill ${kill + 1}`).toBeLessThanOrEqual(1);
          if (temporaries.length > 0) midWrite++;
        }
        return { seen, changes, midWrite };
      }),
    );
    // The kills landed while saves were running: both versions were seen, and the files changed often.
    const seen = [0, 1].map((i) => lanes.reduce((n, l) => n + (l.seen[i] ?? 0), 0));
    const changes = lanes.reduce((n, l) => n + l.changes, 0);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).toBeGreaterThan(0);
    expect(changes).toBeGreaterThan(KILLS / 10);
    // A killed save may leave its temporary file behind, but never a second design file; each
    // child's first save removed what the one killed before it left, so they never pile up.
    const designs = [0, 1, 2, 3].map((l) => `design-${l}.palisade.json`);
    const ours = ["a.txt", "b.txt", "save-loop.mjs", ...designs];
    const leftovers = (await readdir(dir)).filter((n) => !ours.includes(n));
    for (const design of designs)
      expect(
        leftovers.filter((n) => n.startsWith(`.${design}.`)).length,
        `temporaries of ${design}`,
      ).toBeLessThanOrEqual(1);
    expect(
      leftovers.every((n) => n.endsWith(".palisade-tmp")),
      leftovers.join(", "),
    ).toBe(true);
    // Some kills did land mid-write (else the clean-up checks prove nothing). Counted after every
    // kill, not only the last of each lane: whether the last four landed mid-write is chance.
    expect(lanes.reduce((n, l) => n + l.midWrite, 0)).toBeGreaterThan(0);

    // One clean save of each file: no temporary is left, and each design reads back whole.
    await Promise.all(designs.map((d) => saveDesign(join(dir, d), a)));
    expect((await readdir(dir)).sort()).toEqual(ours.sort());
    for (const design of designs) {
      expect(await readFile(join(dir, design), "utf8")).toBe(texts[0]);
      expect(await readDesignFile(join(dir, design))).toEqual(a);
    }
  }, 120_000);
});
