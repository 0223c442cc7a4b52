// Rules and services in words, as a network engineer would say them.
import type { Direction } from "../model/direction";
import type { Design, Rule, SecurityGroup } from "../model/schema";
import { placeholderRange, placeholderRangeText, standIns } from "../model/unknowns";
import type { Service } from "./types";

/** "app" by its name; "sg-0123abcd (app)" where AWS made the id. */
/** A group id as AWS makes them (sg- and 8 or 17 hex digits): one its owner has seen in the console. */
const AWS_GROUP_ID = /^sg-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

/**
 * A group as a person knows it: by its name. The id is added only where AWS made it (an imported
 * group: the console and the CLI show it); an id the editor made up ("sg-3") was never seen.
 */
export function groupLabel(group: Pick<SecurityGroup, "id" | "name"> | undefined, id = ""): string {
  if (!group) return id || "(unknown group)";
  if (!group.name || group.name === group.id) return group.id;
  return AWS_GROUP_ID.test(group.id) ? `${group.id} (${group.name})` : group.name;
}

export function describeService(rule: Pick<Rule, "protocol" | "fromPort" | "toPort">): string {
  const { protocol, fromPort, toPort } = rule;
  if (protocol === "-1") return "all traffic";
  if (protocol === "tcp" || protocol === "udp") {
    if (fromPort === 0 && toPort === 65535) return `${protocol} all ports`;
    return `${protocol} ${fromPort === toPort ? fromPort : `${fromPort}-${toPort}`}`;
  }
  if (protocol === "icmp" || protocol === "icmpv6") {
    if (fromPort === undefined || fromPort === -1) return `${protocol} all`;
    return `${protocol} type ${fromPort}${toPort !== undefined && toPort !== -1 ? ` code ${toPort}` : ""}`;
  }
  return `protocol ${protocol}`;
}

/** A flow's service in the same words: its ICMP type and code stand where a rule keeps them, in the ports. */
export function describeFlowService(
  s: Pick<Service, "protocol" | "fromPort" | "toPort" | "icmpType" | "icmpCode">,
): string {
  const icmp = s.protocol === "icmp" || s.protocol === "icmpv6";
  return describeService({
    protocol: s.protocol,
    fromPort: icmp ? s.icmpType : s.fromPort,
    toPort: icmp ? s.icmpCode : s.toPort,
  });
}

export function describePeer(design: Design, group: SecurityGroup, rule: Rule): string {
  const peer = rule.peer;
  switch (peer.kind) {
    case "cidr4":
    case "cidr6": {
      // A placeholder range's stand-in CIDR is named for what it stands in for.
      const unknown = standIns(design.externals).get(peer.cidr);
      return unknown ? placeholderRangeText(unknown) : peer.cidr;
    }
    case "prefixList": {
      const list = design.prefixLists.find((p) => p.id === peer.prefixListId);
      return `prefix list ${list?.name ? `${peer.prefixListId} (${list.name})` : peer.prefixListId}`;
    }
    case "external": {
      const party = design.externals.find((e) => e.id === peer.externalId);
      if (party && placeholderRange(party)) return placeholderRangeText(party.name);
      return party ? `${party.name} (${party.cidrs.join(", ")})` : peer.externalId;
    }
    case "group":
      return peer.groupId === group.id
        ? "itself"
        : `group ${groupLabel(
            design.groups.find((g) => g.id === peer.groupId),
            peer.groupId,
          )}`;
  }
}

/** "tcp 443 from 0.0.0.0/0", "all traffic to group db". */
export function describeRule(design: Design, group: SecurityGroup, direction: Direction, rule: Rule): string {
  return `${describeService(rule)} ${direction === "ingress" ? "from" : "to"} ${describePeer(design, group, rule)}`;
}
