// The group level of a dense canvas: security groups as nodes, with the outside parties and any
// resource without a group, and one edge per pair of groups that talk (groupFlows), labelled
// with the services and how many node pairs it stands for. Groups are plain nodes here, never
// React Flow parents: a resource may be in several groups.
import type { Edge, Node } from "@xyflow/react";
import { MarkerType, Position as Side } from "@xyflow/react";
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

/** The level drawn: the user's choice, else by density; always groups when node flows are withheld. */
export function canvasLevel(
  choice: "nodes" | "groups" | undefined,
  flowCount: number,
  withheld = false,
): "nodes" | "groups" {
  if (withheld) return "groups";
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

/**
 * Past this many ends ELK's layered layout takes seconds to tens of seconds (in its worker, but
 * with nothing placed meanwhile); the groups are then placed where their members are instead.
 */
export const LAYOUT_LIMIT = 300;

/** Node-canvas places are spread apart at the group level, where edge labels need the room between nodes. */
export const SPREAD = { x: 1.6, y: 1.2 };

/** Each end at the middle of its members' places (spread) on the node canvas; ends with no member in a column to the left. */
export function placeByMembers(
  design: Pick<Design, "resources" | "externals">,
  ids: readonly string[],
): Map<string, Position> {
  const sum = new Map<string, { x: number; y: number; n: number }>();
  const add = (id: string, p: Position) => {
    const s = sum.get(id) ?? { x: 0, y: 0, n: 0 };
    sum.set(id, { x: s.x + p.x, y: s.y + p.y, n: s.n + 1 });
  };
  for (const r of design.resources) {
    add(r.id, r.position);
    for (const g of r.groupIds) add(g, r.position);
  }
  for (const e of design.externals) add(e.id, e.position);
  const out = new Map<string, Position>();
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  for (const id of ids) {
    const s = sum.get(id);
    if (!s) continue;
    const p = { x: Math.round((s.x / s.n) * SPREAD.x), y: Math.round((s.y / s.n) * SPREAD.y) };
    out.set(id, p);
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
  }
  const column = (Number.isFinite(left) ? left : 0) - GROUP_NODE_SIZE.width - 120;
  let row = Number.isFinite(top) ? top : 0;
  for (const id of ids) {
    if (out.has(id)) continue;
    out.set(id, { x: column, y: row });
    row += GROUP_NODE_SIZE.height + 40;
  }
  return out;
}

/** The ends' ids in the order they are drawn. */
export function groupEndIds(design: Design, flows: readonly GroupFlow[]): string[] {
  return [...ends(design, flows).keys()];
}

// Group nodes have one size and their anchors at the middle of the left and right sides; said
// up front, React Flow can cull them before it has measured them (it draws every unmeasured node).
const GROUP_HANDLES: NonNullable<Node["handles"]> = [
  { type: "target", position: Side.Left, x: 0, y: GROUP_NODE_SIZE.height / 2, width: 1, height: 1 },
  {
    type: "source",
    position: Side.Right,
    x: GROUP_NODE_SIZE.width,
    y: GROUP_NODE_SIZE.height / 2,
    width: 1,
    height: 1,
  },
];

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
    initialWidth: GROUP_NODE_SIZE.width,
    initialHeight: GROUP_NODE_SIZE.height,
    handles: GROUP_HANDLES,
    data: { ...data, highlighted: id === selectedGroup },
  }));
}

function exposureOf(design: Pick<Design, "externals">, from: string): FlowEdge["exposure"] {
  const external = design.externals.find((e) => e.id === from);
  if (!external) return "internal";
  return external.kind === "internet" ? "internet" : "external";
}

export function pairsLabel(flow: GroupFlow): string {
  return `${flow.label} · ${flow.pairs} pair${flow.pairs === 1 ? "" : "s"}`;
}

export function toGroupEdges(design: Pick<Design, "externals">, flows: readonly GroupFlow[]): Edge<EdgeData>[] {
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
