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

describe("applyDelta against a full sort", () => {
  it("puts new items where sorting would, for few and for many new items", () => {
    // A seeded walk: every list, delta and result is the same on each run.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const id = () => `n${Math.floor(next() * 5000)}`;
    for (const fresh of [1, 3, 64, 65, 300]) {
      const before = [...new Set(Array.from({ length: 1000 }, id))].sort().map((x) => ({ id: x, v: 0 }));
      const upsert = Array.from({ length: fresh }, () => ({ id: id(), v: 1 }));
      const unique = [...new Map(upsert.map((x) => [x.id, x])).values()];
      const remove = before.filter(() => next() < 0.05).map((x) => x.id);
      const expected = [
        ...before.filter((x) => !remove.includes(x.id) && !unique.some((u) => u.id === x.id)),
        ...unique,
      ].sort(byId);
      expect(applyDelta(before, { upsert: unique, remove }, byId)).toEqual(expected);
    }
  });
});
