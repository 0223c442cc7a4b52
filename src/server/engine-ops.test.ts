import { describe, expect, it } from "vitest";
import { generateFleet } from "../../bench/ui-design";
import { MAX_MATRIX_CELLS, payloadSize, runEngine } from "./engine-ops";

describe("payloadSize", () => {
  it("counts nodes and rules of the design in a payload", () => {
    const design = {
      resources: [{}, {}],
      externals: [{}],
      groups: [
        { ingress: [{}, {}], egress: [{}] },
        { ingress: [], egress: [{}] },
      ],
    };
    expect(payloadSize({ design })).toBe(7);
  });

  it("weighs file text by the thousand characters", () => {
    expect(payloadSize({ file: { name: "a", text: "x".repeat(2500) } })).toBe(2);
    expect(payloadSize({ files: [{ text: "x".repeat(1500) }, { text: "y".repeat(1500) }, null] })).toBe(3);
  });

  it.each([
    undefined,
    null,
    5,
    "x",
    {},
    { design: null },
    { design: { groups: [null, 3, { ingress: "no" }] } },
    { file: { text: 5 } },
    { files: "no" },
  ])("counts a malformed payload (%j) as small instead of throwing", (payload) => {
    expect(payloadSize(payload)).toBe(0);
  });
});

describe("answers that could be millions of rows", () => {
  // 500 × 499 pairs among the fleet and 500 from the office: 250,000 node flows.
  const fleet = generateFleet(500);

  it("all node flows at once are refused past MAX_NODE_FLOWS, pointing to the flows between groups", () => {
    expect(() => runEngine("engine:flows", { design: fleet })).toThrow(
      /too many to list; ask for the flows between groups/,
    );
    expect(runEngine("engine:flows", { design: generateFleet(20) })).toHaveLength(20 * 19 + 20);
  });

  it("the matrix lists at most MAX_MATRIX_CELLS cells and counts the rest", () => {
    const matrix = runEngine("engine:matrix", { design: fleet });
    expect(matrix.cells.length).toBeLessThanOrEqual(MAX_MATRIX_CELLS);
    expect(matrix.cells.length + (matrix.omitted ?? 0)).toBe(250_000);
  });

  it("comparing flows one by one is refused past MAX_COMPARED_FLOWS, saying why", () => {
    expect(() => runEngine("engine:diffFlows", { design: fleet, other: fleet })).toThrow(
      /this design has more than 200,000 flows between nodes: too many to compare one by one/,
    );
    const small = generateFleet(20);
    expect(runEngine("engine:diffFlows", { design: small, other: generateFleet(21) }).opened).toHaveLength(41);
  });
});
