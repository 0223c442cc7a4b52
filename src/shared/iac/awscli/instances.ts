// describe-instances: each instance that is not terminated, with its Name tag, and each of its
// network interfaces with their own groups and addresses (eth0 as the instance's own).
import { type DraftResource, withoutAddressTags } from "../draft";
import { addresses } from "./addresses";
import { type Context, type JsonPath, unique } from "./context";
import { addFurtherInterface, setPrimaryInterface } from "./instance-interfaces";
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
        if (ctx.resourceIds.has(inst.InstanceId)) {
          ctx.warn(file, at, `instance ${inst.InstanceId} appears twice; the first is kept`);
          return;
        }
        ctx.needVpc(inst.VpcId);
        // Groups belong to interfaces: the primary one (DeviceIndex 0) carries the instance's
        // own groups. The instance's SecurityGroups are every interface's groups together, so
        // they are read only where no interface is printed.
        const nics = inst.NetworkInterfaces ?? [];
        const primary = nics.find((n) => n.Attachment?.DeviceIndex === 0) ?? (nics.length === 1 ? nics[0] : undefined);
        const tags = withoutAddressTags(tagRecord(inst.Tags));
        const resource: DraftResource = {
          id: inst.InstanceId,
          kind: "instance",
          name: nameTag(inst.Tags) ?? inst.InstanceId,
          ...(inst.VpcId ? { vpcId: inst.VpcId } : {}),
          groupIds: unique((inst.SecurityGroups ?? []).map((s) => s.GroupId)),
          // An instance deployed from an export carries its address tags; AWS states the addresses itself.
          ...(tags ? { tags } : {}),
        };
        if (primary) setPrimaryInterface(ctx, resource, primary);
        // The instance's own fields are what AWS prints for its primary interface's addresses.
        Object.assign(
          resource,
          addresses(inst.PrivateIpAddress, primary?.Ipv6Addresses?.[0]?.Ipv6Address, inst.PublicIpAddress),
        );
        nics.forEach((n, k) => {
          if (n !== primary)
            addFurtherInterface(ctx, resource, n, n.Attachment?.DeviceIndex, file, [...at, "NetworkInterfaces", k]);
        });
        ctx.primaryRead.add(resource.id);
        ctx.addResource(resource);
        ctx.remember(`node:${resource.id}`, file, at);
        ctx.resourceByKey.set(resource.id, resource);
      });
    });
}
