import { describe, expect, it } from "vitest";
import example from "../../../examples/three-tier.palisade.json";
import { emptyDesign, validateDesign } from "../../shared/model";
import { followEnd, nodeNames } from "./followEnds";

const design = validateDesign(example);
const names = nodeNames(design);
const db = design.resources.find((r) => r.name === "db")!;

describe("an end of a question after the design changed", () => {
  it("stays when its node is still there", () => {
    expect(followEnd(design, db.id, names)).toBe(db.id);
  });
  it("is cleared when its node is gone and no node has its name", () => {
    expect(followEnd(emptyDesign(), db.id, names)).toBe("");
  });
  it("is found again by name when the new design has a node of that name under another id", () => {
    const renamed = {
      ...design,
      resources: design.resources.map((r) => (r.id === db.id ? { ...r, id: "database-1" } : r)),
    };
    expect(followEnd(renamed, db.id, names)).toBe("database-1");
  });
  it("keeps a literal address", () => {
    expect(followEnd(emptyDesign(), "203.0.113.7", names)).toBe("203.0.113.7");
  });
});

describe("an end whose name is now only a group's", () => {
  it("is cleared: the node pickers show nodes, not groups", () => {
    const web = design.resources.find((r) => r.groupIds.length === 1)!;
    const group = design.groups.find((g) => g.id === web.groupIds[0])!;
    const renamed = {
      ...design,
      groups: design.groups.map((g) => (g.id === group.id ? { ...g, name: "only-name" } : g)),
      resources: design.resources.filter((r) => !r.groupIds.includes(group.id)),
    };
    expect(followEnd(renamed, web.id, new Map([[web.id, "only-name"]]))).toBe("");
  });
});

describe("an interface's end of a question", () => {
  const withEth1 = {
    ...design,
    resources: design.resources.map((r) =>
      r.id === db.id ? { ...r, interfaces: [{ id: "eni-1", deviceIndex: 1, groupIds: [] }] } : r,
    ),
  };
  it("stays while the instance has that interface, and is named as AWS's device", () => {
    expect(followEnd(withEth1, `${db.id}/eth1`, nodeNames(withEth1))).toBe(`${db.id}/eth1`);
    expect(nodeNames(withEth1).get(`${db.id}/eth1`)).toBe("db/eth1");
  });
  it("is cleared when the interface is gone", () => {
    expect(followEnd(design, `${db.id}/eth1`, nodeNames(withEth1))).toBe("");
  });
});
