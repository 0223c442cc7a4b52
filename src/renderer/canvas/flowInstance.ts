// The React Flow instance, for commands that run outside components (fit view, export, layout).
import type { ReactFlowInstance } from "@xyflow/react";

let instance: ReactFlowInstance | undefined;

export function setFlowInstance(i: ReactFlowInstance): void {
  instance = i;
}

export function flowInstance(): ReactFlowInstance | undefined {
  return instance;
}

export const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
