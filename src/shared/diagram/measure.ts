// Sizes of what is drawn, estimated from text lengths: the CLI has no browser to measure with,
// and the app's CSS (src/renderer/styles.css: .node, .edge-label) uses the same fonts and sizes.
import type { Box } from "./geometry";

export const NODE_WIDTH = 200;

/** Average advance of an 11px sans-serif character (digits and lower case), rounded up. */
const CHAR_11 = 6.4;
const MONO_11 = 6.7;

export const LABEL_HEIGHT = 18;

export function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(text.length * CHAR_11) + 16, height: LABEL_HEIGHT };
}

export interface NodeContent {
  external: boolean;
  addresses: readonly string[];
  groups: readonly string[];
  outbound?: string;
}

const INNER = NODE_WIDTH - 20;

/** Items wrapped into rows of INNER pixels, as CSS's flex-wrap does: the indexes of each row's items. */
export function wrapRows(widths: readonly number[], gap: number): number[][] {
  const out: number[][] = [];
  let used = Number.POSITIVE_INFINITY;
  widths.forEach((w, i) => {
    if (used + gap + w > INNER) {
      out.push([i]);
      used = w;
    } else {
      out[out.length - 1]?.push(i);
      used += gap + w;
    }
  });
  return out;
}

export const ADDRESS_GAP = 8;
export const addressWidth = (a: string): number => a.length * MONO_11;

const rows = (widths: readonly number[], gap: number): number => wrapRows(widths, gap).length;

/** A node's height as the app's CSS lays it out: head (with the outbound marker), name, addresses, group chips. */
export function nodeHeight(n: NodeContent): number {
  let h = 16 + 3 + 16 + 21; // padding and border, head, name
  h +=
    rows(
      n.addresses.map((a) => a.length * MONO_11),
      8,
    ) * 15;
  if (!n.external) h += 6 + rows(n.groups.length === 0 ? [90] : n.groups.map((g) => g.length * CHAR_11 + 26), 4) * 19;
  return Math.ceil(h);
}

/** "Reached from the Internet", in 11px bold: where a tier's caption is, for labels to keep clear of. */
export function captionBox(text: string, baseline: { x: number; y: number }): Box {
  return { x: baseline.x, y: baseline.y - 11, width: Math.ceil(text.length * 7), height: 14 };
}

/**
 * The app's caption above a ringed node (styles.css .node__exposed: 10px bold, right-aligned,
 * 24px above the box), as a box: labels are placed clear of it.
 */
export function nodeCaptionBox(node: Box): Box {
  const width = Math.ceil(EXPOSED_CAPTION.length * 6.4);
  return { x: node.x + node.width - width, y: node.y - 24, width, height: 14 };
}

export const EXPOSED_CAPTION = "Reached from the Internet";
