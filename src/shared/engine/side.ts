// One side of a flow: do the rules of a node's groups in one direction let traffic to or from
// the other side pass? Used both for a single probe (evaluateFlow, with reasons) and for whole
// service sets (permittedFlows).
import { staleReason } from "../model/peering";
import { type AddressRange, contains, type Family, formatRange, overlaps, unionCovers } from "../net/address";
import type { IndexedRule } from "./index-design";
import { EVERYTHING, has, isEmpty, NOTHING, type Probe, type ServiceSet, serviceOfRule, union } from "./services";

/** The other side of the flow, as a rule's peer sees it. */
export interface Counterpart {
  name: string;
  /** Group ids when the other side is a resource inside AWS (group references can match it). */
  groupIds: ReadonlySet<string> | undefined;
  ranges: readonly AddressRange[];
  /** A public address of a resource: never matched inside the VPC, but worth naming when a rule aims at it. */
  publicRange?: AddressRange;
  /** A resource seen by its public address, the flow going out and back in through the internet gateway. */
  viaInternet?: boolean;
  why: string;
}

function appliesTo(rule: IndexedRule, family: Family): boolean {
  return rule.peer.kind === "group" || rule.peer.family === family;
}

/** Whether the rule's peer alone covers every address the other side may have. */
export function peerCovers(rule: IndexedRule, other: Counterpart): "all" | "part" | "none" {
  const peer = rule.peer;
  if (peer.kind === "group") return !peer.stale && other.groupIds?.has(peer.groupId) ? "all" : "none";
  if (peer.ranges.length === 1) {
    // The common case, one CIDR: no need to merge ranges.
    const r = peer.ranges[0] as AddressRange;
    let all = true;
    let some = false;
    for (let i = 0; i < other.ranges.length; i++) {
      const t = other.ranges[i] as AddressRange;
      if (!contains(r, t)) all = false;
      if (overlaps(r, t)) some = true;
    }
    return all ? "all" : some ? "part" : "none";
  }
  if (other.ranges.every((t) => unionCovers(peer.ranges, t))) return "all";
  return other.ranges.some((t) => peer.ranges.some((r) => overlaps(r, t))) ? "part" : "none";
}

function coveredTogether(rules: readonly IndexedRule[], other: Counterpart): boolean {
  // Most sets of rules fail at once, holding no range that starts the other side's addresses:
  // say so before gathering and sorting their ranges.
  for (const t of other.ranges) {
    let holds = false;
    for (const rule of rules) {
      if (rule.peer.kind !== "ranges") continue;
      for (const r of rule.peer.ranges)
        if (r.family === t.family && r.start <= t.start && t.start <= r.end) {
          holds = true;
          break;
        }
      if (holds) break;
    }
    if (!holds) return false;
  }
  const ranges: AddressRange[] = [];
  for (const r of rules) if (r.peer.kind === "ranges") ranges.push(...r.peer.ranges);
  return ranges.length > 0 && other.ranges.every((t) => unionCovers(ranges, t));
}

/**
 * What several rules allow together where none covers the other side alone
 * (0.0.0.0/1 and 128.0.0.0/1 on tcp 80 cover the whole Internet on tcp 80). The service space is cut
 * into pieces no rule splits, and each piece is allowed when the rules holding it cover the address.
 */
function allowedTogether(partial: readonly IndexedRule[], other: Counterpart): ServiceSet {
  const wholes = partial.filter((r) => r.service.all);
  if (coveredTogether(wholes, other)) return EVERYTHING;
  let out = NOTHING;
  for (const protocol of ["tcp", "udp"] as const) {
    const rs = partial.filter((r) => r.service[protocol].length > 0);
    const cuts = [
      ...new Set(rs.flatMap((r) => [r.service[protocol][0] as number, (r.service[protocol][1] as number) + 1])),
    ].sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i] as number;
      const to = (cuts[i + 1] as number) - 1;
      const holding = [
        ...wholes,
        ...rs.filter((r) => (r.service[protocol][0] as number) <= from && to <= (r.service[protocol][1] as number)),
      ];
      if (coveredTogether(holding, other)) out = union(out, serviceOfRule({ protocol, fromPort: from, toPort: to }));
    }
  }
  for (const protocol of ["icmp", "icmpv6"] as const) {
    const rs = partial.filter((r) => r.service[protocol].all || r.service[protocol].types.size > 0);
    const anyType = [...wholes, ...rs.filter((r) => r.service[protocol].all)];
    if (coveredTogether(anyType, other)) {
      out = union(out, serviceOfRule({ protocol }));
      continue;
    }
    const types = new Set(rs.flatMap((r) => [...r.service[protocol].types.keys()]));
    for (const type of types) {
      const anyCode = [...anyType, ...rs.filter((r) => r.service[protocol].types.get(type) === true)];
      if (coveredTogether(anyCode, other)) {
        out = union(out, serviceOfRule({ protocol, fromPort: type, toPort: -1 }));
        continue;
      }
      const codes = new Set(
        rs.flatMap((r) => {
          const c = r.service[protocol].types.get(type);
          return Array.isArray(c) ? c : [];
        }),
      );
      for (const code of codes) {
        const holding = [
          ...anyCode,
          ...rs.filter((r) => {
            const c = r.service[protocol].types.get(type);
            return Array.isArray(c) && c.includes(code);
          }),
        ];
        if (coveredTogether(holding, other))
          out = union(out, serviceOfRule({ protocol, fromPort: type, toPort: code }));
      }
    }
  }
  for (const n of new Set(partial.flatMap((r) => r.service.other))) {
    const holding = [...wholes, ...partial.filter((r) => r.service.other.includes(n))];
    if (coveredTogether(holding, other)) out = union(out, serviceOfRule({ protocol: String(n) }));
  }
  return out;
}

/** Everything the rules let pass to or from the other side in one family. */
export function allowedServices(rules: readonly IndexedRule[], other: Counterpart, family: Family): ServiceSet {
  let out = NOTHING;
  const partial: IndexedRule[] = [];
  // An indexed loop: the whole relation calls this for every class and outside party, often
  // before it is optimized, where for-of makes an object per step.
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as IndexedRule;
    if (!appliesTo(rule, family)) continue;
    if (out.all) break;
    const cover = peerCovers(rule, other);
    if (cover === "all") out = union(out, rule.service);
    else if (cover === "part") partial.push(rule);
  }
  // Rules that each cover part of the other side can allow something only if together they cover
  // all of it; checking that once spares the piecewise work in the common case where they do not.
  if (partial.length > 0 && !out.all && coveredTogether(partial, other)) {
    const together = allowedTogether(partial, other);
    if (!isEmpty(together)) out = union(out, together);
  }
  return out;
}

export type MissKind = "protocol" | "port" | "family" | "peer";

export interface ProbeResult {
  allowed: boolean;
  matched: IndexedRule[];
  misses: { rule: IndexedRule; reason: MissKind; detail: string }[];
}

function describeProbe(p: Probe): string {
  if (p.protocol === "tcp" || p.protocol === "udp") return `port ${p.port}`;
  if (p.protocol === "icmp" || p.protocol === "icmpv6") return `ICMP type ${p.icmpType} code ${p.icmpCode}`;
  return `protocol ${p.protocol}`;
}

function ruleService(rule: IndexedRule): string {
  const { protocol, fromPort, toPort } = rule.rule;
  if (protocol === "tcp" || protocol === "udp") return fromPort === toPort ? `${fromPort}` : `${fromPort}-${toPort}`;
  if (protocol === "icmp" || protocol === "icmpv6")
    return fromPort === undefined || fromPort === -1
      ? "any type"
      : `type ${fromPort}${toPort !== undefined && toPort !== -1 ? ` code ${toPort}` : ""}`;
  return protocol === "-1" ? "all traffic" : `protocol ${protocol}`;
}

// The closest miss first: right traffic but the wrong peer, then the wrong family, port, protocol.
const MISS_ORDER: Record<MissKind, number> = { peer: 0, family: 1, port: 2, protocol: 3 };

/** Whether one probe of traffic passes, with the rules that let it and why each other rule did not. */
export function probeSide(
  rules: readonly IndexedRule[],
  other: Counterpart,
  family: Family,
  probe: Probe,
  groupName: (id: string) => string,
): ProbeResult {
  const full: IndexedRule[] = [];
  const partial: IndexedRule[] = [];
  const misses: ProbeResult["misses"] = [];
  for (const rule of rules) {
    const protocolFits = rule.rule.protocol === "-1" || rule.rule.protocol === probe.protocol;
    if (!protocolFits) {
      misses.push({
        rule,
        reason: "protocol",
        detail: `the rule is for ${rule.rule.protocol}, the traffic is ${probe.protocol}`,
      });
      continue;
    }
    if (!has(rule.service, probe)) {
      misses.push({ rule, reason: "port", detail: `${describeProbe(probe)} is outside ${ruleService(rule)}` });
      continue;
    }
    if (!appliesTo(rule, family)) {
      const peerFamily = rule.peer.kind === "ranges" ? rule.peer.family : family;
      misses.push({
        rule,
        reason: "family",
        detail: `the rule is for IPv${peerFamily} (${rule.peer.kind === "ranges" ? rule.peer.text : ""}), the traffic is IPv${family}`,
      });
      continue;
    }
    const cover = peerCovers(rule, other);
    if (cover === "all") full.push(rule);
    else {
      if (cover === "part") partial.push(rule);
      misses.push({ rule, reason: "peer", detail: peerMissDetail(rule, other, cover, groupName) });
    }
  }
  if (full.length > 0) return { allowed: true, matched: full, misses: sortMisses(misses) };
  if (partial.length > 1 && coveredTogether(partial, other))
    return { allowed: true, matched: partial, misses: sortMisses(misses.filter((m) => !partial.includes(m.rule))) };
  return { allowed: false, matched: [], misses: sortMisses(misses) };
}

function sortMisses(misses: ProbeResult["misses"]): ProbeResult["misses"] {
  return misses.sort((a, b) => MISS_ORDER[a.reason] - MISS_ORDER[b.reason]);
}

function peerMissDetail(
  rule: IndexedRule,
  other: Counterpart,
  cover: "part" | "none",
  groupName: (id: string) => string,
): string {
  const peer = rule.peer;
  if (peer.kind === "group") {
    const name = groupName(peer.groupId);
    if (peer.stale) return staleReason(name, peer.stale);
    if (other.groupIds === undefined && other.viaInternet)
      return `${other.name} arrives from ${other.why} through the internet gateway: a group reference (${name}) matches only its members' private addresses`;
    if (other.groupIds === undefined)
      return `${other.name} is outside AWS: a group reference (group ${name}) matches only its members' private addresses`;
    return `${other.name} is not a member of group ${name}`;
  }
  const otherText = other.ranges.map(formatRange).join(", ");
  if (other.publicRange && peer.ranges.some((r) => contains(r, other.publicRange as AddressRange)))
    return `${peer.text} matches ${other.name}'s public address ${formatRange(other.publicRange)}, but traffic inside AWS uses the private address ${otherText}`;
  if (cover === "part") return `${peer.text} covers only part of ${other.why}`;
  return `${peer.text} does not cover ${other.why}`;
}
