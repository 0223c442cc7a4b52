// A node on the canvas: kind icon, name, addresses and, for resources, its security groups as
// chips that can be detached. External parties share the layout but are styled apart.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { detachGroup } from "../actions/groups";
import { EXTERNAL_TITLES, RESOURCE_TITLES } from "../actions/nodes";
import { run } from "../state/commands";
import { viewState } from "../state/store";
import { KindIcon } from "./icons";
import type { InterfaceRow } from "./interfaceRows";
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
      {/* The node's own anchors first: edges that name no handle use the first of each type. */}
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
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
      {data.interfaces ? (
        <div className="node__rows">
          {data.interfaces.map((row) => (
            <InterfaceRowView key={row.device} nodeId={id} nodeName={data.name} row={row} />
          ))}
        </div>
      ) : (
        !data.external && <GroupChips nodeId={id} owner={data.name} groups={data.groups} />
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

/** The groups of one interface as chips: a click selects the group, × detaches it from that interface. */
function GroupChips({
  nodeId,
  owner,
  groups,
  deviceIndex,
}: {
  nodeId: string;
  /** Who the groups are on, as a person reads it: "web", or "web's eth1". */
  owner: string;
  groups: NodeData["groups"];
  deviceIndex?: number;
}) {
  return (
    <div className="node__chips">
      {groups.length === 0 && <span className="chip chip--empty">no security group</span>}
      {groups.map((g) => (
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
            aria-label={`Detach ${g.name} from ${owner}`}
            title={`Detach ${g.name}`}
            onClick={(e) => {
              e.stopPropagation();
              run(detachGroup, { nodeId, groupId: g.id, ...(deviceIndex ? { deviceIndex } : {}) });
            }}
          >
            ×
          </button>
        </span>
      ))}
    </div>
  );
}

/**
 * One network interface of an instance that has several: its name, address and groups, with a
 * handle on each side where that interface's flows end. A group dropped on the row goes on this
 * interface (src/renderer/canvas/drop.ts reads data-device-index).
 */
function InterfaceRowView({ nodeId, nodeName, row }: { nodeId: string; nodeName: string; row: InterfaceRow }) {
  const title = [row.device, row.eniId, row.description].filter(Boolean).join(" · ");
  return (
    <div
      className={`node__row${row.highlighted ? " is-highlighted" : ""}`}
      data-device-index={row.deviceIndex}
      data-testid={`iface-${nodeId}-${row.device}`}
      title={title}
    >
      <Handle type="target" id={row.device} position={Position.Left} isConnectable={false} />
      <div className="node__row-head">
        <span className="node__device">{row.device}</span>
        {row.addresses.map((a) => (
          <span key={a} className="node__row-address">
            {a}
          </span>
        ))}
      </div>
      <GroupChips
        nodeId={nodeId}
        owner={`${nodeName}'s ${row.device}`}
        groups={row.groups}
        {...(row.deviceIndex ? { deviceIndex: row.deviceIndex } : {})}
      />
      <Handle type="source" id={row.device} position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const DesignNode = memo(DesignNodeView);
