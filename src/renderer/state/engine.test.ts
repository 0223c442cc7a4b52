// EngineSync against the real server handlers, in-process: the channel table that Electron main
// and the browser-mode host both serve, reached through a pass-through bridge that records each
// request (as preload's would be). Nothing here needs the DOM: the sync follows the store without
// the page's pagehide wiring (follow rather than start).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createHandlers, type Handlers } from "../../server/handlers";
import { API_GLOBAL, CHANNELS, type Channel, type PalisadeApi, type Reply } from "../../shared/api";
import type { Design, Rule } from "../../shared/model";

const examplesDir = decodeURIComponent(new URL("../../../examples", import.meta.url).pathname);
const failOnLog = (message: string) => {
  throw new Error(message);
};
const host: Handlers = createHandlers({ examplesDir, recoveryDir: "", log: failOnLog });
afterAll(() => host.close());

/** Every request the renderer made, in order. */
const sent: { channel: Channel; request: Record<string, unknown> }[] = [];
const bridge = Object.fromEntries(
  CHANNELS.map((channel) => [
    channel,
    (request: Record<string, unknown>) => {
      sent.push({ channel, request });
      return (host[channel] as (r: unknown) => Promise<Reply<unknown>>)(request);
    },
  ]),
);
(globalThis as Record<string, unknown>)[API_GLOBAL] = { ...bridge, onMenuCommand: () => () => {} };

// Imported once the bridge is in place: api-client takes it when it loads.
const { EngineSync } = await import("./engine");
const { derivedState, docState, initialDoc } = await import("./store");
const { record } = await import("./history");

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.problems)}`);
  return reply.value;
}

const example = value(await (host as PalisadeApi)["examples:load"]({ name: "three-tier" })).design;

/** The design with one more ingress rule on group `groupId`, open to the Internet on `port`. */
function openPort(design: Design, groupId: string, port: number): Design {
  const rule: Rule = {
    id: `open-${port}`,
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
  };
  return {
    ...design,
    groups: design.groups.map((g) => (g.id === groupId ? { ...g, ingress: [...g.ingress, rule] } : g)),
  };
}

/** An edit as `run` records it: the document store's next design. */
function edit(next: Design): void {
  docState.set((d) => ({ history: record(d.history, "Edit", next) }));
}

/** Waits until the derived state is of `design` (the sync's answer for it has arrived). */
const settled = (design: Design) => vi.waitFor(() => expect(derivedState.get().of).toBe(design));

/** The flows the host computes for `design` from scratch, node ids only. */
async function flowsOf(design: Design): Promise<string[]> {
  return value(await host["engine:flows"]({ design }))
    .map((f) => f.id)
    .sort();
}

const flowIds = () =>
  derivedState
    .get()
    .flows.map((f) => f.id)
    .sort();
const docRequests = () => sent.filter((s) => s.channel.startsWith("doc:") && s.channel !== "doc:close");

let stop: (() => void) | undefined;
/** A new sync following a document that starts as `design`, once its first open is answered. */
async function following(design: Design): Promise<InstanceType<typeof EngineSync>> {
  docState.set(initialDoc(design));
  const sync = new EngineSync();
  stop = sync.follow();
  await settled(design);
  sent.length = 0;
  return sync;
}
afterEach(() => {
  stop?.();
  sent.length = 0;
});

describe("EngineSync with the real handlers", () => {
  it("sends an edit as a patch against the revision the host holds, and the flows follow it", async () => {
    const sync = await following(example);
    const ref = sync.designOrRef(example);
    if (!("doc" in ref)) throw new Error("the opened design is not held");
    expect(ref.doc.rev).toBe(1);

    const next = openPort(example, "sg-db", 5432);
    edit(next);
    await settled(next);
    const [request, ...more] = docRequests();
    expect(more).toEqual([]);
    expect(request?.channel).toBe("doc:edit");
    expect(request?.request).toMatchObject({ doc: ref.doc.id, base: 1 });
    expect(request?.request).not.toHaveProperty("design");
    expect(Object.keys(request?.request.patch as object)).toEqual(["groups"]);
    expect(flowIds()).toContain("internet->db");
    expect(flowIds()).toEqual(await flowsOf(next));
    // The host holds the edited design as revision 2, and requests name it.
    expect(sync.designOrRef(next)).toEqual({ doc: { id: ref.doc.id, rev: 2 } });
    const verdict = value(
      await host["engine:evaluate"]({
        doc: { id: ref.doc.id, rev: 2 },
        query: { from: "internet", to: "db", protocol: "tcp", port: 5432 },
      }),
    );
    expect(verdict.permitted).toBe(true);
  });

  it("opens the document again when the host refuses an edit against a revision it no longer holds", async () => {
    const sync = await following(example);
    const ref = sync.designOrRef(example);
    if (!("doc" in ref)) throw new Error("the opened design is not held");
    // Another edit reaches the host behind the sync's back: its revision 1 is stale now.
    value(await host["doc:edit"]({ doc: ref.doc.id, base: 1, patch: { fields: { name: "moved on" } } }));
    sent.length = 0;

    const next = openPort(example, "sg-app", 8443);
    edit(next);
    await settled(next);
    expect(docRequests().map((s) => s.channel)).toEqual(["doc:edit", "doc:open"]);
    expect(docRequests()[0]?.request).toMatchObject({ doc: ref.doc.id, base: 1 });
    // The whole design goes again, and the host holds it anew at revision 1.
    expect(docRequests()[1]?.request).toEqual({ doc: ref.doc.id, design: next });
    expect(sync.designOrRef(next)).toEqual({ doc: { id: ref.doc.id, rev: 1 } });
    expect(flowIds()).toEqual(await flowsOf(next));
    expect(flowIds()).toContain("internet->app-1");
  });

  it("sends edits made while a request is out together in the next patch", async () => {
    const sync = await following(example);
    const first = openPort(example, "sg-db", 5432);
    const second = openPort(first, "sg-alb", 8080);
    const third = { ...second, name: "renamed" };
    // One after another, with no answer between them: the first goes at once, the others wait.
    edit(first);
    edit(second);
    edit(third);
    await settled(third);
    const edits = docRequests();
    expect(edits.map((s) => s.channel)).toEqual(["doc:edit", "doc:edit"]);
    expect(edits.map((s) => s.request.base)).toEqual([1, 2]);
    // The second patch carries both the rule and the name changed while the first was out.
    expect(Object.keys(edits[1]?.request.patch as object).sort()).toEqual(["fields", "groups"]);
    expect(flowIds()).toEqual(await flowsOf(third));
    expect(flowIds()).toEqual(expect.arrayContaining(["internet->db", "internet->alb"]));
    const ref = sync.designOrRef(third);
    expect("doc" in ref && ref.doc.rev).toBe(3);
  });
});
