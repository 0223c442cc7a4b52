// Where the instances of an Auto Scaling group or an EKS node group get their groups: from the
// launch template or launch configuration it names, and, for an EKS node group without groups of
// its own, from the cluster security group EKS creates (see ../eks.ts).
import type { SecurityGroup } from "../../model/schema";
import { show, warning } from "../draft";
import { eksClusterGroup } from "../eks";
import { type Context, isRecord, type Props, reach, text } from "./context";
import { CfnRef, resolve } from "./intrinsics";
import { LAUNCH_SOURCES } from "./kinds";
import type { Path } from "./template";

/** The value at a property path ("*" is not used on these paths). */
function at(props: Props, path: readonly string[]): unknown {
  let v: unknown = props;
  for (const step of path) v = isRecord(v) ? v[step] : undefined;
  return v;
}

/** Declares an EKS cluster's cluster security group before rules are read, which may name it (!GetAtt X.ClusterSecurityGroupId). */
export function declareClusterGroup(ctx: Context, id: string, props: Props): void {
  const name = text(resolve(props.Name, ctx.t)) ?? id;
  const group = eksClusterGroup(ctx.ids.take(`eks-cluster-sg-${id}`), { id, name }, undefined);
  ctx.clusterGroups.set(id, group);
  // Under a key no logical id can be (they are alphanumeric), so that it is listed with the groups.
  ctx.groups.set(`${id}.ClusterSecurityGroupId`, group);
  ctx.groupsById.set(group.id, group);
}

/**
 * The group lists (each with the path it is at) that a launched resource's instances get, and
 * the cluster's own group for an EKS node group whose launch template names none.
 */
export function launchedGroupLists(
  ctx: Context,
  id: string,
  type: string,
  props: Props,
  path: Path,
  sourcePaths: readonly string[][],
): { lists: { value: unknown; path: Path }[]; clusterGroup?: SecurityGroup } {
  const lists: { value: unknown; path: Path }[] = [];
  for (const p of sourcePaths) {
    const value = at(props, p);
    if (value === undefined) continue;
    const r = resolve(value, ctx.t);
    const source = "value" in r && r.value instanceof CfnRef ? ctx.launchSources.get(r.value.logicalId) : undefined;
    if (!source) {
      reach(ctx, r);
      ctx.warnings.push(
        warning(
          ctx.at([...path, ...p]),
          `${id}: ${"unresolved" in r ? r.unresolved : `${show(r.value)} is not a launch template of this template`}; its instances' groups are unknown`,
        ),
      );
      continue;
    }
    for (const groupPath of LAUNCH_SOURCES[source.type] ?? []) {
      const [head, ...rest] = groupPath;
      const star = rest.indexOf("*");
      const base = at(source.props, [head as string, ...(star < 0 ? rest : rest.slice(0, star))]);
      if (star < 0) {
        if (base !== undefined) lists.push({ value: base, path: [...source.path, ...groupPath] });
        continue;
      }
      const items = resolve(base, ctx.t);
      if ("value" in items && Array.isArray(items.value))
        items.value.forEach((item, n) => {
          const v = isRecord(item) ? at(item, rest.slice(star + 1)) : undefined;
          if (v !== undefined)
            lists.push({ value: v, path: [...source.path, head as string, ...rest.slice(0, star), n] });
        });
    }
  }
  if (type !== "AWS::EKS::Nodegroup" || lists.length > 0) return { lists };
  const cluster = resolve(props.ClusterName, ctx.t);
  const clusterGroup =
    "value" in cluster && cluster.value instanceof CfnRef ? ctx.clusterGroups.get(cluster.value.logicalId) : undefined;
  return clusterGroup ? { lists, clusterGroup } : { lists };
}
