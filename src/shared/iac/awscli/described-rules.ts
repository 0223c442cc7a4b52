// describe-security-group-rules: each rule joins its group (described by describe-security-groups
// too, or known only by its rules); a rule that describe-security-groups printed as well is not
// added twice.
import type { Context, JsonPath } from "./context";
import { asPermission } from "./group-rules";
import { splitPermission } from "./rules";

export function readSecurityGroupRules(ctx: Context): void {
  for (const { file, output } of ctx.outputs)
    output.SecurityGroupRules?.forEach((r, i) => {
      const at: JsonPath = ["SecurityGroupRules", i];
      let group = ctx.groups.get(r.GroupId);
      if (!group) {
        group = {
          id: r.GroupId,
          name: r.GroupId,
          description: "known from describe-security-group-rules",
          ingress: [],
          egress: [],
        };
        ctx.groups.set(r.GroupId, group);
        ctx.remember(`group:${r.GroupId}`, file, at);
      }
      const direction = r.IsEgress ? "egress" : "ingress";
      const list = group[direction];
      const split = splitPermission(
        asPermission(r),
        at,
        () => r.SecurityGroupRuleId ?? `${r.GroupId}-${direction}-${list.length + 1}`,
        ctx.inFile(file),
      );
      for (const { rule } of split.rules) {
        const same = (x: typeof rule) =>
          x.protocol === rule.protocol &&
          x.fromPort === rule.fromPort &&
          x.toPort === rule.toPort &&
          JSON.stringify(x.peer) === JSON.stringify(rule.peer);
        if (list.some(same)) continue;
        ctx.remember(`rule:${r.GroupId}:${direction}:${list.length}`, file, at);
        list.push(list.some((x) => x.id === rule.id) ? { ...rule, id: `${rule.id}-${list.length + 1}` } : rule);
      }
      const ref = r.ReferencedGroupInfo;
      if (ref?.GroupId && !ctx.pairInfo.has(ref.GroupId))
        ctx.pairInfo.set(ref.GroupId, { ...(ref.VpcId ? { vpcId: ref.VpcId } : {}) });
    });
}
