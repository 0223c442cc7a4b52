// IPC payloads come from a renderer that may be compromised (or from a page that got past the
// host's guard): every channel answers any value with a reply, never a throw, and a refusal
// names the field at fault. Internal errors (a bug reached) are failures here.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, type Channel } from "../shared/api";
import { parseDesign } from "../shared/model";
import { createHandlers, type Handlers } from "./handlers";
import { mutatedJson, options, RUNS, TIME_LIMIT } from "./testing/fuzz";

const examplesDir = resolve(import.meta.dirname, "../../examples");
let dir: string;
let handlers: Handlers;
const logged: string[] = [];
let valid: Record<Channel, unknown>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "palisade-ipc-fuzz-"));
  handlers = createHandlers({ examplesDir, recoveryDir: join(dir, "recovery"), log: (m) => logged.push(m) });
  const design = parseDesign(await readFile(join(examplesDir, "three-tier.palisade.json"), "utf8"));
  const text = await readFile(join(examplesDir, "http-server.palisade.json"), "utf8");
  // A well-formed request per channel, for the mutations to start from.
  valid = {
    "engine:flows": { design },
    "engine:evaluate": { design, query: { from: "internet", to: "web", protocol: "tcp", port: 443 } },
    "engine:findings": { design },
    "engine:dependsOn": { design },
    "engine:simulate": { design, query: { from: "internet", to: "db", protocol: "tcp", port: 5432 } },
    "engine:proposeFix": { design, intent: { id: "i1", from: "internet", to: "db", protocol: "tcp", port: 5432 } },
    "engine:matrix": { design, filter: { protocol: "tcp", port: 443 } },
    "engine:reach": { design, node: "db", role: "to", filter: { port: 5432 } },
    "engine:diffFlows": { design, other: design },
    "engine:groupFlows": { design },
    "doc:open": { doc: "fuzz-doc-1", design },
    "doc:edit": {
      doc: "fuzz-doc-1",
      base: 1,
      patch: { resources: { upsert: design.resources.slice(0, 1).map((r) => ({ ...r, position: { x: 1, y: 2 } })) } },
    },
    "doc:close": { doc: "fuzz-doc-2" },
    "work:cancel": {},
    "design:parse": { file: { name: "a.palisade.json", text } },
    "iac:import": { files: [{ name: "a.palisade.json", text }] },
    "iac:export": { design, to: "terraform" },
    "examples:load": { name: "three-tier" },
    "examples:list": {},
    "exercises:list": {},
    "exercises:open": { id: "http-server" },
    "exercises:check": { id: "http-server", design },
    "file:open": { path: "/etc/passwd" },
    "file:importFolder": {},
    "file:save": { design, path: "/tmp/x.palisade.json" },
    "recovery:write": { design },
    "recovery:read": {},
    "recovery:clear": {},
    "app:startup": {},
    "window:state": { name: "x", dirty: true },
  };
  await handlers.dispatch("doc:open", valid["doc:open"]);
});

afterAll(async () => {
  await handlers.close();
  await rm(dir, { recursive: true, force: true });
});

const channel = fc.constantFrom(...CHANNELS);

describe(`IPC payloads (${RUNS} cases)`, () => {
  it(
    "every channel answers any payload, odd or mutated, with a reply and no internal error",
    async () => {
      const payload = channel.chain((c) =>
        fc.tuple(fc.constant(c), fc.oneof(fc.anything(), mutatedJson(valid[c]), fc.constant(valid[c]))),
      );
      await fc.assert(
        fc.asyncProperty(payload, async ([c, p]) => {
          const reply = await handlers.dispatch(c, p);
          if (reply.ok) return;
          expect(reply.problems.length).toBeGreaterThan(0);
          for (const problem of reply.problems) {
            expect(problem.message).not.toMatch(/^internal error/);
            expect(problem.message.length).toBeGreaterThan(0);
          }
          expect(logged).toEqual([]);
        }),
        options(),
      );
    },
    TIME_LIMIT,
  );

  it("a channel name from outside is checked, whatever it is", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty")),
        async (name) => {
          const reply = await handlers.dispatch(name, {});
          if (!(CHANNELS as readonly string[]).includes(name)) expect(reply).toMatchObject({ ok: false });
        },
      ),
      options(),
    );
  });

  it("a file the user never chose is never read, whatever path is named", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1 }),
          fc.constantFrom(
            "/etc/passwd",
            "../../etc/passwd",
            "~/.ssh/id_rsa",
            "C:\\\\Windows\\\\win.ini",
            join(examplesDir, "three-tier.palisade.json"),
          ),
        ),
        async (path) => {
          const reply = await handlers.dispatch("file:open", { path });
          expect(reply.ok).toBe(false);
        },
      ),
      options(),
    );
  });
});
