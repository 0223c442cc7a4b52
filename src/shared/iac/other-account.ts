// A rule may name a security group of another AWS account (a peered VPC's, a shared service's):
// AWS CLI's UserIdGroupPairs with another UserId, Terraform's "123456789012/sg-0abc",
// CloudFormation's SourceSecurityGroupOwnerId. That group's members are in the other account, not
// in the design, so the design keeps it as a placeholder: a group without members or rules, named
// for the account and group, whose two tags say where it lives. The tags are also how the exports
// write the reference back instead of creating the group in this account.
import type { SecurityGroup } from "../model/schema";

export const OTHER_ACCOUNT_TAGS = { account: "palisade:account", groupId: "palisade:group-id" } as const;

export interface OtherAccountGroup {
  /** The 12-digit AWS account id. */
  account: string;
  /** The group's id in that account (sg-…). */
  groupId: string;
}

const ACCOUNT = /^\d{12}$/;
const GROUP_ID = /^sg-[0-9a-f]{8,17}$/;

export function isAccountId(text: string): boolean {
  return ACCOUNT.test(text);
}

export function isGroupId(text: string): boolean {
  return GROUP_ID.test(text);
}

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

/** The placeholder for a group of another account (id: the design id to give it). */
export function otherAccountGroup(
  id: string,
  { account, groupId }: OtherAccountGroup,
  known: { name?: string; vpcId?: string } = {},
): SecurityGroup {
  const label = known.name && known.name !== groupId ? `${known.name} (${groupId})` : groupId;
  const vpc = known.vpcId ? ` (VPC ${known.vpcId})` : "";
  return {
    id,
    name: `${label} in account ${account}`.slice(0, 255),
    description:
      `Lives in another AWS account, ${account}${vpc}: its members are not in this design, so flows with them are not shown`.slice(
        0,
        255,
      ),
    ingress: [],
    egress: [],
    tags: { [OTHER_ACCOUNT_TAGS.account]: account, [OTHER_ACCOUNT_TAGS.groupId]: groupId },
  };
}

/** Where a design's group is such a placeholder: the account and group it stands for. */
export function otherAccountOf(group: Pick<SecurityGroup, "tags">): OtherAccountGroup | undefined {
  const account = group.tags?.[OTHER_ACCOUNT_TAGS.account];
  const groupId = group.tags?.[OTHER_ACCOUNT_TAGS.groupId];
  return account && groupId && isAccountId(account) && isGroupId(groupId) ? { account, groupId } : undefined;
}

/** The warning an import gives where a rule names such a group (`where`: the rule, as the file names it). */
export function otherAccountWarning(
  where: string,
  direction: "ingress" | "egress",
  ref: OtherAccountGroup,
  placeholder: SecurityGroup,
): string {
  const flows = direction === "ingress" ? "traffic from that account's members" : "traffic to that account's members";
  return `${where} names security group ${ref.groupId} of another AWS account (${ref.account}); it was added as the placeholder group "${placeholder.name}", which has no members in this design, so ${flows} is not shown`;
}
