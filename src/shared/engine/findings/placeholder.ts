// An address reserved for documentation (203.0.113.10/32, My IP's default) stands in for a real
// one: no packet ever comes from it, so the rules that name it admit nobody. Said while sketching,
// and again by the export dialog.
import type { Design } from "../../model/schema";
import { isPlaceholderCidr } from "../../net/documentation";
import type { Finding } from "../types";
import { atRule, ruleText } from "./place";

export function placeholderFindings(design: Design): Finding[] {
  const out: Finding[] = [];
  const parties = new Set<string>();
  for (const e of design.externals) {
    const placeholders = e.cidrs.filter(isPlaceholderCidr);
    if (placeholders.length === 0) continue;
    parties.add(e.id);
    out.push({
      code: "placeholder-address",
      severity: "low",
      title: `${e.name} is a placeholder address`,
      message: `${e.name} is ${placeholders.join(", ")}, an address reserved for documentation that no real host has: rules that refer to it admit nobody. Enter the real address${e.kind === "myIp" ? " (yours: a rule's source “My IP…” or this party's CIDR)" : ""}.`,
      nodeId: e.id,
    });
  }
  for (const group of design.groups)
    for (const direction of ["ingress", "egress"] as const)
      group[direction].forEach((rule, i) => {
        const p = rule.peer;
        if ((p.kind === "cidr4" || p.kind === "cidr6") && isPlaceholderCidr(p.cidr))
          out.push({
            code: "placeholder-address",
            severity: "low",
            title: "A rule names a placeholder address",
            message: `${ruleText(design, group, direction, i)} names ${p.cidr}, an address reserved for documentation that no real host has: it admits nobody.`,
            ...atRule(group, direction, i),
          });
      });
  return out;
}
