import { describe, expect, it } from "vitest";
import threeTier from "../../../examples/three-tier.palisade.json";
import { permittedFlows } from "../engine";
import { validateDesign } from "../model";
import { tiersOf } from "./tiers";

describe("tiersOf", () => {
  it("puts the outside first, the load balancer before the apps and the database last, though the office reaches the apps directly", () => {
    const design = validateDesign(threeTier);
    const nodes = [
      ...design.externals.map((e) => ({ id: e.id, kind: e.kind, external: true })),
      ...design.resources.map((r) => ({ id: r.id, kind: r.kind, external: false })),
    ];
    const tier = tiersOf(nodes, permittedFlows(design));
    expect(tier.get("internet")).toBe(0);
    expect(tier.get("office")).toBe(0);
    expect(tier.get("alb")).toBe(1);
    expect(tier.get("app-1")).toBe(2);
    expect(tier.get("app-2")).toBe(2);
    expect(tier.get("db")).toBe(3);
  });
  it("places nodes no flow reaches by their kind, and data stores behind everything", () => {
    const tier = tiersOf(
      [
        { id: "lb", kind: "loadBalancer", external: false },
        { id: "fn", kind: "function", external: false },
        { id: "db", kind: "database", external: false },
      ],
      [],
    );
    expect(tier.get("lb")).toBe(1);
    expect(tier.get("fn")).toBe(2);
    expect(tier.get("db")).toBe(3);
  });
  it("survives a cycle of flows and a chain of thousands without recursion", () => {
    const n = 5000;
    const nodes = [
      { id: "out", kind: "cidr", external: true },
      ...Array.from({ length: n }, (_, i) => ({ id: `i${i}`, kind: "instance", external: false })),
    ];
    const flows = [
      { from: "out", to: "i0" },
      ...Array.from({ length: n }, (_, i) => ({ from: `i${i}`, to: `i${(i + 1) % n}` })),
    ];
    const tier = tiersOf(nodes, flows);
    expect(tier.get("i0")).toBe(1);
    expect(tier.get(`i${n - 1}`)).toBe(n);
  });
});
