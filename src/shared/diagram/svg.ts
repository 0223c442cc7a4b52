// The one SVG writer: the app's SVG export and `palisade draw` (and its PNG, rasterized from
// this text) alike. Each node is a <g data-node="id"> around its box <rect>, each edge a <path
// data-edge data-from data-to>, each label a <g data-label> around its box: for people who
// post-process diagrams. Colours are the app's light theme (src/renderer/styles.css).
import { edgeDash } from "./dashes";
import { pathOf } from "./geometry";
import { ADDRESS_GAP, addressWidth, wrapRows } from "./measure";
import type { Diagram, DiagramNode, Exposure } from "./types";

export const COLOURS = {
  canvas: "#fbfbfc",
  node: "#ffffff",
  nodeBorder: "#c5cbd4",
  external: "#fff8ec",
  externalBorder: "#d9a441",
  text: "#1c2330",
  muted: "#5d6776",
  chip: "#e7eefc",
  chipText: "#1e3a8a",
  frame: "#8a94a3",
  ring: "#dc4a1a",
  edge: { internet: "#dc4a1a", external: "#c77d0a", internal: "#4b6bcc", sameGroup: "#7c8896" } as Record<
    Exposure,
    string
  >,
};

const KIND_TITLES: Record<string, string> = {
  instance: "Instance",
  loadBalancer: "Load balancer",
  database: "Database",
  function: "Function",
  containerService: "Container service",
  endpoint: "Endpoint",
  internet: "Internet",
  myIp: "My IP",
  cidr: "Named CIDR",
  group: "Security group",
};

const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
const MONO = "DejaVu Sans Mono, Liberation Mono, Menlo, Consolas, monospace";

export const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const n = (v: number) => String(Math.round(v * 10) / 10);

/** Cuts a text to about `px` pixels of 11px type, with an ellipsis. */
function clip(text: string, px: number, perChar = 6.4): string {
  const max = Math.floor(px / perChar);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function nodeSvg(node: DiagramNode): string {
  const { x, y, width, height } = node.box;
  const fill = node.external ? COLOURS.external : COLOURS.node;
  const stroke = node.external ? COLOURS.externalBorder : COLOURS.nodeBorder;
  const parts: string[] = [];
  parts.push(`<g data-node="${escapeXml(node.id)}" data-kind="${escapeXml(node.kind)}">`);
  if (node.exposed)
    parts.push(
      `<rect class="ring" x="${n(x - 5)}" y="${n(y - 5)}" width="${n(width + 10)}" height="${n(height + 10)}" rx="14" fill="none" stroke="${COLOURS.ring}" stroke-width="2.5"/>`,
    );
  parts.push(
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="${node.external ? 22 : 10}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${node.external ? ' stroke-dasharray="5 3"' : ""}/>`,
  );
  let line = y + 8 + 12;
  parts.push(
    `<text x="${n(x + 10)}" y="${n(line)}" font-family="${FONT}" font-size="11" fill="${COLOURS.muted}">${escapeXml(KIND_TITLES[node.kind] ?? node.kind)}</text>`,
  );
  line += 19;
  parts.push(
    `<text x="${n(x + 10)}" y="${n(line)}" font-family="${FONT}" font-size="14" font-weight="bold" fill="${COLOURS.text}">${escapeXml(clip(node.name, width - 20, 8.6))}</text>`,
  );
  // Addresses wrap as the app's do (measure.ts), so that the box's height fits them.
  for (const row of wrapRows(node.addresses.map(addressWidth), ADDRESS_GAP)) {
    line += 15;
    const text = row.map((i) => node.addresses[i] as string).join("  ");
    parts.push(
      `<text x="${n(x + 10)}" y="${n(line)}" font-family="${MONO}" font-size="11" fill="${COLOURS.muted}" xml:space="preserve">${escapeXml(clip(text, width - 20, 6.7))}</text>`,
    );
  }
  if (!node.external && node.kind !== "group") {
    line += 8;
    let cx = x + 10;
    const chips = node.groups.length === 0 ? [] : node.groups;
    if (chips.length === 0)
      parts.push(
        `<text x="${n(cx)}" y="${n(line + 12)}" font-family="${FONT}" font-size="11" font-style="italic" fill="${COLOURS.muted}">no security group</text>`,
      );
    for (const g of chips) {
      const text = clip(g, width - 40);
      const w = text.length * 6.4 + 14;
      if (cx + w > x + width - 10 && cx > x + 10) {
        cx = x + 10;
        line += 19;
      }
      parts.push(
        `<rect x="${n(cx)}" y="${n(line)}" width="${n(w)}" height="17" rx="8.5" fill="${COLOURS.chip}"/><text x="${n(cx + 7)}" y="${n(line + 12.5)}" font-family="${FONT}" font-size="11" fill="${COLOURS.chipText}">${escapeXml(text)}</text>`,
      );
      cx += w + 4;
    }
    line += 19;
  }
  if (node.outbound) {
    // At the head's right, as the app draws it: the node is no taller for it.
    const text = `↗ ${clip(node.outbound, 90, 6)}`;
    const w = text.length * 6 + 12;
    const left = x + width - 10 - w;
    parts.push(
      `<g data-outbound="${escapeXml(node.id)}"><rect x="${n(left)}" y="${n(y + 7)}" width="${n(w)}" height="16" rx="8" fill="none" stroke="${COLOURS.edge.external}" stroke-dasharray="3 2"/><text x="${n(left + 6)}" y="${n(y + 18.5)}" font-family="${FONT}" font-size="10.5" fill="${COLOURS.edge.external}">${escapeXml(text)}</text></g>`,
    );
  }
  parts.push("</g>");
  return parts.join("");
}

export function diagramSvg(d: Diagram, options: { title?: string; margin?: number } = {}): string {
  const m = options.margin ?? 32;
  const x0 = d.bounds.x - m;
  const y0 = d.bounds.y - m;
  const width = Math.max(1, Math.ceil(d.bounds.width + 2 * m));
  const height = Math.max(1, Math.ceil(d.bounds.height + 2 * m));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(x0)} ${n(y0)} ${width} ${height}">`,
  );
  if (options.title) out.push(`<title>${escapeXml(options.title)}</title>`);
  out.push("<defs>");
  for (const [exposure, colour] of Object.entries(COLOURS.edge))
    out.push(
      `<marker id="arrow-${exposure}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${colour}"/></marker>`,
    );
  out.push("</defs>");
  out.push(`<rect x="${n(x0)}" y="${n(y0)}" width="${width}" height="${height}" fill="${COLOURS.canvas}"/>`);
  for (const f of d.frames)
    out.push(
      `<g data-frame="${escapeXml(f.id)}"><rect x="${n(f.box.x)}" y="${n(f.box.y)}" width="${n(f.box.width)}" height="${n(f.box.height)}" rx="14" fill="none" stroke="${COLOURS.frame}" stroke-width="1.2" stroke-dasharray="8 4"/><text x="${n(f.box.x + 12)}" y="${n(f.box.y + 16)}" font-family="${FONT}" font-size="12" font-weight="bold" fill="${COLOURS.muted}">VPC ${escapeXml(f.name)}</text></g>`,
    );
  for (const c of d.captions)
    out.push(
      `<text data-caption="" x="${n(c.at.x)}" y="${n(c.at.y)}" font-family="${FONT}" font-size="11" font-weight="bold" fill="${COLOURS.ring}">${escapeXml(c.text)}</text>`,
    );
  for (const e of d.edges) {
    const colour = COLOURS.edge[e.exposure];
    const dash = edgeDash(e.exposure, e.rulesOnly);
    out.push(
      `<path data-edge="${escapeXml(e.id)}" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}" d="${pathOf(e.points)}" fill="none" stroke="${colour}" stroke-width="${e.exposure === "internet" ? 2.2 : 1.6}"${dash ? ` stroke-dasharray="${dash}"` : ""} marker-end="url(#arrow-${e.exposure})"/>`,
    );
  }
  for (const node of d.nodes) out.push(nodeSvg(node));
  for (const e of d.edges) {
    const b = e.labelBox;
    if (!b) continue;
    const colour = COLOURS.edge[e.exposure];
    out.push(
      `<g data-label="${escapeXml(e.id)}"><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="8" fill="#ffffff" stroke="${colour}"/><text x="${n(b.x + b.width / 2)}" y="${n(b.y + 13)}" text-anchor="middle" font-family="${FONT}" font-size="11" fill="${colour}">${escapeXml(e.label)}</text></g>`,
    );
  }
  out.push("</svg>");
  return out.join("\n");
}
