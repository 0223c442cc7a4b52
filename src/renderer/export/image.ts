// The canvas as a PNG or an SVG: the whole design, not only what is on screen, framed by the
// nodes' bounds (React Flow's documented recipe, with html-to-image).
import { getNodesBounds, getViewportForBounds, type Node } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";
import { downloadUrl } from "../file/download";

const PADDING = 0.08;

export async function exportCanvas(format: "png" | "svg", nodes: Node[], baseName: string): Promise<void> {
  const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
  if (!viewport || nodes.length === 0) throw new Error("there is nothing on the canvas to export");
  const bounds = getNodesBounds(nodes);
  const width = Math.max(640, Math.min(4096, Math.round(bounds.width * 1.2)));
  const height = Math.max(360, Math.min(4096, Math.round(bounds.height * 1.2)));
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, 0.2, 2, PADDING);
  const background = getComputedStyle(document.documentElement).getPropertyValue("--canvas-bg").trim() || "#ffffff";
  const options = {
    backgroundColor: background,
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
    // Only virtualised nodes are in the DOM; the caller turns that off for the export.
    filter: (el: HTMLElement) => !el.classList?.contains("react-flow__minimap"),
  };
  const url = format === "png" ? await toPng(viewport, options) : await toSvg(viewport, options);
  downloadUrl(`${baseName}.${format}`, url);
}
