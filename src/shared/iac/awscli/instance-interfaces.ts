// An instance's interfaces beyond the primary one. AWS attaches groups to each interface, so eth1
// keeps its own groups and addresses (never their union with eth0's), named by its DeviceIndex as
// the Terraform and CloudFormation readers name it. describe-instances prints them under the
// instance; describe-network-interfaces prints one entry each, with the instance's id.
import { idStem } from "../../model/ids";
import type { NetworkInterface } from "../../model/schema";
import type { DraftResource } from "../draft";
import { addresses } from "./addresses";
import { type Context, type JsonPath, unique, uniqueId } from "./context";
import type { AwsCliFile } from "./read";
import type { AwsInstanceInterface } from "./shapes";

/**
 * Adds `eni` to `instance` as its interface at `deviceIndex` (1 or more). An interface the instance
 * already has at that index is the same one read from the other output: it is kept as first read.
 */
export function addFurtherInterface(
  ctx: Context,
  instance: DraftResource,
  eni: AwsInstanceInterface,
  deviceIndex: number | undefined,
  file: AwsCliFile,
  at: JsonPath,
): void {
  const id = eni.NetworkInterfaceId ?? "an interface";
  if (deviceIndex === undefined || !Number.isInteger(deviceIndex) || deviceIndex < 1 || deviceIndex > 31) {
    ctx.warn(
      file,
      [...at, "Attachment", "DeviceIndex"],
      `${id} of ${instance.id} has no DeviceIndex from 1 to 31 (found ${deviceIndex ?? "none"}); not imported`,
    );
    return;
  }
  const known = instance.interfaces?.find((i) => i.deviceIndex === deviceIndex);
  if (known) {
    if (eni.NetworkInterfaceId && ![known.id, idStem(eni.NetworkInterfaceId)].includes(known.id))
      ctx.warn(
        file,
        at,
        `${id} and ${known.id} are both at DeviceIndex ${deviceIndex} of ${instance.id}; the first is kept`,
      );
    return;
  }
  const further: NetworkInterface = {
    id: uniqueId(
      idStem(eni.NetworkInterfaceId ?? `${instance.id}-eth${deviceIndex}`),
      ctx.interfaceIds,
      ctx.resourceIds,
    ),
    deviceIndex,
    ...(eni.Description?.trim() ? { description: eni.Description.trim().slice(0, 255) } : {}),
    ...addresses(eni.PrivateIpAddress, eni.Ipv6Addresses?.[0]?.Ipv6Address, eni.Association?.PublicIp),
    groupIds: unique((eni.Groups ?? []).map((g) => g.GroupId)),
  };
  ctx.interfaceIds.add(further.id);
  instance.interfaces = [...(instance.interfaces ?? []), further].sort((a, b) => a.deviceIndex - b.deviceIndex);
  ctx.remember(`node:${instance.id}/eth${deviceIndex}`, file, at);
}

/** The primary interface's groups and addresses as the instance's own (eth0 is the instance). */
export function setPrimaryInterface(ctx: Context, instance: DraftResource, eni: AwsInstanceInterface): void {
  if (eni.Groups) instance.groupIds = unique(eni.Groups.map((g) => g.GroupId));
  Object.assign(
    instance,
    addresses(eni.PrivateIpAddress, eni.Ipv6Addresses?.[0]?.Ipv6Address, eni.Association?.PublicIp),
  );
  ctx.primaryRead.add(instance.id);
}
