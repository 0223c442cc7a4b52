// Which rows of a long list of fixed-height rows are on screen: only those (and a few either
// side, so a fast scroll shows no gap) are rendered; the rest are space.

export interface RowRange {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
}

/**
 * The rows that meet the window [top, top + height) of a list whose rows are rowHeight tall,
 * widened by overscan rows either side and clipped to the list. top is measured from the list's
 * first row and may be negative (the list starts below the top of its scroller).
 */
export function visibleRange(top: number, height: number, rowHeight: number, count: number, overscan = 8): RowRange {
  if (count <= 0 || rowHeight <= 0 || height <= 0) return { start: 0, end: Math.min(count, Math.max(0, overscan)) };
  const first = Math.floor(Math.max(0, top) / rowHeight);
  const last = Math.ceil(Math.max(0, top + height) / rowHeight);
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, last + overscan);
  return { start, end: Math.max(start, end) };
}

export const sameRange = (a: RowRange, b: RowRange): boolean => a.start === b.start && a.end === b.end;
