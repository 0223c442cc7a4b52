// Can A reach B? The verdict of one flow, with the rules that decide it on each side.

import { InputError } from "../model/problems";
import { normalizeProtocol } from "../model/protocol";
import type { Design } from "../model/schema";
import { type AddressRange, everything, type Family, formatRange, parseAddress } from "../net/address";
import { describeRule, groupLabel } from "./describe";
import { type DesignIndex, groupMember, type IndexedNode, type IndexedRule, indexDesign } from "./index-design";
import { type Counterpart, probeSide } from "./side";
import type { FamilyVerdict, FlowQuery, FlowVerdict, RuleRef, SideVerdict } from "./types";
import { unfilteredTarget } from "./unfiltered";

/** An end of the flow: a node of the design or a bare address outside it. */
interface Endpoint {
  node?: IndexedNode;
  name: string;
  isResource: boolean;
  addresses: Partial<Record<Family, { ranges: AddressRange[]; why: string }>>;
  /** A literal address that turned out to be a node's, said in the explanation. */
  note?: string;
  /** The resource's public IPv4, when the flow is addressed to it (through the internet gateway). */
  publicTarget?: AddressRange;
  /** How the other side's rules see this end, where that is not its own addresses (see viaInternet). */
  seenAs?: { ranges: AddressRange[]; why: string };
}

function badQuery(message: string, path: string): never {
  throw new InputError([{ message, path, severity: "error" }]);
}

function endpointOf(index: DesignIndex, text: string, path: string): Endpoint {
  const node = index.nodes.get(text);
  if (node) return { node, name: node.name, isResource: node.isResource, addresses: node.addresses };
  const group = index.groups.get(text);
  if (group) {
    const member = groupMember(index, group);
    return { node: member, name: member.name, isResource: true, addresses: member.addresses };
  }
  const address = parseAddress(text);
  if (!address) badQuery(`"${text}" is neither a node id of this design nor an IPv4 or IPv6 address`, path);
  // An address that is a resource's own (private, public or Elastic IPv4, IPv6) stands for it.
  for (const candidate of index.nodes.values()) {
    if (!candidate.isResource) continue;
    const r = candidate.node as { privateIpv4?: string; ipv6?: string; publicIpv4?: string };
    const own = [r.privateIpv4, r.ipv6].map((a) => (a ? parseAddress(a) : undefined));
    const same = (a: AddressRange | undefined) => a && a.family === address.family && a.start === address.start;
    if (own.some(same))
      return {
        node: candidate,
        name: candidate.name,
        isResource: true,
        addresses: candidate.addresses,
        note: `${text} is ${candidate.name}'s address`,
      };
    const publicIpv4 = r.publicIpv4 ? parseAddress(r.publicIpv4) : undefined;
    if (publicIpv4 && same(publicIpv4))
      return {
        node: candidate,
        name: candidate.name,
        isResource: true,
        addresses: candidate.addresses,
        publicTarget: publicIpv4,
        note: `${text} is ${candidate.name}'s public IPv4`,
      };
  }
  return {
    name: text,
    isResource: false,
    addresses: { [address.family]: { ranges: [address], why: text } },
  };
}

function counterpart(end: Endpoint, family: Family): Counterpart {
  // Seen from outside the VPC (a public address): no group reference matches it.
  if (end.seenAs && family === 4)
    return {
      name: end.name,
      groupIds: undefined,
      ranges: end.seenAs.ranges,
      why: end.seenAs.why,
      viaInternet: end.isResource,
    };
  const set = end.addresses[family];
  const resource = end.node?.isResource ? (end.node.node as { publicIpv4?: string }) : undefined;
  return {
    name: end.name,
    groupIds: end.isResource ? new Set(end.node?.groups.map((g) => g.id)) : undefined,
    ranges: set?.ranges ?? [],
    publicRange: family === 4 && resource?.publicIpv4 ? parseAddress(resource.publicIpv4) : undefined,
    why: set?.why ?? end.name,
  };
}

function ruleRef(index: DesignIndex, r: IndexedRule): RuleRef {
  const text = describeRule(index.design, r.group, r.direction, r.rule);
  return {
    groupId: r.group.id,
    groupName: r.group.name,
    direction: r.direction,
    index: r.index,
    ruleId: r.rule.id,
    text: r.rule.description ? `${text} ("${r.rule.description}")` : text,
  };
}

function side(
  index: DesignIndex,
  direction: "egress" | "ingress",
  self: Endpoint,
  other: Endpoint,
  family: Family,
  probe: { protocol: string; port?: number; icmpType?: number; icmpCode?: number },
): SideVerdict {
  const verb = direction === "egress" ? "outbound" : "inbound";
  if (!self.isResource || !self.node)
    return {
      side: direction,
      filtered: false,
      allowed: true,
      matched: [],
      groups: [],
      misses: [],
      reason: `not filtered: ${self.name} is outside AWS, where no security group applies.`,
    };
  const groups = self.node.groups;
  const rules = groups.flatMap((g) => index.rules.get(g.id)?.[direction] ?? []);
  const base = {
    side: direction,
    nodeId: self.node.id,
    filtered: true,
    groups: groups.map((g) => ({ groupId: g.id, groupName: g.name, ruleCount: g[direction].length })),
  } as const;
  if (groups.length === 0)
    return {
      ...base,
      allowed: false,
      matched: [],
      misses: [],
      reason: `${self.name} has no security group, so nothing passes (AWS requires at least one on every interface).`,
    };
  const result = probeSide(rules, counterpart(other, family), family, probe, (id) =>
    groupLabel(index.groups.get(id), id),
  );
  const matched = result.matched.map((r) => ruleRef(index, r));
  const misses = result.misses.map((m) => ({ rule: ruleRef(index, m.rule), reason: m.reason, detail: m.detail }));
  // "group web", said so: a group is often named as its node is ("web" on web).
  const groupNames = `${groups.length > 1 ? "groups" : "group"} ${groups.map((g) => groupLabel(g)).join(", ")}`;
  let reason: string;
  if (result.allowed)
    reason =
      matched.length === 1
        ? `Group ${groupLabel(index.groups.get(matched[0]?.groupId ?? ""))} allows it: ${matched[0]?.text}.`
        : `These rules allow it together: ${matched.map((m) => m.text).join("; ")}.`;
  else if (rules.length === 0)
    reason = `No ${verb} rule in ${groupNames}: ${verb} traffic is denied unless a rule allows it.`;
  else {
    const closest = misses[0];
    reason = `No ${verb} rule of ${groupNames} matches${closest ? `; closest: ${closest.rule.text}: ${closest.detail}` : ""}.`;
  }
  return { ...base, allowed: result.allowed, matched, misses, reason };
}

function describeTraffic(q: FlowVerdict["query"]): string {
  if (q.protocol === "tcp" || q.protocol === "udp") return `${q.protocol} ${q.port}`;
  if (q.protocol === "icmp" || q.protocol === "icmpv6")
    return `${q.protocol} type ${q.icmpType}${q.icmpCode !== undefined && q.icmpCode >= 0 ? ` code ${q.icmpCode}` : ""}`;
  return `protocol ${q.protocol}`;
}

/**
 * Traffic to a resource's public IPv4 leaves through the internet gateway and comes back in: the
 * source's outbound rules see the public address, and the target's inbound rules see the source's
 * own public address (behind a NAT gateway, the NAT's Elastic IP), never its private one, so a
 * group reference matches neither. What the design does not say is assumed, and said.
 */
function viaInternet(
  source: Endpoint,
  target: Endpoint,
  publicTarget: AddressRange,
): { source: Endpoint; target: Endpoint; explanation: string } {
  const shown = formatRange(publicTarget);
  const seenTarget = { ranges: [publicTarget], why: `${shown} (${target.name}'s public IPv4)` };
  const through = `the traffic leaves through the internet gateway and comes back in, so ${target.name}'s groups see`;
  if (!source.isResource || !source.node)
    return {
      source,
      target: { ...target, seenAs: seenTarget },
      explanation: `(${source.name} reaches ${target.name} at its public IPv4 through the internet gateway.)`,
    };
  const own = (source.node.node as { publicIpv4?: string }).publicIpv4;
  const ownRange = own ? parseAddress(own) : undefined;
  if (own && ownRange)
    return {
      source: { ...source, seenAs: { ranges: [ownRange], why: `${own} (${source.name}'s public IPv4)` } },
      target: { ...target, seenAs: seenTarget },
      explanation: `(To ${shown}, ${target.name}'s public IPv4, ${through} ${source.name}'s public IPv4 ${own}, which no group reference matches.)`,
    };
  // The design states no route tables: a resource without a public address is taken to reach the
  // internet through a NAT gateway, whose Elastic IP is unknown; only rules open to every address
  // can then admit it.
  return {
    source: {
      ...source,
      seenAs: {
        ranges: [everything(4)],
        why: `${source.name}'s NAT gateway's Elastic IP, not stated (assumed: ${source.name} has no public IPv4, so it reaches the internet through a NAT gateway; without one there is no path)`,
      },
    },
    target: { ...target, seenAs: seenTarget },
    explanation: `(To ${shown}, ${target.name}'s public IPv4, ${through} the address ${source.name} leaves AWS with. ${source.name} has no public IPv4 in this design: assumed to go through a NAT gateway whose Elastic IP is not stated, so only a rule open to all of IPv4 admits it, and no group reference does; without a NAT gateway there is no path at all.)`,
  };
}

/** Validates a query and fills in its defaults: protocol spelled canonically, ICMP echo by default. */
export function normalizeQuery(query: FlowQuery): FlowVerdict["query"] {
  const protocol = normalizeProtocol(query.protocol);
  if (protocol === undefined)
    badQuery(`"${query.protocol}" is not a protocol: expected tcp, udp, icmp, icmpv6 or a number 0-255`, "protocol");
  if (protocol === "-1")
    badQuery(
      "a flow has one protocol: ask about tcp, udp, icmp, icmpv6 or a protocol number, not all traffic",
      "protocol",
    );
  if (protocol === "tcp" || protocol === "udp") {
    if (query.port === undefined) badQuery(`${protocol} needs a port`, "port");
    if (!Number.isInteger(query.port) || query.port < 0 || query.port > 65535)
      badQuery(`port ${query.port} is out of range: expected 0-65535`, "port");
    return { from: query.from, to: query.to, protocol, port: query.port };
  }
  if (protocol === "icmp" || protocol === "icmpv6") {
    const icmpType = query.icmpType ?? (protocol === "icmp" ? 8 : 128);
    const icmpCode = query.icmpCode ?? 0;
    for (const [name, value] of [
      ["icmpType", icmpType],
      ["icmpCode", icmpCode],
    ] as const)
      if (!Number.isInteger(value) || value < 0 || value > 255)
        badQuery(`ICMP ${name === "icmpType" ? "type" : "code"} ${value} is out of range: expected 0-255`, name);
    return { from: query.from, to: query.to, protocol, icmpType, icmpCode };
  }
  return { from: query.from, to: query.to, protocol };
}

/**
 * The verdict on one flow. A flow A -> B is permitted when an egress rule of one of A's groups
 * matches B and an ingress rule of one of B's groups matches A; a side outside AWS is not filtered.
 * Pass a prebuilt index when asking many questions of one design.
 */
export function evaluateFlow(design: Design, query: FlowQuery, prebuilt?: DesignIndex): FlowVerdict {
  const q = normalizeQuery(query);
  const index = prebuilt ?? indexDesign(design);
  let source = endpointOf(index, q.from, "from");
  let target = endpointOf(index, q.to, "to");
  if (source.node && source.node === target.node)
    badQuery(
      `from and to are the same node (${source.name}): traffic to itself never crosses its security groups`,
      "to",
    );
  if (!source.isResource && !target.isResource)
    badQuery(
      `neither ${source.name} nor ${target.name} is inside AWS: security groups filter neither, so they have nothing to say about this flow`,
      "to",
    );
  const unfiltered =
    source.isResource && !target.node
      ? unfilteredTarget(index.design, parseAddress(q.to) as AddressRange, q)
      : undefined;
  if (unfiltered)
    return {
      query: q,
      permitted: true,
      families: [],
      unfiltered,
      explanation: [
        `Security groups do not apply: ${unfiltered}, and AWS never filters that traffic with security groups, so ${source.name}'s rules are not evaluated.`,
        ...(source.note ? [`(${source.note}.)`] : []),
      ].join("\n"),
      repliesReturn: true,
    };
  const internet = target.publicTarget ? viaInternet(source, target, target.publicTarget) : undefined;
  if (internet) {
    source = internet.source;
    target = internet.target;
  }
  // ICMP for IPv4 is protocol 1, for IPv6 protocol 58: each exists in one family only. A public
  // IPv4 is reached over IPv4 alone.
  const wanted: Family[] = internet
    ? q.protocol === "icmpv6"
      ? []
      : [4]
    : q.protocol === "icmp"
      ? [4]
      : q.protocol === "icmpv6"
        ? [6]
        : [4, 6];
  const families = wanted.filter((f) => source.addresses[f] && target.addresses[f]);
  const verdicts: FamilyVerdict[] = families.map((family) => {
    const egress = side(index, "egress", source, target, family, q);
    const ingress = side(index, "ingress", target, source, family, q);
    return {
      family,
      permitted: egress.allowed && ingress.allowed,
      sourceAddress: source.addresses[family]?.why ?? source.name,
      targetAddress: target.addresses[family]?.why ?? target.name,
      egress,
      ingress,
    };
  });
  const permitted = verdicts.some((v) => v.permitted);
  const traffic = describeTraffic(q);
  const lines: string[] = [];
  for (const note of [source.note, target.note]) if (note) lines.push(`(${note}.)`);
  if (internet) lines.push(internet.explanation);
  let droppedAt: FlowVerdict["droppedAt"];
  if (verdicts.length === 0) {
    const missing = wanted
      .map((f) =>
        [source, target]
          .filter((end) => !end.addresses[f])
          .map((end) => `${end.name} has no IPv${f} address`)
          .join(" and "),
      )
      .join("; ");
    lines.unshift(
      `Not permitted: ${source.name} cannot reach ${target.name} on ${traffic}: ${missing} in this design.`,
    );
  } else if (permitted) {
    const ok = verdicts.filter((v) => v.permitted);
    lines.unshift(
      `Permitted: ${source.name} can reach ${target.name} on ${traffic} over ${ok.map((v) => `IPv${v.family}`).join(" and ")}.`,
    );
    const v = ok[0] as FamilyVerdict;
    lines.push(`Outbound (${source.name}): ${v.egress.reason}`, `Inbound (${target.name}): ${v.ingress.reason}`);
    lines.push("Replies return whatever the rules say: security groups are stateful.");
    for (const other of verdicts.filter((x) => !x.permitted))
      lines.push(
        `Over IPv${other.family} it is not permitted: ${(other.egress.allowed ? other.ingress : other.egress).reason}`,
      );
  } else {
    lines.unshift(`Not permitted: ${source.name} cannot reach ${target.name} on ${traffic}.`);
    const v = verdicts[0] as FamilyVerdict;
    // The source's egress drops the request before it leaves: that is where the client waits.
    const dropping = v.egress.allowed ? v.ingress : v.egress;
    droppedAt = {
      side: dropping.side,
      nodeId: dropping.nodeId,
      groupIds: dropping.groups.map((g) => g.groupId),
    };
    const where = dropping.side === "egress" ? `${source.name}'s outbound rules` : `${target.name}'s inbound rules`;
    lines.push(`The request is dropped silently by ${where}, so ${source.name} sees a timeout, not a refusal.`);
    for (const x of verdicts) {
      const prefix = verdicts.length > 1 ? `IPv${x.family}: ` : "";
      if (!x.egress.allowed) lines.push(`${prefix}Outbound (${source.name}): ${x.egress.reason}`);
      if (!x.ingress.allowed) lines.push(`${prefix}Inbound (${target.name}): ${x.ingress.reason}`);
    }
  }
  return {
    query: q,
    permitted,
    families: verdicts,
    ...(droppedAt ? { droppedAt } : {}),
    explanation: lines.join("\n"),
    repliesReturn: permitted,
  };
}
