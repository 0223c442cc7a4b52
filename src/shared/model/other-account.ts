// A rule may name a security group of another AWS account (a peered VPC's, a shared service's):
// AWS CLI's UserIdGroupPairs with another UserId, Terraform's "123456789012/sg-0abc",
// CloudFormation's SourceSecurityGroupOwnerId. That group's members are in the other account, not
// in the design, so the design keeps it as a placeholder: a group without members or rules whose
// `otherAccount` field says where it lives. The exports write the reference back from that field
// instead of creating the group in this account; the findings and the editor leave it alone.
import { ACCOUNT_ID, GROUP_ID, type OtherAccountGroup, type SecurityGroup } from "./schema";

export function isAccountId(text: string): boolean {
  return ACCOUNT_ID.test(text);
}

export function isGroupId(text: string): boolean {
  return GROUP_ID.test(text);
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
    otherAccount: { account, groupId },
  };
}
