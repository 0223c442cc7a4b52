// Where the instances of an Auto Scaling group or an EKS node group get their groups: from the
// launch template or launch configuration the group names, and, for an EKS node group without
// groups of its own, from the cluster security group EKS creates.
import type { SecurityGroup } from "../../model/schema";
import { show, warning } from "../draft";
import { eksClusterGroup } from "../eks";
import { type Body, type Context, type Declaration, nested, reach, where } from "./context";
import type { Unknown } from "./eval/values";
import { resolve, TfRef } from "./expressions";
import { LAUNCH_SOURCES, type Place } from "./kinds";

/** The key under which a cluster's placeholder group is kept: every reference to the cluster's attributes names it. */
export const clusterKey = (name: string) => `aws_eks_cluster.${name}`;

/**
 * Declares the cluster security group of an aws_eks_cluster, before rules are read: rules name it
 * as aws_eks_cluster.x.vpc_config[0].cluster_security_group_id, which resolves to the key
 * aws_eks_cluster.x (a cluster has no other attribute that is a group).
 */
export function declareClusterGroup(ctx: Context, d: Declaration): void {
  const name = resolve(d.body.name, ctx.scope);
  const clusterName = "value" in name && typeof name.value === "string" ? name.value : d.name;
  const group = eksClusterGroup(ctx.ids.take(`eks-cluster-sg-${d.name}`), { id: d.name, name: clusterName }, undefined);
  ctx.groups.set(clusterKey(d.name), group);
  ctx.declarationOf.set(group.id, clusterKey(d.name));
}

/** The launch source a launched group names, as a reference ("aws_launch_template.web"). */
function launchSourceOf(ctx: Context, d: Declaration): { ref?: TfRef; unresolved?: string } {
  const candidates: unknown[] = [d.body.launch_configuration];
  for (const lt of nested(d.body, "launch_template")) candidates.push(lt.id, lt.name);
  for (const policy of nested(d.body, "mixed_instances_policy"))
    for (const lt of nested(policy, "launch_template"))
      for (const spec of nested(lt, "launch_template_specification"))
        candidates.push(spec.launch_template_id, spec.launch_template_name);
  let unresolved: string | undefined;
  const waiting: (Unknown | undefined)[] = [];
  for (const c of candidates) {
    if (c === undefined) continue;
    const r = resolve(c, ctx.scope);
    if ("value" in r && r.value instanceof TfRef && r.value.type in LAUNCH_SOURCES) return { ref: r.value };
    if ("unresolved" in r) waiting.push(r.unknown);
    unresolved ??= "unresolved" in r ? r.unresolved : `${show(r.value)} is not a launch template in these files`;
  }
  // No launch source found: the groups of its instances wait on what it names.
  for (const u of waiting) reach(ctx.reached, u);
  return unresolved ? { unresolved } : {};
}

/** The group references at the places of a body, each with the place it was found. */
function referencesAt(body: Body, places: Place[]): { value: unknown; place: Place }[] {
  const out: { value: unknown; place: Place }[] = [];
  for (const place of places) {
    const [block, attribute] = place;
    for (const b of block ? nested(body, block) : [body])
      if (b[attribute] !== undefined) out.push({ value: b[attribute], place });
  }
  return out;
}

/**
 * The group lists an Auto Scaling group's or a node group's instances get, for attachments.ts to
 * read as it reads a resource's own (undefined when the source is not in these files: warned here).
 */
export function launchedGroupLists(
  ctx: Context,
  d: Declaration,
  declarations: ReadonlyMap<string, Declaration>,
): { lists: { value: unknown; place: Place; from: Declaration }[]; clusterGroup?: SecurityGroup } {
  const { ref, unresolved } = launchSourceOf(ctx, d);
  const lists: { value: unknown; place: Place; from: Declaration }[] = [];
  if (ref) {
    const source = declarations.get(`${ref.type}.${ref.name}`);
    if (source)
      for (const found of referencesAt(source.body, LAUNCH_SOURCES[ref.type] ?? []))
        lists.push({ ...found, from: source });
    else ctx.warnings.push(warning(where(d), `${d.type}.${d.name}: ${ref.type}.${ref.name} is not in these files`));
  } else if (unresolved && d.type === "aws_autoscaling_group")
    ctx.warnings.push(warning(where(d), `${d.type}.${d.name} launch template: ${unresolved}`));
  if (d.type !== "aws_eks_node_group" || lists.length > 0) return { lists };
  // A managed node group whose launch template names no group: EKS puts its nodes in the cluster security group.
  const cluster = resolve(d.body.cluster_name, ctx.scope);
  const clusterGroup =
    "value" in cluster && cluster.value instanceof TfRef && cluster.value.type === "aws_eks_cluster"
      ? ctx.groups.get(clusterKey(cluster.value.name))
      : undefined;
  return clusterGroup ? { lists, clusterGroup } : { lists };
}
