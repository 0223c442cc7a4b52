import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineColumn, lineIndex } from "./problems";

describe("lineIndex", () => {
  it("agrees with counting from the start", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "b") }), fc.nat(), (text, n) => {
        const offset = text.length ? n % text.length : 0;
        expect(lineIndex(text)(offset)).toEqual(lineColumn(text, offset));
      }),
    );
  });
});
