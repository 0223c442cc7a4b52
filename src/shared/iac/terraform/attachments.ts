// The resources security groups sit on, read from the Terraform that creates them.
import type { Capacity, Resource } from "../../model/schema";
import { isIpv4Address, isIpv6Address } from "../../net/address";
import { readAddressTags, show, warning } from "../draft";
import { outsideVpcReason } from "../outside-vpc";
import {
  type Body,
  type Context,
  type Declaration,
  known,
  nested,
  placeholderFor,
  reach,
  text,
  where,
} from "./context";
import { type Resolved, resolve, resolveList, TfRef } from "./expressions";
import { ATTACHABLE, type Kind, type Place } from "./kinds";
import { clusterKey, launchedGroupLists } from "./launch";

export { ATTACHABLE } from "./kinds";

function nameOf(ctx: Context, d: Declaration, spec: Kind): string {
  const tags = resolve(d.body.tags, ctx.scope);
  const tagName =
    "value" in tags && typeof tags.value === "object" && tags.value !== null
      ? resolve((tags.value as Body).Name, ctx.scope)
      : undefined;
  if (tagName && "value" in tagName && typeof tagName.value === "string" && tagName.value) return tagName.value;
  const own = spec.name ? resolve(d.body[spec.name], ctx.scope) : undefined;
  if (own && "value" in own && typeof own.value === "string" && own.value) return own.value;
  return d.name;
}

function groupIds(ctx: Context, d: Declaration, spec: Kind, declarations: ReadonlyMap<string, Declaration>): string[] {
  const ids: string[] = [];
  // The lists to read: the resource's own, and those of the launch template it names.
  const lists: { value: unknown; place: Place; from: Declaration }[] = [];
  for (const place of spec.groups) {
    const [block, attribute] = place;
    for (const body of block ? nested(d.body, block) : [d.body]) lists.push({ value: body[attribute], place, from: d });
  }
  if (spec.launched) {
    const launched = launchedGroupLists(ctx, d, declarations);
    lists.push(...launched.lists);
    if (launched.clusterGroup) ids.push(launched.clusterGroup.id);
  }
  for (const { value, place, from } of lists) {
    const [block, attribute] = place;
    // Found only for a warning (each place is a search of the block's text).
    const inside = block ? { nested: block, attribute } : { attribute };
    const list = resolveList(value, ctx.scope);
    for (const item of list.items) {
      if ("unresolved" in item) reach(ctx.reached, item.unknown);
      const placeholder = "unresolved" in item ? placeholderFor(ctx, item.unknown) : undefined;
      if ("unresolved" in item && placeholder) {
        ctx.warnings.push(
          warning(
            where(from, inside),
            `${from.type}.${from.name} ${attribute}: ${item.unresolved}; it gets the placeholder group "${placeholder.name}" until that is known`,
          ),
        );
        if (!ids.includes(placeholder.id)) ids.push(placeholder.id);
        continue;
      }
      if ("unresolved" in item) {
        ctx.warnings.push(
          warning(
            where(from, inside),
            `${from.type}.${from.name} ${attribute}: ${item.unresolved}; that group is not attached`,
          ),
        );
        continue;
      }
      const v = item.value;
      // A literal may be a group id or (in security_groups of the default VPC) a group name.
      const group =
        v instanceof TfRef
          ? ctx.groups.get(`${v.type}.${v.name}`)
          : [...ctx.groups.values()].find((g) => g.id === v || g.name === v);
      if (!group)
        ctx.warnings.push(
          warning(
            where(from, inside),
            `${from.type}.${from.name}: ${show(v)} is not a security group in these files; not attached`,
          ),
        );
      else if (!ids.includes(group.id)) ids.push(group.id);
    }
  }
  return ids;
}

/** The sizes a group of instances states, where they are whole numbers. */
function capacityOf(ctx: Context, d: Declaration, spec: Kind): Capacity | undefined {
  if (!spec.capacity) return undefined;
  const capacity: Capacity = {};
  for (const key of ["desired", "min", "max"] as const) {
    const place = spec.capacity[key];
    if (!place) continue;
    const [block, attribute] = place;
    const body = block ? nested(d.body, block)[0] : d.body;
    const r = body ? resolve(body[attribute], ctx.scope) : undefined;
    const n = r && "value" in r ? Number(r.value) : Number.NaN;
    if (Number.isInteger(n) && n >= 0 && r && "value" in r && r.value !== null && r.value !== "") capacity[key] = n;
  }
  return Object.keys(capacity).length ? capacity : undefined;
}

function vpcOf(ctx: Context, d: Declaration, groupIdsOf: string[]): string | undefined {
  const direct = resolve(d.body.vpc_id, ctx.scope);
  if ("value" in direct && direct.value instanceof TfRef) {
    const v = ctx.vpcs.get(`${direct.value.type}.${direct.value.name}`);
    if (v) return v.id;
  }
  const subnet = resolve(d.body.subnet_id, ctx.scope);
  if ("value" in subnet && subnet.value instanceof TfRef) {
    const vpcRef = resolve(ctx.subnets.get(`${subnet.value.type}.${subnet.value.name}`), ctx.scope);
    if ("value" in vpcRef && vpcRef.value instanceof TfRef) {
      const v = ctx.vpcs.get(`${vpcRef.value.type}.${vpcRef.value.name}`);
      if (v) return v.id;
    }
  }
  const groupOfId = (id: string) => ctx.groups.get(ctx.declarationOf.get(id) ?? "");
  return groupIdsOf.map((id) => groupOfId(id)?.vpcId).find((v) => v !== undefined);
}

export function readAttachment(
  ctx: Context,
  d: Declaration,
  declarations: ReadonlyMap<string, Declaration> = new Map(),
): void {
  const spec = ATTACHABLE[d.type] as Kind;
  // Terraform's vpc_endpoint_type defaults to Gateway; one that names groups is meant as an interface.
  const endpointType =
    d.type !== "aws_vpc_endpoint"
      ? undefined
      : d.body.vpc_endpoint_type === undefined
        ? d.body.security_group_ids === undefined
          ? "Gateway"
          : "Interface"
        : text(resolvedValue(resolve(d.body.vpc_endpoint_type, ctx.scope)));
  const outside = outsideVpcReason(d.type === "aws_lambda_function" ? "function" : spec.kind, {
    hasVpcConfig: nested(d.body, "vpc_config").length > 0,
    endpointType,
  });
  if (outside) {
    ctx.warnings.push(warning(where(d), `${d.type}.${d.name} ${outside}`));
    return;
  }
  const ids = groupIds(ctx, d, spec, declarations);
  // An instance whose primary interface is an aws_network_interface takes that interface's groups
  // (attachInterfaces); whether it names any is said at the interface.
  const primaryElsewhere = nested(d.body, "network_interface").some(
    (b) => text(resolvedValue(resolve(b.device_index, ctx.scope))) === "0",
  );
  if (ids.length === 0 && !primaryElsewhere)
    ctx.warnings.push(
      warning(
        where(d),
        `${d.type}.${d.name} names no security group in these files, so AWS gives it its VPC's default group`,
      ),
    );
  const capacity = capacityOf(ctx, d, spec);
  const resource: Omit<Resource, "position"> = {
    id: ctx.ids.take(d.name),
    kind: spec.kind,
    ...(spec.service ? { service: spec.service } : {}),
    ...(capacity ? { capacity } : {}),
    name: nameOf(ctx, d, spec),
    groupIds: ids,
  };
  if (d.type === "aws_eks_cluster") joinClusterGroup(ctx, d, resource);
  const vpcId = vpcOf(ctx, d, ids);
  if (vpcId) resource.vpcId = vpcId;
  if (d.type === "aws_network_interface") {
    const ip = resolveList(d.body.private_ips, ctx.scope).items[0];
    if (ip && "value" in ip && typeof ip.value === "string" && isIpv4Address(ip.value)) resource.privateIpv4 = ip.value;
    const v6 = resolveList(d.body.ipv6_addresses, ctx.scope).items[0];
    if (v6 && "value" in v6 && typeof v6.value === "string" && isIpv6Address(v6.value)) resource.ipv6 = v6.value;
  }
  if (d.type === "aws_instance") {
    const ip = known(
      ctx,
      d.body.private_ip,
      () => where(d, { attribute: "private_ip" }),
      `${d.type}.${d.name} private_ip`,
    );
    const ipText = "value" in ip ? text(ip.value) : undefined;
    if (ipText !== undefined) {
      if (isIpv4Address(ipText)) resource.privateIpv4 = ipText;
      else
        ctx.errors.push({
          ...where(d, { attribute: "private_ip" }),
          message: `private_ip "${ipText}" is not an IPv4 address such as 10.0.1.5`,
          severity: "error",
        });
    }
    const v6 = resolveList(d.body.ipv6_addresses, ctx.scope).items[0];
    if (v6 && "value" in v6 && typeof v6.value === "string") {
      if (isIpv6Address(v6.value)) resource.ipv6 = v6.value;
      else
        ctx.errors.push({
          ...where(d, { attribute: "ipv6_addresses" }),
          message: `"${v6.value}" is not an IPv6 address such as 2001:db8::5`,
          severity: "error",
        });
    }
  }
  const tags = resolve(d.body.tags, ctx.scope);
  if ("value" in tags && typeof tags.value === "object" && tags.value !== null && !Array.isArray(tags.value))
    readAddressTags(tags.value as Body, resource, () => where(d, { attribute: "tags" }), ctx.errors);
  ctx.resources.push(resource);
}

/** A cluster's control plane interfaces carry the cluster security group too; it names the cluster it belongs to. */
function joinClusterGroup(ctx: Context, d: Declaration, cluster: Omit<Resource, "position">): void {
  const group = ctx.groups.get(clusterKey(d.name));
  if (!group) return;
  if (!cluster.groupIds.includes(group.id)) cluster.groupIds.unshift(group.id);
  group.eksCluster = cluster.id;
}

/** A resolved value, or undefined where it is unknown. */
function resolvedValue(r: Resolved): unknown {
  return "value" in r ? r.value : undefined;
}
