// An AWS::EC2::NetworkInterface put on an instance by another resource: an
// AWS::EC2::NetworkInterfaceAttachment, or an item of the instance's NetworkInterfaces that names
// it by NetworkInterfaceId. The interface then belongs to the instance (eth<DeviceIndex>, with its
// own groups and addresses; DeviceIndex 0 is the instance's own), not a node of its own.
import type { NetworkInterface, Resource } from "../../model/schema";
import { show, warning } from "../draft";
import { type Context, type InterfaceAttachment, type Props, text } from "./context";
import { CfnRef, resolve } from "./intrinsics";
import type { Path } from "./template";

/** The attachment an AWS::EC2::NetworkInterfaceAttachment declares. */
export function attachmentResource(id: string, props: Props, path: Path): InterfaceAttachment {
  return {
    by: id,
    path,
    instance: props.InstanceId,
    networkInterface: props.NetworkInterfaceId,
    deviceIndex: props.DeviceIndex,
  };
}

const logicalId = (ctx: Context, value: unknown): string | undefined => {
  const r = resolve(value, ctx.t);
  return "value" in r && r.value instanceof CfnRef ? r.value.logicalId : undefined;
};

/** Moves each attached interface into its instance. `byLogicalId`: the resource read from each logical id. */
export function attachInterfaces(
  ctx: Context,
  attachments: readonly InterfaceAttachment[],
  byLogicalId: ReadonlyMap<string, Omit<Resource, "position">>,
): void {
  const moved = new Set<Omit<Resource, "position">>();
  const primaryTaken = new Set<Omit<Resource, "position">>();
  for (const a of attachments) {
    const instance = byLogicalId.get(logicalId(ctx, a.instance) ?? "");
    const eni = byLogicalId.get(logicalId(ctx, a.networkInterface) ?? "");
    if (!instance || !eni || eni.service !== "networkInterface" || instance.kind !== "instance" || instance.service) {
      ctx.warnings.push(
        warning(
          ctx.at(a.path),
          `${a.by}: the instance or network interface it names is not in this template; the interface stays a node of its own`,
        ),
      );
      continue;
    }
    const device = Number(text(resolve(a.deviceIndex, ctx.t)));
    const taken =
      device === 0 ? primaryTaken.has(instance) : instance.interfaces?.some((i) => i.deviceIndex === device);
    if (!Number.isInteger(device) || device < 0 || device > 31 || taken) {
      ctx.warnings.push(
        warning(
          ctx.at([...a.path, "DeviceIndex"]),
          `${a.by}: DeviceIndex ${show(a.deviceIndex)} must be a free index from 0 to 31; not attached`,
        ),
      );
      continue;
    }
    if (device === 0) {
      // The instance's own interface: its groups and addresses are the interface's.
      instance.groupIds = [...eni.groupIds];
      for (const key of ["privateIpv4", "ipv6", "publicIpv4"] as const) if (eni[key]) instance[key] = eni[key];
      primaryTaken.add(instance);
    } else {
      const further: NetworkInterface = { id: eni.id, deviceIndex: device, groupIds: eni.groupIds };
      for (const key of ["privateIpv4", "ipv6", "publicIpv4"] as const) if (eni[key]) further[key] = eni[key];
      instance.interfaces = [...(instance.interfaces ?? []), further].sort((x, y) => x.deviceIndex - y.deviceIndex);
    }
    // AWS attaches an interface only to an instance of its own VPC.
    if (!instance.vpcId && eni.vpcId) instance.vpcId = eni.vpcId;
    moved.add(eni);
  }
  if (moved.size) ctx.resources = ctx.resources.filter((r) => !moved.has(r));
}
