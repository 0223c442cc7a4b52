// A rule may name a group of another VPC only across a peering connection or a transit gateway
// with security group referencing; elsewhere AWS rejects it, and it never matches.
import type { Design } from "../../model/schema";
import { groupLabel } from "../describe";
import type { Finding } from "../types";
import { atRule, ruleText } from "./place";

export function crossVpcFindings(design: Design): Finding[] {
  const byId = new Map(design.groups.map((g) => [g.id, g]));
  const out: Finding[] = [];
  for (const group of design.groups)
    for (const direction of ["ingress", "egress"] as const)
      group[direction].forEach((rule, i) => {
        // AWS printed the peering it crosses: the reference is allowed (stale.ts covers one gone).
        if (rule.peer.kind !== "group" || rule.peer.peering) return;
        const other = byId.get(rule.peer.groupId);
        if (!group.vpcId || !other?.vpcId || other.vpcId === group.vpcId) return;
        out.push({
          code: "group-in-other-vpc",
          severity: "medium",
          title: "Reference to a group in another VPC",
          message: `${ruleText(design, group, direction, i)} names ${groupLabel(other)} of ${other.vpcId}, but ${groupLabel(group)} is in ${group.vpcId}. This works only across a VPC peering connection in the same Region (or a transit gateway with security group referencing); otherwise AWS rejects the rule.`,
          ...atRule(group, direction, i),
        });
      });
  return out;
}
