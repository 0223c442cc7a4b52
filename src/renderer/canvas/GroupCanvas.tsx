// The canvas at group level: security groups and outside parties as nodes, flows between groups
// as edges. Groups without a saved position are placed by ELK (a view, not an edit); a group
// dragged by the user keeps its place in the design.

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
import { groupEnds, outboundOf } from "../../shared/diagram/outbound";
import type { Position } from "../../shared/model";
import { moveGroups } from "../actions/groupPositions";
import { IntentEdgeView } from "../intents/IntentEdgeView";
import { toGroupIntentEdges } from "../intents/intentEdges";
import { layoutGraph } from "../layout/elk";
import { run } from "../state/commands";
import { notify, useDerived, useDoc, useView, viewState } from "../state/store";
import { CanvasChrome, PRO_OPTIONS } from "./CanvasChrome";
import { useDerivedNodes } from "./derivedNodes";
import { useEdgeWindow } from "./edgeWindow";
import { FlowEdgeView } from "./FlowEdgeView";
import { fitAll, nextFrame } from "./flowInstance";
import { GroupNode } from "./GroupNode";
import {
  type GroupNodeData,
  groupElkGraph,
  groupEndIds,
  LAYOUT_LIMIT,
  memberCounts,
  placeByMembers,
  toGroupEdges,
  toGroupNodes,
} from "./groupLevel";
import { reuseById, sameEdge } from "./reuse";
import type { EdgeData } from "./toFlow";

const nodeTypes = { securityGroup: GroupNode };
const edgeTypes = { flow: FlowEdgeView, intent: IntentEdgeView };

const onPaneClick = () => viewState.set({ selection: { nodes: [] } });

export function GroupCanvas() {
  const design = useDoc((s) => s.history.present);
  const flows = useDerived((s) => s.groupFlows);
  const selectedGroup = useView((s) => s.selection.group);
  const theme = useView((s) => s.theme);
  const [layout, setLayout] = useState<ReadonlyMap<string, Position>>(new Map());

  // Group flows come with the node flows, edit by edit (src/renderer/state/engine.ts).
  // Laid out once per set of ends; saved positions win over it. The same ends keep the same array.
  const idsRef = useRef<string[]>([]);
  const ids = useMemo(() => {
    idsRef.current = groupEndIds(design, flows, idsRef.current);
    return idsRef.current;
  }, [design, flows]);
  // The group flows between the ends, by id: the layout follows them only when they change.
  const flowIdsRef = useRef<string[]>([]);
  const flowIds = useMemo(() => {
    const next = flows.map((f) => f.id);
    const prev = flowIdsRef.current;
    if (prev.length !== next.length || prev.some((id, i) => id !== next[i])) flowIdsRef.current = next;
    return flowIdsRef.current;
  }, [flows]);
  const big = ids.length > LAYOUT_LIMIT;
  // Placed at once, not after a first frame with every group at the origin (and so all of them drawn).
  const byMembers = useMemo(
    () => (big ? placeByMembers({ resources: design.resources, externals: design.externals }, ids) : undefined),
    [big, ids, design.resources, design.externals],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: laid out again only when the ends or the flows between them change.
  useEffect(() => {
    if (big) return;
    let current = true;
    void layoutGraph(groupElkGraph(design, flows))
      .then(async (positions) => {
        if (!current) return;
        setLayout(new Map(positions.map((p) => [p.id, p.position])));
        await nextFrame();
        // Not fitView: it leaves out the groups React Flow has not measured (culled ones).
        await fitAll({ padding: 0.15, maxZoom: 1 });
      })
      .catch((e: unknown) => notify("error", `Group layout failed: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      current = false;
    };
  }, [ids, flowIds]);
  // Groups placed by their members stay put across edits: fitted once, when they are first placed
  // (and when another document is opened at this level).
  const opened = useDoc((s) =>
    s.history.past.length === 0 && s.history.future.length === 0 ? s.history.present : null,
  );
  const wasBig = useRef(false);
  useEffect(() => {
    const becameBig = big && !wasBig.current;
    wasBig.current = big;
    if (!big || (!becameBig && opened === null)) return;
    let current = true;
    void nextFrame().then(() => {
      // Thousands of groups fitted into view are specks, and all of them drawn: a readable part instead.
      if (current) void fitAll({ padding: 0.15, maxZoom: 1, minZoom: 0.5 });
    });
    return () => {
      current = false;
    };
  }, [big, opened]);

  // Each group, party and group flow is converted once, and again only when it changes.
  const [nodeCache] = useState(() => new WeakMap());
  const [edgeCache] = useState(() => new WeakMap());
  const [givenNodes] = useState(() => new Map<string, Node<GroupNodeData>>());
  const [givenEdges] = useState(() => new Map<string, Edge<EdgeData>>());
  const members = useMemo(() => memberCounts(design.resources), [design.resources]);
  // A group's egress to anywhere is a marker on it, as a resource's is at node level; the lines it
  // stands for are drawn when asked (View menu, the toggle) or for the selected group.
  const showOutbound = useView((s) => s.showOutbound);
  const { groups: designGroups, resources, externals: parties } = design;
  const outbound = useMemo(
    () =>
      outboundOf({ groups: designGroups, resources, externals: parties }, flows, groupEnds({ groups: designGroups })),
    [designGroups, resources, parties, flows],
  );
  const derived = useMemo(
    () => toGroupNodes(design, flows, byMembers ?? layout, selectedGroup, nodeCache, members, outbound.markers),
    [design, flows, byMembers, layout, selectedGroup, nodeCache, members, outbound],
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
  const windowed = useEdgeWindow(visible, nodes);
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
        <CanvasChrome nodeCount={nodes.length} />
      </ReactFlow>
    </div>
  );
}
