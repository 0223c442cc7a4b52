// aws_network_interface_attachment (or an aws_instance's inline network_interface block) puts an
// aws_network_interface on an instance at a DeviceIndex:
// the interface then belongs to the instance (an end "<instance>/eth<n>" with its own groups and
// addresses), not a node of its own. The export writes an instance's further interfaces so.
import type { Resource } from "../../model/schema";
import { type Where, warning } from "../draft";
import { type Context, type Declaration, nested, where } from "./context";
import { resolve, TfRef } from "./expressions";
import { attr, type Block, block, raw, type Value } from "./hcl";

type Read = Omit<Resource, "position">;

/** One interface put on an instance, by an aws_network_interface_attachment or an inline block. */
interface Attaching {
  what: string;
  instance: Read | undefined;
  eni: Read | undefined;
  device: unknown;
  at: () => Where;
  /** Inline network_interface blocks may name the primary interface (device_index 0) too. */
  primary: boolean;
}

/**
 * Moves each attached aws_network_interface into its instance: those of the attachments, and
 * those an aws_instance names in its inline `network_interface { device_index,
 * network_interface_id }` blocks. `byKey`: "type.name" -> the resource read from it.
 */
export function attachInterfaces(
  ctx: Context,
  attachments: readonly Declaration[],
  instances: readonly Declaration[],
  byKey: ReadonlyMap<string, Read>,
): void {
  const refTo = (value: unknown) => {
    const r = resolve(value, ctx.scope);
    return "value" in r && r.value instanceof TfRef ? byKey.get(`${r.value.type}.${r.value.name}`) : undefined;
  };
  const all: Attaching[] = attachments.map((d) => ({
    what: `${d.type}.${d.name}`,
    instance: refTo(d.body.instance_id),
    eni: refTo(d.body.network_interface_id),
    device: d.body.device_index,
    at: () => where(d, { attribute: "device_index" }),
    primary: false,
  }));
  for (const d of instances)
    nested(d.body, "network_interface").forEach((block, n) => {
      all.push({
        what: `${d.type}.${d.name} network_interface ${n + 1}`,
        instance: byKey.get(`${d.type}.${d.name}`),
        eni: refTo(block.network_interface_id),
        device: block.device_index,
        at: () => where(d, { nested: "network_interface", n, attribute: "device_index" }),
        primary: true,
      });
    });
  const moved = new Set<Read>();
  const primaryTaken = new Set<Read>();
  for (const a of all) {
    const { instance, eni } = a;
    if (!instance || !eni || eni.service !== "networkInterface" || instance.kind !== "instance" || instance.service) {
      ctx.warnings.push(
        warning(
          a.at(),
          `${a.what}: the instance or interface it names is not in these files; the interface stays a node of its own`,
        ),
      );
      continue;
    }
    const index = resolve(a.device, ctx.scope);
    const device = "value" in index ? Number(index.value) : Number.NaN;
    const lowest = a.primary ? 0 : 1;
    const taken =
      device === 0 ? primaryTaken.has(instance) : instance.interfaces?.some((i) => i.deviceIndex === device);
    if (!Number.isInteger(device) || device < lowest || device > 31 || taken) {
      ctx.warnings.push(
        warning(a.at(), `${a.what}: device_index must be a free index from ${lowest} to 31; not attached`),
      );
      continue;
    }
    const addresses = {
      ...(eni.privateIpv4 ? { privateIpv4: eni.privateIpv4 } : {}),
      ...(eni.ipv6 ? { ipv6: eni.ipv6 } : {}),
      ...(eni.publicIpv4 ? { publicIpv4: eni.publicIpv4 } : {}),
    };
    if (device === 0) {
      // The instance's own interface: its groups and addresses are the interface's.
      instance.groupIds = [...eni.groupIds];
      Object.assign(instance, addresses);
      primaryTaken.add(instance);
    } else {
      const further = { id: eni.id, deviceIndex: device, groupIds: eni.groupIds, ...addresses };
      instance.interfaces = [...(instance.interfaces ?? []), further].sort((x, y) => x.deviceIndex - y.deviceIndex);
    }
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
