import { describe, expect, it } from "vitest";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design } from "../../shared/model";
import { sampleDesign } from "../actions/testing";
import { toIntentEdges } from "../intents/intentEdges";
import { canvasEnd, rowNodesKey } from "./interfaceRows";
import { bandOf } from "./routes";
import { NODE_HANDLES, NODE_SIZE, toEdges, toNodes } from "./toFlow";

/** web with a second interface, eth1 (the admin interface), that has the db group and an address of its own. */
function twoInterfaces(): Design {
  const d = sampleDesign();
  d.resources[0] = {
    ...d.resources[0]!,
    privateIpv4: "10.0.1.10",
    interfaces: [{ id: "eni-admin", deviceIndex: 1, privateIpv4: "10.0.2.10", groupIds: ["sg-db"] }],
  };
  return d;
}

const flow = (from: string, to: string): FlowEdge => ({
  id: `${from}->${to}`,
  from,
  to,
  services: [{ protocol: "tcp", fromPort: 22, toPort: 22 }],
  byFamily: { ipv4: [{ protocol: "tcp", fromPort: 22, toPort: 22 }] },
  families: [4],
  label: "tcp 22",
  exposure: "internal",
});

describe("an instance with several network interfaces on the canvas", () => {
  it("is one node with a row per interface, eth0 first, each with its own groups and addresses", () => {
    const web = toNodes(twoInterfaces(), { selectedNodes: new Set() }).find((n) => n.id === "web")!;
    expect(web.parentId).toBeUndefined();
    expect(web.data.interfaces).toEqual([
      {
        device: "eth0",
        deviceIndex: 0,
        addresses: ["10.0.1.10"],
        groups: [{ id: "sg-web", name: "web" }],
        highlighted: false,
      },
      {
        device: "eth1",
        deviceIndex: 1,
        eniId: "eni-admin",
        addresses: ["10.0.2.10"],
        groups: [{ id: "sg-db", name: "db" }],
        highlighted: false,
      },
    ]);
    // The addresses are in the rows, not said twice.
    expect(web.data.addresses).toEqual([]);
  });

  it("an instance with one interface has no rows and the node's own anchors, as before", () => {
    const db = toNodes(twoInterfaces(), { selectedNodes: new Set() }).find((n) => n.id === "db")!;
    expect(db.data.interfaces).toBeUndefined();
    expect(db.handles).toBe(NODE_HANDLES);
    expect(db.initialHeight).toBe(NODE_SIZE.height);
  });

  it("before it is measured, carries a target and a source handle per row, after its own anchors and before the intent handle", () => {
    const web = toNodes(twoInterfaces(), { selectedNodes: new Set() }).find((n) => n.id === "web")!;
    expect(web.handles?.map((h) => `${h.type}:${h.id ?? ""}`)).toEqual([
      "target:",
      "source:",
      "target:eth0",
      "source:eth0",
      "target:eth1",
      "source:eth1",
      "source:intent",
    ]);
    const eth0 = bandOf("eth0", "target", undefined, web.handles)!;
    const eth1 = bandOf("eth1", "target", undefined, web.handles)!;
    expect(eth1.top).toBeGreaterThanOrEqual(eth0.bottom);
    expect(web.initialHeight).toBeGreaterThanOrEqual(eth1.bottom);
  });

  it("marks the row that carries the selected group, and the node with it", () => {
    const web = toNodes(twoInterfaces(), { selectedNodes: new Set(), highlightGroup: "sg-db" }).find(
      (n) => n.id === "web",
    )!;
    expect(web.data.highlighted).toBe(true);
    expect(web.data.interfaces?.map((r) => r.highlighted)).toEqual([false, true]);
  });

  it("is made anew when a group of a further interface is renamed, and given back while nothing changed", () => {
    const cache = new WeakMap();
    const d = twoInterfaces();
    const first = toNodes(d, { selectedNodes: new Set() }, cache).find((n) => n.id === "web");
    expect(toNodes(d, { selectedNodes: new Set() }, cache).find((n) => n.id === "web")).toBe(first);
    const renamed = { ...d, groups: d.groups.map((g) => (g.id === "sg-db" ? { ...g, name: "admin" } : g)) };
    const again = toNodes(renamed, { selectedNodes: new Set() }, cache).find((n) => n.id === "web")!;
    expect(again).not.toBe(first);
    expect(again.data.interfaces?.[1]?.groups).toEqual([{ id: "sg-db", name: "admin" }]);
  });

  it("ends each flow's line at the row of the interface it uses: eth1 for web/eth1, eth0 for web itself", () => {
    const rows = new Set(rowNodesKey(twoInterfaces().resources).split("\n"));
    expect(rows).toEqual(new Set(["web"]));
    const [admin, https, out] = toEdges(
      [flow("internet", "web/eth1"), flow("internet", "web"), flow("web/eth1", "db")],
      new Map(),
      new WeakMap(),
      rows,
    );
    expect(admin).toMatchObject({ source: "internet", target: "web", targetHandle: "eth1", data: { label: "tcp 22" } });
    expect(admin?.sourceHandle).toBeUndefined();
    expect(https).toMatchObject({ target: "web", targetHandle: "eth0" });
    expect(out).toMatchObject({ source: "web", sourceHandle: "eth1", target: "db", data: { fromEnd: "web/eth1" } });
    expect(out?.targetHandle).toBeUndefined();
  });

  it("makes an edge anew when its node gains rows, so that it moves to its row", () => {
    const cache = new WeakMap();
    const f = flow("internet", "web/eth1");
    const before = toEdges([f], new Map(), cache)[0]!;
    expect(before.targetHandle).toBeUndefined();
    expect(before.data?.label).toBe("eth0 → eth1: tcp 22");
    const after = toEdges([f], new Map(), cache, new Set(["web"]))[0]!;
    expect(after).not.toBe(before);
    expect(after.targetHandle).toBe("eth1");
  });

  it("ends an intent at the eth0 row: an intent names the resource, which is its primary interface", () => {
    const d = { ...twoInterfaces(), intents: [{ id: "ssh", from: "internet", to: "web", protocol: "tcp", port: 22 }] };
    expect(toIntentEdges(d, [])[0]).toMatchObject({ source: "internet", target: "web", targetHandle: "eth0" });
    expect(toIntentEdges(d, [])[0]?.sourceHandle).toBeUndefined();
  });

  it("draws an interface's end on its instance's node", () => {
    expect(canvasEnd("web/eth1")).toEqual({ node: "web", device: "eth1" });
    expect(canvasEnd("web")).toEqual({ node: "web" });
    // eth0 is the resource's own end, never written "web/eth0" in flows.
    expect(canvasEnd("web/eth0")).toEqual({ node: "web/eth0" });
  });
});

describe("bandOf", () => {
  it("takes a measured handle's stretch before the nominal one, by id and type", () => {
    const measured = {
      target: [{ id: "eth1", type: "target" as const, position: "left" as never, x: 0, y: 90, width: 1, height: 40 }],
    };
    expect(bandOf("eth1", "target", measured, NODE_HANDLES)).toEqual({ top: 90, bottom: 130 });
    expect(bandOf("eth1", "source", measured, undefined)).toBeUndefined();
  });
});
