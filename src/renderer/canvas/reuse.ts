// React Flow rebuilds its internal state for every node or edge object it has not seen before,
// and re-renders every drawn element whose object changed. Derived anew from the design and the
// engine's flows, most objects are equal to the last ones: those keep their old identity.
import type { Edge, Node } from "@xyflow/react";

/** Structural equality of the plain data we give React Flow (strings, numbers, arrays, records). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.length === Object.keys(b).length && ka.every((k) => k in rb && sameValue(ra[k], rb[k]));
}

/**
 * The next list, with each element that equals the previous element of its id replaced by that
 * previous object; the previous list itself when nothing changed. `merge` carries over what React
 * Flow added to a changed element (a node's measured size), so it is not measured again.
 * `given`, where the next list is derived through a cache (toNodes, toEdges): by id, the element
 * given last time, which the previous list already stands for; the same object again is kept
 * without being compared. Updated in place to this call's elements.
 */
export function reuseById<T extends { id: string }>(
  prev: readonly T[],
  next: readonly T[],
  same: (old: T, now: T) => boolean,
  merge: (old: T, now: T) => T = (_, now) => now,
  given?: Map<string, T>,
): T[] {
  const before = new Map<string, T>();
  for (const x of prev) before.set(x.id, x);
  let changed = prev.length !== next.length;
  const out = next.map((now, i) => {
    const givenBefore = given?.get(now.id) === now;
    given?.set(now.id, now);
    const old = before.get(now.id);
    if (!old) {
      changed = true;
      return now;
    }
    if (givenBefore || same(old, now)) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return merge(old, now);
  });
  // Elements gone since: forgotten, so that one coming back is compared, not taken as given.
  if (given && given.size !== next.length) {
    given.clear();
    for (const x of next) given.set(x.id, x);
  }
  return changed ? out : (prev as T[]);
}

/** Nodes equal in what we derive (position, selection, data), whatever React Flow added since. */
export function sameNode(old: Node, now: Node): boolean {
  return (
    old.type === now.type &&
    old.selected === now.selected &&
    old.ariaLabel === now.ariaLabel &&
    old.position.x === now.position.x &&
    old.position.y === now.position.y &&
    sameValue(old.data, now.data)
  );
}

/**
 * A changed node keeps React Flow's measurements, and its place while it is being dragged. Once
 * measured, it drops the nominal handles it was given (React Flow would take them over the
 * handles it measured).
 */
export function keepMeasured<N extends Node>(old: N, now: N): N {
  if (!old.measured && !old.dragging) return now;
  const { handles: _nominal, ...rest } = now;
  return {
    ...(old.measured ? rest : now),
    ...(old.measured ? { measured: old.measured } : {}),
    ...(old.dragging ? { position: old.position, dragging: true } : {}),
  } as N;
}

export function sameEdge(old: Edge, now: Edge): boolean {
  return (
    old.source === now.source &&
    old.target === now.target &&
    old.sourceHandle === now.sourceHandle &&
    old.targetHandle === now.targetHandle &&
    old.type === now.type &&
    old.selected === now.selected &&
    sameValue(old.markerEnd, now.markerEnd) &&
    sameValue(old.data, now.data)
  );
}
