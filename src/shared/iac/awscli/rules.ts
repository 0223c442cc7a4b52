// AWS groups peers under one IpPermission; the design holds one peer per rule, as the
// AuthorizeSecurityGroupIngress API does after it splits them.

import { hasPorts, normalizeProtocol } from "../../model/protocol";
import { type Peer, Rule } from "../../model/schema";
import { normalizeCidr } from "../../net/normalize";
import type { IpPermission } from "./shapes";

type JsonPath = (string | number)[];

export interface SplitRule {
  rule: Rule;
  /** The JSON path of the permission, and of the peer within it. */
  path: JsonPath;
}

export interface RuleProblem {
  path: JsonPath;
  message: string;
}

/** Splits one IpPermission into rules, one per peer; `nextId` numbers them within the group. */
export function splitPermission(
  permission: IpPermission,
  path: JsonPath,
  nextId: () => string,
): { rules: SplitRule[]; problems: RuleProblem[]; notes: RuleProblem[]; groupPairsWithoutId: JsonPath[] } {
  const rules: SplitRule[] = [];
  const problems: RuleProblem[] = [];
  const notes: RuleProblem[] = [];
  const groupPairsWithoutId: JsonPath[] = [];
  const protocol = normalizeProtocol(permission.IpProtocol);
  if (protocol === undefined) {
    problems.push({
      path: [...path, "IpProtocol"],
      message: `${JSON.stringify(permission.IpProtocol)} is not a protocol: expected tcp, udp, icmp, icmpv6, -1 or a number 0-255`,
    });
    return { rules, problems, notes, groupPairsWithoutId };
  }
  // Ports mean nothing for "-1" and bare protocol numbers; AWS prints none for them.
  const ports =
    hasPorts(protocol) || protocol === "icmp" || protocol === "icmpv6"
      ? { fromPort: permission.FromPort, toPort: permission.ToPort }
      : {};
  const add = (peer: Peer, peerPath: JsonPath, description: string | undefined): void => {
    const candidate = { id: nextId(), protocol, ...ports, peer, ...(description ? { description } : {}) };
    const parsed = Rule.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0];
      const at =
        field === "fromPort"
          ? "FromPort"
          : field === "toPort"
            ? "ToPort"
            : field === "protocol"
              ? "IpProtocol"
              : undefined;
      problems.push({ path: at ? [...path, at] : peerPath, message: issue?.message ?? "not a valid rule" });
      return;
    }
    rules.push({ rule: parsed.data, path: peerPath });
  };
  // AWS prints a CIDR as it was written when the rule was made ("2.2.2.2/28") but matches its
  // network (2.2.2.0/28): take the network, and say so.
  const cidr = (text: string, family: 4 | 6, at: JsonPath): string => {
    const stored = normalizeCidr(text, family);
    if (!("cidr" in stored)) return text;
    if (stored.note) notes.push({ path: at, message: stored.note });
    return stored.cidr;
  };
  permission.IpRanges?.forEach((r, i) => {
    const at = [...path, "IpRanges", i, "CidrIp"];
    add({ kind: "cidr4", cidr: cidr(r.CidrIp, 4, at) }, at, r.Description);
  });
  permission.Ipv6Ranges?.forEach((r, i) => {
    const at = [...path, "Ipv6Ranges", i, "CidrIpv6"];
    add({ kind: "cidr6", cidr: cidr(r.CidrIpv6, 6, at) }, at, r.Description);
  });
  permission.PrefixListIds?.forEach((p, i) => {
    add({ kind: "prefixList", prefixListId: p.PrefixListId }, [...path, "PrefixListIds", i], p.Description);
  });
  permission.UserIdGroupPairs?.forEach((p, i) => {
    // EC2-Classic pairs name a group without an id; nothing in a VPC can match them.
    if (!p.GroupId) groupPairsWithoutId.push([...path, "UserIdGroupPairs", i]);
    else {
      // AWS says which peering a pair crosses and in what state: a deleted one makes the rule stale.
      const peering = p.PeeringStatus
        ? {
            peering: {
              ...(p.VpcPeeringConnectionId ? { connectionId: p.VpcPeeringConnectionId } : {}),
              status: p.PeeringStatus,
            },
          }
        : {};
      add({ kind: "group", groupId: p.GroupId, ...peering }, [...path, "UserIdGroupPairs", i], p.Description);
    }
  });
  return { rules, problems, notes, groupPairsWithoutId };
}
