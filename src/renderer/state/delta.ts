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
  // Replacing and removing keep the order; only new items need a place. An edit brings a few,
  // so each is put where it belongs instead of sorting thousands of flows again.
  if (fresh.size === 0) return out;
  if (fresh.size > 64) return [...out, ...fresh.values()].sort(order);
  for (const item of [...fresh.values()].sort(order)) out.splice(firstAfter(out, item, order), 0, item);
  return out;
}

/** Where `item` goes in the sorted `list`: after every item that does not come after it. */
function firstAfter<T>(list: readonly T[], item: T, order: (x: T, y: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid] as T, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
