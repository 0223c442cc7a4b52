// What both canvases (nodes, security groups) draw around the design: the dotted background, the
// zoom controls and, up to MINIMAP_LIMIT nodes, the minimap the person can turn off. `children`
// are overlays of the canvas's own, drawn above the background.
import { Background, Controls, MiniMap } from "@xyflow/react";
import type { ReactNode } from "react";
import { useView } from "../state/store";
import { MINIMAP_LIMIT } from "./toFlow";

/** React Flow's own options for both canvases; the same object on every render (see Canvas.tsx). */
export const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 150, height: 100 };

export function CanvasChrome({ nodeCount, children }: { nodeCount: number; children?: ReactNode }) {
  const minimap = useView((s) => s.minimap);
  return (
    <>
      <Background gap={24} />
      {children}
      {minimap && nodeCount <= MINIMAP_LIMIT && <MiniMap pannable zoomable ariaLabel="Minimap" style={MINIMAP_STYLE} />}
      <Controls showInteractive={false} />
    </>
  );
}
