// What the picture is judged by, measured on the page: lines that pass under a box they do not
// connect (from the SVG paths and the nodes' boxes), and labels that cover a box, a caption or
// each other. Both levels of the canvas.
import type { Page } from "@playwright/test";

/** Each drawn flow line that passes through the box of a node that is not one of its ends. */
export function linesThroughBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = new Map<string, { x: number; y: number; w: number; h: number }>();
    for (const n of document.querySelectorAll<HTMLElement>(".react-flow__node")) {
      const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(n.style.transform);
      if (m) boxes.set(n.dataset.id ?? "", { x: Number(m[1]), y: Number(m[2]), w: n.offsetWidth, h: n.offsetHeight });
    }
    const bad: string[] = [];
    for (const e of document.querySelectorAll<SVGGElement>(".react-flow__edge")) {
      const id = e.dataset.id ?? "";
      // A group level's edge is "group:<from>-><to>".
      const [from, to] = id.replace(/^group:/, "").split("->");
      const d = e.querySelector("path.react-flow__edge-path")?.getAttribute("d") ?? "";
      const points = [...d.matchAll(/[ML]\s*([-\d.]+)[ ,]([-\d.]+)/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
      }));
      for (let i = 1; i < points.length; i++) {
        const a = points[i - 1] as { x: number; y: number };
        const b = points[i] as { x: number; y: number };
        for (const [nid, box] of boxes) {
          if (nid === from || nid === to) continue;
          // Orthogonal segments: through the inside of the box.
          const inX = (v: number) => v > box.x + 0.5 && v < box.x + box.w - 0.5;
          const inY = (v: number) => v > box.y + 0.5 && v < box.y + box.h - 0.5;
          const horizontal =
            a.y === b.y && inY(a.y) && Math.min(a.x, b.x) < box.x + box.w && Math.max(a.x, b.x) > box.x;
          const vertical = a.x === b.x && inX(a.x) && Math.min(a.y, b.y) < box.y + box.h && Math.max(a.y, b.y) > box.y;
          if (horizontal || vertical) bad.push(`${id} under ${nid}`);
        }
      }
    }
    return bad;
  });
}

/** Each drawn label that covers another label, a node or a "Reached from the Internet" caption. */
export function labelsOverlapping(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rect = (el: Element) => el.getBoundingClientRect();
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const labels = [...document.querySelectorAll(".edge-label")];
    const others = [
      ...[...document.querySelectorAll(".react-flow__node")].map(
        (n) => [`node ${n.getAttribute("data-id")}`, n] as const,
      ),
      ...[...document.querySelectorAll(".node__exposed")].map((n) => ["the caption", n] as const),
    ];
    const bad: string[] = [];
    labels.forEach((l, i) => {
      const r = rect(l);
      for (const [name, o] of others) if (meet(r, rect(o))) bad.push(`${l.textContent} over ${name}`);
      for (const m of labels.slice(i + 1)) if (meet(r, rect(m))) bad.push(`${l.textContent} over ${m.textContent}`);
    });
    return bad;
  });
}
