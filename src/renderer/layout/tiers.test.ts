import { describe, expect, it } from "vitest";
import threeTier from "../../../examples/three-tier.palisade.json";
import { permittedFlows } from "../../shared/engine";
import { validateDesign } from "../../shared/model";
import { layoutByTier } from "./tiers";

describe("layoutByTier", () => {
  it("lays the three tiers out left to right with the nodes' measured sizes, at integer positions (inline where there is no Worker)", async () => {
    const design = validateDesign(threeTier);
    const tall = new Map([["alb", { width: 200, height: 400 }]]);
    const at = new Map((await layoutByTier(design, permittedFlows(design), tall)).map((p) => [p.id, p.position]));
    const x = (id: string) => at.get(id)?.x ?? Number.NaN;
    expect(x("internet")).toBeLessThan(x("alb"));
    expect(x("alb")).toBeLessThan(x("app-1"));
    expect(x("app-1")).toBeLessThan(x("db"));
    for (const p of at.values()) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });
});
