// Each VPC drawn as a frame around its resources: a rectangle computed from its members' boxes
// (src/shared/diagram framesOf, the same as the SVG's) on every change of the nodes, a drag
// included. Not React Flow's parentId: a frame is drawn, it holds nothing, and a node is moved
// on its own.
import { type Node, ViewportPortal } from "@xyflow/react";
import { memo, useMemo } from "react";
import { framesOf } from "../../shared/diagram/build";
import type { Design } from "../../shared/model";
import { boxesOf } from "./routes";

/** `nodes`: the canvas's nodes at either level (a resource, or at group level a group, with its VPC). */
function VpcFramesView({ vpcs, nodes }: { vpcs: Design["vpcs"]; nodes: readonly Node<{ vpcId?: string }>[] }) {
  const frames = useMemo(() => {
    if (vpcs.length === 0) return [];
    const boxes = boxesOf(nodes);
    const members = nodes.flatMap((n) => {
      const box = boxes.get(n.id);
      return n.data.vpcId && box ? [{ vpcId: n.data.vpcId, box }] : [];
    });
    return framesOf({ vpcs }, members);
  }, [vpcs, nodes]);
  if (frames.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="vpc-frames">
        {frames.map((f) => (
          <div
            key={f.id}
            className="vpc-frame"
            data-testid={`vpc-frame-${f.id}`}
            style={{ transform: `translate(${f.box.x}px, ${f.box.y}px)`, width: f.box.width, height: f.box.height }}
          >
            <span className="vpc-frame__name">VPC {f.name}</span>
          </div>
        ))}
      </div>
    </ViewportPortal>
  );
}

export const VpcFrames = memo(VpcFramesView);
