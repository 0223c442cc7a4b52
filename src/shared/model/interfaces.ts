// A resource with several network interfaces is several ends of flows: AWS attaches groups to
// interfaces, so eth1 with other groups admits and sends other traffic than eth0. The resource's
// own fields are its primary interface (eth0, the end named as the resource); each further
// interface is an end of its own, "<resource>/eth<DeviceIndex>", with its groups and addresses.
import type { NetworkInterface, Resource } from "./schema";

/** The id of the end that stands for a resource's interface: "web/eth1". */
export function interfaceEndId(resourceId: string, deviceIndex: number): string {
  return `${resourceId}/eth${deviceIndex}`;
}

/** AWS's name of an interface on the instance: eth0, eth1 … (by DeviceIndex). */
export const deviceName = (deviceIndex: number) => `eth${deviceIndex}`;

/**
 * The further interfaces of a resource as resources of their own (one end each), in device
 * order. Empty for a resource with one interface, so that such designs read as they always did.
 */
export function interfaceEnds(r: Resource): Resource[] {
  if (!r.interfaces?.length) return [];
  return [...r.interfaces].sort((a, b) => a.deviceIndex - b.deviceIndex).map((eni) => interfaceEnd(r, eni));
}

function interfaceEnd(r: Resource, eni: NetworkInterface): Resource {
  const end: Resource = {
    id: interfaceEndId(r.id, eni.deviceIndex),
    kind: r.kind,
    name: `${r.name || r.id}/${deviceName(eni.deviceIndex)}`,
    groupIds: eni.groupIds,
    position: r.position,
  };
  if (r.vpcId) end.vpcId = r.vpcId;
  if (eni.privateIpv4) end.privateIpv4 = eni.privateIpv4;
  if (eni.ipv6) end.ipv6 = eni.ipv6;
  if (eni.publicIpv4) end.publicIpv4 = eni.publicIpv4;
  return end;
}

/** The resource and interface an end id names, where it is an interface's end ("web/eth1"). */
export function interfaceOfEnd(
  resources: readonly Resource[],
  endId: string,
): { resource: Resource; eni: NetworkInterface } | undefined {
  const m = /^(.*)\/eth(\d+)$/.exec(endId);
  if (!m) return undefined;
  const resource = resources.find((r) => r.id === m[1]);
  const eni = resource?.interfaces?.find((i) => i.deviceIndex === Number(m[2]));
  return resource && eni ? { resource, eni } : undefined;
}

/** Every end of the design's resources: each resource (its eth0), then its further interfaces. */
export function resourceEnds(resources: readonly Resource[]): Resource[] {
  const out: Resource[] = [];
  for (const r of resources) {
    out.push(r);
    if (r.interfaces?.length) out.push(...interfaceEnds(r));
  }
  return out;
}
