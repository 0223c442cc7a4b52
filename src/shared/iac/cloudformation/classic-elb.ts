// The group AWS gives a classic load balancer declared without SecurityGroups (ELB's guide,
// "Configure security groups for your Classic Load Balancer"): in the default VPC (no Subnets),
// the one group ELB creates per account, default_elb_<id>, allowing all traffic on the
// load balancer's ports; in another VPC, the VPC's default group. Templates name it as
// !GetAtt LB.SourceSecurityGroup.GroupName, so it is declared before rules are read.
import { defaultEgress } from "../../model/factory";
import type { Rule, SecurityGroup } from "../../model/schema";
import { warning } from "../draft";
import { PLACEHOLDER_TAG } from "../placeholder";
import { type Context, groupOf, isRecord, type Props, text } from "./context";
import { resolve } from "./intrinsics";
import { groupOrPlaceholder } from "./placeholders";
import type { Path } from "./template";

const DEFAULT_ELB = "default_elb";

function listenerPorts(ctx: Context, props: Props): number[] {
  const listeners = resolve(props.Listeners, ctx.t);
  if (!("value" in listeners) || !Array.isArray(listeners.value)) return [];
  const ports = new Set<number>();
  for (const l of listeners.value) {
    const port = isRecord(l) ? Number(text(resolve(l.LoadBalancerPort, ctx.t))) : Number.NaN;
    if (Number.isInteger(port) && port >= 1 && port <= 65535) ports.add(port);
  }
  return [...ports].sort((a, b) => a - b);
}

export function declareClassicElbGroup(ctx: Context, id: string, props: Props, path: Path): void {
  if (props.SecurityGroups !== undefined) {
    // With groups of its own, its source security group is its (first) group.
    const first = resolve(props.SecurityGroups, ctx.t);
    const g = "value" in first && Array.isArray(first.value) ? groupOf(ctx, first.value[0]) : undefined;
    if (g) ctx.elbGroups.set(id, g);
    return;
  }
  if (props.Subnets !== undefined) {
    const found = groupOrPlaceholder(ctx, { value: "default" }, { byName: true });
    if (found) ctx.elbGroups.set(id, found.group);
    return;
  }
  let group = ctx.groups.get(`placeholder:${DEFAULT_ELB}`);
  const ports = listenerPorts(ctx, props);
  if (!group) {
    const gid = ctx.ids.take(DEFAULT_ELB);
    group = {
      id: gid,
      name: DEFAULT_ELB,
      description: "The group ELB creates for load balancers in the default VPC (default_elb_<id>)",
      ingress: [],
      egress: defaultEgress(gid),
      tags: { [PLACEHOLDER_TAG]: "default_elb_<id>, which ELB creates" },
    } satisfies SecurityGroup;
    ctx.groups.set(`placeholder:${DEFAULT_ELB}`, group);
    ctx.groupsById.set(gid, group);
  }
  for (const port of ports) {
    if (group.ingress.some((r) => r.fromPort === port)) continue;
    const rule: Rule = {
      id: ctx.ids.take(`${group.id}-ingress-${port}`),
      protocol: "tcp",
      fromPort: port,
      toPort: port,
      peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
    };
    group.ingress.push(rule);
  }
  ctx.elbGroups.set(id, group);
  ctx.warnings.push(
    warning(
      ctx.at(path.slice(0, 2)),
      `${id} is a classic load balancer without SecurityGroups or Subnets, so in the default VPC ELB gives it the group default_elb_<id>, allowing tcp ${ports.join(", ") || "(no listener port known)"} from anywhere: imported as the group ${DEFAULT_ELB}`,
    ),
  );
}
