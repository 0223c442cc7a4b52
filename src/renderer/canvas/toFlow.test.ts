import { describe, expect, it } from "vitest";
import type { FlowEdge } from "../../shared/engine/types";
import { sampleDesign } from "../actions/testing";
import {
  LABEL_LIMIT,
  markEdges,
  measuredHeights,
  NODE_HANDLES,
  NODE_SIZE,
  needsLayout,
  toEdges,
  toNodes,
} from "./toFlow";

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
  it("draws a further interface's flow at its instance's node, the label naming the interfaces", () => {
    const edges = toEdges([flow("web/eth1", "db", "internal"), flow("web", "web/eth1", "internal")]);
    // Between two interfaces of one instance there is no line to draw.
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({
      id: "web/eth1->db",
      source: "web",
      target: "db",
      data: { label: "eth1 → eth0: tcp 443" },
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

describe("converting again after an edit", () => {
  const flow = (from: string, to: string): FlowEdge => ({
    id: `${from}->${to}`,
    from,
    to,
    services: [{ protocol: "tcp", fromPort: 443, toPort: 443 }],
    byFamily: { ipv4: [{ protocol: "tcp", fromPort: 443, toPort: 443 }] },
    families: [4],
    label: "tcp 443",
    exposure: "internal",
  });

  it("gives back the node made of an unchanged resource, and makes anew a moved, renamed-group or newly marked one", () => {
    const cache = new WeakMap();
    const d = sampleDesign();
    const first = toNodes(d, { selectedNodes: new Set() }, cache);
    expect(toNodes(d, { selectedNodes: new Set() }, cache)).toEqual(first);
    expect(toNodes(d, { selectedNodes: new Set() }, cache).every((n, i) => n === first[i])).toBe(true);

    const moved = { ...d, resources: d.resources.map((r) => (r.id === "db" ? { ...r, position: { x: 1, y: 2 } } : r)) };
    const afterMove = toNodes(moved, { selectedNodes: new Set() }, cache);
    const changed = afterMove.filter((n, i) => n !== first[i]).map((n) => n.id);
    expect(changed).toEqual(["db"]);

    const renamed = { ...moved, groups: moved.groups.map((g) => (g.id === "sg-web" ? { ...g, name: "front" } : g)) };
    const web = toNodes(renamed, { selectedNodes: new Set() }, cache).find((n) => n.id === "web")!;
    expect(web.data.groups).toContainEqual({ id: "sg-web", name: "front" });

    const marked = toNodes(renamed, { selectedNodes: new Set(["web"]), timeoutAt: "db" }, cache);
    expect(marked.find((n) => n.id === "web")?.selected).toBe(true);
    expect(marked.find((n) => n.id === "db")?.data.timeout).toBe(true);
  });

  it("gives back the edge made of an unchanged flow, and makes anew one whose pair or end heights changed", () => {
    const cache = new WeakMap();
    const ab = flow("a", "b");
    const bc = flow("b", "c");
    const first = toEdges([ab, bc], new Map(), cache);
    const again = toEdges([ab, bc], new Map(), cache);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    const paired = toEdges([ab, bc, flow("b", "a")], new Map(), cache);
    expect(paired[0]).not.toBe(first[0]);
    expect(paired[0]?.data?.paired).toBe(true);
    const taller = toEdges([ab, bc], new Map([["c", 120]]), cache);
    expect(taller[0]?.data?.paired).toBe(false);
    expect(taller[1]?.data?.targetHeight).toBe(120);
  });
});

describe("measuredHeights", () => {
  it("is the previous map itself while no height changed, and a new one when one did", () => {
    const nodes = [
      { id: "a", measured: { width: 200, height: 90 } },
      { id: "b", measured: undefined },
    ];
    const first = measuredHeights(nodes, new Map());
    expect([...first]).toEqual([["a", 90]]);
    expect(measuredHeights([...nodes], first)).toBe(first);
    const next = measuredHeights([nodes[0]!, { id: "b", measured: { width: 200, height: 110 } }], first);
    expect([...next]).toEqual([
      ["a", 90],
      ["b", 110],
    ]);
  });
});
