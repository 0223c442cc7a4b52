// A design as a diagram, at node or group level: boxes (laid out by tier when the design has no
// layout, else where the person put them), routed lines with placed labels, outbound markers,
// VPC frames and the Internet's tier captioned. What `palisade draw` and the app's SVG export draw.

import { permittedFlows } from "../engine/flows";
import { type GroupFlow, groupFlows } from "../engine/group-flows";
import type { FlowEdge } from "../engine/types";
import type { Design } from "../model/schema";
import { shownAddresses } from "../model/unknowns";
import { Drawing } from "./drawing";
import type { Box, Point } from "./geometry";
import { GROUP_NODE_SIZE, groupFlowLabel, groupLevelEnds, namedResources, placeGroupLevel } from "./group-level";
import { type LayoutNode, layoutNodes, placeNear } from "./layout";
import { captionBox, EXPOSED_CAPTION, NODE_WIDTH, nodeHeight } from "./measure";
import { groupEnds, outboundOf } from "./outbound";
import type { Diagram, DiagramEdge, DiagramFrame, DiagramNode, Exposure, TierCaption } from "./types";

export interface DiagramOptions {
  level?: "node" | "group";
  /** Draw the flows that outbound-to-anywhere markers stand for. */
  showOutbound?: boolean;
  /** Lay out by tier even when the design has positions of its own. */
  relayout?: boolean;
  /** Flows already computed (the app's); computed here when absent. */
  flows?: readonly FlowEdge[];
  /** At group level: the group flows already computed (the app's); computed here when absent. */
  groupFlows?: readonly GroupFlow[];
}

/** Whether a design came without a layout (an import): its nodes share one spot. */
export function lacksLayout(nodes: readonly { position: Point }[]): boolean {
  if (nodes.length < 2) return false;
  const first = nodes[0]?.position as Point;
  return nodes.every((n) => n.position.x === first.x && n.position.y === first.y);
}

interface Part {
  node: Omit<DiagramNode, "box">;
  position?: Point;
}

export function diagramOf(design: Design, options: DiagramOptions = {}): Diagram {
  return options.level === "group" ? groupDiagram(design, options) : nodeDiagram(design, options);
}

function nodeDiagram(design: Design, options: DiagramOptions): Diagram {
  const flows = options.flows ?? permittedFlows(design);
  const { markers, hidden } = outboundOf(design, flows);
  const internet = new Set(design.externals.filter((e) => e.kind === "internet").map((e) => e.id));
  const exposed = new Set(flows.filter((f) => internet.has(f.from)).map((f) => f.to));
  const groupNames = new Map(design.groups.map((g) => [g.id, g.name]));
  const parts: Part[] = [
    ...design.externals.map((e) => ({
      node: {
        id: e.id,
        kind: e.kind,
        name: e.name,
        external: true,
        addresses: shownAddresses(e),
        groups: [],
        exposed: false,
      },
      position: e.position,
    })),
    ...design.resources.map((r) => {
      const outbound = markers.get(r.id);
      return {
        node: {
          id: r.id,
          kind: r.kind,
          name: r.name,
          external: false,
          addresses: [r.privateIpv4, r.ipv6, r.publicIpv4 && `public ${r.publicIpv4}`].filter((a): a is string => !!a),
          groups: r.groupIds.map((g) => groupNames.get(g) ?? g),
          exposed: exposed.has(r.id),
          ...(r.vpcId ? { vpcId: r.vpcId } : {}),
          ...(outbound ? { outbound } : {}),
        },
        position: r.position,
      };
    }),
  ];
  const shown = flows.filter((f) => f.from !== f.to && (options.showOutbound || !hidden.has(f.id)));
  const relayout = options.relayout ?? lacksLayout(parts.map((p) => ({ position: p.position as Point })));
  const sizes = new Map(parts.map((p) => [p.node.id, { width: NODE_WIDTH, height: nodeHeight(p.node) }]));
  const layoutIn = parts.map((p) => ({
    id: p.node.id,
    kind: p.node.kind,
    external: p.node.external,
    ...(p.node.vpcId ? { vpcId: p.node.vpcId } : {}),
    ...(sizes.get(p.node.id) as { width: number; height: number }),
  }));
  const at = relayout
    ? layoutNodes(layoutIn, shown)
    : placeNear(layoutIn, new Map(parts.flatMap((p) => (p.position ? [[p.node.id, p.position] as const] : []))), shown);
  return assemble(parts, shown, design, layoutIn, at);
}

function groupDiagram(design: Design, options: DiagramOptions): Diagram {
  const flows = options.groupFlows ?? groupFlows(design);
  // A group's own egress to anywhere is its marker here, as a resource's is at node level.
  const { markers, hidden } = outboundOf(design, flows, groupEnds(design));
  const internet = new Set(design.externals.filter((e) => e.kind === "internet").map((e) => e.id));
  const exposed = new Set(flows.filter((f) => internet.has(f.from)).map((f) => f.to));
  const members = new Map<string, number>();
  for (const r of design.resources) for (const g of r.groupIds) members.set(g, (members.get(g) ?? 0) + 1);
  const named = namedResources(flows);
  const parts: Part[] = [
    ...design.externals.map((e) => ({
      node: {
        id: e.id,
        kind: e.kind,
        name: e.name,
        external: true,
        addresses: shownAddresses(e),
        groups: [],
        exposed: false,
      },
    })),
    ...design.groups.map((g) => {
      const n = members.get(g.id) ?? 0;
      const outbound = markers.get(g.id);
      return {
        node: {
          id: g.id,
          kind: "group",
          name: g.name,
          external: false,
          addresses: [`${n} member${n === 1 ? "" : "s"} · ${g.ingress.length} in, ${g.egress.length} out`],
          groups: [],
          exposed: exposed.has(g.id),
          ...(g.vpcId ? { vpcId: g.vpcId } : {}),
          ...(outbound ? { outbound } : {}),
        },
        ...(g.position ? { position: g.position } : {}),
      };
    }),
    ...design.resources
      .filter((r) => named.has(r.id))
      .map((r) => ({
        node: {
          id: r.id,
          kind: r.kind,
          name: r.name,
          external: false,
          addresses: ["no security group"],
          groups: [],
          exposed: exposed.has(r.id),
          ...(r.vpcId ? { vpcId: r.vpcId } : {}),
        },
      })),
  ];
  const outside = new Set(design.externals.map((e) => e.id));
  const rulesOnly = new Set(flows.filter((f) => f.rulesOnly).map((f) => f.id));
  const edges: FlowEdge[] = flows
    .filter((f) => f.from !== f.to && (options.showOutbound || !hidden.has(f.id)))
    .map((f) => ({
      id: f.id,
      from: f.from,
      to: f.to,
      services: f.services,
      byFamily: {},
      families: [],
      label: groupFlowLabel(f),
      exposure: internet.has(f.from) ? "internet" : outside.has(f.from) || outside.has(f.to) ? "external" : "internal",
    }));
  // The app's group view places its ends with the same code (group-level.ts): the same picture.
  const ends = groupLevelEnds(design, flows);
  return assemble(parts, edges, design, ends, placeGroupLevel(ends, edges, options.relayout), rulesOnly);
}

/** The picture from its parts and their places: boxes, routed lines and placed labels, frames and captions. */
function assemble(
  parts: readonly Part[],
  flows: readonly FlowEdge[],
  design: Design,
  sized: readonly LayoutNode[],
  at: ReadonlyMap<string, Point>,
  rulesOnly: ReadonlySet<string> = new Set(),
): Diagram {
  const sizes = new Map(sized.map((n) => [n.id, { width: n.width, height: n.height }]));
  const nodes: DiagramNode[] = parts.map((p) => ({
    ...p.node,
    box: { ...(at.get(p.node.id) as Point), ...(sizes.get(p.node.id) ?? GROUP_NODE_SIZE) },
  }));
  const boxes = new Map(nodes.map((n) => [n.id, n.box]));
  const captions = captionsOf(nodes);
  const drawn = new Drawing().update(
    boxes,
    flows.map((f) => ({ id: f.id, from: f.from, to: f.to, label: f.label })),
    new Map(captions.map((c, i) => [`caption${i}`, c.box])),
  );
  const edges: DiagramEdge[] = [];
  for (const f of flows) {
    const d = drawn.get(f.id);
    if (!d) continue;
    edges.push({
      id: f.id,
      from: f.from,
      to: f.to,
      label: f.label,
      exposure: f.exposure as Exposure,
      points: d.points,
      ...(rulesOnly.has(f.id) ? { rulesOnly: true } : {}),
      ...(d.labelBox ? { labelBox: d.labelBox } : {}),
    });
  }
  const frames = framesOf(design, nodes);
  return {
    nodes,
    edges,
    frames,
    captions,
    bounds: boundsOf(
      [
        ...nodes.map((n) => n.box),
        ...frames.map((f) => f.box),
        ...edges.flatMap((e) => (e.labelBox ? [e.labelBox] : [])),
      ],
      captions,
    ),
  };
}

/** Room between a VPC's frame and its resources, and above them for the VPC's name. */
export const FRAME_PAD = 24;

export function framesOf(
  design: Pick<Design, "vpcs">,
  nodes: readonly Pick<DiagramNode, "vpcId" | "box">[],
): DiagramFrame[] {
  const frames: DiagramFrame[] = [];
  for (const v of design.vpcs) {
    const boxes = nodes.filter((n) => n.vpcId === v.id).map((n) => n.box);
    if (boxes.length === 0) continue;
    const b = boundsOf(boxes, []);
    frames.push({
      id: v.id,
      name: v.cidrIpv4 ? `${v.name || v.id} · ${v.cidrIpv4}` : v.name || v.id,
      box: {
        x: b.x - FRAME_PAD,
        y: b.y - FRAME_PAD - 16,
        width: b.width + 2 * FRAME_PAD,
        height: b.height + 2 * FRAME_PAD + 16,
      },
    });
  }
  return frames;
}

/** "Reached from the Internet" above the nodes the whole Internet reaches. */
export function captionsOf(nodes: readonly Pick<DiagramNode, "exposed" | "box">[]): TierCaption[] {
  const exposed = nodes.filter((n) => n.exposed).map((n) => n.box);
  if (exposed.length === 0) return [];
  const b = boundsOf(exposed, []);
  const at = { x: b.x, y: b.y - 12 };
  return [{ text: EXPOSED_CAPTION, at, box: captionBox(EXPOSED_CAPTION, at) }];
}

function boundsOf(boxes: readonly Box[], captions: readonly TierCaption[]): Box {
  let [x0, y0, x1, y1] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  for (const c of captions) {
    x0 = Math.min(x0, c.box.x);
    y0 = Math.min(y0, c.box.y);
    x1 = Math.max(x1, c.box.x + c.box.width);
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
