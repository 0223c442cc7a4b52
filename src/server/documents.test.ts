// Held documents through the real handlers: inline, and in the real engine worker (where the
// documents then live), as the Electron main process and the Node host use them.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Replies, Reply } from "../shared/api";
import { groupFlows, permittedFlows } from "../shared/engine";
import { findings } from "../shared/engine/findings";
import type { Delta } from "../shared/engine/live";
import { type Design, diffDesign, parseDesign } from "../shared/model";
import { MAX_DOCUMENTS } from "./documents";
import { createHandlers, type Handlers } from "./handlers";

const examplesDir = resolve(import.meta.dirname, "../../examples");
const example = parseDesign(await readFile(join(examplesDir, "three-tier.palisade.json"), "utf8"));

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.problems)}`);
  return reply.value;
}

function apply<T extends { id: string }>(list: T[], delta: Delta<T>): T[] {
  const gone = new Set([...delta.remove, ...delta.upsert.map((x) => x.id)]);
  return [...list.filter((x) => !gone.has(x.id)), ...delta.upsert].sort((a, b) => (a.id < b.id ? -1 : 1));
}
const sorted = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The example with the database open to the Internet on 5432 (a new rule on its group). */
function opened(design: Design): Design {
  const db = design.groups.find((g) => g.ingress.some((r) => r.toPort === 5432));
  if (!db) throw new Error("the example has no database group");
  return {
    ...design,
    groups: design.groups.map((g) =>
      g === db
        ? {
            ...g,
            ingress: [
              ...g.ingress,
              { id: "open", protocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } },
            ],
          }
        : g,
    ),
  };
}

const made: Handlers[] = [];
afterAll(() => Promise.all(made.map((h) => h.close())));

for (const where of ["inline", "in the engine worker"] as const) {
  const recoveryDir = await mkdtemp(join(tmpdir(), "palisade-docs-"));
  const handlers = createHandlers({
    examplesDir,
    recoveryDir,
    log: (m) => {
      throw new Error(m);
    },
    ...(where === "inline" ? {} : { engineWorker: new URL("./engine-worker.ts", import.meta.url) }),
  });
  made.push(handlers);
  const doc = `doc-${where === "inline" ? "a" : "b"}-0001`;

  describe(`held documents, ${where}`, () => {
    it("open with all flows; each edit answers with the flows it changed, which lead to the flows of the new design", async () => {
      const first = value(await handlers["doc:open"]({ doc, design: example }));
      expect(first.rev).toBe(1);
      expect(first.flows).toEqual(permittedFlows(example));
      expect(first.groupFlows).toEqual(groupFlows(example));
      const next = opened(example);
      const edit = value(await handlers["doc:edit"]({ doc, base: 1, patch: diffDesign(example, next) }));
      if ("resync" in edit) throw new Error("unexpected resync");
      expect(edit.rev).toBe(2);
      expect(edit.flows.upsert.map((f) => f.id)).toContain("internet->db");
      expect(apply(first.flows, edit.flows)).toEqual(sorted(permittedFlows(next)));
      expect(apply(first.groupFlows, edit.groupFlows)).toEqual(sorted(groupFlows(next)));
      // Other requests name the held revision instead of sending the design.
      expect(value(await handlers["engine:findings"]({ doc: { id: doc, rev: 2 } }))).toEqual(findings(next));
      const verdict = value(
        await handlers["engine:evaluate"]({
          doc: { id: doc, rev: 2 },
          query: { from: "internet", to: "db", protocol: "tcp", port: 5432 },
        }),
      );
      expect(verdict.permitted).toBe(true);
      // The revision before is still held for a moment (an answer asked for just before an edit).
      expect(value(await handlers["engine:findings"]({ doc: { id: doc, rev: 1 } }))).toEqual(findings(example));
    });

    it("a file read with `open` is held at once, answering doc:open's flows, so the design is not sent back", async () => {
      const id = `${doc}-read`;
      const text = await readFile(join(examplesDir, "three-tier.palisade.json"), "utf8");
      const read = value(await handlers["design:parse"]({ file: { name: "t.palisade.json", text }, open: id }));
      expect(read.design).toEqual(example);
      expect(read.held?.rev).toBe(1);
      expect(read.held?.flows).toEqual(permittedFlows(example));
      expect(read.held?.groupFlows).toEqual(groupFlows(example));
      // Held: an edit goes as a patch against revision 1, and other requests name it.
      const next = opened(example);
      const edit = value(await handlers["doc:edit"]({ doc: id, base: 1, patch: diffDesign(example, next) }));
      expect("resync" in edit ? edit : edit.rev).toBe(2);
      expect(value(await handlers["engine:findings"]({ doc: { id, rev: 2 } }))).toEqual(findings(next));
    });

    it("an import with `open` is held too; a file that fails holds nothing, and a bad id is named", async () => {
      const id = `${doc}-import`;
      const tf = 'resource "aws_security_group" "web" {\n  name = "web"\n}\n';
      const imported = value(await handlers["iac:import"]({ files: [{ name: "main.tf", text: tf }], open: id }));
      expect(imported.design.groups.map((g) => g.name)).toEqual(["web"]);
      expect(imported.held).toMatchObject({ rev: 1, flows: [], flowCount: 0 });
      const broken = `${doc}-broken`;
      const failed = await handlers["design:parse"]({ file: { name: "b.palisade.json", text: "{" }, open: broken });
      expect(failed.ok).toBe(false);
      const edit = value(await handlers["doc:edit"]({ doc: broken, base: 1, patch: {} }));
      expect(edit).toEqual({ resync: true });
      const bad = await handlers.dispatch("iac:import", { files: [{ name: "main.tf", text: tf }], open: "../x" });
      expect(bad.ok ? "accepted" : bad.problems[0]?.message).toMatch(/^open: /);
    });

    it("a broken edit is refused naming the place, and the document stays as it was", async () => {
      const design = value(await handlers["doc:open"]({ doc, design: example }));
      expect(design.rev).toBe(1);
      const [group] = example.groups;
      const bad = await handlers["doc:edit"]({
        doc,
        base: 1,
        patch: {
          groups: {
            upsert: [
              {
                ...(group as Design["groups"][number]),
                ingress: [
                  {
                    id: "x",
                    protocol: "tcp",
                    fromPort: 80,
                    toPort: 70000,
                    peer: { kind: "cidr4", cidr: "10.0.0.0/33" },
                  },
                ],
              },
            ],
          },
        },
      });
      expect(bad.ok).toBe(false);
      if (bad.ok) return;
      const said = bad.problems.map((p) => `${p.path}: ${p.message}`).join("\n");
      expect(said).toMatch(/patch\.groups\.upsert\[0\]\.ingress\[0\]\.toPort/);
      expect(said).toMatch(/patch\.groups\.upsert\[0\]\.ingress\[0\]\.peer\.cidr/);
      const dangling = await handlers["doc:edit"]({ doc, base: 1, patch: { groups: { ids: [], upsert: [] } } });
      expect(dangling.ok ? "accepted" : dangling.problems[0]?.message).toMatch(/no security group has id/);
      // Still at revision 1, with the same design.
      const next = opened(example);
      const edit = value(await handlers["doc:edit"]({ doc, base: 1, patch: diffDesign(example, next) }));
      expect("resync" in edit ? edit : edit.rev).toBe(2);
    });

    it("asks for the whole design again when it does not hold the revision an edit starts from", async () => {
      value(await handlers["doc:open"]({ doc, design: example }));
      const stale: Replies["doc:edit"] = value(await handlers["doc:edit"]({ doc, base: 7, patch: {} }));
      expect(stale).toEqual({ resync: true });
      expect(value(await handlers["doc:edit"]({ doc: "never-opened-1", base: 1, patch: {} }))).toEqual({
        resync: true,
      });
      const unknown = await handlers["engine:findings"]({ doc: { id: "never-opened-1", rev: 1 } });
      expect(unknown.ok ? "answered" : unknown.problems[0]?.message).toMatch(/is not open here/);
      value(await handlers["doc:close"]({ doc }));
      expect(value(await handlers["doc:edit"]({ doc, base: 1, patch: {} }))).toEqual({ resync: true });
    });

    it("autosaves a held revision without the design being sent again; a clear just after a write wins", async () => {
      value(await handlers["doc:open"]({ doc, design: example }));
      const next = opened(example);
      value(await handlers["doc:edit"]({ doc, base: 1, patch: diffDesign(example, next) }));
      value(await handlers["recovery:write"]({ doc: { id: doc, rev: 2 }, path: "/designs/a.palisade.json" }));
      const recovered = value(await handlers["recovery:read"]({}));
      expect(recovered?.design).toEqual(next);
      expect(recovered?.path).toBe("/designs/a.palisade.json");
      // The write is asked for first: the clear must not be overtaken by it.
      const writing = handlers["recovery:write"]({ design: next });
      value(await handlers["recovery:clear"]({}));
      value(await writing);
      expect(value(await handlers["recovery:read"]({}))).toBeNull();
    });

    it(`holds at most ${MAX_DOCUMENTS} documents, forgetting the least recently used`, async () => {
      const ids = Array.from(
        { length: MAX_DOCUMENTS + 1 },
        (_, i) => `lru-${where.length}-${String(i).padStart(4, "0")}`,
      );
      for (const id of ids) value(await handlers["doc:open"]({ doc: id, design: example }));
      expect(value(await handlers["doc:edit"]({ doc: ids[0] as string, base: 1, patch: {} }))).toEqual({
        resync: true,
      });
      expect(value(await handlers["doc:edit"]({ doc: ids[1] as string, base: 1, patch: {} }))).toMatchObject({
        rev: 2,
      });
    });
  });
}
