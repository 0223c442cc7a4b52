// The rows of a list inside a scrolling panel that are on screen, kept up to date as the panel
// scrolls or resizes. The list is a block in its scroller (it may sit below other content), so
// the window is found from where the list's top is relative to the scroller's.
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { type RowRange, sameRange, visibleRange } from "./range";

function scrollParent(el: HTMLElement): HTMLElement | undefined {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === "auto" || overflowY === "scroll") return p;
  }
  return undefined;
}

/** Before the list is measured: enough rows to fill a tall screen. */
const FIRST_ROWS = 60;

/**
 * `scrollerOf` names the element that scrolls the list up and down, where the nearest one that
 * may scroll is not it (a table that scrolls sideways in its own box inside the panel).
 */
export function useRowWindow<T extends HTMLElement>(
  count: number,
  rowHeight: number,
  scrollerOf: (list: T) => HTMLElement | null | undefined = scrollParent,
) {
  const ref = useRef<T>(null);
  // Found once per list element, not on every scroll: getComputedStyle up the tree costs a style pass.
  const scrollerRef = useRef<HTMLElement | undefined>(undefined);
  const [range, setRange] = useState<RowRange>({ start: 0, end: Math.min(count, FIRST_ROWS) });
  const update = useCallback(() => {
    const list = ref.current;
    if (!list) return;
    const view = scrollerRef.current?.getBoundingClientRect() ?? { top: 0, height: window.innerHeight };
    const top = view.top - list.getBoundingClientRect().top;
    const next = visibleRange(top, view.height, rowHeight, count);
    setRange((prev) => (sameRange(prev, next) ? prev : next));
  }, [count, rowHeight]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrollerOf is read once per list, as the list is laid out.
  useLayoutEffect(() => {
    const list = ref.current;
    const scroller = list ? (scrollerOf(list) ?? undefined) : undefined;
    scrollerRef.current = scroller;
    update();
    if (!scroller) return;
    scroller.addEventListener("scroll", update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(scroller);
    return () => {
      scroller.removeEventListener("scroll", update);
      resize.disconnect();
    };
  }, [update]);
  // A shorter list than the window found for the longer one: clip, without waiting for a scroll.
  const start = Math.min(range.start, count);
  const end = Math.min(range.end, count);
  return { ref, start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}
