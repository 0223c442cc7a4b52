// A slow, obviously correct evaluator, written straight from AWS's rules with none of the
// engine's machinery (no service sets, no classes, no index). Property tests check the engine
// against it. Keep it simple rather than fast.

import ipaddr from "ipaddr.js";
import type { Direction } from "../../model/direction";
import { stalePeering } from "../../model/peering";
import type { Design, Rule, SecurityGroup } from "../../model/schema";

export interface ProbeQuery {
  from: string;
  to: string;
  protocol: "tcp" | "udp" | "icmp" | "icmpv6" | string;
  port?: number;
  icmpType?: number;
  icmpCode?: number;
}

type Interval = [bigint, bigint];

function toBig(text: string): bigint {
  const hex = ipaddr
    .parse(text)
    .toByteArray()
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  return BigInt(`0x${hex}`);
}

function cidrInterval(cidr: string): { family: 4 | 6; interval: Interval } {
  const [addr, len] = ipaddr.parseCIDR(cidr);
  const bits = addr.kind() === "ipv4" ? 32 : 128;
  const start = toBig(addr.toString());
  const size = 1n << BigInt(bits - len);
  const base = (start / size) * size;
  return { family: bits === 32 ? 4 : 6, interval: [base, base + size - 1n] };
}

/** Removes `cut` from every interval of `set`. */
function subtract(set: Interval[], cut: Interval): Interval[] {
  const out: Interval[] = [];
  for (const [a, b] of set) {
    if (cut[1] < a || cut[0] > b) {
      out.push([a, b]);
      continue;
    }
    if (a < cut[0]) out.push([a, cut[0] - 1n]);
    if (cut[1] < b) out.push([cut[1] + 1n, b]);
  }
  return out;
}

interface End {
  resource: boolean;
  groups: string[];
  /** Addresses per family the other side sees; absent = no address of that family. */
  v4?: Interval[];
  v6?: Interval[];
}

function endOf(design: Design, id: string): End {
  // "r/eth1": the resource's interface with DeviceIndex 1, with that interface's groups and addresses.
  const slash = id.lastIndexOf("/eth");
  const owner = slash > 0 ? design.resources.find((x) => x.id === id.slice(0, slash)) : undefined;
  const eni = owner?.interfaces?.find((i) => `eth${i.deviceIndex}` === id.slice(slash + 1));
  if (owner && eni) {
    const vpc = design.vpcs.find((v) => v.id === owner.vpcId);
    const v4: Interval[] = eni.privateIpv4
      ? [[toBig(eni.privateIpv4), toBig(eni.privateIpv4)]]
      : vpc?.cidrIpv4
        ? [cidrInterval(vpc.cidrIpv4).interval]
        : [[0n, (1n << 32n) - 1n]];
    const v6 = eni.ipv6 ? [[toBig(eni.ipv6), toBig(eni.ipv6)] as Interval] : undefined;
    return { resource: true, groups: eni.groupIds, v4, v6 };
  }
  const r = design.resources.find((x) => x.id === id);
  if (r) {
    const vpc = design.vpcs.find((v) => v.id === r.vpcId);
    let v4: Interval[];
    if (r.privateIpv4) {
      const n = toBig(r.privateIpv4);
      v4 = [[n, n]];
    } else if (vpc?.cidrIpv4) v4 = [cidrInterval(vpc.cidrIpv4).interval];
    else v4 = [[0n, (1n << 32n) - 1n]];
    const v6 = r.ipv6 ? [[toBig(r.ipv6), toBig(r.ipv6)] as Interval] : undefined;
    return { resource: true, groups: r.groupIds, v4, v6 };
  }
  const e = design.externals.find((x) => x.id === id);
  if (!e) throw new Error(`no node ${id}`);
  const v4 = e.cidrs.map(cidrInterval).filter((c) => c.family === 4);
  const v6 = e.cidrs.map(cidrInterval).filter((c) => c.family === 6);
  return {
    resource: false,
    groups: [],
    v4: v4.length ? v4.map((c) => c.interval) : undefined,
    v6: v6.length ? v6.map((c) => c.interval) : undefined,
  };
}

function ruleTraffic(rule: Rule, q: ProbeQuery): boolean {
  if (rule.protocol === "-1") return true;
  if (rule.protocol !== q.protocol) return false;
  if (q.protocol === "tcp" || q.protocol === "udp")
    return (rule.fromPort as number) <= (q.port as number) && (q.port as number) <= (rule.toPort as number);
  if (q.protocol === "icmp" || q.protocol === "icmpv6") {
    const typeOk = rule.fromPort === undefined || rule.fromPort === -1 || rule.fromPort === q.icmpType;
    const codeOk = rule.toPort === undefined || rule.toPort === -1 || rule.toPort === q.icmpCode;
    return typeOk && codeOk;
  }
  return true;
}

function sideAllows(
  design: Design,
  self: End,
  other: End,
  direction: Direction,
  family: 4 | 6,
  q: ProbeQuery,
): boolean {
  if (!self.resource) return true;
  const groups = self.groups.map((g) => design.groups.find((x) => x.id === g)).filter(Boolean) as SecurityGroup[];
  let uncovered = (family === 4 ? other.v4 : other.v6) ?? [];
  for (const group of groups)
    for (const rule of group[direction]) {
      if (!ruleTraffic(rule, q)) continue;
      const peer = rule.peer;
      if (peer.kind === "group") {
        // A reference across a VPC peering that is gone is stale: it matches no one.
        if (stalePeering(peer)) continue;
        if (other.resource && other.groups.includes(peer.groupId)) return true;
        continue;
      }
      const cidrs =
        peer.kind === "prefixList"
          ? (design.prefixLists.find((p) => p.id === peer.prefixListId)?.entries.map((e) => e.cidr) ?? [])
          : peer.kind === "external"
            ? (design.externals.find((e) => e.id === peer.externalId)?.cidrs ?? [])
            : [peer.cidr];
      for (const cidr of cidrs) {
        const c = cidrInterval(cidr);
        if (c.family === family) uncovered = subtract(uncovered, c.interval);
      }
    }
  return uncovered.length === 0;
}

/** Whether AWS would let this flow through, by the book. */
export function referencePermits(design: Design, q: ProbeQuery): boolean {
  const a = endOf(design, q.from);
  const b = endOf(design, q.to);
  const families: (4 | 6)[] = q.protocol === "icmp" ? [4] : q.protocol === "icmpv6" ? [6] : [4, 6];
  return families.some((family) => {
    if (!(family === 4 ? a.v4 && b.v4 : a.v6 && b.v6)) return false;
    return sideAllows(design, a, b, "egress", family, q) && sideAllows(design, b, a, "ingress", family, q);
  });
}
