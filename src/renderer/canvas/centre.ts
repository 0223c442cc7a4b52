// Bring a node into view at the centre of the canvas (a finding or a search result chosen).
import { flowInstance } from "./flowInstance";

const reducedMotion = () => typeof matchMedia !== "undefined" && matchMedia("(prefers-reduced-motion: reduce)").matches;

export function centreOn(nodeId: string): void {
  const flow = flowInstance();
  const node = flow?.getInternalNode(nodeId);
  if (!flow || !node) return;
  const { x, y } = node.internals.positionAbsolute;
  const w = node.measured.width ?? 200;
  const h = node.measured.height ?? 84;
  void flow.setCenter(x + w / 2, y + h / 2, {
    zoom: Math.max(flow.getZoom(), 0.9),
    duration: reducedMotion() ? 0 : 300,
  });
}
