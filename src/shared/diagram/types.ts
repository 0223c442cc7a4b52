// A diagram as plain data: boxes, routed edges, placed labels, VPC frames and tier captions. The
// app draws it with React Flow, the SVG writer with text: both from the same numbers.
import type { FlowEdge } from "../engine/types";
import type { Box, Point } from "./geometry";

export type Exposure = FlowEdge["exposure"];

export interface DiagramNode {
  id: string;
  /** A resource or party kind, or "group" at group level. */
  kind: string;
  name: string;
  external: boolean;
  addresses: string[];
  groups: string[];
  vpcId?: string;
  box: Box;
  /** Reached by a flow from the whole Internet: ringed. */
  exposed: boolean;
  /** "all outbound", or the traffic it may send anywhere: drawn on the node instead of edges. */
  outbound?: string;
}

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  exposure: Exposure;
  points: Point[];
  /** A memberless group's own rules, one-sided (engine/rules-only.ts): drawn dash-dotted. */
  rulesOnly?: boolean;
  /** Where the label is drawn; absent when labels are not drawn. */
  labelBox?: Box;
}

export interface DiagramFrame {
  id: string;
  name: string;
  box: Box;
}

export interface TierCaption {
  text: string;
  /** The text's baseline start. */
  at: Point;
  /** Where it is drawn: labels keep clear of it. */
  box: Box;
}

export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  frames: DiagramFrame[];
  captions: TierCaption[];
  bounds: Box;
}
