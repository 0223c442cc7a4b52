import type { Edge, Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { keepMeasured, reuseById, sameEdge, sameNode, sameValue } from "./reuse";
import { NODE_HANDLES } from "./toFlow";

const node = (id: string, x = 0, data: Record<string, unknown> = { name: id, groups: [{ id: "sg" }] }): Node => ({
  id,
  position: { x, y: 0 },
  data,
});

describe("sameValue", () => {
  it.each([
    [1, 1, true],
    ["a", "b", false],
    [[1, [2]], [1, [2]], true],
    [[1], [1, 2], false],
    [{ a: [{ b: 1 }] }, { a: [{ b: 1 }] }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: 1 }, { b: 1 }, false],
    [[], {}, false],
    [null, {}, false],
  ])("%j and %j: %s", (a, b, want) => {
    expect(sameValue(a, b)).toBe(want);
  });
});

describe("reuseById", () => {
  it("returns the previous list itself when every element is equal", () => {
    const prev = [node("a"), node("b")];
    expect(reuseById(prev, [node("a"), node("b")], sameNode)).toBe(prev);
  });

  it("keeps the objects of unchanged elements and takes the changed ones", () => {
    const prev = [node("a"), node("b"), node("c")];
    const next = reuseById(prev, [node("a"), node("b", 50), node("c")], sameNode);
    expect(next).not.toBe(prev);
    expect(next[0]).toBe(prev[0]);
    expect(next[1]?.position.x).toBe(50);
    expect(next[2]).toBe(prev[2]);
  });

  it("sees a removed, an added and a reordered element as a change", () => {
    const prev = [node("a"), node("b")];
    expect(reuseById(prev, [node("a")], sameNode)).toEqual([prev[0]]);
    expect(reuseById(prev, [node("a"), node("b"), node("c")], sameNode)).toHaveLength(3);
    const swapped = reuseById(prev, [node("b"), node("a")], sameNode);
    expect(swapped).not.toBe(prev);
    expect(swapped).toEqual([prev[1], prev[0]]);
  });

  it("carries React Flow's measurements and a drag in progress over to a changed node", () => {
    const old = { ...node("a"), measured: { width: 200, height: 90 }, dragging: true, position: { x: 7, y: 8 } };
    const [kept] = reuseById([old], [node("a", 99, { name: "renamed" })], sameNode, keepMeasured);
    expect(kept?.measured).toEqual({ width: 200, height: 90 });
    expect(kept?.position).toEqual({ x: 7, y: 8 });
    expect(kept?.data).toEqual({ name: "renamed" });
  });
});

describe("reuseById with the elements given last time", () => {
  it("keeps the kept object of an element given again without comparing it", () => {
    const given = new Map<string, Node>();
    const derived = node("a");
    const [kept] = reuseById([], [derived], () => false, undefined, given);
    expect(kept).toBe(derived);
    const measured = { ...derived, measured: { width: 200, height: 90 } };
    // Never equal by comparison: kept all the same, as the same derived object came again.
    expect(reuseById([measured], [derived], () => false, undefined, given)).toEqual([measured]);
  });

  it("compares an element given before but not last time (an undo brings back an older object)", () => {
    const given = new Map<string, Node>();
    const before = node("a", 0);
    const moved = node("a", 50);
    reuseById([], [before], sameNode, undefined, given);
    const [afterMove] = reuseById([before], [moved], sameNode, undefined, given);
    expect(afterMove?.position.x).toBe(50);
    const [afterUndo] = reuseById([afterMove!], [before], sameNode, undefined, given);
    expect(afterUndo?.position.x).toBe(0);
  });

  it("forgets an element that is gone, so that it is compared when it comes back", () => {
    const given = new Map<string, Node>();
    const a = node("a");
    const b = node("b");
    reuseById([], [a, b], sameNode, undefined, given);
    reuseById([a, b], [a], sameNode, undefined, given);
    expect([...given.keys()]).toEqual(["a"]);
    const kept = { ...b, position: { x: 9, y: 9 } };
    // b comes back while the list still holds another object of that id: compared, found changed.
    expect(reuseById([a, kept], [a, b], sameNode, undefined, given)[1]).toBe(b);
  });
});

describe("keepMeasured", () => {
  it("drops the nominal handles of a node React Flow has measured, and keeps those of one it has not", () => {
    const handles = NODE_HANDLES;
    const now: Node = { ...node("a", 5), handles };
    expect(keepMeasured({ ...node("a"), measured: { width: 200, height: 120 } }, now).handles).toBeUndefined();
    expect(keepMeasured(node("a"), now).handles).toBe(handles);
  });
});

describe("sameEdge", () => {
  const edge = (label: string): Edge => ({ id: "a->b", source: "a", target: "b", type: "flow", data: { label } });
  it("tells a relabelled edge from an equal one", () => {
    expect(sameEdge(edge("tcp 443"), edge("tcp 443"))).toBe(true);
    expect(sameEdge(edge("tcp 443"), edge("tcp 443, 22"))).toBe(false);
  });
});
