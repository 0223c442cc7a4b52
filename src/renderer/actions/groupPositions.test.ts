import { describe, expect, it } from "vitest";
import { validateDesign } from "../../shared/model";
import { moveGroups } from "./groupPositions";
import { sampleDesign } from "./testing";

describe("moveGroups", () => {
  it("stores a dragged group's position as integers, and the design stays valid", () => {
    const next = moveGroups.perform(sampleDesign(), { positions: [{ id: "sg-db", position: { x: 10.6, y: -3.2 } }] });
    expect(next.groups.find((g) => g.id === "sg-db")?.position).toEqual({ x: 11, y: -3 });
    expect(() => validateDesign(next)).not.toThrow();
  });
  it("a move to where the group already is, or of an unknown id, is no edit", () => {
    const once = moveGroups.perform(sampleDesign(), { positions: [{ id: "sg-db", position: { x: 1, y: 2 } }] });
    expect(moveGroups.perform(once, { positions: [{ id: "sg-db", position: { x: 1, y: 2 } }] })).toBe(once);
    const d = sampleDesign();
    expect(moveGroups.perform(d, { positions: [{ id: "web", position: { x: 1, y: 2 } }] })).toBe(d);
  });
});
