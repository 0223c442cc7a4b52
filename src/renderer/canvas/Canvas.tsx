// The canvas: nodes from the design, edges from the engine's permitted flows. Positions are
// changed locally while dragging and written to the design (rounded) when the drag stops.

import {
  applyNodeChanges,
  type Edge,
  type EdgeMouseHandler,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
  type OnConnectEnd,
  type OnConnectStart,
  type OnNodeDrag,
  ReactFlow,
  useStoreApi,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { outboundOf } from "../../shared/diagram/outbound";
import { moveNodes } from "../actions/nodes";
import { LessonLeft } from "../exercises/LessonLeft";
import { LessonPanel } from "../exercises/LessonPanel";
import { BlockedIntents } from "../intents/BlockedIntents";
import { IntentEdgeView } from "../intents/IntentEdgeView";
import { toIntentEdges } from "../intents/intentEdges";
import { PacketOverlay } from "../simulate/PacketOverlay";
import { arrival, arrivalOf } from "../state/arrival";
import { run } from "../state/commands";
import { notify, useDerived, useDoc, useView, viewState } from "../state/store";
import { CanvasChrome, PRO_OPTIONS } from "./CanvasChrome";
import { CanvasHint } from "./CanvasHint";
import { DesignNode } from "./DesignNode";
import { useDerivedNodes } from "./derivedNodes";
import { acceptsPaletteDrag, useCanvasDrop } from "./drop";
import { EdgeHoverCard } from "./EdgeHoverCard";
import { useEdgeWindow } from "./edgeWindow";
import { FlowEdgeView } from "./FlowEdgeView";
import { fitAll } from "./flowInstance";
import { GroupCanvas } from "./GroupCanvas";
import { canvasLevel } from "./groupLevel";
import { canvasEnd, rowNodesKey } from "./interfaceRows";
import { LevelToggle } from "./LevelToggle";
import { reuseById, sameEdge } from "./reuse";
import { useRoutedEdges } from "./routes";
import {
  type DerivedCache,
  type EdgeData,
  markEdges,
  measuredHeights,
  type NodeData,
  toEdges,
  toNodes,
} from "./toFlow";
import { VpcFrames } from "./VpcFrames";

const nodeTypes = { resource: DesignNode, external: DesignNode };
const edgeTypes = { flow: FlowEdgeView, intent: IntentEdgeView };

// React Flow copies each of its props into its store when the prop's identity changes, and every
// drawn element (and each minimap node) checks the store on each copy: the props given to it are
// kept the same objects from one render to the next.
const CONNECTION_LINE = { stroke: "var(--accent)", strokeWidth: 2, strokeDasharray: "7 5" };
const onNodeDragStop: OnNodeDrag = (_, __, dragged) =>
  run(moveNodes, { positions: dragged.map((n) => ({ id: n.id, position: n.position })) });
const onEdgeClick: EdgeMouseHandler = (_, edge) => {
  if (edge.type === "flow") viewState.set({ selection: { nodes: [], edge: edge.id } });
};
const onEdgeMouseEnter: EdgeMouseHandler = (_, edge) => viewState.set({ hoverEdge: edge.id });
const onEdgeMouseLeave = () => viewState.set({ hoverEdge: undefined });
const onPaneClick = () => viewState.set({ selection: { nodes: [] } });
/** The label each routed edge carries: only the edges that show one get a place for it. */
const labelOf = (e: Edge<EdgeData>) => (e.data?.showLabel ? e.data.label : undefined);
const onConnectEnd: OnConnectEnd = (event, state) => {
  // Dropped on a node's body rather than a handle: that node is the intended target.
  const from = state.fromNode?.id;
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!from || !point) return;
  const to = nodeAt(point.clientX, point.clientY);
  if (to && to !== from) viewState.set({ intentDraft: { from, to, x: point.clientX, y: point.clientY } });
};

const nodeOfEnd = (end: string | undefined) => (end === undefined ? undefined : canvasEnd(end).node);

/** The node under a pointer, found through whatever is drawn on top (the connection line). */
function nodeAt(x: number, y: number): string | undefined {
  for (const el of document.elementsFromPoint(x, y)) {
    const id = el.closest(".react-flow__node")?.getAttribute("data-id");
    if (id) return id;
  }
  return undefined;
}

/**
 * From this many nodes, a design just opened waits for its flows before the canvas is drawn: the
 * flows decide the level, and drawing thousands of nodes to throw them away for the group level
 * took most of the time to open a large design.
 */
export const WAIT_FOR_FLOWS = 200;

/** Past this, the nodes are drawn anyway (the engine may be slow, or never answer). */
export const WAIT_FOR_FLOWS_MS = 10_000;

/** True while the document just opened is large and the flows shown are still the last document's. */
function useWaitingForFlows(): boolean {
  // A document just opened (New, Open, recovery) has a history with no step either way.
  const opened = useDoc((s) =>
    s.history.past.length === 0 && s.history.future.length === 0 ? s.history.present : null,
  );
  // An import without a layout is drawn at once, as before: its auto-layout measures the nodes.
  const large = useDoc(
    (s) =>
      s.history.present.resources.length + s.history.present.externals.length >= WAIT_FOR_FLOWS &&
      arrivalOf(s.history.present) !== "layout",
  );
  // The engine's answer for a document (node flows withheld or not), or already there when the
  // host read the file and held it.
  const answered = useDerived((s) => s.of);
  const waiting = opened !== null && large && answered !== opened;
  const [late, setLate] = useState<unknown>(undefined);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setLate(opened), WAIT_FOR_FLOWS_MS);
    return () => clearTimeout(timer);
  }, [waiting, opened]);
  return waiting && late !== opened;
}

/** The canvas at the level the design's density (or the user) asks for, with the toggle. */
export function Canvas() {
  const choice = useView((s) => s.levelChoice);
  const count = useDerived((s) => s.flowCount);
  const withheld = useDerived((s) => s.flowsWithheld);
  const waiting = useWaitingForFlows() && choice === undefined;
  const level = canvasLevel(choice, count, withheld);
  const lesson = useView((s) => s.lesson !== undefined);
  const onDrop = useCanvasDrop();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the palette's drags; from the keyboard, the palette's items add nodes with Enter.
    <div
      className={lesson ? "canvas-frame has-lesson" : "canvas-frame"}
      onDragOver={acceptsPaletteDrag}
      onDrop={onDrop}
    >
      {waiting ? (
        <div className="canvas canvas--waiting">
          <p className="canvas__waiting" role="status">
            Finding the permitted flows…
          </p>
        </div>
      ) : level === "groups" ? (
        <GroupCanvas />
      ) : (
        <NodeCanvas />
      )}
      <LevelToggle />
      <LessonLeft />
      <LessonPanel />
    </div>
  );
}

function NodeCanvas() {
  const design = useDoc((s) => s.history.present);
  const selection = useView((s) => s.selection);
  const flows = useDerived((s) => s.flows);
  const findings = useDerived((s) => s.findings);
  const hoverEdge = useView((s) => s.hoverEdge);
  const ask = useView((s) => s.ask);
  const theme = useView((s) => s.theme);
  const showOutbound = useView((s) => s.showOutbound);
  // Outbound to anywhere is a marker on the node; the lines it stands for are drawn on request.
  const outbound = useMemo(
    () => outboundOf({ groups: design.groups, resources: design.resources, externals: design.externals }, flows),
    [design.groups, design.resources, design.externals, flows],
  );
  const exposed = useMemo(() => {
    const internet = new Set(design.externals.filter((e) => e.kind === "internet").map((e) => e.id));
    return new Set(flows.filter((f) => internet.has(f.from) && f.from !== f.to).map((f) => f.to));
  }, [design.externals, flows]);
  // A document just opened is fitted into view once its nodes are drawn (also when this level
  // is drawn only after its flows came), when arrival.ts says so; one without a layout is laid
  // out (and fitted) by the lifecycle instead.
  const fit = useDoc((s) => arrival(s) === "fit");
  // biome-ignore lint/correctness/useExhaustiveDependencies: fitted again when another document arrives.
  useEffect(() => {
    if (fit) {
      const timer = setTimeout(() => void fitAll({ padding: 0.15, maxZoom: 1 }), 50);
      return () => clearTimeout(timer);
    }
  }, [design, fit]);
  const flowStore = useStoreApi();
  // An intent started by a click on a node's connect handle, finished by a click on another node.
  const clickFrom = useRef<string | undefined>(undefined);

  // Each design node and flow is converted once, and again only when it or its marks change.
  const [nodeCache] = useState<DerivedCache<Node<NodeData>>>(() => new WeakMap());
  const [edgeCache] = useState<DerivedCache<Edge<EdgeData>>>(() => new WeakMap());
  const [givenNodes] = useState(() => new Map<string, Node<NodeData>>());
  const [givenEdges] = useState(() => new Map<string, Edge<EdgeData>>());
  const derived = useMemo(
    () =>
      toNodes(
        design,
        {
          selectedNodes: new Set(selection.nodes),
          highlightGroup: selection.group,
          // An interface's end ("web/eth1") is marked on its instance's node.
          timeoutAt: nodeOfEnd(ask?.verdict && !ask.verdict.permitted ? ask.verdict.droppedAt?.nodeId : undefined),
          askFrom: nodeOfEnd(ask?.verdict ? ask.query.from : undefined),
          askTo: nodeOfEnd(ask?.verdict ? ask.query.to : undefined),
          outbound: outbound.markers,
          exposed,
        },
        nodeCache,
      ),
    [design, selection, ask, nodeCache, outbound, exposed],
  );
  // Unchanged nodes keep their objects; changed ones React Flow's measurements (and a drag in progress).
  const [nodes, changeNodes] = useDerivedNodes(derived, givenNodes);

  // Measured heights change only when a node's content does, not while it is dragged.
  const heightsRef = useRef<ReadonlyMap<string, number>>(new Map());
  const heights = useMemo(() => {
    heightsRef.current = measuredHeights(nodes, heightsRef.current);
    return heightsRef.current;
  }, [nodes]);
  // The instances drawn with a row per interface: the same set (and no new edges) until that changes.
  const rowKey = useMemo(() => rowNodesKey(design.resources), [design.resources]);
  const rowNodes = useMemo(() => new Set(rowKey === "" ? [] : rowKey.split("\n")), [rowKey]);
  // A new flow list (after every edit) is mostly the old flows: those keep their edge objects.
  const baseRef = useRef<Edge<EdgeData>[]>([]);
  const base = useMemo(() => {
    baseRef.current = reuseById(
      baseRef.current,
      toEdges(flows, heights, edgeCache, rowNodes),
      sameEdge,
      undefined,
      givenEdges,
    );
    return baseRef.current;
  }, [flows, heights, edgeCache, givenEdges, rowNodes]);
  const intentEdges = useMemo(() => toIntentEdges(design, findings, heights), [design, findings, heights]);
  // The lines outbound-to-anywhere markers stand for: drawn when asked, or for a selected node.
  const visible = useMemo(() => {
    if (showOutbound || outbound.hidden.size === 0) return base;
    const selected = new Set(selection.nodes);
    return base.filter((e) => !outbound.hidden.has(e.id) || selected.has(e.source));
  }, [base, outbound.hidden, showOutbound, selection.nodes]);
  const marked = useMemo(
    () => markEdges(visible, { selectedEdge: selection.edge, hoverEdge, selectedNodes: new Set(selection.nodes) }),
    [visible, selection, hoverEdge],
  );
  // Routed around the boxes; an edit routes only what it changed (routes.ts).
  const routed = useRoutedEdges(marked, nodes, labelOf);
  const edges: Edge[] = useMemo(() => [...routed, ...intentEdges], [routed, intentEdges]);
  const routes = useMemo(() => {
    const out = new Map<string, readonly { x: number; y: number }[]>();
    for (const e of routed) if (e.data?.route) out.set(e.id, e.data.route);
    return out;
  }, [routed]);

  const shownEdges = useEdgeWindow(edges, nodes);

  const onNodesChange = useCallback(
    (changes: NodeChange<Node<NodeData>>[]) => {
      changeNodes((nds) => applyNodeChanges(changes, nds));
      // A move that is not a drag in progress (the arrow keys, the end of a drag) is an edit.
      const moves = changes.flatMap((c) =>
        c.type === "position" && !c.dragging && c.position ? [{ id: c.id, position: c.position }] : [],
      );
      if (moves.length > 0) run(moveNodes, { positions: moves });
      const selects = changes.filter((c) => c.type === "select");
      if (selects.length > 0) {
        const sel = new Set(viewState.get().selection.nodes);
        for (const c of selects) {
          if (c.type !== "select") continue;
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
        const nodes = [...sel];
        viewState.set((s) => ({
          selection: { nodes, ...(nodes.length === 0 && s.selection.group ? { group: s.selection.group } : {}) },
        }));
      }
    },
    [changeNodes],
  );

  // An intent by clicks: the connect handle, then the node to reach.
  const onClickConnectStart = useCallback<OnConnectStart>((_, { nodeId, handleId }) => {
    clickFrom.current = handleId === "intent" && nodeId ? nodeId : undefined;
    if (clickFrom.current) notify("info", "Now click the node this one should reach");
  }, []);
  const onNodeClick = useCallback<NodeMouseHandler>(
    (event, node) => {
      const from = clickFrom.current;
      if (!from || from === node.id) return;
      clickFrom.current = undefined;
      flowStore.setState({ connectionClickStartHandle: null });
      viewState.set({ intentDraft: { from, to: node.id, x: event.clientX, y: event.clientY } });
    },
    [flowStore],
  );
  const onClickConnectEnd = useCallback(() => {
    clickFrom.current = undefined;
  }, []);

  return (
    <div className="canvas">
      <ReactFlow
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onEdgeClick={onEdgeClick}
        onClickConnectStart={onClickConnectStart}
        onNodeClick={onNodeClick}
        onClickConnectEnd={onClickConnectEnd}
        onConnectEnd={onConnectEnd}
        connectionLineStyle={CONNECTION_LINE}
        onEdgeMouseEnter={onEdgeMouseEnter}
        onEdgeMouseLeave={onEdgeMouseLeave}
        onPaneClick={onPaneClick}
        deleteKeyCode={null}
        onlyRenderVisibleElements
        minZoom={0.1}
        colorMode={theme}
        proOptions={PRO_OPTIONS}
        aria-label="Design canvas"
      >
        <CanvasChrome nodeCount={nodes.length}>
          <VpcFrames vpcs={design.vpcs} nodes={nodes} />
          <EdgeHoverCard />
          <PacketOverlay routes={routes} />
        </CanvasChrome>
      </ReactFlow>
      <CanvasHint />
      <BlockedIntents />
    </div>
  );
}
