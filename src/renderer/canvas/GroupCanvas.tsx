// The canvas at group level: security groups and outside parties as nodes, flows between groups
// as edges. Groups without a saved position are placed by ELK (a view, not an edit); a group
// dragged by the user keeps its place in the design.
import {
  applyNodeChanges,
  Background,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Position } from "../../shared/model";
import { moveGroups } from "../actions/groupPositions";
import { layoutGraph } from "../layout/elk";
import { run } from "../state/commands";
import { editor, notify, useEditor } from "../state/store";
import { FlowEdgeView } from "./FlowEdgeView";
import { fitAll, nextFrame } from "./flowInstance";
import { GroupNode } from "./GroupNode";
import {
  type GroupNodeData,
  groupElkGraph,
  groupEndIds,
  LAYOUT_LIMIT,
  placeByMembers,
  toGroupEdges,
  toGroupNodes,
} from "./groupLevel";
import { keepMeasured, reuseById, sameEdge, sameNode } from "./reuse";
import { type EdgeData, MINIMAP_LIMIT } from "./toFlow";

const nodeTypes = { securityGroup: GroupNode };
const edgeTypes = { flow: FlowEdgeView };

export function GroupCanvas() {
  const design = useEditor((s) => s.history.present);
  const flows = useEditor((s) => s.groupFlows);
  const selectedGroup = useEditor((s) => s.selection.group);
  const theme = useEditor((s) => s.theme);
  const minimap = useEditor((s) => s.minimap);
  const [layout, setLayout] = useState<ReadonlyMap<string, Position>>(new Map());

  // Group flows come with the node flows, edit by edit (src/renderer/state/engine.ts).
  // Laid out once per set of ends; saved positions win over it.
  const endsKey = useMemo(
    () => `${design.groups.map((g) => g.id).join(",")}|${flows.map((f) => f.id).join(",")}`,
    [design.groups, flows],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ends change exactly when the key does.
  const ids = useMemo(() => groupEndIds(design, flows), [endsKey]);
  const big = ids.length > LAYOUT_LIMIT;
  // Placed at once, not after a first frame with every group at the origin (and so all of them drawn).
  const byMembers = useMemo(
    () => (big ? placeByMembers({ resources: design.resources, externals: design.externals }, ids) : undefined),
    [big, ids, design.resources, design.externals],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: laid out again only when the ends (the key) change.
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
  }, [endsKey]);
  // Groups placed by their members stay put across edits: fitted once, when they are first placed.
  useEffect(() => {
    if (!big) return;
    let current = true;
    void nextFrame().then(() => {
      // Thousands of groups fitted into view are specks, and all of them drawn: a readable part instead.
      if (current) void fitAll({ padding: 0.15, maxZoom: 1, minZoom: 0.5 });
    });
    return () => {
      current = false;
    };
  }, [big]);

  const derived = useMemo(
    () => toGroupNodes(design, flows, byMembers ?? layout, selectedGroup),
    [design, flows, byMembers, layout, selectedGroup],
  );
  const [nodes, setNodes] = useState<Node<GroupNodeData>[]>(derived);
  // Unchanged groups keep their objects (and React Flow its measurements of them).
  useEffect(() => setNodes((prev) => reuseById(prev, derived, sameNode, keepMeasured)), [derived]);
  const externals = design.externals;
  const edgesRef = useRef<Edge<EdgeData>[]>([]);
  const edges = useMemo(() => {
    edgesRef.current = reuseById(edgesRef.current, toGroupEdges({ externals }, flows), sameEdge);
    return edgesRef.current;
  }, [externals, flows]);
  const groupIds = useMemo(() => new Set(design.groups.map((g) => g.id)), [design.groups]);

  const onNodesChange = useCallback(
    (changes: NodeChange<Node<GroupNodeData>>[]) => setNodes((nds) => applyNodeChanges(changes, nds)),
    [],
  );

  return (
    <div className="canvas canvas--groups">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={(_, __, dragged) => {
          // Only groups have a place in the model at this level; the others are a view.
          const positions = dragged.filter((n) => groupIds.has(n.id)).map((n) => ({ id: n.id, position: n.position }));
          if (positions.length > 0) run(moveGroups, { positions });
        }}
        onNodeClick={(_, node) =>
          editor.set({ selection: groupIds.has(node.id) ? { nodes: [], group: node.id } : { nodes: [node.id] } })
        }
        onPaneClick={() => editor.set({ selection: { nodes: [] } })}
        nodesConnectable={false}
        deleteKeyCode={null}
        onlyRenderVisibleElements
        minZoom={0.05}
        colorMode={theme}
        proOptions={{ hideAttribution: true }}
        aria-label="Design canvas, security group level"
      >
        <Background gap={24} />
        {minimap && nodes.length <= MINIMAP_LIMIT && (
          <MiniMap pannable zoomable ariaLabel="Minimap" style={{ width: 150, height: 100 }} />
        )}
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
