// The channels that read a design at the server and, given a document id, hold it at once: an
// example, a lesson's start, the start-up document and the recovery file, inline and in the real
// engine worker. After the call the document is held at revision 1 (an edit goes against it, other
// requests name it), and the answer carries its flows, so the renderer never sends it back.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Held, Reply } from "../shared/api";
import { groupFlows, permittedFlows } from "../shared/engine";
import { findings } from "../shared/engine/findings";
import { lessonById } from "../shared/exercises";
import { type Design, diffDesign, parseDesign } from "../shared/model";
import { createHandlers, type Handlers } from "./handlers";
import type { HandlerOptions } from "./options";

const examplesDir = resolve(import.meta.dirname, "../../examples");
const threeTier = parseDesign(await readFile(join(examplesDir, "three-tier.palisade.json"), "utf8"));
const httpServer = parseDesign(await readFile(join(examplesDir, "http-server.palisade.json"), "utf8"));

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.problems)}`);
  return reply.value;
}

const made: Handlers[] = [];
afterAll(() => Promise.all(made.map((h) => h.close())));

let ids = 0;
const newId = (where: string) => `open-${where === "inline" ? "a" : "b"}-${String(++ids).padStart(4, "0")}`;

/** The held answer is doc:open's for `design`, and the host holds `design` as `id` at revision 1. */
async function expectHeld(handlers: Handlers, id: string, design: Design, held: Held | undefined): Promise<void> {
  expect(held?.rev).toBe(1);
  expect(held?.flows).toEqual(permittedFlows(design));
  expect(held?.groupFlows).toEqual(groupFlows(design));
  expect(held?.flowCount).toBe(permittedFlows(design).length);
  expect(value(await handlers["engine:findings"]({ doc: { id, rev: 1 } }))).toEqual(findings(design));
  // An edit goes as a patch against revision 1, as it does after doc:open.
  const renamed = { ...design, name: `${design.name} (edited)` };
  const edit = value(await handlers["doc:edit"]({ doc: id, base: 1, patch: diffDesign(design, renamed) }));
  expect("resync" in edit ? edit : edit.rev).toBe(2);
}

for (const where of ["inline", "in the engine worker"] as const) {
  async function make(options: Partial<HandlerOptions> = {}): Promise<Handlers> {
    const handlers = createHandlers({
      examplesDir,
      recoveryDir: await mkdtemp(join(tmpdir(), "palisade-opening-")),
      log: (m) => {
        throw new Error(m);
      },
      ...(where === "inline" ? {} : { engineWorker: new URL("./engine-worker.ts", import.meta.url) }),
      ...options,
    });
    made.push(handlers);
    return handlers;
  }

  describe(`designs read and held at once, ${where}`, () => {
    it("examples:load holds the example as the document named", async () => {
      const handlers = await make();
      const id = newId(where);
      const loaded = value(await handlers["examples:load"]({ name: "three-tier", open: id }));
      expect(loaded.design).toEqual(threeTier);
      await expectHeld(handlers, id, threeTier, loaded.held);
      // Without an id, the example is read and nothing is held.
      expect(value(await handlers["examples:load"]({ name: "three-tier" }))).toEqual({ design: threeTier });
    });

    it("exercises:open holds the lesson's starting design", async () => {
      const handlers = await make();
      const id = newId(where);
      const { held, ...lesson } = value(await handlers["exercises:open"]({ id: "http-server", open: id }));
      expect(lesson).toEqual(lessonById("http-server"));
      await expectHeld(handlers, id, lesson.start, held);
    });

    it("recovery:read holds the autosaved design", async () => {
      const handlers = await make();
      value(await handlers["recovery:write"]({ design: threeTier, path: "/x/t.palisade.json" }));
      const id = newId(where);
      const recovered = value(await handlers["recovery:read"]({ open: id }));
      expect(recovered).toMatchObject({ design: threeTier, path: "/x/t.palisade.json" });
      await expectHeld(handlers, id, threeTier, recovered?.held);
    });

    it("app:startup holds the first document and the recovery file's design, each as its own document", async () => {
      const handlers = await make({ startup: async () => ({ design: httpServer, path: "/x/web.palisade.json" }) });
      value(await handlers["recovery:write"]({ design: threeTier }));
      const [open, recovery] = [newId(where), newId(where)];
      const startup = value(await handlers["app:startup"]({ open, recovery }));
      expect(startup.open).toMatchObject({ design: httpServer, path: "/x/web.palisade.json" });
      expect(startup.recovery?.design).toEqual(threeTier);
      await expectHeld(handlers, open, httpServer, startup.open?.held);
      await expectHeld(handlers, recovery, threeTier, startup.recovery?.held);
    });

    it("holds nothing when there is nothing to open, and refuses a bad or doubled id naming the field", async () => {
      const handlers = await make({ startup: async () => null });
      const [open, recovery] = [newId(where), newId(where)];
      expect(value(await handlers["app:startup"]({ open, recovery }))).toEqual({
        open: null,
        recovery: null,
        warnings: [],
      });
      expect(value(await handlers["doc:edit"]({ doc: open, base: 1, patch: {} }))).toEqual({ resync: true });
      expect(value(await handlers["doc:edit"]({ doc: recovery, base: 1, patch: {} }))).toEqual({ resync: true });
      const unknown = await handlers["examples:load"]({ name: "nope", open });
      expect(unknown.ok ? "loaded" : unknown.problems[0]?.message).toBe('no example is called "nope"');
      expect(value(await handlers["doc:edit"]({ doc: open, base: 1, patch: {} }))).toEqual({ resync: true });
      const bad = await handlers.dispatch("exercises:open", { id: "http-server", open: "../x" });
      expect(bad.ok ? "accepted" : bad.problems[0]?.message).toMatch(/^open: /);
      const doubled = await handlers.dispatch("app:startup", { open, recovery: open });
      expect(doubled.ok ? "accepted" : doubled.problems[0]?.message).toBe(
        "recovery: names the same document as another field",
      );
    });
  });
}
