// The canvas at group level: security groups and outside parties as nodes, flows between groups
// as edges. Laid out as `palisade draw --level group` lays it out (src/shared/diagram's
// group-level.ts: by tier, a view, not an edit), its lines routed around the boxes with their
// labels placed (routes.ts, as at node level); a group dragged by the user keeps its place in the
// design.

import {
  applyNodeChanges,
  type Edge,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
  ReactFlow,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { groupLevelEnds, placeGroupLevel, placeGroupLevelAfter } from "../../shared/diagram/group-level";
import { groupEnds, outboundOf } from "../../shared/diagram/outbound";
import type { GroupFlow } from "../../shared/engine/group-flows";
import type { Position } from "../../shared/model";
import { moveGroups } from "../actions/groupPositions";
import { IntentEdgeView } from "../intents/IntentEdgeView";
import { toGroupIntentEdges } from "../intents/intentEdges";
import { arrival } from "../state/arrival";
import { run } from "../state/commands";
import { useDerived, useDoc, useView, viewState } from "../state/store";
import { CanvasChrome, PRO_OPTIONS } from "./CanvasChrome";
import { useDerivedNodes } from "./derivedNodes";
import { useEdgeWindow } from "./edgeWindow";
import { FlowEdgeView } from "./FlowEdgeView";
import { fitAll } from "./flowInstance";
import { GroupNode } from "./GroupNode";
import {
  type GroupNodeData,
  groupEndIds,
  LAYOUT_LIMIT,
  memberCounts,
  placeByMembers,
  toGroupEdges,
  toGroupNodes,
} from "./groupLevel";
import { reuseById, sameEdge } from "./reuse";
import { useRoutedEdges } from "./routes";
import type { EdgeData } from "./toFlow";
import { VpcFrames } from "./VpcFrames";

const nodeTypes = { securityGroup: GroupNode };
const edgeTypes = { flow: FlowEdgeView, intent: IntentEdgeView };

const onPaneClick = () => viewState.set({ selection: { nodes: [] } });

/** The label each routed edge carries. */
const labelOf = (e: Edge<EdgeData>) => (e.data?.showLabel ? e.data.label : undefined);

const EMPTY: ReadonlyMap<string, Position> = new Map();

/** The same array as `prev` while the flows have the same ids, so that what follows them is kept. */
function sameIds(prev: readonly GroupFlow[], next: readonly GroupFlow[]): readonly GroupFlow[] {
  return prev.length === next.length && prev.every((f, i) => f.id === next[i]?.id) ? prev : next;
}

export function GroupCanvas() {
  const design = useDoc((s) => s.history.present);
  const flows = useDerived((s) => s.groupFlows);
  const selectedGroup = useView((s) => s.selection.group);
  const theme = useView((s) => s.theme);
  // A group's egress to anywhere is a marker on it, as a resource's is at node level; the lines it
  // stands for are drawn when asked (View menu, the toggle) or for the selected group.
  const showOutbound = useView((s) => s.showOutbound);
  const { groups: designGroups, resources, externals: parties } = design;
  const outbound = useMemo(
    () =>
      outboundOf({ groups: designGroups, resources, externals: parties }, flows, groupEnds({ groups: designGroups })),
    [designGroups, resources, parties, flows],
  );
  const exposed = useMemo(() => {
    const internet = new Set(parties.filter((e) => e.kind === "internet").map((e) => e.id));
    return new Set(flows.filter((f) => internet.has(f.from) && f.from !== f.to).map((f) => f.to));
  }, [parties, flows]);

  // Group flows come with the node flows, edit by edit (src/renderer/state/engine.ts). The ends
  // keep the same array while they are the same ids, and so do the flows the layout follows.
  const idsRef = useRef<string[]>([]);
  const ids = useMemo(() => {
    idsRef.current = groupEndIds(design, flows, idsRef.current);
    return idsRef.current;
  }, [design, flows]);
  // Laid out on the flows drawn whatever is selected: a selection does not move the groups.
  const laidRef = useRef<readonly GroupFlow[]>([]);
  const laidFlows = useMemo(() => {
    laidRef.current = sameIds(
      laidRef.current,
      flows.filter((f) => f.from !== f.to && (showOutbound || !outbound.hidden.has(f.id))),
    );
    return laidRef.current;
  }, [flows, showOutbound, outbound.hidden]);
  // By tier, as the CLI draws it (tens of milliseconds at 1,000 ends), while the document is as it
  // was opened (arrival.ts) and its flows arrive; after an edit every end keeps its place and a new
  // one goes near its neighbours: an edit does not reshuffle the picture. Placed again only when
  // the ends or the flows between them change; saved positions win (toGroupNodes).
  // Past LAYOUT_LIMIT ends, where their members are (groupLevel.ts).
  const opened = useDoc((s) => arrival(s) !== undefined);
  const big = ids.length > LAYOUT_LIMIT;
  const byMembers = useMemo(
    () => (big ? placeByMembers({ resources, externals: parties }, ids) : undefined),
    [big, ids, resources, parties],
  );
  const layoutRef = useRef<ReadonlyMap<string, Position> | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: placed again only when the ends or the flows between them change.
  const tiers = useMemo(() => {
    if (big) return undefined;
    const ends = groupLevelEnds(design, laidFlows);
    const before = layoutRef.current;
    layoutRef.current =
      opened || !before ? placeGroupLevel(ends, laidFlows, true) : placeGroupLevelAfter(ends, before, laidFlows);
    return layoutRef.current;
  }, [ids, laidFlows, opened, big]);
  const layout = byMembers ?? tiers ?? EMPTY;
  // A document just opened is fitted into view once its groups are placed, and again while its
  // flows arrive and move them (arrival.ts decides, as for the node canvas); this level is also
  // fitted when it is first drawn (the person switched to it). An edit never moves the view.
  const fit = useDoc((s) => arrival(s) === "fit");
  const drawn = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fitted again when another document arrives or its layout changes.
  useEffect(() => {
    if (drawn.current && !fit) return;
    drawn.current = true;
    const timer = setTimeout(
      // Not fitView: it leaves out the groups React Flow has not measured (culled ones).
      // Thousands of groups fitted into view are specks, and all of them drawn: a readable part instead.
      () => void fitAll({ padding: 0.15, maxZoom: 1, ...(big ? { minZoom: 0.5 } : {}) }),
      50,
    );
    return () => clearTimeout(timer);
  }, [design, fit, layout]);

  // Each group, party and group flow is converted once, and again only when it changes.
  const [nodeCache] = useState(() => new WeakMap());
  const [edgeCache] = useState(() => new WeakMap());
  const [givenNodes] = useState(() => new Map<string, Node<GroupNodeData>>());
  const [givenEdges] = useState(() => new Map<string, Edge<EdgeData>>());
  const members = useMemo(() => memberCounts(design.resources), [design.resources]);
  const derived = useMemo(
    () => toGroupNodes(design, flows, layout, selectedGroup, nodeCache, members, outbound.markers, exposed),
    [design, flows, layout, selectedGroup, nodeCache, members, outbound, exposed],
  );
  // Unchanged nodes keep their objects; changed ones React Flow's measurements (and a drag in progress).
  const [nodes, changeNodes] = useDerivedNodes(derived, givenNodes);
  const externals = design.externals;
  const edgesRef = useRef<Edge<EdgeData>[]>([]);
  const edges = useMemo(() => {
    edgesRef.current = reuseById(
      edgesRef.current,
      toGroupEdges({ externals }, flows, edgeCache),
      sameEdge,
      undefined,
      givenEdges,
    );
    return edgesRef.current;
  }, [externals, flows, edgeCache, givenEdges]);
  const visible = useMemo(
    () =>
      showOutbound || outbound.hidden.size === 0
        ? edges
        : edges.filter((e) => !outbound.hidden.has(e.id.slice("group:".length)) || e.source === selectedGroup),
    [edges, outbound.hidden, showOutbound, selectedGroup],
  );
  // Routed around the boxes with their labels placed, as at node level; a drag routes only what it moves.
  const routed = useRoutedEdges(visible, nodes, labelOf);
  const windowed = useEdgeWindow(routed, nodes);
  // Intended connections, drawn between the groups of their ends.
  const findings = useDerived((s) => s.findings);
  const intentEdges = useMemo(
    () => (design.intents.length === 0 ? [] : toGroupIntentEdges(design, findings, new Set(ids))),
    [design, findings, ids],
  );
  const shownEdges = useMemo(
    () => (intentEdges.length === 0 ? windowed : [...windowed, ...intentEdges]),
    [windowed, intentEdges],
  );
  // Read by the handlers through a ref, so that they stay the same functions across edits (React
  // Flow copies a changed handler into its store, and every drawn element checks the store then).
  const groups = useRef(design.groups);
  groups.current = design.groups;
  const isGroup = useCallback((id: string) => groups.current.some((g) => g.id === id), []);
  const onNodeDragStop = useCallback<OnNodeDrag>(
    (_, __, dragged) => {
      // Only groups have a place in the model at this level; the others are a view.
      const positions = dragged.filter((n) => isGroup(n.id)).map((n) => ({ id: n.id, position: n.position }));
      if (positions.length > 0) run(moveGroups, { positions });
    },
    [isGroup],
  );
  const onNodeClick = useCallback<NodeMouseHandler>(
    (_, node) => viewState.set({ selection: isGroup(node.id) ? { nodes: [], group: node.id } : { nodes: [node.id] } }),
    [isGroup],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<Node<GroupNodeData>>[]) => changeNodes((nds) => applyNodeChanges(changes, nds)),
    [changeNodes],
  );

  return (
    <div className="canvas canvas--groups">
      <ReactFlow
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        nodesConnectable={false}
        deleteKeyCode={null}
        onlyRenderVisibleElements
        minZoom={0.05}
        colorMode={theme}
        proOptions={PRO_OPTIONS}
        aria-label="Design canvas, security group level"
      >
        <CanvasChrome nodeCount={nodes.length}>
          <VpcFrames vpcs={design.vpcs} nodes={nodes} />
        </CanvasChrome>
      </ReactFlow>
    </div>
  );
}
