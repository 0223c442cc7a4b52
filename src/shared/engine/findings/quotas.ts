// AWS's default quotas: a design over them cannot deploy.
import { resourceEnds } from "../../model/interfaces";
import type { Design, SecurityGroup } from "../../model/schema";
import { groupLabel } from "../describe";
import type { Finding } from "../types";

export const RULES_PER_GROUP = 60;
export const GROUPS_PER_INTERFACE = 5;
export const RULES_TIMES_GROUPS = 1000;

interface Counts {
  ingress: { 4: number; 6: number };
  egress: { 4: number; 6: number };
}

/**
 * Rules per direction, counted separately for IPv4 and IPv6 as AWS does: a group reference
 * counts once in each family, a prefix list as its maximum number of entries in its family.
 */
export function ruleCounts(design: Design, group: SecurityGroup): Counts {
  const lists = new Map(design.prefixLists.map((p) => [p.id, p]));
  const counts: Counts = { ingress: { 4: 0, 6: 0 }, egress: { 4: 0, 6: 0 } };
  for (const direction of ["ingress", "egress"] as const)
    for (const rule of group[direction]) {
      const c = counts[direction];
      const peer = rule.peer;
      if (peer.kind === "cidr4") c[4]++;
      else if (peer.kind === "cidr6") c[6]++;
      else if (peer.kind === "group") {
        c[4]++;
        c[6]++;
      } else if (peer.kind === "external") {
        // AWS gets one rule per CIDR of the party.
        for (const cidr of design.externals.find((e) => e.id === peer.externalId)?.cidrs ?? [])
          c[cidr.includes(":") ? 6 : 4]++;
      } else {
        const list = lists.get(peer.prefixListId);
        c[list?.addressFamily === "IPv6" ? 6 : 4] += list?.maxEntries ?? 1;
      }
    }
  return counts;
}

const most = (c: Counts) => Math.max(c.ingress[4], c.ingress[6], c.egress[4], c.egress[6]);

export function quotaFindings(design: Design): Finding[] {
  const out: Finding[] = [];
  const counts = new Map(design.groups.map((g) => [g.id, ruleCounts(design, g)]));
  const byId = new Map(design.groups.map((g) => [g.id, g]));
  for (const group of design.groups) {
    const c = counts.get(group.id) as Counts;
    for (const direction of ["ingress", "egress"] as const)
      for (const family of [4, 6] as const) {
        const n = c[direction][family];
        if (n <= RULES_PER_GROUP) continue;
        out.push({
          code: "quota-rules-per-group",
          severity: "high",
          title: "Too many rules in a group",
          message: `${groupLabel(group)} has ${n} ${direction === "ingress" ? "inbound" : "outbound"} IPv${family} rules (prefix lists counted at their maximum entries, group references once per family); AWS allows ${RULES_PER_GROUP} by default. Merge rules, use fewer prefix list entries, or ask AWS for a higher quota.`,
          groupId: group.id,
          direction,
        });
      }
  }
  // Per interface: each further interface of a resource is counted on its own.
  for (const r of resourceEnds(design.resources)) {
    const groups = r.groupIds.map((id) => byId.get(id)).filter((g) => g !== undefined);
    if (groups.length > GROUPS_PER_INTERFACE)
      out.push({
        code: "quota-groups-per-interface",
        severity: "high",
        title: "Too many groups on one interface",
        message: `${r.name || r.id} has ${groups.length} security groups; AWS allows ${GROUPS_PER_INTERFACE} per network interface by default (up to 16 on request).`,
        nodeId: r.id,
      });
    const perGroup = Math.max(0, ...groups.map((g) => most(counts.get(g.id) as Counts)));
    if (groups.length * perGroup > RULES_TIMES_GROUPS)
      out.push({
        code: "quota-rules-times-groups",
        severity: "high",
        title: "Too many rules on one interface",
        message: `${r.name || r.id} has ${groups.length} groups with up to ${perGroup} rules each: ${groups.length * perGroup} exceeds AWS's limit of ${RULES_TIMES_GROUPS} for rules per group times groups per interface.`,
        nodeId: r.id,
      });
  }
  return out;
}
