// aws_network_interface_attachment puts an aws_network_interface on an instance at a DeviceIndex:
// the interface then belongs to the instance (an end "<instance>/eth<n>" with its own groups and
// addresses), not a node of its own. The export writes an instance's further interfaces so.
import type { Resource } from "../../model/schema";
import { warning } from "../draft";
import { type Context, type Declaration, where } from "./context";
import { resolve, TfRef } from "./expressions";
import { attr, type Block, block, raw, type Value } from "./hcl";

/** Moves each attached aws_network_interface into its instance. `byKey`: "type.name" -> the resource read from it. */
export function attachInterfaces(
  ctx: Context,
  attachments: readonly Declaration[],
  byKey: ReadonlyMap<string, Omit<Resource, "position">>,
): void {
  const moved = new Set<Omit<Resource, "position">>();
  for (const d of attachments) {
    const ref = (name: string) => {
      const r = resolve(d.body[name], ctx.scope);
      return "value" in r && r.value instanceof TfRef ? byKey.get(`${r.value.type}.${r.value.name}`) : undefined;
    };
    const instance = ref("instance_id");
    const eni = ref("network_interface_id");
    const index = resolve(d.body.device_index, ctx.scope);
    const device = "value" in index ? Number(index.value) : Number.NaN;
    if (!instance || !eni || eni.service !== "networkInterface" || instance.kind !== "instance" || instance.service) {
      ctx.warnings.push(
        warning(
          where(d),
          `${d.type}.${d.name}: the instance or interface it names is not in these files; the interface stays a node of its own`,
        ),
      );
      continue;
    }
    if (
      !Number.isInteger(device) ||
      device < 1 ||
      device > 31 ||
      instance.interfaces?.some((i) => i.deviceIndex === device)
    ) {
      ctx.warnings.push(
        warning(
          where(d, { attribute: "device_index" }),
          `${d.type}.${d.name}: device_index must be a free index from 1 to 31; not attached`,
        ),
      );
      continue;
    }
    const further = {
      id: eni.id,
      deviceIndex: device,
      groupIds: eni.groupIds,
      ...(eni.privateIpv4 ? { privateIpv4: eni.privateIpv4 } : {}),
      ...(eni.ipv6 ? { ipv6: eni.ipv6 } : {}),
      ...(eni.publicIpv4 ? { publicIpv4: eni.publicIpv4 } : {}),
    };
    instance.interfaces = [...(instance.interfaces ?? []), further].sort((a, b) => a.deviceIndex - b.deviceIndex);
    // AWS attaches an interface only to an instance of its own VPC: an instance whose subnet and
    // primary groups say nothing (a subnet given as a variable) is in the interface's VPC.
    if (!instance.vpcId && eni.vpcId) instance.vpcId = eni.vpcId;
    moved.add(eni);
  }
  if (moved.size) ctx.resources = ctx.resources.filter((r) => !moved.has(r));
}

/** An instance's further interfaces as aws_network_interface resources and their attachments. */
export function interfaceBlocks(
  r: Resource,
  instance: string,
  groupRef: (id: string) => Value,
  subnet: Value,
  take: (type: string, base: string) => string,
): Block[] {
  return [...(r.interfaces ?? [])]
    .sort((a, b) => a.deviceIndex - b.deviceIndex)
    .flatMap((eni) => {
      const name = take("aws_network_interface", `${instance}_eth${eni.deviceIndex}`);
      const body = [attr("subnet_id", subnet), attr("security_groups", eni.groupIds.map(groupRef))];
      if (eni.description) body.push(attr("description", eni.description));
      if (eni.privateIpv4) body.push(attr("private_ips", [eni.privateIpv4]));
      if (eni.ipv6) body.push(attr("ipv6_addresses", [eni.ipv6]));
      return [
        block("resource", ["aws_network_interface", name], body),
        block(
          "resource",
          ["aws_network_interface_attachment", name],
          [
            attr("instance_id", raw(`aws_instance.${instance}.id`)),
            attr("network_interface_id", raw(`aws_network_interface.${name}.id`)),
            attr("device_index", eni.deviceIndex),
          ],
        ),
      ];
    });
}
