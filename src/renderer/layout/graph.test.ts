import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import type { FlowEdge } from "../../shared/engine/types";
import { sampleDesign } from "../actions/testing";
import { positionsOf, toElkGraph } from "./graph";

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

describe("toElkGraph", () => {
  it("has one child per node and one edge per flow between two different nodes", () => {
    const g = toElkGraph(sampleDesign(), [
      flow("internet", "web"),
      flow("web", "db"),
      flow("web", "web"),
      flow("x", "db"),
    ]);
    expect(g.children.map((c) => c.id)).toEqual(["internet", "web", "db"]);
    expect(g.edges.map((e) => e.id)).toEqual(["internet->web", "web->db"]);
  });
  it("lays flows out left to right with integer positions (real ELK)", async () => {
    const elk = new ELK();
    const result = await elk.layout(toElkGraph(sampleDesign(), [flow("internet", "web"), flow("web", "db")]));
    const at = new Map(positionsOf(result).map((p) => [p.id, p.position]));
    expect(at.get("internet")!.x).toBeLessThan(at.get("web")!.x);
    expect(at.get("web")!.x).toBeLessThan(at.get("db")!.x);
    for (const p of at.values()) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });
});
