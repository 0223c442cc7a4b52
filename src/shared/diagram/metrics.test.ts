import { describe, expect, it } from "vitest";
import { diagramMetrics } from "./metrics";
import type { Diagram } from "./types";

const node = (id: string, x: number) => ({
  id,
  kind: "instance",
  name: id,
  external: false,
  addresses: [],
  groups: [],
  exposed: false,
  box: { x, y: 100, width: 200, height: 80 },
});

const picture = (labelY: number): Diagram => ({
  nodes: [node("a", 0), node("b", 500)],
  edges: [
    {
      id: "a->b",
      from: "a",
      to: "b",
      label: "tcp 443",
      exposure: "internal",
      points: [
        { x: 200, y: 140 },
        { x: 500, y: 140 },
      ],
      labelBox: { x: 300, y: labelY, width: 80, height: 18 },
    },
  ],
  frames: [],
  captions: [
    { text: "Reached from the Internet", at: { x: 280, y: 85 }, box: { x: 280, y: 74, width: 175, height: 14 } },
  ],
  bounds: { x: 0, y: 74, width: 700, height: 106 },
});

describe("diagramMetrics", () => {
  it("counts a label over a tier's caption as an overlapping label", () => {
    expect(diagramMetrics(picture(80)).overlappingLabels).toBe(1);
    expect(diagramMetrics(picture(131)).overlappingLabels).toBe(0);
  });
});
