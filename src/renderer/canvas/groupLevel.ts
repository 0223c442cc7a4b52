// The group level of a dense canvas: security groups as nodes, with the outside parties and any
// resource without a group, and one edge per pair of groups that talk (groupFlows), labelled
// with the services and how many node pairs it stands for. Groups are plain nodes here, never
// React Flow parents: a resource may be in several groups.
import type { Edge, Node } from "@xyflow/react";
import { MarkerType, Position as Side } from "@xyflow/react";
import { GROUP_NODE_SIZE, groupFlowLabel, namedResources } from "../../shared/diagram/group-level";
import type { GroupFlow } from "../../shared/engine/group-flows";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design, Position } from "../../shared/model";
import { shownAddresses } from "../../shared/model/unknowns";
import { type EdgeData, reverseId } from "./toFlow";

/** Past this many node-to-node edges the canvas switches to group level by itself. */
export const DENSE_EDGES = 2000;

export { GROUP_NODE_SIZE };

export interface GroupNodeData extends Record<string, unknown> {
  name: string;
  /** "group", or the kind of an outside party or a groupless resource. */
  kind: string;
  members: number;
  detail: string;
  highlighted: boolean;
  /** A group's egress to anywhere ("all outbound"): a marker, its lines to outside parties left off. */
  outbound?: string;
  /** Reached by a flow from the whole Internet: ringed and captioned, as at node level. */
  exposed?: boolean;
  /** The VPC it is in (a group's, or a groupless resource's): framed, as at node level. */
  vpcId?: string;
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

/** How many resources each group is on. */
export function memberCounts(resources: Design["resources"]): Map<string, number> {
  const members = new Map<string, number>();
  for (const r of resources) for (const g of r.groupIds) members.set(g, (members.get(g) ?? 0) + 1);
  return members;
}

const groupData = (g: Design["groups"][number], n: number): GroupNodeData => ({
  name: g.name,
  kind: "group",
  members: n,
  detail: `${n} member${n === 1 ? "" : "s"} · ${g.ingress.length} in, ${g.egress.length} out`,
  highlighted: false,
  ...(g.vpcId ? { vpcId: g.vpcId } : {}),
});
const externalData = (e: Design["externals"][number]): GroupNodeData => ({
  name: e.name,
  kind: e.kind,
  members: 1,
  detail: shownAddresses(e).join(", "),
  highlighted: false,
});
const grouplessData = (r: Design["resources"][number]): GroupNodeData => ({
  name: r.name,
  kind: r.kind,
  members: 1,
  detail: "no security group",
  highlighted: false,
  ...(r.vpcId ? { vpcId: r.vpcId } : {}),
});

/**
 * Past this many ends the tiers make a strip too long to look at (a chain of 1,000 services is
 * 1,000 columns, a few groups on screen): the groups are then placed where their members are on
 * the node canvas instead, a picture the person already knows.
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

/**
 * The ends' ids in the order they are drawn; `prev` itself when they are the same ids (a rule
 * edit changes groups but rarely which ends there are), so that what follows them is kept.
 */
export function groupEndIds(design: Design, flows: readonly GroupFlow[], prev?: readonly string[]): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    ids.push(id);
  };
  for (const g of design.groups) add(g.id);
  for (const e of design.externals) add(e.id);
  const named = namedResources(flows);
  for (const r of design.resources) if (named.has(r.id)) add(r.id);
  if (prev && prev.length === ids.length && prev.every((id, i) => id === ids[i])) return prev as string[];
  return ids;
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

/** What a group node was made of, to give it back while that is unchanged. */
interface MadeGroupNode {
  node: Node<GroupNodeData>;
  members: number;
  position: Position;
  outbound: string | undefined;
  exposed: boolean;
}

/**
 * `cache` (kept by the canvas): the node made of each group, outside party or groupless resource
 * object, given back while the object, its member count, its place and the selection are the same.
 * `members`: memberCounts of the design's resources, computed once per change of the resources.
 * `outbound`: each group's outbound-to-anywhere marker (src/shared/diagram/outbound.ts, groupEnds).
 * `exposed`: the ends a flow from the whole Internet reaches.
 */
export function toGroupNodes(
  design: Design,
  flows: readonly GroupFlow[],
  layout: ReadonlyMap<string, Position>,
  selectedGroup?: string,
  cache: WeakMap<object, MadeGroupNode> = new WeakMap(),
  members: ReadonlyMap<string, number> = memberCounts(design.resources),
  outbound: ReadonlyMap<string, string> = new Map(),
  exposed: ReadonlySet<string> = new Set(),
): Node<GroupNodeData>[] {
  const out: Node<GroupNodeData>[] = [];
  const seen = new Set<string>();
  const place = (
    source: object,
    id: string,
    saved: Position | undefined,
    n: number,
    data: () => GroupNodeData,
  ): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const position = saved ?? layout.get(id) ?? ORIGIN;
    const selected = id === selectedGroup;
    const made = cache.get(source);
    const marker = outbound.get(id);
    const ringed = exposed.has(id);
    if (
      made &&
      made.members === n &&
      made.position === position &&
      made.node.selected === selected &&
      made.outbound === marker &&
      made.exposed === ringed
    ) {
      out.push(made.node);
      return;
    }
    const d = data();
    const node: Node<GroupNodeData> = {
      id,
      // Not "group": React Flow styles that built-in type as a parent frame.
      type: "securityGroup",
      ariaLabel: d.kind === "group" ? `security group ${d.name}` : `${d.kind} ${d.name}`,
      position,
      selected,
      initialWidth: GROUP_NODE_SIZE.width,
      initialHeight: GROUP_NODE_SIZE.height,
      handles: GROUP_HANDLES,
      data: {
        ...d,
        highlighted: selected,
        ...(marker ? { outbound: marker } : {}),
        ...(ringed ? { exposed: true } : {}),
      },
    };
    cache.set(source, { node, members: n, position, outbound: marker, exposed: ringed });
    out.push(node);
  };
  for (const g of design.groups) {
    const n = members.get(g.id) ?? 0;
    place(g, g.id, g.position, n, () => groupData(g, n));
  }
  for (const e of design.externals) place(e, e.id, undefined, 1, () => externalData(e));
  const named = namedResources(flows);
  for (const r of design.resources) if (named.has(r.id)) place(r, r.id, undefined, 1, () => grouplessData(r));
  return out;
}

const ORIGIN: Position = { x: 0, y: 0 };

function exposures(design: Pick<Design, "externals">): Map<string, FlowEdge["exposure"]> {
  return new Map(design.externals.map((e) => [e.id, e.kind === "internet" ? "internet" : "external"]));
}

/** `cache` (kept by the canvas): the edge made of each group flow object, given back while its pairing and exposure are the same. */
export function toGroupEdges(
  design: Pick<Design, "externals">,
  flows: readonly GroupFlow[],
  cache: WeakMap<object, Edge<EdgeData>> = new WeakMap(),
): Edge<EdgeData>[] {
  const ids = new Set<string>();
  for (const f of flows) ids.add(f.id);
  const exposureOf = exposures(design);
  const out: Edge<EdgeData>[] = [];
  for (const f of flows) {
    if (f.from === f.to) continue;
    // As `palisade draw --level group` colours it: from the Internet, to or from another outside party, or inside.
    const exposure = exposureOf.get(f.from) ?? (exposureOf.has(f.to) ? "external" : "internal");
    const paired = ids.has(reverseId(f));
    const made = cache.get(f);
    if (made?.data && made.data.exposure === exposure && made.data.paired === paired) {
      out.push(made);
      continue;
    }
    const edge: Edge<EdgeData> = {
      id: `group:${f.id}`,
      source: f.from,
      target: f.to,
      type: "flow",
      selectable: false,
      markerEnd: { type: MarkerType.ArrowClosed, color: `var(--edge-${exposure})`, width: 18, height: 18 },
      data: {
        label: groupFlowLabel(f),
        exposure,
        active: false,
        paired,
        showLabel: true,
        sourceHeight: GROUP_NODE_SIZE.height,
        targetHeight: GROUP_NODE_SIZE.height,
        ...(f.rulesOnly ? { rulesOnly: true } : {}),
      },
    };
    cache.set(f, edge);
    out.push(edge);
  }
  return out;
}
