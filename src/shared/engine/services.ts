// Sets of traffic (protocol, ports, ICMP type/code) with union and intersection: what a rule
// allows, and what a flow carries once the source's egress and the target's ingress are combined.
import type { Rule } from "../model/schema";
import type { Service } from "./types";

/** Inclusive ranges, sorted and merged: [from0, to0, from1, to1, ...]. */
export type Ranges = readonly number[];

/** ICMP: every type, or some types each with every code (true) or some codes. */
export interface IcmpSet {
  all: boolean;
  types: ReadonlyMap<number, true | readonly number[]>;
}

export interface ServiceSet {
  /** Every protocol, every port (a "-1" rule). When true the other fields are empty. */
  all: boolean;
  tcp: Ranges;
  udp: Ranges;
  icmp: IcmpSet;
  icmpv6: IcmpSet;
  /** Other IP protocol numbers, whole (ports do not apply). Sorted. */
  other: readonly number[];
}

const NO_ICMP: IcmpSet = { all: false, types: new Map() };
const ALL_ICMP: IcmpSet = { all: true, types: new Map() };
export const NOTHING: ServiceSet = { all: false, tcp: [], udp: [], icmp: NO_ICMP, icmpv6: NO_ICMP, other: [] };
export const EVERYTHING: ServiceSet = { ...NOTHING, all: true };

export function isEmpty(s: ServiceSet): boolean {
  return (
    !s.all &&
    s.tcp.length === 0 &&
    s.udp.length === 0 &&
    !s.icmp.all &&
    s.icmp.types.size === 0 &&
    !s.icmpv6.all &&
    s.icmpv6.types.size === 0 &&
    s.other.length === 0
  );
}

function icmpOf(type: number | undefined, code: number | undefined): IcmpSet {
  if (type === undefined || type === -1) return ALL_ICMP;
  return { all: false, types: new Map([[type, code === undefined || code === -1 ? true : [code]]]) };
}

/** The traffic one rule allows, leaving aside its peer. */
export function serviceOfRule(rule: Pick<Rule, "protocol" | "fromPort" | "toPort">): ServiceSet {
  switch (rule.protocol) {
    case "-1":
      return EVERYTHING;
    case "tcp":
      return { ...NOTHING, tcp: [rule.fromPort ?? 0, rule.toPort ?? 65535] };
    case "udp":
      return { ...NOTHING, udp: [rule.fromPort ?? 0, rule.toPort ?? 65535] };
    case "icmp":
      return { ...NOTHING, icmp: icmpOf(rule.fromPort, rule.toPort) };
    case "icmpv6":
      return { ...NOTHING, icmpv6: icmpOf(rule.fromPort, rule.toPort) };
    default:
      return { ...NOTHING, other: [Number(rule.protocol)] };
  }
}

function unionRanges(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0 || a === b) return b;
  if (b.length === 0) return a;
  // Both are sorted and merged already: one pass, taking the range that starts first.
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let from: number;
    let to: number;
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) {
      from = a[i] as number;
      to = a[i + 1] as number;
      i += 2;
    } else {
      from = b[j] as number;
      to = b[j + 1] as number;
      j += 2;
    }
    const last = out.length - 1;
    // Adjacent ranges merge too: 80-80 and 81-90 are 80-90.
    if (last > 0 && from <= (out[last] as number) + 1) {
      if (to > (out[last] as number)) out[last] = to;
    } else out.push(from, to);
  }
  return out;
}

function intersectRanges(a: Ranges, b: Ranges): Ranges {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i] as number, b[j] as number);
    const to = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (from <= to) out.push(from, to);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

function sortedUnion(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function unionIcmp(a: IcmpSet, b: IcmpSet): IcmpSet {
  if (a.all || b.all) return ALL_ICMP;
  if (a.types.size === 0) return b;
  if (b.types.size === 0) return a;
  const types = new Map(a.types);
  for (const [type, codes] of b.types) {
    const mine = types.get(type);
    types.set(type, mine === true || codes === true ? true : sortedUnion(mine ?? [], codes));
  }
  return { all: false, types };
}

function intersectIcmp(a: IcmpSet, b: IcmpSet): IcmpSet {
  if (a.all) return b;
  if (b.all) return a;
  const types = new Map<number, true | readonly number[]>();
  for (const [type, codes] of a.types) {
    const theirs = b.types.get(type);
    if (theirs === undefined) continue;
    if (codes === true) types.set(type, theirs);
    else if (theirs === true) types.set(type, codes);
    else {
      const both = codes.filter((c) => theirs.includes(c));
      if (both.length > 0) types.set(type, both);
    }
  }
  return { all: false, types };
}

export function union(a: ServiceSet, b: ServiceSet): ServiceSet {
  if (a === b) return a;
  if (a.all || b.all) return EVERYTHING;
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  return {
    all: false,
    tcp: unionRanges(a.tcp, b.tcp),
    udp: unionRanges(a.udp, b.udp),
    icmp: unionIcmp(a.icmp, b.icmp),
    icmpv6: unionIcmp(a.icmpv6, b.icmpv6),
    other: a.other.length === 0 ? b.other : b.other.length === 0 ? a.other : sortedUnion(a.other, b.other),
  };
}

export function intersect(a: ServiceSet, b: ServiceSet): ServiceSet {
  if (a.all) return b;
  if (b.all) return a;
  return {
    all: false,
    tcp: intersectRanges(a.tcp, b.tcp),
    udp: intersectRanges(a.udp, b.udp),
    icmp: intersectIcmp(a.icmp, b.icmp),
    icmpv6: intersectIcmp(a.icmpv6, b.icmpv6),
    other: a.other.filter((p) => b.other.includes(p)),
  };
}

/** One point of traffic: what a single query sends. */
export interface Probe {
  protocol: string;
  port?: number;
  icmpType?: number;
  icmpCode?: number;
}

function rangesHave(r: Ranges, n: number): boolean {
  for (let i = 0; i < r.length; i += 2) if ((r[i] as number) <= n && n <= (r[i + 1] as number)) return true;
  return false;
}

function icmpHas(s: IcmpSet, type: number, code: number): boolean {
  if (s.all) return true;
  const codes = s.types.get(type);
  return codes === true || (codes?.includes(code) ?? false);
}

export function has(s: ServiceSet, p: Probe): boolean {
  if (s.all) return true;
  switch (p.protocol) {
    case "tcp":
      return rangesHave(s.tcp, p.port ?? -1);
    case "udp":
      return rangesHave(s.udp, p.port ?? -1);
    case "icmp":
      return icmpHas(s.icmp, p.icmpType ?? -1, p.icmpCode ?? -1);
    case "icmpv6":
      return icmpHas(s.icmpv6, p.icmpType ?? -1, p.icmpCode ?? -1);
    default:
      return s.other.includes(Number(p.protocol));
  }
}

/** The set as a sorted list of services, for edges and --json. */
export function toServices(s: ServiceSet): Service[] {
  if (s.all) return [{ protocol: "-1" }];
  const out: Service[] = [];
  for (const protocol of ["tcp", "udp"] as const)
    for (let i = 0; i < s[protocol].length; i += 2)
      out.push({ protocol, fromPort: s[protocol][i] as number, toPort: s[protocol][i + 1] as number });
  for (const protocol of ["icmp", "icmpv6"] as const) {
    const set = s[protocol];
    if (set.all) out.push({ protocol, icmpType: -1, icmpCode: -1 });
    for (const [type, codes] of [...set.types].sort((a, b) => a[0] - b[0])) {
      if (codes === true) out.push({ protocol, icmpType: type, icmpCode: -1 });
      else for (const code of codes) out.push({ protocol, icmpType: type, icmpCode: code });
    }
  }
  for (const n of s.other) out.push({ protocol: String(n) });
  return out;
}

const ICMP_NAMES: Record<string, Record<number, string>> = {
  icmp: { 0: "echo reply", 3: "unreachable", 8: "echo", 11: "time exceeded" },
  icmpv6: { 1: "unreachable", 2: "packet too big", 128: "echo", 129: "echo reply" },
};

/** "tcp 80, 443, 8000-8080; udp 53; icmp echo" or "all traffic". */
export function label(s: ServiceSet): string {
  if (s.all) return "all traffic";
  const parts: string[] = [];
  for (const protocol of ["tcp", "udp"] as const) {
    const r = s[protocol];
    if (r.length === 0) continue;
    if (r.length === 2 && r[0] === 0 && r[1] === 65535) {
      parts.push(`${protocol} all ports`);
      continue;
    }
    const ports: string[] = [];
    for (let i = 0; i < r.length; i += 2) ports.push(r[i] === r[i + 1] ? `${r[i]}` : `${r[i]}-${r[i + 1]}`);
    parts.push(`${protocol} ${ports.join(", ")}`);
  }
  for (const protocol of ["icmp", "icmpv6"] as const) {
    const set = s[protocol];
    if (set.all) parts.push(`${protocol} all`);
    else if (set.types.size > 0) {
      const names = [...set.types]
        .sort((a, b) => a[0] - b[0])
        .map(([type, codes]) => {
          const name = ICMP_NAMES[protocol]?.[type] ?? `type ${type}`;
          return codes === true ? name : `${name} code ${codes.join("/")}`;
        });
      parts.push(`${protocol} ${names.join(", ")}`);
    }
  }
  if (s.other.length > 0) parts.push(s.other.map((n) => `protocol ${n}`).join(", "));
  return parts.join("; ");
}
