// Cancelling long work on files, through the real handlers and their real workers.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Reply } from "../shared/api";
import { parseDesign } from "../shared/model";
import { createHandlers } from "./handlers";

const examplesDir = resolve(import.meta.dirname, "../../examples");
const example = parseDesign(await readFile(join(examplesDir, "three-tier.palisade.json"), "utf8"));
const handlers = createHandlers({
  examplesDir,
  recoveryDir: "/nonexistent",
  engineWorker: new URL("./engine-worker.ts", import.meta.url),
  log: (m) => {
    throw new Error(m);
  },
});
afterAll(() => handlers.close());

const messages = (reply: Reply<unknown>) => (reply.ok ? [] : reply.problems.map((p) => p.message));

describe("cancelling long work", () => {
  it("stops an import under way, leaves the held documents alone, and the next import runs", async () => {
    const doc = "cancel-doc-0001";
    expect((await handlers["doc:open"]({ doc, design: example })).ok).toBe(true);
    const terraform = await handlers["iac:export"]({ design: example, to: "terraform" });
    if (!terraform.ok) throw new Error("export failed");
    const files = terraform.value.files;
    // The import is handed to the files worker at once; the cancel reaches it before any answer can.
    const importing = handlers["iac:import"]({ files });
    const cancel = await handlers["work:cancel"]({});
    expect(cancel).toEqual({ ok: true, value: { cancelled: 1 } });
    expect(messages(await importing)).toEqual(["iac:import was cancelled"]);
    // The engine's worker and what it holds are untouched.
    const edit = await handlers["doc:edit"]({ doc, base: 1, patch: {} });
    expect(edit).toMatchObject({ ok: true, value: { rev: 2 } });
    // A new files worker takes the next job.
    const again = await handlers["iac:import"]({ files });
    expect(again.ok && again.value.design.groups.length).toBe(example.groups.length);
    expect(await handlers["work:cancel"]({})).toEqual({ ok: true, value: { cancelled: 0 } });
  });
});
