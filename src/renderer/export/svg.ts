// The canvas as an SVG through the one SVG writer (src/shared/diagram/svg.ts), the same text
// `palisade draw` writes: the design's positions, its flows routed around the boxes, each node a
// <g data-node>, each flow a <path data-edge data-from data-to>, each label a <g data-label>.
import { diagramOf, diagramSvg } from "../../shared/diagram";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design } from "../../shared/model";
import { downloadText } from "../file/download";

export function diagramSvgOf(design: Design, flows: readonly FlowEdge[], showOutbound: boolean): string {
  return diagramSvg(diagramOf(design, { flows, showOutbound }), { title: design.name });
}

export function exportDiagramSvg(
  design: Design,
  flows: readonly FlowEdge[],
  showOutbound: boolean,
  baseName: string,
): void {
  downloadText(`${baseName}.svg`, diagramSvgOf(design, flows, showOutbound), "image/svg+xml");
}
