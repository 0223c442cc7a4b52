// A security group drawn as a node at the group level: its name, members and rule counts.
// Outside parties and groupless resources at this level share the look, styled apart.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import type { GroupNodeData } from "./groupLevel";
import { KindIcon } from "./icons";

function GroupNodeView({ id, data, selected }: NodeProps & { data: GroupNodeData }) {
  const group = data.kind === "group";
  return (
    <div
      className={`node group-node ${group ? "group-node--group" : "node--external"} ${selected ? "is-selected" : ""} ${data.exposed ? "is-exposed" : ""}`}
      data-testid={`group-node-${id}`}
    >
      {/* What the whole Internet reaches, said as at node level (routes.ts keeps labels clear of it). */}
      {data.exposed && <div className="node__exposed">Reached from the Internet</div>}
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="node__head">
        {!group && (
          <span className="node__icon">
            <KindIcon kind={data.kind as never} />
          </span>
        )}
        <span className="node__kind">{group ? "Security group" : data.kind}</span>
      </div>
      <div className="node__name">{data.name}</div>
      <div className="node__addresses">
        <span>{data.detail}</span>
      </div>
      {data.outbound && (
        // A row of its own: beside "Security group" it had no room to be read.
        <div className="group-node__outbound">
          <span
            className="node__outbound"
            title="Outbound to anywhere: its flows to outside parties are not drawn (View > Show Outbound-to-Anywhere Flows, or select the group)"
          >
            ↗ {data.outbound}
          </span>
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
