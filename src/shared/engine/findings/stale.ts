// A rule naming a group across a VPC peering connection that is gone: AWS keeps it as a stale
// rule (describe-stale-security-groups) that matches nothing, so the access it was written for
// is silently lost, and a new peering with a reused address range does not bring it back.
import { stalePeering, staleReason } from "../../model/peering";
import type { Design } from "../../model/schema";
import { groupLabel } from "../describe";
import type { Finding } from "../types";
import { atRule, ruleText } from "./place";

export function staleReferenceFindings(design: Design): Finding[] {
  const byId = new Map(design.groups.map((g) => [g.id, g]));
  const out: Finding[] = [];
  for (const group of design.groups)
    for (const direction of ["ingress", "egress"] as const)
      group[direction].forEach((rule, i) => {
        const peering = stalePeering(rule.peer);
        if (!peering || rule.peer.kind !== "group") return;
        const other = byId.get(rule.peer.groupId);
        out.push({
          code: "stale-group-reference",
          severity: "medium",
          title: "Stale reference across a deleted VPC peering",
          message: `${ruleText(design, group, direction, i)}: ${staleReason(other ? groupLabel(other) : rule.peer.groupId, peering)}. Remove the rule, or peer the VPCs again and write it anew.`,
          ...atRule(group, direction, i),
        });
      });
  return out;
}
