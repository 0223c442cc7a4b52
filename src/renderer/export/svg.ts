// The canvas as an SVG through the one SVG writer (src/shared/diagram/svg.ts), the same text
// `palisade draw` writes: the design's positions, its flows routed around the boxes, each node a
// <g data-node>, each flow a <path data-edge data-from data-to>, each label a <g data-label>.
// At group level, the groups as the group view places them (and `draw --level group`).
import { diagramOf, diagramSvg } from "../../shared/diagram";
import type { GroupFlow } from "../../shared/engine/group-flows";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design } from "../../shared/model";
import { downloadText } from "../file/download";

/** What is drawn: the node flows, or at group level the group flows the canvas shows. */
export type Shown =
  | { level: "node"; flows: readonly FlowEdge[] }
  | { level: "group"; groupFlows: readonly GroupFlow[] };

export function diagramSvgOf(design: Design, shown: Shown, showOutbound: boolean): string {
  const options =
    shown.level === "group"
      ? { level: "group" as const, groupFlows: shown.groupFlows, showOutbound }
      : { flows: shown.flows, showOutbound };
  return diagramSvg(diagramOf(design, options), { title: design.name });
}

export function exportDiagramSvg(design: Design, shown: Shown, showOutbound: boolean, baseName: string): void {
  downloadText(`${baseName}.svg`, diagramSvgOf(design, shown, showOutbound), "image/svg+xml");
}
