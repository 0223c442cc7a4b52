// The resources security groups sit on, read from the Terraform that creates them.
import type { Resource, ResourceKind } from "../../model/schema";
import { isIpv4Address, isIpv6Address } from "../../net/address";
import { readAddressTags, show, warning } from "../draft";
import { type Body, type Context, type Declaration, known, nested, placeholderFor, text, where } from "./context";
import { resolve, resolveList, TfRef } from "./expressions";

interface Kind {
  kind: ResourceKind;
  /** Where the groups are: [nested block, attribute] pairs tried in order. */
  groups: [string | undefined, string][];
  /** The resource's own name attribute (identifier, function_name...), after the Name tag. */
  name?: string;
}

export const ATTACHABLE: Record<string, Kind> = {
  aws_instance: {
    kind: "instance",
    groups: [
      [undefined, "vpc_security_group_ids"],
      [undefined, "security_groups"],
    ],
  },
  aws_lb: { kind: "loadBalancer", groups: [[undefined, "security_groups"]], name: "name" },
  aws_alb: { kind: "loadBalancer", groups: [[undefined, "security_groups"]], name: "name" },
  aws_elb: { kind: "loadBalancer", groups: [[undefined, "security_groups"]], name: "name" },
  aws_db_instance: { kind: "database", groups: [[undefined, "vpc_security_group_ids"]], name: "identifier" },
  aws_rds_cluster: { kind: "database", groups: [[undefined, "vpc_security_group_ids"]], name: "cluster_identifier" },
  aws_lambda_function: { kind: "function", groups: [["vpc_config", "security_group_ids"]], name: "function_name" },
  aws_ecs_service: { kind: "containerService", groups: [["network_configuration", "security_groups"]], name: "name" },
  aws_vpc_endpoint: { kind: "endpoint", groups: [[undefined, "security_group_ids"]] },
};

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

function groupIds(ctx: Context, d: Declaration, spec: Kind): string[] {
  const ids: string[] = [];
  for (const [block, attribute] of spec.groups) {
    const bodies = block ? nested(d.body, block) : [d.body];
    // Found only for a warning (each place is a search of the block's text).
    const inside = block ? { nested: block, attribute } : { attribute };
    for (const body of bodies) {
      const list = resolveList(body[attribute], ctx.scope);
      for (const item of list.items) {
        const placeholder = "unresolved" in item ? placeholderFor(ctx, item.unknown) : undefined;
        if ("unresolved" in item && placeholder) {
          ctx.warnings.push(
            warning(
              where(d, inside),
              `${d.type}.${d.name} ${attribute}: ${item.unresolved}; it gets the placeholder group "${placeholder.name}" until that is known`,
            ),
          );
          if (!ids.includes(placeholder.id)) ids.push(placeholder.id);
          continue;
        }
        if ("unresolved" in item) {
          ctx.warnings.push(
            warning(
              where(d, inside),
              `${d.type}.${d.name} ${attribute}: ${item.unresolved}; that group is not attached`,
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
              where(d, inside),
              `${d.type}.${d.name}: ${show(v)} is not a security group in these files; not attached`,
            ),
          );
        else if (!ids.includes(group.id)) ids.push(group.id);
      }
    }
  }
  return ids;
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

export function readAttachment(ctx: Context, d: Declaration): void {
  const spec = ATTACHABLE[d.type] as Kind;
  const ids = groupIds(ctx, d, spec);
  if (ids.length === 0)
    ctx.warnings.push(
      warning(
        where(d),
        `${d.type}.${d.name} names no security group in these files, so AWS gives it its VPC's default group`,
      ),
    );
  const resource: Omit<Resource, "position"> = {
    id: ctx.ids.take(d.name),
    kind: spec.kind,
    name: nameOf(ctx, d, spec),
    groupIds: ids,
  };
  const vpcId = vpcOf(ctx, d, ids);
  if (vpcId) resource.vpcId = vpcId;
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
