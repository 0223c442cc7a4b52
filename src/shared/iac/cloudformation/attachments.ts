// The resources security groups sit on, read from the template that creates them.
import type { Capacity, Resource } from "../../model/schema";
import { isIpv4Address, isIpv6Address } from "../../net/address";
import { error, readAddressTags, show, type Where, warning } from "../draft";
import { outsideVpcReason } from "../outside-vpc";
import { type Context, isRecord, known, nameOf, type Props, tagsOf, text, vpcIdOf } from "./context";
import { readInstanceInterfaces } from "./interfaces";
import { CfnRef, NO_VALUE, type Resolved, resolve } from "./intrinsics";
import { ATTACHABLE, type Kind } from "./kinds";
import { launchedGroupLists } from "./launch";
import { groupOrPlaceholder } from "./placeholders";
import type { Path } from "./template";

/** The values at `path` ("*" steps into every item of a list), added to `out`. */
function lookup(value: unknown, path: readonly string[], out: unknown[], from = 0): unknown[] {
  if (from === path.length) {
    if (value !== undefined) out.push(value);
    return out;
  }
  const head = path[from] as string;
  if (head === "*") {
    if (Array.isArray(value)) for (const v of value) lookup(v, path, out, from + 1);
  } else if (isRecord(value)) lookup(value[head], path, out, from + 1);
  return out;
}

/** Where a message about a group list goes: its path is made only then (a region has ten thousand instances). */
function placeOf(ctx: Context, path: Path, groupPath: readonly string[]): Where {
  return ctx.at([...path, ...groupPath.filter((p) => p !== "*")]);
}

export function readAttachment(
  ctx: Context,
  id: string,
  type: string,
  props: Props,
  path: Path,
  metadata?: unknown,
): void {
  const spec = ATTACHABLE[type];
  if (!spec) return;
  // CloudFormation's VpcEndpointType defaults to Gateway; one that names groups is meant as an interface.
  const endpointType =
    type !== "AWS::EC2::VPCEndpoint"
      ? undefined
      : props.VpcEndpointType === undefined
        ? props.SecurityGroupIds === undefined
          ? "Gateway"
          : "Interface"
        : text(resolve(props.VpcEndpointType, ctx.t));
  const outside = outsideVpcReason(type === "AWS::Lambda::Function" ? "function" : spec.kind, {
    hasVpcConfig: props.VpcConfig !== undefined,
    endpointType,
  });
  if (outside) {
    ctx.warnings.push(warning(ctx.at(path.slice(0, -1)), `${id} ${outside}`));
    return;
  }
  const groupIds: string[] = [];
  // The lists to read: the resource's own (most paths lead nowhere in a given resource: look
  // before making a list of what they hold), then those of the launch template it names.
  const lists: { value: unknown; at: () => Where }[] = [];
  for (const groupPath of spec.groups) {
    if (props[groupPath[0] as string] === undefined) continue;
    for (const value of lookup(props, groupPath, [])) lists.push({ value, at: () => placeOf(ctx, path, groupPath) });
  }
  if (spec.launched) {
    const launched = launchedGroupLists(ctx, id, type, props, path, spec.launched);
    for (const list of launched.lists) lists.push({ value: list.value, at: () => ctx.at(list.path) });
    if (launched.clusterGroup) groupIds.push(launched.clusterGroup.id);
  }
  // Control plane interfaces carry the cluster security group EKS creates, besides those named.
  const clusterGroup = type === "AWS::EKS::Cluster" ? ctx.clusterGroups.get(id) : undefined;
  if (clusterGroup) groupIds.push(clusterGroup.id);
  for (const { value, at } of lists) {
    // Item by item where the list is written out, so that one unknown item leaves the others.
    const r: Resolved = Array.isArray(value) ? { value } : resolve(value, ctx.t);
    if (!("unresolved" in r) && r.value === NO_VALUE) continue;
    const items: Resolved[] =
      "unresolved" in r
        ? [r]
        : Array.isArray(r.value)
          ? r.value.map((v) => resolve(v, ctx.t)).filter((x) => !("value" in x) || x.value !== NO_VALUE)
          : [{ value: r.value }];
    for (const item of items) {
      // A launch configuration's SecurityGroups may name groups by name.
      const found = groupOrPlaceholder(ctx, item, { byName: true, literalIds: true });
      if (!found)
        ctx.warnings.push(
          warning(
            at(),
            `${id}: ${"unresolved" in item ? item.unresolved : `${show(item.value)} is not a security group of this template`}; not attached`,
          ),
        );
      else {
        if (found.note) ctx.warnings.push(warning(at(), `${id}: ${found.note}`));
        if (!groupIds.includes(found.group.id)) groupIds.push(found.group.id);
      }
    }
  }
  // A classic load balancer without groups has the one AWS gives it (see classic-elb.ts).
  const elbGroup = groupIds.length === 0 ? ctx.elbGroups.get(id) : undefined;
  if (elbGroup) groupIds.push(elbGroup.id);
  // An instance's interfaces: eth0's groups are its own, the others' stay on their interfaces.
  const interfaces: Omit<Resource, "position"> = { id, kind: "instance", name: id, groupIds };
  const hasInterfaces = type === "AWS::EC2::Instance" && readInstanceInterfaces(ctx, id, props, path, interfaces);
  // An instance whose primary interface is an AWS::EC2::NetworkInterface takes that interface's
  // groups; whether it names any is said at the interface.
  const primaryElsewhere =
    type === "AWS::EC2::Instance" &&
    Array.isArray(props.NetworkInterfaces) &&
    props.NetworkInterfaces.some(
      (item) =>
        isRecord(item) && item.NetworkInterfaceId !== undefined && text(resolve(item.DeviceIndex, ctx.t)) === "0",
    );
  if (groupIds.length === 0 && !primaryElsewhere)
    ctx.warnings.push(
      warning(ctx.at(path), `${id} names no security group of this template, so AWS gives it its VPC's default group`),
    );
  const own = spec.name ? text(resolve(props[spec.name], ctx.t)) : undefined;
  // Read once, for the name and for the addresses.
  const tags = tagsOf(ctx, props);
  const capacity = capacityOf(ctx, props, spec);
  // In CDK's output a Name tag is the construct path CDK put there itself (`ShopStack/Web`); a name
  // the author chose is the resource's own name property.
  const cdkName = ctx.cdkNames.get(id);
  const resource: Omit<Resource, "position"> = {
    id: ctx.ids.take(id),
    kind: spec.kind,
    ...(spec.service ? { service: spec.service } : {}),
    ...(capacity ? { capacity } : {}),
    name: cdkName !== undefined ? (own ?? cdkName) : (nameOf(tags) ?? designName(metadata) ?? own ?? id),
    groupIds,
  };
  if (clusterGroup) clusterGroup.eksCluster = resource.id;
  const subnet = resolve(props.SubnetId, ctx.t);
  const viaSubnet =
    "value" in subnet && subnet.value instanceof CfnRef
      ? resolve(ctx.subnets.get(subnet.value.logicalId), ctx.t)
      : undefined;
  const vpcId =
    vpcIdOf(ctx, props.VpcId, [...path, "VpcId"], id) ??
    (viaSubnet && "value" in viaSubnet && viaSubnet.value instanceof CfnRef
      ? ctx.vpcs.get(viaSubnet.value.logicalId)?.id
      : undefined) ??
    // An instance's further interfaces are in its VPC too (AWS attaches no other), so their groups say it.
    [...groupIds, ...(interfaces.interfaces ?? []).flatMap((i) => i.groupIds)]
      .map((g) => ctx.groupsById.get(g)?.vpcId)
      .find((v) => v !== undefined);
  if (vpcId) resource.vpcId = vpcId;
  // An interface declared on its own states its addresses as an instance does (PrivateIpAddress, Ipv6Addresses).
  if (type === "AWS::EC2::Instance" || type === "AWS::EC2::NetworkInterface") {
    const ip =
      props.PrivateIpAddress === undefined
        ? undefined
        : text(known(ctx, props.PrivateIpAddress, path, id, "PrivateIpAddress"));
    if (ip !== undefined) {
      if (isIpv4Address(ip)) resource.privateIpv4 = ip;
      else
        ctx.errors.push(
          error(
            ctx.at([...path, "PrivateIpAddress"]),
            `PrivateIpAddress "${ip}" is not an IPv4 address such as 10.0.1.5`,
          ),
        );
    }
    const v6 = lookup(props, ["Ipv6Addresses", "*", "Ipv6Address"], [])[0];
    if (typeof v6 === "string") {
      if (isIpv6Address(v6)) resource.ipv6 = v6;
      else
        ctx.errors.push(
          error(ctx.at([...path, "Ipv6Addresses"]), `"${v6}" is not an IPv6 address such as 2001:db8::5`),
        );
    }
  }
  if (hasInterfaces) {
    if (interfaces.privateIpv4) resource.privateIpv4 = interfaces.privateIpv4;
    if (interfaces.ipv6) resource.ipv6 = interfaces.ipv6;
    if (interfaces.interfaces) resource.interfaces = interfaces.interfaces;
  }
  readAddressTags(tags, resource, () => ctx.at([...path, "Tags"]), ctx.errors);
  const addresses = metadataAddresses(metadata);
  if (addresses)
    readAddressTags(
      addresses,
      resource,
      () => ctx.at([...path.slice(0, -1), "Metadata", "Palisade", "Addresses"]),
      ctx.errors,
    );
  ctx.resources.push(resource);
}

/** The sizes a group of instances states, where they are whole numbers (CloudFormation often writes them as text). */
function capacityOf(ctx: Context, props: Props, spec: Kind): Capacity | undefined {
  if (!spec.capacity) return undefined;
  const capacity: Capacity = {};
  for (const key of ["desired", "min", "max"] as const) {
    const p = spec.capacity[key];
    const value = p ? lookup(props, p, [])[0] : undefined;
    const n = value === undefined ? Number.NaN : Number(text(resolve(value, ctx.t)));
    if (Number.isInteger(n) && n >= 0) capacity[key] = n;
  }
  return Object.keys(capacity).length ? capacity : undefined;
}

/**
 * The addresses Palisade's export wrote in a resource's Metadata (Palisade.Addresses, keyed as the
 * address tags) where its type takes no Tags, such as an ECS task set's public IPv4.
 */
function metadataAddresses(metadata: unknown): Record<string, unknown> | undefined {
  if (!isRecord(metadata) || !isRecord(metadata.Palisade)) return undefined;
  const addresses = metadata.Palisade.Addresses;
  return isRecord(addresses) ? addresses : undefined;
}

/**
 * The name the design gave a resource, where Palisade's export wrote it in the resource's Metadata
 * (Palisade.Name): most resource types carry no Name tag, and a logical id cannot hold spaces.
 */
function designName(metadata: unknown): string | undefined {
  if (!isRecord(metadata) || !isRecord(metadata.Palisade)) return undefined;
  const name = metadata.Palisade.Name;
  return typeof name === "string" && name.trim() !== "" ? name.slice(0, 255) : undefined;
}
