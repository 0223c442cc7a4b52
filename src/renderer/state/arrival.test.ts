import { describe, expect, it } from "vitest";
import { emptyDesign } from "../../shared/model";
import { sampleDesign } from "../actions/testing";
import { arrival } from "./arrival";
import { record, startHistory } from "./history";

const at = (position: { x: number; y: number }) => {
  const d = sampleDesign();
  return { ...d, resources: d.resources.map((r) => ({ ...r, position })), externals: [] };
};
const opened = (design: ReturnType<typeof sampleDesign>) => ({ history: startHistory(design), saved: design });

describe("what a document just opened needs", () => {
  it("is laid out when every node sits at the same spot (an import), fitted when it has a layout", () => {
    expect(arrival(opened(at({ x: 0, y: 0 })))).toBe("layout");
    expect(arrival(opened(sampleDesign()))).toBe("fit");
  });

  it("is neither when empty, nor once edited", () => {
    expect(arrival(opened(emptyDesign()))).toBeUndefined();
    const start = opened(at({ x: 0, y: 0 }));
    const edited = { ...start, history: record(start.history, "Move", sampleDesign()) };
    expect(arrival(edited)).toBeUndefined();
  });
});
