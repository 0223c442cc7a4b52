// describe-network-interfaces: each interface joins what stands behind it (an instance, as one of
// its interfaces; a load balancer; a Lambda function …; see classify.ts), or becomes a node of its own.
import { idStem } from "../../model/ids";
import { isIpv6Address } from "../../net/address";
import type { DraftResource } from "../draft";
import { addresses } from "./addresses";
import { classifyInterface } from "./classify";
import { type Context, type JsonPath, unique, uniqueId } from "./context";
import { addFurtherInterface, setPrimaryInterface } from "./instance-interfaces";
import type { AwsCliFile } from "./read";
import { type AwsNetworkInterface, nameTag } from "./shapes";

export function readNetworkInterfaces(ctx: Context): void {
  for (const { file, output } of ctx.outputs)
    output.NetworkInterfaces?.forEach((eni, i) => {
      const at: JsonPath = ["NetworkInterfaces", i];
      const owner = classifyInterface(eni);
      if ("skip" in owner) {
        ctx.warn(file, at, `${eni.NetworkInterfaceId} not imported: ${owner.skip}`);
        return;
      }
      const instanceId = eni.Attachment?.InstanceId;
      if (owner.kind === "instance" && instanceId) {
        readInstanceInterface(ctx, eni, instanceId, file, at);
        return;
      }
      const groupIds = unique((eni.Groups ?? []).map((g) => g.GroupId));
      const existing = ctx.resourceByKey.get(owner.key);
      if (existing) {
        mergeInterface(existing, eni, groupIds);
        return;
      }
      ctx.needVpc(eni.VpcId);
      const id = uniqueId(idStem(owner.key.replace(":", "-")), ctx.resourceIds);
      const resource: DraftResource = {
        id,
        kind: owner.kind,
        ...(owner.service ? { service: owner.service } : {}),
        name: nameTag(eni.TagSet) ?? owner.name.slice(0, 255),
        ...(eni.VpcId ? { vpcId: eni.VpcId } : {}),
        ...addresses(eni.PrivateIpAddress, eni.Ipv6Addresses?.[0]?.Ipv6Address, eni.Association?.PublicIp),
        groupIds,
      };
      ctx.addResource(resource);
      ctx.remember(`node:${id}`, file, at);
      ctx.resourceByKey.set(owner.key, resource);
    });
  warnUnreadPrimaries(ctx);
}

/**
 * One interface of an instance: several entries with the same Attachment.InstanceId are one
 * instance with several interfaces, each with its own groups (never their union). DeviceIndex 0
 * is the instance's own interface; an instance described by describe-instances keeps what it said.
 */
function readInstanceInterface(
  ctx: Context,
  eni: AwsNetworkInterface,
  instanceId: string,
  file: AwsCliFile,
  at: JsonPath,
): void {
  const device = eni.Attachment?.DeviceIndex ?? 0;
  let instance = ctx.resourceByKey.get(instanceId);
  if (!instance) {
    ctx.needVpc(eni.VpcId);
    instance = {
      id: uniqueId(idStem(instanceId), ctx.resourceIds, ctx.interfaceIds),
      kind: "instance",
      name: instanceId,
      ...(eni.VpcId ? { vpcId: eni.VpcId } : {}),
      groupIds: [],
    };
    ctx.addResource(instance);
    ctx.remember(`node:${instance.id}`, file, at);
    ctx.resourceByKey.set(instanceId, instance);
  }
  if (device !== 0) {
    addFurtherInterface(ctx, instance, eni, device, file, at);
    return;
  }
  if (ctx.primaryRead.has(instance.id)) {
    // The same interface as describe-instances printed: only what that output leaves out.
    const ipv6 = eni.Ipv6Addresses?.[0]?.Ipv6Address;
    if (!instance.ipv6 && ipv6 && isIpv6Address(ipv6)) instance.ipv6 = ipv6;
    return;
  }
  // The interface's Name tag names the interface; with no other name, it names the instance.
  const tag = nameTag(eni.TagSet);
  if (tag) instance.name = tag.slice(0, 255);
  setPrimaryInterface(ctx, instance, { ...eni, Groups: eni.Groups ?? [] });
  // describe-network-interfaces prints where the instance is placed even when it is the only file.
  ctx.remember(`node:${instance.id}`, file, at);
}

/**
 * An instance known only by its further interfaces: its primary interface (eth0) was in none of
 * the files, so eth0 has no groups here. Said once per instance, at its first interface.
 */
function warnUnreadPrimaries(ctx: Context): void {
  for (const [key, r] of ctx.resourceByKey) {
    if (r.kind !== "instance" || ctx.primaryRead.has(r.id) || (key !== r.id && key !== r.name)) continue;
    const at = ctx.locate(`node:${r.id}`);
    ctx.warnings.push({
      ...at,
      message: `instance ${key}: its primary interface (DeviceIndex 0) is in none of these files, so it stands without groups (import describe-instances, or describe-network-interfaces of all its interfaces)`,
      severity: "warning",
    });
  }
}

/** A second interface of the same resource (an ALB's next zone) adds its groups; the address
 * is then no longer one, so it is dropped: the resource has *some* address in its VPC. */
function mergeInterface(resource: DraftResource, eni: AwsNetworkInterface, groupIds: string[]): void {
  resource.groupIds = unique([...resource.groupIds, ...groupIds]);
  if (eni.PrivateIpAddress !== resource.privateIpv4) delete resource.privateIpv4;
  if (eni.Association?.PublicIp !== resource.publicIpv4) delete resource.publicIpv4;
  delete resource.ipv6;
}
