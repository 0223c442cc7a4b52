// Where an edge leaves and enters its nodes: the sides that face each other, so a flow to a
// node on the left does not loop around. The two directions of one pair are drawn apart.
import { Position } from "@xyflow/react";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Anchors {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  sourcePosition: Position;
  targetPosition: Position;
}

/** Pixels between the two directions of a flow between the same two nodes. */
const APART = 12;

/** `paired`: a flow in the other direction exists; `sourceFirst` tells the two apart. */
export function floatingAnchors(source: Box, target: Box, sourceFirst: boolean, paired = true): Anchors {
  const sc = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const tc = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const dx = tc.x - sc.x;
  const dy = tc.y - sc.y;
  // One direction of a pair runs a little above (or left of) the line, the other below it.
  const shift = !paired ? 0 : sourceFirst ? -APART : APART;
  if (Math.abs(dx) >= Math.abs(dy)) {
    const right = dx >= 0;
    return {
      sx: right ? source.x + source.width : source.x,
      sy: sc.y + shift,
      tx: right ? target.x : target.x + target.width,
      ty: tc.y + shift,
      sourcePosition: right ? Position.Right : Position.Left,
      targetPosition: right ? Position.Left : Position.Right,
    };
  }
  const down = dy >= 0;
  return {
    sx: sc.x + shift,
    sy: down ? source.y + source.height : source.y,
    tx: tc.x + shift,
    ty: down ? target.y : target.y + target.height,
    sourcePosition: down ? Position.Bottom : Position.Top,
    targetPosition: down ? Position.Top : Position.Bottom,
  };
}
