import { describe, expect, it } from "vitest";
import { emptyDesign } from "../../model/document";
import type { Design, Resource, SecurityGroup } from "../../model/schema";
import { layoutTiers } from "./layout";

const at = { x: 0, y: 0 };
const group = (id: string, from?: string): SecurityGroup => ({
  id,
  name: id,
  description: "",
  ingress: from
    ? [{ id: `${id}-in`, protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "group", groupId: from } }]
    : [],
  egress: [],
  position: at,
});
const node = (id: string, groupIds: string[], kind: Resource["kind"] = "instance"): Resource => ({
  id,
  kind,
  name: id,
  groupIds,
  position: at,
});

function threeTiers(): Design {
  return {
    ...emptyDesign("tiers"),
    externals: [{ id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0"], position: at }],
    groups: [group("db", "app"), group("app", "lb"), group("lb")],
    resources: [node("db-1", ["db"], "database"), node("app-1", ["app"]), node("lb-1", ["lb"], "loadBalancer")],
  };
}

describe("layoutTiers", () => {
  it("puts outside parties first and each group's members right of the groups they admit traffic from", () => {
    const laidOut = layoutTiers(threeTiers());
    const x = (id: string) => laidOut.resources.find((r) => r.id === id)?.position.x;
    expect(laidOut.externals[0]?.position.x).toBe(0);
    expect([x("lb-1"), x("app-1"), x("db-1")]).toEqual([300, 600, 900]);
  });

  it("gives groups no place: the group level lays them out, and keeps only where a person put one", () => {
    const design = threeTiers();
    const laidOut = layoutTiers(design);
    // The groups come back as they went in: where a person put one (here all at 0,0) is kept, and
    // a group without a place gets none.
    expect(laidOut.groups).toEqual(design.groups);
    const { position: _, ...unplaced } = design.groups[0] as SecurityGroup;
    expect(layoutTiers({ ...design, groups: [unplaced] }).groups).toEqual([unplaced]);
  });

  it("does not follow a cycle of group references forever", () => {
    const design = { ...threeTiers(), groups: [group("db", "app"), group("app", "db"), group("lb")] };
    expect(layoutTiers(design).resources).toHaveLength(3);
  });
});
