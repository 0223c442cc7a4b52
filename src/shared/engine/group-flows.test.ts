import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDesign } from "../model";
import { groupFlows } from "./group-flows";

describe("groupFlows", () => {
  it("aggregates the three-tier design's node edges to one edge per pair of groups", () => {
    const d = parseDesign(readFileSync("examples/three-tier.palisade.json", "utf8"));
    const byId = Object.fromEntries(groupFlows(d).map((e) => [e.id, e]));
    expect(byId["sg-alb->sg-app"]).toMatchObject({ label: "tcp 8080", pairs: 2 });
    expect(byId["sg-app->sg-db"]).toMatchObject({ label: "tcp 5432", pairs: 2 });
    expect(byId["internet->sg-alb"]).toMatchObject({
      fromKind: "node",
      toKind: "group",
      label: "tcp 80, 443",
      pairs: 1,
    });
    expect(byId["office->sg-app"]).toMatchObject({ label: "tcp 22", pairs: 2 });
    expect(byId["internet->sg-db"]).toBeUndefined();
    // No member of sg-app may reach another: no edge from the group to itself.
    expect(byId["sg-app->sg-app"]).toBeUndefined();
  });
});
