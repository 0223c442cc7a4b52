import { describe, expect, it } from "vitest";
import { findings } from "../../shared/engine/findings";
import { sampleDesign } from "../actions/testing";
import { toIntentEdges } from "./intentEdges";

describe("toIntentEdges", () => {
  const design = {
    ...sampleDesign(),
    intents: [
      { id: "holds", from: "internet", to: "web", protocol: "tcp", port: 443 },
      { id: "blocked", from: "web", to: "db", protocol: "tcp", port: 6379 },
      { id: "dangling", from: "web", to: "gone", protocol: "tcp", port: 1 },
    ],
  };
  it("marks an intent the rules let through as satisfied and a blocked one with the engine's reason", () => {
    const edges = toIntentEdges(design, findings(design));
    expect(edges.map((e) => [e.id, e.data?.satisfied])).toEqual([
      ["intent:holds", true],
      ["intent:blocked", false],
    ]);
    expect(edges[1]?.data?.reason).toMatch(/6379/);
    expect(edges[1]?.data?.label).toBe("tcp 6379");
  });
  it("draws nothing for an intent whose node is gone", () => {
    expect(toIntentEdges(design, []).some((e) => e.target === "gone")).toBe(false);
  });
  it("draws the services intended between the same two nodes as one edge listing each, blocked if any is", () => {
    const pair = {
      ...design,
      intents: [
        { id: "https", from: "internet", to: "web", protocol: "tcp", port: 443 },
        { id: "redis", from: "internet", to: "web", protocol: "tcp", port: 6379 },
        { id: "back", from: "web", to: "internet", protocol: "tcp", port: 443 },
      ],
    };
    const edges = toIntentEdges(pair, findings(pair));
    expect(edges.map((e) => e.id)).toEqual(["intent:https", "intent:back"]);
    expect(edges[0]?.data?.services.map((s) => [s.label, s.satisfied])).toEqual([
      ["tcp 443", true],
      ["tcp 6379", false],
    ]);
    expect(edges[0]?.data?.label).toBe("tcp 443, tcp 6379");
    expect(edges[0]?.data?.satisfied).toBe(false);
    expect(edges[0]?.data?.reason).toMatch(/6379/);
  });
});
