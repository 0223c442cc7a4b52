// An instance with several network interfaces is one node with a row per interface: AWS attaches
// groups to interfaces, so each row shows its own groups and addresses and has its own handles,
// and a flow's line ends at the row of the interface it uses (its end "web/eth1", or "web" for eth0).
// An instance with one interface has no rows and looks as it always did.
import { type Node, Position } from "@xyflow/react";
import type { Resource } from "../../shared/model";
import { deviceName } from "../../shared/model/interfaces";

export interface InterfaceRow {
  /** eth0, eth1 …: AWS's name on the instance, and the id of the row's handles. */
  device: string;
  deviceIndex: number;
  /** The interface's own id (eni-…) where the design has one: eth0's is the resource's. */
  eniId?: string;
  description?: string;
  addresses: string[];
  groups: { id: string; name: string }[];
  /** A group of this interface is the selected group. */
  highlighted: boolean;
}

/** The addresses of an interface as the node shows them. */
export function addressesOf(i: Pick<Resource, "privateIpv4" | "ipv6" | "publicIpv4">): string[] {
  return [i.privateIpv4, i.ipv6, i.publicIpv4 && `public ${i.publicIpv4}`].filter((a): a is string => !!a);
}

/** The rows of a resource, eth0 first; undefined for a resource with one interface. */
export function interfaceRows(
  r: Resource,
  groupNames: ReadonlyMap<string, string>,
  highlightGroup?: string,
): InterfaceRow[] | undefined {
  if (!r.interfaces?.length) return undefined;
  const groups = (ids: readonly string[]) => ids.map((id) => ({ id, name: groupNames.get(id) ?? id }));
  const rows: InterfaceRow[] = [
    {
      device: deviceName(0),
      deviceIndex: 0,
      addresses: addressesOf(r),
      groups: groups(r.groupIds),
      highlighted: highlightGroup !== undefined && r.groupIds.includes(highlightGroup),
    },
  ];
  for (const eni of [...r.interfaces].sort((a, b) => a.deviceIndex - b.deviceIndex))
    rows.push({
      device: deviceName(eni.deviceIndex),
      deviceIndex: eni.deviceIndex,
      eniId: eni.id,
      ...(eni.description ? { description: eni.description } : {}),
      addresses: addressesOf(eni),
      groups: groups(eni.groupIds),
      highlighted: highlightGroup !== undefined && eni.groupIds.includes(highlightGroup),
    });
  return rows;
}

/** Whether two row lists draw the same: a node keeps its object while they do. */
export function sameRows(a: readonly InterfaceRow[] | undefined, b: readonly InterfaceRow[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i] as InterfaceRow;
      return (
        x.device === y.device &&
        x.eniId === y.eniId &&
        x.description === y.description &&
        x.highlighted === y.highlighted &&
        x.addresses.join() === y.addresses.join() &&
        x.groups.length === y.groups.length &&
        x.groups.every((g, k) => g.id === y.groups[k]?.id && g.name === y.groups[k]?.name)
      );
    })
  );
}

/** The ids of the resources drawn with rows, as one string: compared cheaply edit after edit. */
export function rowNodesKey(resources: readonly Resource[]): string {
  let key = "";
  for (const r of resources) if (r.interfaces?.length) key = key === "" ? r.id : `${key}\n${r.id}`;
  return key;
}

/** Where a flow's end is drawn: its node, and the interface ("eth1") for a further one. */
export function canvasEnd(id: string): { node: string; device?: string } {
  const m = /^(.+)\/(eth[1-9]\d*)$/.exec(id);
  return m ? { node: m[1] as string, device: m[2] as string } : { node: id };
}

/**
 * The handle a flow's line uses at one end: the row of its interface on a node drawn with rows
 * (eth0 for the resource's own end), none (the node's side) on any other node.
 */
export function rowHandle(end: { node: string; device?: string }, rowNodes: ReadonlySet<string>): string | undefined {
  return rowNodes.has(end.node) ? (end.device ?? deviceName(0)) : undefined;
}

// Nominal geometry of a node with rows (the CSS of .node__row): where its handles are before
// React Flow measures it, so that lines can be routed to the rows from the first frame.
export const ROWS_TOP = 54;
export const ROW_HEIGHT = 46;

/** The handles of a node with rows of `devices`, beside `base` (the node's own anchors), before measuring. */
export function rowHandles(
  base: NonNullable<Node["handles"]>,
  devices: readonly string[],
  width: number,
): NonNullable<Node["handles"]> {
  const rows = devices.map((id, i) => {
    const y = ROWS_TOP + i * ROW_HEIGHT;
    return [
      { id, type: "target" as const, position: Position.Left, x: 0, y, width: 1, height: ROW_HEIGHT },
      { id, type: "source" as const, position: Position.Right, x: width, y, width: 1, height: ROW_HEIGHT },
    ];
  });
  // The node's own anchors first (edges without a handle use those), the intent handle last.
  const anchors = base.filter((h) => h.id !== "intent");
  const intent = base.filter((h) => h.id === "intent");
  return [...anchors, ...rows.flat(), ...intent];
}
