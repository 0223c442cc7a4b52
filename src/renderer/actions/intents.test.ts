import { describe, expect, it } from "vitest";
import { evaluateFlow } from "../../shared/engine";
import { proposeFix } from "../../shared/engine/synthesize";
import { validateDesign } from "../../shared/model";
import { addIntent, applyFix, removeIntent } from "./intents";
import { sampleDesign } from "./testing";

describe("addIntent", () => {
  it("adds an intent with a fresh id and keeps the design valid", () => {
    const next = addIntent.perform(sampleDesign(), { from: "web", to: "db", protocol: "tcp", port: 6379 });
    expect(next.intents).toEqual([{ id: "intent-web-db", from: "web", to: "db", protocol: "tcp", port: 6379 }]);
    expect(() => validateDesign(next)).not.toThrow();
  });
  it("drops the port of a protocol without ports", () => {
    const next = addIntent.perform(sampleDesign(), { from: "web", to: "db", protocol: "icmp", port: 22 });
    expect(next.intents[0]).not.toHaveProperty("port");
  });
  it.each([
    [{ from: "web", to: "web", protocol: "tcp", port: 1 }, /two different nodes/],
    [{ from: "ghost", to: "web", protocol: "tcp", port: 1 }, /no node/],
    [{ from: "web", to: "db", protocol: "tcp" }, /needs a port/],
    [{ from: "web", to: "db", protocol: "bogus", port: 1 }, /not a protocol/],
  ])("refuses %j", (draft, message) => {
    expect(() => addIntent.perform(sampleDesign(), draft)).toThrow(message);
  });
  it("refuses the same intent twice", () => {
    const once = addIntent.perform(sampleDesign(), { from: "web", to: "db", protocol: "tcp", port: 1 });
    expect(() => addIntent.perform(once, { from: "web", to: "db", protocol: "tcp", port: 1 })).toThrow(/already/);
  });
});

describe("removeIntent and applyFix", () => {
  it("removes an intent", () => {
    const once = addIntent.perform(sampleDesign(), { from: "web", to: "db", protocol: "tcp", port: 1 });
    expect(removeIntent.perform(once, { id: "intent-web-db" }).intents).toEqual([]);
  });
  it("applies the engine's proposal so the intent holds", () => {
    const d = addIntent.perform(sampleDesign(), { from: "web", to: "db", protocol: "tcp", port: 6379 });
    const fix = proposeFix(d, d.intents[0]!);
    const next = applyFix.perform(d, { changes: fix.changes });
    expect(evaluateFlow(next, { from: "web", to: "db", protocol: "tcp", port: 6379 }).permitted).toBe(true);
  });
  it("refuses a fix whose group has gone since it was proposed", () => {
    const change = { kind: "attachGroup" as const, nodeId: "web", groupId: "sg-gone" };
    expect(() => applyFix.perform(sampleDesign(), { changes: [change] })).toThrow(/sg-gone/);
  });
});
