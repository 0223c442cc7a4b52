// What the palette puts on a drag: a kind of node to create, or a security group to attach.
import type { ExternalKind, ResourceKind } from "../../shared/model";

export const DRAG_TYPE = "application/x-palisade";

export type DragPayload =
  | { type: "resource"; kind: ResourceKind }
  | { type: "external"; kind: ExternalKind }
  | { type: "group"; groupId: string }
  | { type: "newGroup" };

export function readPayload(data: DataTransfer): DragPayload | undefined {
  const text = data.getData(DRAG_TYPE);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as DragPayload;
  } catch {
    return undefined;
  }
}

export function startDrag(e: React.DragEvent, payload: DragPayload): void {
  e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(payload));
  e.dataTransfer.effectAllowed = "copy";
}
