import { describe, expect, it } from "vitest";
import type { FlowEdge } from "../../shared/engine/types";
import { sampleDesign } from "../actions/testing";
import { LABEL_LIMIT, markEdges, NODE_HANDLES, NODE_SIZE, needsLayout, toEdges, toNodes } from "./toFlow";

describe("toNodes", () => {
  it("shows groups as chips by name and never as React Flow parents", () => {
    const nodes = toNodes(sampleDesign(), { selectedNodes: new Set(["db"]) });
    const db = nodes.find((n) => n.id === "db")!;
    expect(db.data.groups).toEqual([{ id: "sg-db", name: "db" }]);
    expect(db.selected).toBe(true);
    expect(nodes.every((n) => n.parentId === undefined)).toBe(true);
  });
  it("highlights the members of the selected group and marks where a flow times out", () => {
    const nodes = toNodes(sampleDesign(), { selectedNodes: new Set(), highlightGroup: "sg-web", timeoutAt: "db" });
    expect(nodes.filter((n) => n.data.highlighted).map((n) => n.id)).toEqual(["web"]);
    expect(nodes.filter((n) => n.data.timeout).map((n) => n.id)).toEqual(["db"]);
  });
  it("styles external parties apart and lists their CIDRs as addresses", () => {
    const internet = toNodes(sampleDesign(), { selectedNodes: new Set() }).find((n) => n.id === "internet")!;
    expect(internet).toMatchObject({ type: "external", data: { external: true, addresses: ["0.0.0.0/0", "::/0"] } });
  });
});

describe("toEdges", () => {
  const flow = (from: string, to: string, exposure: FlowEdge["exposure"]): FlowEdge => ({
    id: `${from}->${to}`,
    from,
    to,
    services: [{ protocol: "tcp", fromPort: 443, toPort: 443 }],
    byFamily: { ipv4: [{ protocol: "tcp", fromPort: 443, toPort: 443 }] },
    families: [4],
    label: "tcp 443",
    exposure,
  });
  it("draws one directed edge per flow, styled by exposure, and skips a node's flow to itself", () => {
    const edges = toEdges([flow("internet", "web", "internet"), flow("web", "web", "sameGroup")]);
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({
      source: "internet",
      target: "web",
      data: { exposure: "internet", label: "tcp 443", active: false, paired: false, showLabel: true },
    });
  });
  it("marks the selected and hovered edges and keeps the identity of every other edge", () => {
    const edges = toEdges([
      flow("internet", "web", "internet"),
      flow("web", "db", "internal"),
      flow("a", "b", "internal"),
    ]);
    const marked = markEdges(edges, { selectedEdge: "internet->web", hoverEdge: "web->db", selectedNodes: new Set() });
    expect(marked[0]).toMatchObject({ selected: true, data: { active: true } });
    expect(marked[1]).toMatchObject({ data: { active: true } });
    expect(marked[2]).toBe(edges[2]);
  });
  it(`past ${LABEL_LIMIT} edges labels show only around the selection`, () => {
    const many = Array.from({ length: LABEL_LIMIT + 1 }, (_, i) => flow(`n${i}`, `n${i + 1}`, "internal"));
    const edges = toEdges(many);
    expect(edges.every((e) => !e.data?.showLabel)).toBe(true);
    const marked = markEdges(edges, { selectedNodes: new Set(["n5"]) });
    expect(marked.filter((e) => e.data?.showLabel).map((e) => e.id)).toEqual(["n4->n5", "n5->n6"]);
  });
});

describe("toEdges pairs", () => {
  it("marks the two directions of one pair", () => {
    const f = (from: string, to: string): FlowEdge => ({
      id: `${from}->${to}`,
      from,
      to,
      services: [{ protocol: "-1" }],
      byFamily: { ipv4: [{ protocol: "-1" }] },
      families: [4],
      label: "all traffic",
      exposure: "internal",
    });
    const edges = toEdges([f("a", "b"), f("b", "a"), f("a", "c")]);
    expect(edges.map((e) => e.data?.paired)).toEqual([true, true, false]);
  });
});

describe("needsLayout", () => {
  it("is true when every node sits at one spot, as imports arrive", () => {
    const d = sampleDesign();
    expect(needsLayout(d)).toBe(false);
    for (const n of [...d.resources, ...d.externals]) n.position = { x: 0, y: 0 };
    expect(needsLayout(d)).toBe(true);
  });
});

describe("nodes before React Flow measures them", () => {
  it("carry a nominal size and anchors, the side anchors before the intent handle", () => {
    for (const n of toNodes(sampleDesign(), { selectedNodes: new Set() })) {
      expect([n.initialWidth, n.initialHeight]).toEqual([NODE_SIZE.width, NODE_SIZE.height]);
      expect(n.handles).toBe(NODE_HANDLES);
    }
    // Edges take the first source handle: the right side, not the intent handle.
    expect(NODE_HANDLES.filter((h) => h.type === "source").map((h) => h.id ?? "side")).toEqual(["side", "intent"]);
  });
});
