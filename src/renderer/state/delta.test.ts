import { describe, expect, it } from "vitest";
import { applyDelta } from "./delta";

const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

describe("applyDelta", () => {
  const a = { id: "a", v: 1 };
  const b = { id: "b", v: 1 };
  const c = { id: "c", v: 1 };

  it("replaces, removes and adds, in order, keeping the objects it was not given", () => {
    const b2 = { id: "b", v: 2 };
    const out = applyDelta([a, b, c], { upsert: [b2, { id: "aa", v: 1 }], remove: ["c"] }, byId);
    expect(out).toEqual([a, { id: "aa", v: 1 }, b2]);
    expect(out[0]).toBe(a);
  });

  it("keeps the list itself when nothing changed, and its order when nothing is new", () => {
    const list = [c, a, b];
    expect(applyDelta(list, { upsert: [], remove: [] }, byId)).toBe(list);
    expect(applyDelta(list, { upsert: [{ id: "a", v: 3 }], remove: ["b"] }, byId)).toEqual([c, { id: "a", v: 3 }]);
  });
});
