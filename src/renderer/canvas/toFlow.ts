// The canvas as a function of the design and the engine's flows: React Flow nodes and edges.
// Group membership is many-to-many, so groups are chips on nodes, never React Flow parents.
import { type Edge, MarkerType, type Node, Position } from "@xyflow/react";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design, ExternalKind, ResourceKind } from "../../shared/model";
import { shownAddresses } from "../../shared/model/unknowns";
import {
  addressesOf,
  canvasEnd,
  type InterfaceRow,
  interfaceRows,
  ROW_HEIGHT,
  ROWS_TOP,
  rowHandle,
  rowHandles,
  sameRows,
} from "./interfaceRows";

export interface NodeData extends Record<string, unknown> {
  kind: ResourceKind | ExternalKind;
  name: string;
  external: boolean;
  addresses: string[];
  groups: { id: string; name: string }[];
  /** An instance with several network interfaces: a row each, eth0 first (interfaceRows.ts). */
  interfaces?: InterfaceRow[];
  /** A member of the selected group. */
  highlighted: boolean;
  /** The side where the asked-about flow is dropped: the client would see a timeout here. */
  timeout: boolean;
  /** The source or target of the current question. */
  asked?: "source" | "target";
  /** "all outbound" (AWS's default egress) or what else it may send anywhere: a marker, not lines. */
  outbound?: string;
  /** The whole Internet reaches it: ringed. */
  exposed?: boolean;
  /** Its VPC: drawn inside that VPC's frame (VpcFrames.tsx). */
  vpcId?: string;
}

export interface EdgeData extends Record<string, unknown> {
  label: string;
  exposure: FlowEdge["exposure"];
  active: boolean;
  /** A flow in the other direction exists too: the two are drawn apart. */
  paired: boolean;
  /** Labels of thousands of edges are unreadable and slow: past LABEL_LIMIT only marked edges show theirs. */
  showLabel: boolean;
  /** Measured node heights, for anchoring on the top and bottom sides. */
  sourceHeight?: number;
  targetHeight?: number;
  /** The flow's ends where they are not the nodes (an interface: "web/eth1"), for the reader. */
  fromEnd?: string;
  toEnd?: string;
  /** At group level: a memberless group's own rules (engine/rules-only.ts), drawn dash-dotted. */
  rulesOnly?: boolean;
}

/**
 * Past this many nodes the minimap is not drawn: it watches each node apart, which costs on every
 * frame of a pan (thousands of checks per frame), and at that size shows specks.
 */
export const MINIMAP_LIMIT = 2000;

/** Above this many edges, labels show only on the edges of the selection, the hovered and the selected edge. */
export const LABEL_LIMIT = 400;

export interface CanvasMarks {
  selectedNodes: ReadonlySet<string>;
  highlightGroup?: string;
  timeoutAt?: string;
  askFrom?: string;
  askTo?: string;
  /** Outbound-to-anywhere markers by node (src/shared/diagram/outbound.ts). */
  outbound?: ReadonlyMap<string, string>;
  /** What the whole Internet reaches. */
  exposed?: ReadonlySet<string>;
}

/** A node's width (fixed in CSS) and usual height: where a node is before React Flow measures it. */
export const NODE_SIZE = { width: 200, height: 84 };

// Nominal anchors (the sides' middles, the intent handle under the node): with them React Flow
// can cull nodes it has not yet measured, instead of drawing every one of thousands to measure it.
// The anchor handles come before the intent handle, so edges use those.
export const NODE_HANDLES: NonNullable<Node["handles"]> = [
  { type: "target", position: Position.Left, x: 0, y: NODE_SIZE.height / 2, width: 1, height: 1 },
  { type: "source", position: Position.Right, x: NODE_SIZE.width, y: NODE_SIZE.height / 2, width: 1, height: 1 },
  {
    id: "intent",
    type: "source",
    position: Position.Bottom,
    x: NODE_SIZE.width / 2 - 7,
    y: NODE_SIZE.height - 7,
    width: 14,
    height: 14,
  },
];
const unmeasured = { initialWidth: NODE_SIZE.width, initialHeight: NODE_SIZE.height, handles: NODE_HANDLES };

/** A node with rows before it is measured: taller, with a target and a source handle per row. */
function rowGeometry(rows: readonly InterfaceRow[]) {
  return {
    initialHeight: ROWS_TOP + rows.length * ROW_HEIGHT + 8,
    handles: rowHandles(
      NODE_HANDLES,
      rows.map((r) => r.device),
      NODE_SIZE.width,
    ),
  };
}

/**
 * The last node or edge made of each design node or flow object, to be given back while the
 * object and what else went into it are unchanged: an edit converts only what it changed, and
 * React Flow sees the same objects for the rest. Kept by the canvas across renders.
 */
export type DerivedCache<T> = WeakMap<object, T>;

const sameGroups = (made: NodeData["groups"], ids: readonly string[], names: ReadonlyMap<string, string>): boolean =>
  made.length === ids.length && made.every((g, i) => g.id === ids[i] && g.name === (names.get(g.id) ?? g.id));

export function toNodes(
  design: Design,
  marks: CanvasMarks,
  cache: DerivedCache<Node<NodeData>> = new WeakMap(),
): Node<NodeData>[] {
  const groupNames = new Map(design.groups.map((g) => [g.id, g.name]));
  const asked = (id: string): NodeData["asked"] =>
    marks.askFrom === id ? "source" : marks.askTo === id ? "target" : undefined;
  // The marks are the same, and so (for a resource) are the names of its groups.
  const unchanged = (
    made: Node<NodeData> | undefined,
    id: string,
    highlighted: boolean,
    groupIds?: readonly string[],
  ) =>
    made !== undefined &&
    made.selected === marks.selectedNodes.has(id) &&
    made.data.highlighted === highlighted &&
    made.data.timeout === (marks.timeoutAt === id) &&
    made.data.asked === asked(id) &&
    made.data.outbound === marks.outbound?.get(id) &&
    (made.data.exposed ?? false) === (marks.exposed?.has(id) ?? false) &&
    (groupIds === undefined || sameGroups(made.data.groups, groupIds, groupNames));
  const common = (id: string) => {
    const a = asked(id);
    const outbound = marks.outbound?.get(id);
    return {
      timeout: marks.timeoutAt === id,
      ...(a ? { asked: a } : {}),
      ...(outbound ? { outbound } : {}),
      ...(marks.exposed?.has(id) ? { exposed: true } : {}),
    };
  };
  const resources = design.resources.map((r): Node<NodeData> => {
    // Rows only for an instance with several interfaces: the others are converted as they always were.
    const rows = r.interfaces?.length ? interfaceRows(r, groupNames, marks.highlightGroup) : undefined;
    const highlighted = rows
      ? rows.some((row) => row.highlighted)
      : marks.highlightGroup !== undefined && r.groupIds.includes(marks.highlightGroup);
    const made = cache.get(r);
    if (unchanged(made, r.id, highlighted, r.groupIds) && sameRows(made!.data.interfaces, rows)) return made!;
    const node: Node<NodeData> = {
      id: r.id,
      type: "resource",
      ...unmeasured,
      ...(rows ? rowGeometry(rows) : {}),
      ariaLabel: rows ? `${r.kind} ${r.name}, ${rows.length} network interfaces` : `${r.kind} ${r.name}`,
      position: r.position,
      selected: marks.selectedNodes.has(r.id),
      data: {
        kind: r.kind,
        name: r.name,
        external: false,
        // A node with rows shows each interface's addresses and groups in its row.
        addresses: rows ? [] : addressesOf(r),
        groups: r.groupIds.map((id) => ({ id, name: groupNames.get(id) ?? id })),
        ...(rows ? { interfaces: rows } : {}),
        highlighted,
        ...(r.vpcId ? { vpcId: r.vpcId } : {}),
        ...common(r.id),
      },
    };
    cache.set(r, node);
    return node;
  });
  const externals = design.externals.map((e): Node<NodeData> => {
    const made = cache.get(e);
    if (unchanged(made, e.id, false)) return made!;
    const node: Node<NodeData> = {
      id: e.id,
      type: "external",
      ...unmeasured,
      ariaLabel: `${e.kind === "internet" ? "Internet" : e.kind === "myIp" ? "My IP" : "network"} ${e.name}`,
      position: e.position,
      selected: marks.selectedNodes.has(e.id),
      data: {
        kind: e.kind,
        name: e.name,
        external: true,
        addresses: shownAddresses(e),
        groups: [],
        highlighted: false,
        ...common(e.id),
      },
    };
    cache.set(e, node);
    return node;
  });
  return [...externals, ...resources];
}

// Flows are immutable and mostly the same objects edit after edit: the id of each one's reverse
// is made once, not a string per flow per edit.
const reverseIds = new WeakMap<object, string>();
/** The id of the flow the other way between the same two ends (ids are `${from}->${to}`). */
export function reverseId(f: { from: string; to: string }): string {
  let id = reverseIds.get(f);
  if (id === undefined) {
    id = `${f.to}->${f.from}`;
    reverseIds.set(f, id);
  }
  return id;
}

const NO_ROWS: ReadonlySet<string> = new Set();

/**
 * `rowNodes`: the nodes drawn with a row per interface (instances with several): a flow's line
 * ends at the handle of its interface's row there (eth0 for the resource's own end).
 */
export function toEdges(
  flows: readonly FlowEdge[],
  heights: ReadonlyMap<string, number> = new Map(),
  cache: DerivedCache<Edge<EdgeData>> = new WeakMap(),
  rowNodes: ReadonlySet<string> = NO_ROWS,
): Edge<EdgeData>[] {
  const ids = new Set<string>();
  for (const f of flows) ids.add(f.id);
  const showLabel = flows.length <= LABEL_LIMIT;
  const out: Edge<EdgeData>[] = [];
  for (const f of flows) {
    // A flow of a further interface ("web/eth1") ends at its instance's node: at the interface's
    // row where the node has rows, else its label says which interfaces.
    const from = canvasEnd(f.from);
    const to = canvasEnd(f.to);
    // A node's flow to itself (members of one group on one interface) has no line to draw.
    if (from.node === to.node) continue;
    const paired = ids.has(reverseId(f));
    const sourceHeight = heights.get(from.node);
    const targetHeight = heights.get(to.node);
    const sourceHandle = rowHandle(from, rowNodes);
    const targetHandle = rowHandle(to, rowNodes);
    const made = cache.get(f);
    if (
      made?.data &&
      made.sourceHandle === sourceHandle &&
      made.targetHandle === targetHandle &&
      made.data.paired === paired &&
      made.data.showLabel === showLabel &&
      made.data.sourceHeight === sourceHeight &&
      made.data.targetHeight === targetHeight
    ) {
      out.push(made);
      continue;
    }
    // Drawn at rows, the line says which interfaces; drawn at a node's side, the label must.
    const named = (from.device && !sourceHandle) || (to.device && !targetHandle);
    const edge: Edge<EdgeData> = {
      id: f.id,
      source: from.node,
      target: to.node,
      type: "flow",
      markerEnd: { type: MarkerType.ArrowClosed, color: `var(--edge-${f.exposure})`, width: 18, height: 18 },
      data: {
        label: named ? `${from.device ?? "eth0"} → ${to.device ?? "eth0"}: ${f.label}` : f.label,
        exposure: f.exposure,
        active: false,
        paired,
        showLabel,
        sourceHeight,
        targetHeight,
      },
    };
    // Set after, only where there are interfaces: spreads in the literal cost every one of thousands of flows.
    if (sourceHandle) edge.sourceHandle = sourceHandle;
    if (targetHandle) edge.targetHandle = targetHandle;
    if (from.device) (edge.data as EdgeData).fromEnd = f.from;
    if (to.device) (edge.data as EdgeData).toEnd = f.to;
    cache.set(f, edge);
    out.push(edge);
  }
  return out;
}

/**
 * The nodes' measured heights, by id: `prev` itself while none changed (a drag, a selection),
 * so that the edges, which anchor on them, are not derived again.
 */
export function measuredHeights(
  nodes: readonly Pick<Node, "id" | "measured">[],
  prev: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  let count = 0;
  let same = true;
  for (const n of nodes) {
    const h = n.measured?.height;
    if (!h) continue;
    count++;
    if (prev.get(n.id) !== h) {
      same = false;
      break;
    }
  }
  if (same && count === prev.size) return prev;
  const out = new Map<string, number>();
  for (const n of nodes) if (n.measured?.height) out.set(n.id, n.measured.height);
  return out;
}

/**
 * The edges with the selection and hover marked. Unmarked edges keep their identity, so React
 * Flow re-renders only what changed when the pointer moves over one of thousands of edges.
 */
export function markEdges(
  edges: readonly Edge<EdgeData>[],
  marks: { selectedEdge?: string; hoverEdge?: string; selectedNodes: ReadonlySet<string> },
): Edge<EdgeData>[] {
  return edges.map((e) => {
    const active = e.id === marks.selectedEdge || e.id === marks.hoverEdge;
    const touched = marks.selectedNodes.has(e.source) || marks.selectedNodes.has(e.target);
    if (!active && !(touched && !e.data?.showLabel)) return e;
    return {
      ...e,
      selected: e.id === marks.selectedEdge,
      data: { ...(e.data as EdgeData), active, showLabel: true },
    };
  });
}

/** Whether a design arrived without a layout (an import): every node at the same spot. */
export function needsLayout(design: Design): boolean {
  const nodes = [...design.resources, ...design.externals];
  if (nodes.length < 2) return false;
  const first = nodes[0]!.position;
  return nodes.every((n) => n.position.x === first.x && n.position.y === first.y);
}
