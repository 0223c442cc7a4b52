import { describe, expect, it } from "vitest";
import httpServer from "../../../examples/http-server.palisade.json";
import threeTier from "../../../examples/three-tier.palisade.json";
import { validateDesign } from "../model";
import { diagramOf } from "./build";
import { overlaps } from "./geometry";
import { diagramMetrics } from "./metrics";
import { generateServices } from "./testing/services";

const examples = { "three-tier": validateDesign(threeTier), "http-server": validateDesign(httpServer) };

describe("diagramOf", () => {
  for (const [name, design] of Object.entries(examples))
    for (const relayout of [false, true])
      it(`draws the ${name} example ${relayout ? "laid out by tier" : "where its nodes are"} with no line through a box and no label over another`, () => {
        const m = diagramMetrics(diagramOf(design, { relayout }));
        expect(m.edges).toBeGreaterThan(0);
        expect(m.edgesThroughBoxes).toBe(0);
        expect(m.overlappingLabels).toBe(0);
      });

  for (const n of [50, 200])
    it(`lays out a generated design of ${n} nodes with no line through a box and no label over another`, () => {
      const d = diagramOf(generateServices(n));
      const m = diagramMetrics(d);
      expect(m.nodes).toBeGreaterThanOrEqual(n - 3);
      expect(m.edgesThroughBoxes).toBe(0);
      expect(m.overlappingLabels).toBe(0);
      // No two boxes overlap either.
      const boxes = d.nodes.map((x) => x.box);
      for (const [i, b] of boxes.entries()) for (const c of boxes.slice(i + 1)) expect(overlaps(b, c)).toBe(false);
    });

  it("draws the three tiers left to right: outside, load balancer, apps, database", () => {
    const d = diagramOf(examples["three-tier"], { relayout: true });
    const x = (id: string) => d.nodes.find((n) => n.id === id)?.box.x ?? Number.NaN;
    expect(x("internet")).toBeLessThan(x("alb"));
    expect(x("alb")).toBeLessThan(x("app-1"));
    expect(x("app-1")).toBe(x("app-2"));
    expect(x("app-1")).toBeLessThan(x("db"));
  });

  it("rings what the Internet reaches, captions its tier and frames the VPC around its resources", () => {
    const d = diagramOf(examples["three-tier"], { relayout: true });
    expect(d.nodes.filter((n) => n.exposed).map((n) => n.id)).toEqual(["alb"]);
    expect(d.captions.map((c) => c.text)).toEqual(["Reached from the Internet"]);
    const frame = d.frames.find((f) => f.id === "vpc-main") ?? d.frames[0];
    expect(frame).toBeDefined();
    for (const n of d.nodes) {
      const inside =
        frame !== undefined &&
        n.box.x >= frame.box.x &&
        n.box.y >= frame.box.y &&
        n.box.x + n.box.width <= frame.box.x + frame.box.width &&
        n.box.y + n.box.height <= frame.box.y + frame.box.height;
      expect(inside).toBe(!n.external);
    }
  });

  it("shows default egress as a marker, not as lines to every outside party, unless asked", () => {
    const plain = diagramOf(examples["three-tier"]);
    expect(plain.edges.some((e) => e.to === "internet" || e.to === "office")).toBe(false);
    expect(plain.nodes.find((n) => n.id === "app-1")?.outbound).toBe("all outbound");
    const all = diagramOf(examples["three-tier"], { showOutbound: true });
    expect(all.edges.filter((e) => e.to === "internet" || e.to === "office")).toHaveLength(4);
  });

  it("shows a group's default egress as a marker at group level too, its lines only when asked", () => {
    const plain = diagramOf(examples["three-tier"], { level: "group" });
    expect(plain.nodes.find((n) => n.id === "sg-app")?.outbound).toBe("all outbound");
    expect(plain.nodes.find((n) => n.id === "sg-db")?.outbound).toBeUndefined();
    expect(plain.edges.filter((e) => e.from === "sg-app" && (e.to === "internet" || e.to === "office"))).toEqual([]);
    // What the outside reaches is still drawn: the marker stands only for the way out.
    expect(plain.edges.map((e) => e.id)).toContain("internet->sg-alb");
    const all = diagramOf(examples["three-tier"], { level: "group", showOutbound: true });
    expect(all.edges.filter((e) => e.from === "sg-app" && (e.to === "internet" || e.to === "office"))).toHaveLength(2);
  });

  it("keeps the design's own positions unless asked to lay out, and places nodes without one near their neighbours", () => {
    const design = examples["three-tier"];
    const d = diagramOf(design);
    for (const r of design.resources) expect(d.nodes.find((n) => n.id === r.id)?.box).toMatchObject(r.position);
  });

  it("draws security groups at group level, one line per pair of groups that talk", () => {
    const d = diagramOf(examples["three-tier"], { level: "group" });
    expect(d.nodes.map((n) => n.id).sort()).toEqual(["internet", "office", "sg-alb", "sg-app", "sg-db"]);
    expect(d.edges.map((e) => e.id)).toContain("sg-app->sg-db");
    expect(diagramMetrics(d).edgesThroughBoxes).toBe(0);
  });
});

describe("a placeholder range (a CIDR variable with no value)", () => {
  it("is drawn with its value unknown, not the stand-in CIDR the engine gives it", () => {
    const design = {
      ...examples["three-tier"],
      externals: [
        ...examples["three-tier"].externals,
        {
          id: "var.office_cidr",
          kind: "cidr" as const,
          name: "var.office_cidr",
          cidrs: ["240.0.0.0/24"],
          position: { x: 0, y: 0 },
          tags: { "palisade:placeholder": "var.office_cidr" },
        },
      ],
    };
    const node = diagramOf(design).nodes.find((n) => n.id === "var.office_cidr");
    expect(node?.addresses).toEqual(["value unknown"]);
  });
});
