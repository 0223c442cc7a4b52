import { describe, expect, it } from "vitest";
import { payloadSize } from "./engine-ops";

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
