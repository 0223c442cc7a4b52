// New parts of a design as AWS creates them.
import type { Rule, SecurityGroup, Vpc } from "./schema";

/**
 * AWS gives every new group one outbound rule, all traffic to 0.0.0.0/0 (and ::/0 when its VPC
 * has an IPv6 block), and no inbound rule.
 */
export function defaultEgress(groupId: string, vpc?: Pick<Vpc, "cidrIpv6">): Rule[] {
  const rules: Rule[] = [
    { id: `${groupId}-egress-all-v4`, protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } },
  ];
  if (vpc?.cidrIpv6)
    rules.push({ id: `${groupId}-egress-all-v6`, protocol: "-1", peer: { kind: "cidr6", cidr: "::/0" } });
  return rules;
}

export function newSecurityGroup(
  fields: Pick<SecurityGroup, "id" | "name"> & Partial<SecurityGroup>,
  vpc?: Pick<Vpc, "cidrIpv6">,
): SecurityGroup {
  const group: SecurityGroup = {
    description: fields.description ?? fields.name,
    ingress: [],
    egress: defaultEgress(fields.id, vpc),
    ...fields,
  };
  // A VPC's default group also allows all inbound traffic from itself.
  if (fields.isDefault && fields.ingress === undefined)
    group.ingress = [{ id: `${fields.id}-ingress-self`, protocol: "-1", peer: { kind: "group", groupId: fields.id } }];
  return group;
}
