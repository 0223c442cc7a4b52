// An instance's NetworkInterfaces: AWS attaches groups to each interface, so the one with
// DeviceIndex 0 carries the instance's own groups and addresses, and each other one is an
// interface of its own (eth1 …) with its GroupSet and addresses, never their union.
import type { NetworkInterface, Resource } from "../../model/schema";
import { isIpv4Address, isIpv6Address } from "../../net/address";
import { show, warning } from "../draft";
import { type Context, groupOf, isRecord, type Props, reach, text } from "./context";
import { resolve } from "./intrinsics";
import type { Path } from "./template";

/** The groups of one interface's GroupSet, warning at the interface for what is not a group of the template. */
function groupSet(ctx: Context, id: string, eni: Props, at: Path): string[] {
  const ids: string[] = [];
  const r = resolve(eni.GroupSet, ctx.t);
  if ("unresolved" in r) {
    reach(ctx, r);
    ctx.warnings.push(warning(ctx.at([...at, "GroupSet"]), `${id}: ${r.unresolved}`));
    return ids;
  }
  for (const item of Array.isArray(r.value) ? r.value : r.value === undefined ? [] : [r.value]) {
    const g = groupOf(ctx, item);
    if (!g)
      ctx.warnings.push(
        warning(
          ctx.at([...at, "GroupSet"]),
          `${id}: ${show(item)} is not a security group of this template; not attached`,
        ),
      );
    else if (!ids.includes(g.id)) ids.push(g.id);
  }
  return ids;
}

/**
 * Reads an instance's NetworkInterfaces into `resource`: DeviceIndex 0 gives its own groups and
 * addresses, the others become its further interfaces. Returns whether it had any.
 */
export function readInstanceInterfaces(
  ctx: Context,
  id: string,
  props: Props,
  path: Path,
  resource: Omit<Resource, "position">,
): boolean {
  const list = resolve(props.NetworkInterfaces, ctx.t);
  if (!("value" in list) || !Array.isArray(list.value) || list.value.length === 0) return false;
  const further: NetworkInterface[] = [];
  list.value.forEach((item, n) => {
    if (!isRecord(item)) return;
    const at: Path = [...path, "NetworkInterfaces", n];
    // An item naming an interface of the template attaches that interface, with its own groups.
    if (item.NetworkInterfaceId !== undefined) {
      ctx.interfaceAttachments.push({
        by: id,
        path: at,
        instance: { Ref: id },
        networkInterface: item.NetworkInterfaceId,
        deviceIndex: item.DeviceIndex,
      });
      return;
    }
    const device = Number(text(resolve(item.DeviceIndex, ctx.t)) ?? n);
    const groups = groupSet(ctx, id, item, at);
    const ip = text(resolve(item.PrivateIpAddress, ctx.t));
    const v6 = resolve(item.Ipv6Addresses, ctx.t);
    const firstV6 =
      "value" in v6 && Array.isArray(v6.value) && isRecord(v6.value[0])
        ? text(resolve(v6.value[0].Ipv6Address, ctx.t))
        : undefined;
    if (device === 0) {
      for (const g of groups) if (!resource.groupIds.includes(g)) resource.groupIds.push(g);
      if (ip && isIpv4Address(ip)) resource.privateIpv4 = ip;
      if (firstV6 && isIpv6Address(firstV6)) resource.ipv6 = firstV6;
      return;
    }
    if (!Number.isInteger(device) || device < 1 || device > 31) {
      ctx.warnings.push(
        warning(
          ctx.at([...at, "DeviceIndex"]),
          `${id}: DeviceIndex ${show(item.DeviceIndex)} is not 0-31; interface not imported`,
        ),
      );
      return;
    }
    const eni: NetworkInterface = { id: ctx.ids.take(`${id}-eth${device}`), deviceIndex: device, groupIds: groups };
    const description = text(resolve(item.Description, ctx.t));
    if (description) eni.description = description.slice(0, 255);
    if (ip && isIpv4Address(ip)) eni.privateIpv4 = ip;
    if (firstV6 && isIpv6Address(firstV6)) eni.ipv6 = firstV6;
    if (further.some((f) => f.deviceIndex === device))
      ctx.warnings.push(
        warning(ctx.at([...at, "DeviceIndex"]), `${id}: two interfaces have DeviceIndex ${device}; the first is kept`),
      );
    else further.push(eni);
  });
  if (further.length) resource.interfaces = further.sort((a, b) => a.deviceIndex - b.deviceIndex);
  return true;
}
