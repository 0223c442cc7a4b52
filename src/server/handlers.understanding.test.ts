// The channels behind the editor's "understanding" features: simulation, fixes, reachability,
// comparison and group-level flows, answered inline and from the worker alike.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../shared/api";
import { type Design, parseDesign } from "../shared/model";
import { createHandlers, type Handlers } from "./handlers";

const examplesDir = resolve(import.meta.dirname, "../../examples");
let threeTier: Design;
const opened: Handlers[] = [];

beforeAll(async () => {
  threeTier = parseDesign(await readFile(resolve(examplesDir, "three-tier.palisade.json"), "utf8"));
});
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

function make(worker = false): Handlers {
  const h = createHandlers({
    examplesDir,
    recoveryDir: "/nonexistent",
    log: () => {},
    ...(worker ? { engineWorker: new URL("./engine-worker.ts", import.meta.url), workerThreshold: 0 } : {}),
  });
  opened.push(h);
  return h;
}

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.problems)}`);
  return reply.value;
}

const blocked = { from: "internet", to: "db", protocol: "tcp", port: 5432 };

describe("engine:simulate", () => {
  it("stops a blocked packet with a timeout at the group that dropped it", async () => {
    const sim = value(await make()["engine:simulate"]({ design: threeTier, query: blocked }));
    expect(sim.permitted).toBe(false);
    const last = sim.hops.at(-1);
    expect(last).toMatchObject({ stage: "timeout", at: "db", groupIds: ["sg-db"] });
  });
  it("brings the reply of a permitted flow back to the source", async () => {
    const query = { from: "internet", to: "alb", protocol: "tcp", port: 443 };
    const sim = value(await make()["engine:simulate"]({ design: threeTier, query }));
    expect(sim.hops.map((h) => h.stage)).toEqual([
      "leave",
      "egress-check",
      "ingress-check",
      "arrive",
      "reply",
      "reply",
    ]);
    expect(sim.hops.at(-1)?.at).toBe("internet");
  });
  it("turns an unknown node into a problem, not a throw", async () => {
    const reply = await make()["engine:simulate"]({ design: threeTier, query: { ...blocked, from: "nowhere" } });
    expect(reply.ok).toBe(false);
    expect(reply.ok ? "" : reply.problems[0]?.message).toContain("nowhere");
  });
});

describe("engine:proposeFix", () => {
  it("proposes a change whose design satisfies the intent, with a readable diff", async () => {
    const intent = { id: "i1", from: "app-1", to: "db", protocol: "tcp", port: 6379 };
    const fix = value(await make()["engine:proposeFix"]({ design: threeTier, intent }));
    expect(fix.diff.length).toBeGreaterThan(0);
    expect(fix.diff.join("\n")).toMatch(/6379/);
    const after = value(
      await make()["engine:evaluate"]({
        design: fix.design,
        query: { from: "app-1", to: "db", protocol: "tcp", port: 6379 },
      }),
    );
    expect(after.permitted).toBe(true);
  });
  it("refuses an intent that names no node", async () => {
    const intent = { id: "i1", from: "ghost", to: "db", protocol: "tcp", port: 5432 };
    expect((await make()["engine:proposeFix"]({ design: threeTier, intent })).ok).toBe(false);
  });
});

describe("reachability channels", () => {
  it("the matrix filtered to tcp 5432 holds only the app servers' cells to the database", async () => {
    const m = value(await make()["engine:matrix"]({ design: threeTier, filter: { protocol: "tcp", port: 5432 } }));
    const toDb = m.cells.filter((c) => c.to === "db").map((c) => c.from);
    expect(toDb.sort()).toEqual(["app-1", "app-2"]);
  });
  it("who can reach the database and what the Internet can reach", async () => {
    const h = make();
    const who = value(await h["engine:reach"]({ design: threeTier, node: "db", role: "to" }));
    expect(who.map((c) => c.from).sort()).toEqual(["app-1", "app-2"]);
    const what = value(await h["engine:reach"]({ design: threeTier, node: "internet", role: "from" }));
    expect(what.map((c) => c.to)).toEqual(["alb"]);
  });
  it("refuses a filter port out of range, naming the field", async () => {
    const reply = await make()["engine:matrix"]({ design: threeTier, filter: { port: 70000 } });
    expect(reply.ok ? "" : reply.problems[0]?.message).toContain("filter.port");
  });
  it("compares two versions: a removed rule closes flows", async () => {
    const other = structuredClone(threeTier);
    const db = other.groups.find((g) => g.id === "sg-db");
    if (db) db.ingress = [];
    const diff = value(await make()["engine:diffFlows"]({ design: threeTier, other }));
    expect(diff.closed.map((c) => `${c.from}->${c.to}`).sort()).toEqual(["app-1->db", "app-2->db"]);
    expect(diff.opened).toEqual([]);
  });
});

describe("engine:groupFlows", () => {
  it("draws the app group's flow to the database group once, for both app servers", async () => {
    const flows = value(await make()["engine:groupFlows"]({ design: threeTier }));
    expect(flows.find((f) => f.id === "sg-app->sg-db")).toMatchObject({ pairs: 2, label: "tcp 5432" });
  });
});

describe("from the worker", () => {
  it("answers every new channel as inline does", async () => {
    const [inline, pooled] = [make(), make(true)];
    const intent = { id: "i1", from: "app-1", to: "db", protocol: "tcp", port: 6379 };
    const requests: [string, unknown][] = [
      ["engine:simulate", { design: threeTier, query: blocked }],
      ["engine:proposeFix", { design: threeTier, intent }],
      ["engine:matrix", { design: threeTier }],
      ["engine:reach", { design: threeTier, node: "db", role: "to" }],
      ["engine:diffFlows", { design: threeTier, other: threeTier }],
      ["engine:groupFlows", { design: threeTier }],
    ];
    for (const [channel, payload] of requests)
      expect(await pooled.dispatch(channel, payload)).toEqual(await inline.dispatch(channel, payload));
  });
});

describe("exercise channels", () => {
  it("lists the lessons in order and opens the first with its starting design", async () => {
    const h = make();
    const list = value(await h["exercises:list"]({}));
    expect(list[0]).toMatchObject({ id: "http-server", number: 1 });
    const lesson = value(await h["exercises:open"]({ id: "http-server" }));
    expect(lesson.start.resources.map((r) => r.id)).toContain("web");
  });
  it("checks a design against a lesson: the starting design has no step done", async () => {
    const h = make();
    const lesson = value(await h["exercises:open"]({ id: "http-server" }));
    const result = value(await h["exercises:check"]({ id: "http-server", design: lesson.start }));
    expect(result.done).toBe(false);
    expect(result.steps.every((s) => !s.done)).toBe(true);
  });
  it("an unknown exercise is a problem", async () => {
    const reply = await make()["exercises:open"]({ id: "no-such-lesson" });
    expect(reply.ok ? "" : reply.problems[0]?.message).toContain("no-such-lesson");
  });
});
