// describe-security-groups: each group with its rules split one peer per rule, and what its
// group pairs say about the groups they name (another account's, a peered VPC's).
import type { SecurityGroup } from "../../model/schema";
import type { Context, JsonPath } from "./context";
import { splitPermission } from "./rules";
import { tagRecord } from "./shapes";

const PERMISSIONS = [
  ["IpPermissions", "ingress"],
  ["IpPermissionsEgress", "egress"],
] as const;

export function readSecurityGroups(ctx: Context): void {
  for (const { file, output } of ctx.outputs)
    output.SecurityGroups?.forEach((g, i) => {
      const at: JsonPath = ["SecurityGroups", i];
      if (ctx.groups.has(g.GroupId)) {
        ctx.warn(file, at, `group ${g.GroupId} appears twice; the first is kept`);
        return;
      }
      ctx.needVpc(g.VpcId);
      const group: SecurityGroup = {
        id: g.GroupId,
        name: g.GroupName,
        description: (g.Description ?? g.GroupName).slice(0, 255),
        ...(g.VpcId ? { vpcId: g.VpcId } : {}),
        ingress: [],
        egress: [],
        ...(g.Tags?.length ? { tags: tagRecord(g.Tags) } : {}),
        ...(g.GroupName === "default" ? { isDefault: true } : {}),
      };
      for (const [key, direction] of PERMISSIONS) {
        let n = 0;
        const nextId = () => `${g.GroupId}-${direction}-${++n}`;
        g[key]?.forEach((permission, j) => {
          const split = splitPermission(permission, [...at, key, j], nextId, ctx.inFile(file));
          for (const p of split.groupPairsWithoutId)
            ctx.warn(file, p, "a group pair without a GroupId (EC2-Classic) cannot match anything in a VPC; skipped");
          for (const { rule, path } of split.rules) {
            ctx.remember(`rule:${g.GroupId}:${direction}:${group[direction].length}`, file, path);
            group[direction].push(rule);
          }
        });
      }
      for (const [key, direction] of PERMISSIONS)
        g[key]?.forEach((permission, j) => {
          permission.UserIdGroupPairs?.forEach((pair, k) => {
            if (!pair.GroupId) return;
            if (!ctx.pairInfo.has(pair.GroupId))
              ctx.pairInfo.set(pair.GroupId, {
                ...(pair.GroupName ? { name: pair.GroupName } : {}),
                ...(pair.VpcId ? { vpcId: pair.VpcId } : {}),
              });
            if (pair.UserId && g.OwnerId && pair.UserId !== g.OwnerId)
              ctx.otherAccount.push({
                file,
                path: [...at, key, j, "UserIdGroupPairs", k],
                owner: `${g.GroupName} (${g.GroupId})`,
                direction,
                account: pair.UserId,
                groupId: pair.GroupId,
              });
          });
        });
      ctx.groups.set(g.GroupId, group);
      ctx.remember(`group:${g.GroupId}`, file, at);
    });
}
