// describe-network-interfaces: each interface joins what stands behind it (an instance, a load
// balancer, a Lambda function …; see classify.ts), or becomes a node of its own.
import { idStem } from "../../model/ids";
import type { Resource } from "../../model/schema";
import { isIpv6Address } from "../../net/address";
import { addresses } from "./addresses";
import { classifyInterface } from "./classify";
import { type Context, type JsonPath, unique, uniqueId } from "./context";
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
      const groupIds = unique((eni.Groups ?? []).map((g) => g.GroupId));
      const existing = ctx.resourceByKey.get(owner.key);
      if (existing) {
        mergeInterface(existing, eni, groupIds);
        return;
      }
      ctx.needVpc(eni.VpcId);
      const id = uniqueId(idStem(owner.key.replace(":", "-")), ctx.resources);
      const resource: Resource = {
        id,
        kind: owner.kind,
        ...(owner.service ? { service: owner.service } : {}),
        name: nameTag(eni.TagSet) ?? owner.name.slice(0, 255),
        ...(eni.VpcId ? { vpcId: eni.VpcId } : {}),
        ...addresses(eni.PrivateIpAddress, eni.Ipv6Addresses?.[0]?.Ipv6Address, eni.Association?.PublicIp),
        groupIds,
        position: { x: 0, y: 0 },
      };
      ctx.resources.set(id, resource);
      ctx.remember(`node:${id}`, file, at);
      ctx.resourceByKey.set(owner.key, resource);
    });
}

/** A second interface of the same resource (an ALB's next zone) adds its groups; the address
 * is then no longer one, so it is dropped: the resource has *some* address in its VPC. */
function mergeInterface(resource: Resource, eni: AwsNetworkInterface, groupIds: string[]): void {
  resource.groupIds = unique([...resource.groupIds, ...groupIds]);
  if (resource.kind === "instance") {
    const ipv6 = eni.Ipv6Addresses?.[0]?.Ipv6Address;
    if (!resource.ipv6 && ipv6 && isIpv6Address(ipv6)) resource.ipv6 = ipv6;
    return;
  }
  if (eni.PrivateIpAddress !== resource.privateIpv4) delete resource.privateIpv4;
  if (eni.Association?.PublicIp !== resource.publicIpv4) delete resource.publicIpv4;
  delete resource.ipv6;
}
