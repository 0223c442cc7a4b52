// The rows of a list inside a scrolling panel that are on screen, kept up to date as the panel
// scrolls or resizes. The list is a block in its scroller (it may sit below other content), so
// the window is found from where the list's top is relative to the scroller's.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
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

/** Where the scroller's view is, from the list's first row down, and how tall it is. */
interface Geometry {
  top: number;
  height: number;
}

/**
 * `scrollerOf` names the element that scrolls the list up and down, where the nearest one that
 * may scroll is not it (a table that scrolls sideways in its own box inside the panel).
 *
 * Layout is read only when the panel scrolls or resizes, when the list first appears, and in the
 * frame after its length changes: a list that grows by one row after an edit is windowed from the
 * last measure at once, not by forcing a layout in the middle of the edit's render (a flows table
 * did that after every edit, 3 ms of the answer's render at 1,000 nodes).
 */
export function useRowWindow<T extends HTMLElement>(
  count: number,
  rowHeight: number,
  scrollerOf: (list: T) => HTMLElement | null | undefined = scrollParent,
) {
  const ref = useRef<T>(null);
  const geometry = useRef<Geometry | undefined>(undefined);
  const latest = useRef({ count, rowHeight });
  latest.current = { count, rowHeight };
  // Re-rendered when a measure moves the window, not on every scrolled pixel.
  const [, setRange] = useState<RowRange>({ start: 0, end: 0 });
  // Found once per list element, not on every scroll: getComputedStyle up the tree costs a style pass.
  const watched = useRef<{ list: T; scroller?: HTMLElement; stop: () => void } | undefined>(undefined);
  // Reads only refs, so one function serves every render.
  const measure = useCallback(() => {
    const list = ref.current;
    if (!list) return;
    const view = watched.current?.scroller?.getBoundingClientRect() ?? { top: 0, height: window.innerHeight };
    geometry.current = { top: view.top - list.getBoundingClientRect().top, height: view.height };
    const { count: n, rowHeight: h } = latest.current;
    const next = visibleRange(geometry.current.top, geometry.current.height, h, n);
    setRange((prev) => (sameRange(prev, next) ? prev : next));
  }, []);
  // Each commit: a list element that appeared (or was replaced) is measured and watched.
  useLayoutEffect(() => {
    const list = ref.current;
    if (watched.current?.list === list) return;
    watched.current?.stop();
    watched.current = undefined;
    if (!list) return;
    const scroller = scrollerOf(list) ?? undefined;
    if (!scroller) {
      watched.current = { list, stop: () => {} };
      measure();
      return;
    }
    scroller.addEventListener("scroll", measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(scroller);
    watched.current = {
      list,
      scroller,
      stop: () => {
        scroller.removeEventListener("scroll", measure);
        resize.disconnect();
      },
    };
    measure();
  });
  useEffect(() => () => watched.current?.stop(), []);
  // A new length may have moved the list in its panel (a line above it came or went): measured
  // again in the next frame, where the layout is needed anyway.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect is the measure after a change of length.
  useEffect(() => {
    const frame = requestAnimationFrame(measure);
    return () => cancelAnimationFrame(frame);
  }, [count, rowHeight]);
  const g = geometry.current;
  const range = g ? visibleRange(g.top, g.height, rowHeight, count) : { start: 0, end: Math.min(count, FIRST_ROWS) };
  const { start, end } = range;
  return { ref, start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}
