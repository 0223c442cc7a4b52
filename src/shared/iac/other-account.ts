// How the files name a group of another AWS account (AWS CLI's UserIdGroupPairs with another
// UserId, Terraform's "123456789012/sg-0abc", CloudFormation's SourceSecurityGroupOwnerId), and
// the warning an import gives for one. The placeholder group itself is the model's
// (model/other-account.ts): the engine and the editor need it too.

import type { Direction } from "../model/direction";
import { isAccountId, isGroupId } from "../model/other-account";
import type { OtherAccountGroup, SecurityGroup } from "../model/schema";

/** "123456789012/sg-0abc…", as Terraform and the EC2 API write a group of another account. */
export function parseAccountGroup(value: unknown): OtherAccountGroup | undefined {
  if (typeof value !== "string") return undefined;
  const [account, groupId, ...rest] = value.split("/");
  if (rest.length || !account || !groupId || !isAccountId(account) || !isGroupId(groupId)) return undefined;
  return { account, groupId };
}

/** An account id as a template may hold it: YAML reads 012345678901 as a number and drops the 0. */
export function accountIdOf(value: unknown): string | undefined {
  const text =
    typeof value === "number" && Number.isInteger(value) && value >= 0 ? String(value).padStart(12, "0") : value;
  return typeof text === "string" && isAccountId(text) ? text : undefined;
}

/** The warning an import gives where a rule names such a group (`where`: the rule, as the file names it). */
export function otherAccountWarning(
  where: string,
  direction: Direction,
  ref: OtherAccountGroup,
  placeholder: SecurityGroup,
): string {
  const flows = direction === "ingress" ? "traffic from that account's members" : "traffic to that account's members";
  return `${where} names security group ${ref.groupId} of another AWS account (${ref.account}); it was added as the placeholder group "${placeholder.name}", which has no members in this design, so ${flows} is not shown`;
}
