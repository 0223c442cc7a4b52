// The group level of a dense canvas: security groups as nodes, with the outside parties and any
// resource without a group, and one edge per pair of groups that talk (groupFlows), labelled
// with the services and how many node pairs it stands for. Groups are plain nodes here, never
// React Flow parents: a resource may be in several groups.
import type { Edge, Node } from "@xyflow/react";
import { MarkerType } from "@xyflow/react";
import type { GroupFlow } from "../../shared/engine/group-flows";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design, Position } from "../../shared/model";
import type { ElkGraph } from "../layout/graph";
import type { EdgeData } from "./toFlow";

/** Past this many node-to-node edges the canvas switches to group level by itself. */
export const DENSE_EDGES = 2000;

export const GROUP_NODE_SIZE = { width: 200, height: 84 };

export interface GroupNodeData extends Record<string, unknown> {
  name: string;
  /** "group", or the kind of an outside party or a groupless resource. */
  kind: string;
  members: number;
  detail: string;
  highlighted: boolean;
}

export function canvasLevel(choice: "nodes" | "groups" | undefined, flowCount: number): "nodes" | "groups" {
  return choice ?? (flowCount > DENSE_EDGES ? "groups" : "nodes");
}

/** The ends groupFlows names: groups, and the nodes that stand for themselves. */
function ends(design: Design, flows: readonly GroupFlow[]): Map<string, GroupNodeData> {
  const out = new Map<string, GroupNodeData>();
  const members = new Map<string, number>();
  for (const r of design.resources) for (const g of r.groupIds) members.set(g, (members.get(g) ?? 0) + 1);
  for (const g of design.groups) {
    const n = members.get(g.id) ?? 0;
    out.set(g.id, {
      name: g.name,
      kind: "group",
      members: n,
      detail: `${n} member${n === 1 ? "" : "s"} · ${g.ingress.length} in, ${g.egress.length} out`,
      highlighted: false,
    });
  }
  for (const e of design.externals)
    out.set(e.id, { name: e.name, kind: e.kind, members: 1, detail: e.cidrs.join(", "), highlighted: false });
  const named = new Set(flows.flatMap((f) => [f.fromKind === "node" ? f.from : "", f.toKind === "node" ? f.to : ""]));
  for (const r of design.resources)
    if (named.has(r.id))
      out.set(r.id, { name: r.name, kind: r.kind, members: 1, detail: "no security group", highlighted: false });
  return out;
}

export function toGroupNodes(
  design: Design,
  flows: readonly GroupFlow[],
  layout: ReadonlyMap<string, Position>,
  selectedGroup?: string,
): Node<GroupNodeData>[] {
  const saved = new Map(design.groups.flatMap((g) => (g.position ? [[g.id, g.position] as const] : [])));
  return [...ends(design, flows)].map(([id, data]) => ({
    id,
    // Not "group": React Flow styles that built-in type as a parent frame.
    type: "securityGroup",
    ariaLabel: data.kind === "group" ? `security group ${data.name}` : `${data.kind} ${data.name}`,
    position: saved.get(id) ?? layout.get(id) ?? { x: 0, y: 0 },
    selected: id === selectedGroup,
    data: { ...data, highlighted: id === selectedGroup },
  }));
}

function exposureOf(design: Design, from: string): FlowEdge["exposure"] {
  const external = design.externals.find((e) => e.id === from);
  if (!external) return "internal";
  return external.kind === "internet" ? "internet" : "external";
}

export function pairsLabel(flow: GroupFlow): string {
  return `${flow.label} · ${flow.pairs} pair${flow.pairs === 1 ? "" : "s"}`;
}

export function toGroupEdges(design: Design, flows: readonly GroupFlow[]): Edge<EdgeData>[] {
  const ids = new Set(flows.map((f) => f.id));
  return flows
    .filter((f) => f.from !== f.to)
    .map((f) => {
      const exposure = exposureOf(design, f.from);
      return {
        id: `group:${f.id}`,
        source: f.from,
        target: f.to,
        type: "flow",
        selectable: false,
        markerEnd: { type: MarkerType.ArrowClosed, color: `var(--edge-${exposure})`, width: 18, height: 18 },
        data: {
          label: pairsLabel(f),
          exposure,
          active: false,
          paired: ids.has(`${f.to}->${f.from}`),
          showLabel: true,
          sourceHeight: GROUP_NODE_SIZE.height,
          targetHeight: GROUP_NODE_SIZE.height,
        },
      };
    });
}

/** The group level as an ELK graph, for placing groups that have no saved position. */
export function groupElkGraph(design: Design, flows: readonly GroupFlow[]): ElkGraph {
  const nodes = [...ends(design, flows).keys()];
  const outside = new Set(design.externals.map((e) => e.id));
  return {
    id: "groups",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": "40",
      // Room between layers for the labels, which carry services and pair counts.
      "elk.layered.spacing.nodeNodeBetweenLayers": "260",
    },
    children: nodes.map((id) => ({
      id,
      ...GROUP_NODE_SIZE,
      ...(outside.has(id) ? { layoutOptions: { "elk.layered.layering.layerConstraint": "FIRST" } } : {}),
    })),
    edges: flows.filter((f) => f.from !== f.to).map((f) => ({ id: f.id, sources: [f.from], targets: [f.to] })),
  };
}
