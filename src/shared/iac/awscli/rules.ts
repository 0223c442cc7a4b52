// AWS groups peers under one IpPermission; the design holds one peer per rule, as the
// AuthorizeSecurityGroupIngress API does after it splits them. Each rule is checked as every
// reader checks one (iac/draft's checkRule), its problems placed at the permission's field.

import type { Problem } from "../../model/problems";
import { hasPorts, normalizeProtocol } from "../../model/protocol";
import type { Peer, Rule } from "../../model/schema";
import { checkRule, error, type Where } from "../draft";
import type { IpPermission } from "./shapes";

type JsonPath = (string | number)[];

export interface SplitRule {
  rule: Rule;
  /** The JSON path of the permission, and of the peer within it. */
  path: JsonPath;
}

/** Where the file's part at a JSON path is, and where problems found in it go. */
export interface PermissionPlace {
  at(path: JsonPath): Where;
  errors: Problem[];
  warnings: Problem[];
}

/** The permission's own field for a field of the rule; any other field is the peer's. */
const FIELDS: Record<string, string> = { fromPort: "FromPort", toPort: "ToPort", protocol: "IpProtocol" };

/** Splits one IpPermission into rules, one per peer; `nextId` numbers them within the group. */
export function splitPermission(
  permission: IpPermission,
  path: JsonPath,
  nextId: () => string,
  place: PermissionPlace,
): { rules: SplitRule[]; groupPairsWithoutId: JsonPath[] } {
  const rules: SplitRule[] = [];
  const groupPairsWithoutId: JsonPath[] = [];
  const protocol = normalizeProtocol(permission.IpProtocol);
  if (protocol === undefined) {
    place.errors.push(
      error(
        place.at([...path, "IpProtocol"]),
        `${JSON.stringify(permission.IpProtocol)} is not a protocol: expected tcp, udp, icmp, icmpv6, -1 or a number 0-255`,
      ),
    );
    return { rules, groupPairsWithoutId };
  }
  // Ports mean nothing for "-1" and bare protocol numbers; AWS prints none for them.
  const ports =
    hasPorts(protocol) || protocol === "icmp" || protocol === "icmpv6"
      ? { fromPort: permission.FromPort, toPort: permission.ToPort }
      : {};
  // A CIDR written with host bits ("2.2.2.2/28") is taken as AWS matches it (2.2.2.0/28), with a
  // warning at the CIDR (checkRule).
  const add = (peer: Peer, peerPath: JsonPath, description: string | undefined): void => {
    const rule = checkRule(
      { id: nextId(), protocol, ...ports, peer, description },
      (field) => place.at(FIELDS[field] ? [...path, FIELDS[field]] : peerPath),
      place.errors,
      place.warnings,
    );
    if (rule) rules.push({ rule, path: peerPath });
  };
  permission.IpRanges?.forEach((r, i) => {
    add({ kind: "cidr4", cidr: r.CidrIp }, [...path, "IpRanges", i, "CidrIp"], r.Description);
  });
  permission.Ipv6Ranges?.forEach((r, i) => {
    add({ kind: "cidr6", cidr: r.CidrIpv6 }, [...path, "Ipv6Ranges", i, "CidrIpv6"], r.Description);
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
  return { rules, groupPairsWithoutId };
}
