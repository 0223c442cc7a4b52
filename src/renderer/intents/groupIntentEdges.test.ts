import { describe, expect, it } from "vitest";
import type { Finding } from "../../shared/engine/types";
import type { Design } from "../../shared/model";
import { CURRENT_VERSION } from "../../shared/model/schema";
import { toGroupIntentEdges } from "./intentEdges";

const at = { x: 0, y: 0 };
const design: Design = {
  format: "palisade",
  version: CURRENT_VERSION,
  name: "d",
  vpcs: [],
  externals: [{ id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0"], position: at }],
  groups: ["sg-web", "sg-db"].map((id) => ({ id, name: id, description: "", ingress: [], egress: [] })),
  resources: [
    { id: "web-1", kind: "instance", name: "web 1", groupIds: ["sg-web"], position: at },
    { id: "web-2", kind: "instance", name: "web 2", groupIds: ["sg-web"], position: at },
    { id: "db", kind: "database", name: "db", groupIds: ["sg-db", "sg-web"], position: at },
    { id: "lonely", kind: "instance", name: "lonely", groupIds: [], position: at },
  ],
  prefixLists: [],
  intents: [
    { id: "i1", from: "internet", to: "web-1", protocol: "tcp", port: 443 },
    { id: "i2", from: "web-2", to: "db", protocol: "tcp", port: 5432 },
    { id: "i3", from: "web-1", to: "web-2", protocol: "tcp", port: 22 },
    { id: "i4", from: "lonely", to: "db", protocol: "tcp", port: 5432 },
  ],
};

describe("intents at group level", () => {
  it("join the groups of their ends, name the two nodes, and say which the rules block", () => {
    const blocked: Finding = {
      code: "intent-not-satisfied",
      severity: "high",
      message: "db's inbound rules drop it",
      intentId: "i2",
    } as Finding;
    const edges = toGroupIntentEdges(design, [blocked], new Set(["sg-web", "sg-db", "internet"]));
    expect(edges.map((e) => [e.id, e.source, e.target, e.data?.label, e.data?.satisfied])).toEqual([
      ["intent:i1", "internet", "sg-web", "tcp 443: Internet → web 1", true],
      // A node in several groups is drawn at its first.
      ["intent:i2", "sg-web", "sg-db", "tcp 5432: web 2 → db", false],
    ]);
    // i3 stays inside sg-web; i4 starts at a groupless resource the group level does not draw.
    expect(edges[1]?.data?.reason).toBe("db's inbound rules drop it");
  });
});
