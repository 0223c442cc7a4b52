// describe-instances: each instance that is not terminated, with its Name tag, addresses and groups.
import type { Resource } from "../../model/schema";
import { withoutAddressTags } from "../draft";
import { addresses } from "./addresses";
import { type Context, type JsonPath, unique } from "./context";
import { nameTag, tagRecord } from "./shapes";

export function readInstances(ctx: Context): void {
  for (const { file, output } of ctx.outputs)
    output.Reservations?.forEach((reservation, i) => {
      reservation.Instances.forEach((inst, j) => {
        const at: JsonPath = ["Reservations", i, "Instances", j];
        if (inst.State?.Name === "terminated") {
          ctx.warn(file, at, `instance ${inst.InstanceId} is terminated; not imported`);
          return;
        }
        if (ctx.resources.has(inst.InstanceId)) {
          ctx.warn(file, at, `instance ${inst.InstanceId} appears twice; the first is kept`);
          return;
        }
        ctx.needVpc(inst.VpcId);
        // A design resource has one interface: the primary one (device index 0) carries the
        // instance's SecurityGroups; other interfaces with other groups are left out.
        const primary =
          inst.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0) ?? inst.NetworkInterfaces?.[0];
        if ((inst.NetworkInterfaces?.length ?? 0) > 1)
          ctx.warn(
            file,
            at,
            `instance ${inst.InstanceId} has several network interfaces; only the primary one is modelled`,
          );
        const groupIds = unique((inst.SecurityGroups ?? primary?.Groups ?? []).map((s) => s.GroupId));
        const tags = withoutAddressTags(tagRecord(inst.Tags));
        const resource: Resource = {
          id: inst.InstanceId,
          kind: "instance",
          name: nameTag(inst.Tags) ?? inst.InstanceId,
          ...(inst.VpcId ? { vpcId: inst.VpcId } : {}),
          ...addresses(inst.PrivateIpAddress, primary?.Ipv6Addresses?.[0]?.Ipv6Address, inst.PublicIpAddress),
          groupIds,
          // An instance deployed from an export carries its address tags; AWS states the addresses itself.
          ...(tags ? { tags } : {}),
          position: { x: 0, y: 0 },
        };
        ctx.resources.set(resource.id, resource);
        ctx.remember(`node:${resource.id}`, file, at);
        ctx.resourceByKey.set(resource.id, resource);
      });
    });
}
