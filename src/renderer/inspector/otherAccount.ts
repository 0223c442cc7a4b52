// How the editor names a placeholder of another account's group (model/other-account.ts), in the
// palette and the inspector alike.

import type { Design, OtherAccountGroup, Rule, SecurityGroup } from "../../shared/model";
import type { Direction } from "../../shared/model/direction";

export interface Reference {
  group: SecurityGroup;
  direction: Direction;
  index: number;
  rule: Rule;
}

/** The rules of this design's groups that name `groupId` as their peer. */
export function referencesTo(design: Design, groupId: string): Reference[] {
  const out: Reference[] = [];
  for (const group of design.groups)
    for (const direction of ["ingress", "egress"] as const)
      group[direction].forEach((rule, index) => {
        if (rule.peer.kind === "group" && rule.peer.groupId === groupId) out.push({ group, direction, index, rule });
      });
  return out;
}

/** "referenced by 2 rules here" */
export function referencedBy(references: number): string {
  return references === 0
    ? "referenced by no rule here"
    : `referenced by ${references} rule${references > 1 ? "s" : ""} here`;
}

/** "sg-0abc in account 111122223333 — another account's group, referenced by 2 rules here" */
export function otherAccountSummary({ account, groupId }: OtherAccountGroup, references: number): string {
  return `${groupId} in account ${account} — another account's group, ${referencedBy(references)}`;
}
