// describe-security-group-rules prints one rule per entry, with one peer and its group's id: the
// same rules as describe-security-groups' IpPermissions, so it is read as one IpPermission each.
import type { AwsSecurityGroupRule, IpPermission } from "./shapes";

/** The rule as the IpPermission of one peer that describe-security-groups would print. */
export function asPermission(rule: AwsSecurityGroupRule): IpPermission {
  const description = rule.Description ? { Description: rule.Description } : {};
  const ref = rule.ReferencedGroupInfo;
  return {
    IpProtocol: rule.IpProtocol,
    ...(rule.FromPort !== undefined ? { FromPort: rule.FromPort } : {}),
    ...(rule.ToPort !== undefined ? { ToPort: rule.ToPort } : {}),
    ...(rule.CidrIpv4 ? { IpRanges: [{ CidrIp: rule.CidrIpv4, ...description }] } : {}),
    ...(rule.CidrIpv6 ? { Ipv6Ranges: [{ CidrIpv6: rule.CidrIpv6, ...description }] } : {}),
    ...(rule.PrefixListId ? { PrefixListIds: [{ PrefixListId: rule.PrefixListId, ...description }] } : {}),
    ...(ref?.GroupId ? { UserIdGroupPairs: [{ ...ref, GroupId: ref.GroupId, ...description }] } : {}),
  };
}
