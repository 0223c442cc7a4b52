import { describe, expect, it } from "vitest";
import { positionsOf } from "./graph";

describe("positionsOf", () => {
  it("reads ELK's answer back as integer positions, at the origin where ELK gave none", () => {
    expect(positionsOf({ children: [{ id: "a", x: 10.6, y: -3.2 }, { id: "b" }] })).toEqual([
      { id: "a", position: { x: 11, y: -3 } },
      { id: "b", position: { x: 0, y: 0 } },
    ]);
  });
});
