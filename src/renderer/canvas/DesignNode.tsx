// A node on the canvas: kind icon, name, addresses and, for resources, its security groups as
// chips that can be detached. External parties share the layout but are styled apart.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { detachGroup } from "../actions/groups";
import { EXTERNAL_TITLES, RESOURCE_TITLES } from "../actions/nodes";
import { run } from "../state/commands";
import { viewState } from "../state/store";
import { KindIcon } from "./icons";
import type { NodeData } from "./toFlow";

function kindTitle(data: NodeData): string {
  return data.external
    ? EXTERNAL_TITLES[data.kind as keyof typeof EXTERNAL_TITLES]
    : RESOURCE_TITLES[data.kind as keyof typeof RESOURCE_TITLES];
}

function DesignNodeView({ id, data, selected }: NodeProps & { data: NodeData }) {
  const classes = [
    "node",
    data.external ? "node--external" : "node--resource",
    `node--${data.kind}`,
    selected ? "is-selected" : "",
    data.highlighted ? "is-highlighted" : "",
    data.timeout ? "is-timeout" : "",
    data.asked ? `is-asked-${data.asked}` : "",
    data.exposed ? "is-exposed" : "",
  ];
  return (
    <div className={classes.join(" ")} data-testid={`node-${id}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="node__head">
        <span className="node__icon">
          <KindIcon kind={data.kind} />
        </span>
        <span className="node__kind">{kindTitle(data)}</span>
        {data.outbound && (
          <span
            className="node__outbound"
            title="Outbound to anywhere: its flows to outside parties are not drawn (View > Show Outbound-to-Anywhere Flows, or select the node)"
          >
            ↗ {data.outbound}
          </span>
        )}
      </div>
      <div className="node__name">{data.name}</div>
      {data.addresses.length > 0 && (
        <div className="node__addresses">
          {data.addresses.map((a) => (
            <span key={a}>{a}</span>
          ))}
        </div>
      )}
      {!data.external && (
        <div className="node__chips">
          {data.groups.length === 0 && <span className="chip chip--empty">no security group</span>}
          {data.groups.map((g) => (
            <span className="chip" key={g.id} data-group={g.id}>
              <button
                type="button"
                className="chip__name nodrag"
                title={`Select ${g.name}`}
                onClick={(e) => {
                  e.stopPropagation();
                  viewState.set({ selection: { nodes: [], group: g.id } });
                }}
              >
                {g.name}
              </button>
              <button
                type="button"
                className="chip__remove nodrag"
                aria-label={`Detach ${g.name} from ${data.name}`}
                title={`Detach ${g.name}`}
                onClick={(e) => {
                  e.stopPropagation();
                  run(detachGroup, { nodeId: id, groupId: g.id });
                }}
              >
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      {data.exposed && <div className="node__exposed">Reached from the Internet</div>}
      {data.timeout && (
        <div className="node__timeout" role="status">
          <svg
            width="12"
            height="12"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            aria-hidden="true"
          >
            <circle cx="12" cy="13" r="8" />
            <path d="M12 9v4l2.5 2.5M9 2h6" />
          </svg>{" "}
          timeout: dropped here
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
      {/* After the anchor handles, so edges keep using those: drag from here to intend a connection. */}
      <Handle
        type="source"
        id="intent"
        position={Position.Bottom}
        className="intent-handle"
        title="Drag to another node: a connection you intend"
        // A handle is a plain div, where ARIA forbids a label; as a button (click it, then the
        // other node, as xyflow allows) the label is allowed and read out.
        role="button"
        aria-label={`Draw an intended connection from ${data.name}`}
      >
        <span className="intent-handle__tip" role="tooltip">
          Drag to another node: which traffic should get through?
        </span>
      </Handle>
    </div>
  );
}

export const DesignNode = memo(DesignNodeView);
