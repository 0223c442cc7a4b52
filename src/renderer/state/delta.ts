// Lists the host keeps up to date by deltas (flows, group flows).
import type { Delta } from "../../shared/engine/live";

/**
 * A list after a delta, in the engine's order. Items the delta does not name stay the same
 * objects, so the canvas redraws only what changed.
 */
export function applyDelta<T extends { id: string }>(
  list: readonly T[],
  delta: Delta<T>,
  order: (x: T, y: T) => number,
): T[] {
  if (delta.upsert.length === 0 && delta.remove.length === 0) return list as T[];
  const gone = new Set(delta.remove);
  const fresh = new Map(delta.upsert.map((x) => [x.id, x]));
  const out: T[] = [];
  for (const item of list) {
    if (gone.has(item.id)) continue;
    const replaced = fresh.get(item.id);
    if (replaced) fresh.delete(item.id);
    out.push(replaced ?? item);
  }
  // Replacing and removing keep the order; only new items need a place.
  if (fresh.size === 0) return out;
  out.push(...fresh.values());
  return out.sort(order);
}
