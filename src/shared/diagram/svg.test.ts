import { describe, expect, it } from "vitest";
import threeTier from "../../../examples/three-tier.palisade.json";
import { validateDesign } from "../model";
import { diagramOf } from "./build";
import { diagramSvg, escapeXml } from "./svg";

describe("diagramSvg", () => {
  const d = diagramOf(validateDesign(threeTier), { relayout: true });
  const svg = diagramSvg(d, { title: "Three tiers" });
  it("wraps each node's box in a <g data-node>, one per node", () => {
    const groups = [...svg.matchAll(/<g data-node="([^"]+)"[^>]*>(.*?)<\/g>/gs)];
    expect(groups.map((g) => g[1]).sort()).toEqual(d.nodes.map((n) => n.id).sort());
    for (const g of groups) expect(g[2]).toMatch(/<rect /);
  });
  it("draws each edge as a <path data-edge data-from data-to> along its route, and each label as a <g data-label> around its box", () => {
    const unescapeXml = (s: string) => s.replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&");
    const paths = [...svg.matchAll(/<path data-edge="([^"]+)" data-from="([^"]+)" data-to="([^"]+)" d="([^"]+)"/g)].map(
      (m) => m.map((x) => unescapeXml(x)),
    );
    expect(paths.map((p) => p[1])).toEqual(d.edges.map((e) => e.id));
    for (const p of paths) {
      const e = d.edges.find((x) => x.id === p[1]);
      expect([p[2], p[3]]).toEqual([e?.from, e?.to]);
      expect(p[4]?.split(/[ML]/).filter(Boolean)).toHaveLength(e?.points.length ?? -1);
    }
    const labels = [...svg.matchAll(/<g data-label="([^"]+)"><rect /g)].map((m) => unescapeXml(m[1] ?? ""));
    expect(labels).toEqual(d.edges.filter((e) => e.labelBox).map((e) => e.id));
  });
  it("is well-formed XML with names escaped", () => {
    expect(escapeXml(`a<b & "c"`)).toBe("a&lt;b &amp; &quot;c&quot;");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g[ >]/g)?.length).toBe(svg.match(/<\/g>/g)?.length);
  });
});
