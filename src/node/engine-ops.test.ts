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

  it.each([undefined, null, 5, "x", {}, { design: null }, { design: { groups: [null, 3, { ingress: "no" }] } }])(
    "counts a malformed payload (%j) as small instead of throwing",
    (payload) => {
      expect(payloadSize(payload)).toBe(0);
    },
  );
});
