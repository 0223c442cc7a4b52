// Placeholders of other accounts' groups (model/other-account.ts) stand for a reference, nothing
// more: the editor neither attaches them nor gives them rules, but a file may still do either.
import { resourceEnds } from "../../model/interfaces";
import type { Design } from "../../model/schema";
import { groupLabel } from "../describe";
import type { Finding } from "../types";

export function otherAccountFindings(design: Design): Finding[] {
  const placeholders = new Map(
    design.groups.flatMap((g) => {
      const other = g.otherAccount;
      return other ? [[g.id, { group: g, ...other }] as const] : [];
    }),
  );
  if (placeholders.size === 0) return [];
  const out: Finding[] = [];
  for (const r of resourceEnds(design.resources))
    for (const id of r.groupIds) {
      const p = placeholders.get(id);
      if (!p) continue;
      out.push({
        code: "other-account-group-attached",
        severity: "high",
        title: "Another account's group on an interface",
        message: `${r.name || r.id} has ${groupLabel(p.group)} on its interface, but that group belongs to AWS account ${p.account}: an interface takes only groups of its own account and VPC, so AWS refuses the export's "${p.account}/${p.groupId}" there. Detach it; rules may still name it as a peer.`,
        nodeId: r.id,
      });
    }
  for (const { group, account } of placeholders.values()) {
    const rules = group.ingress.length + group.egress.length;
    if (rules === 0) continue;
    out.push({
      code: "other-account-group-rules",
      severity: "medium",
      title: "Rules on another account's group",
      message: `${groupLabel(group)} has ${rules} rule${rules > 1 ? "s" : ""}, but it is AWS account ${account}'s group: that account manages its rules, so the exports leave them out. Delete them here; ask that account's owners for any change.`,
      groupId: group.id,
    });
  }
  return out;
}
