// What one set of traffic holds that another does not: the flows a change opens or closes.
import {
  EVERYTHING,
  type IcmpSet,
  isEmpty,
  NOTHING,
  type Ranges,
  type ServiceSet,
  serviceOfRule,
  union,
} from "../services";
import type { Service } from "../types";

/** A service list (an edge's) back into a set. */
export function setOf(services: readonly Service[] | undefined): ServiceSet {
  let out = NOTHING;
  for (const s of services ?? []) {
    const icmp = s.protocol === "icmp" || s.protocol === "icmpv6";
    out = union(
      out,
      serviceOfRule({
        protocol: s.protocol,
        fromPort: icmp ? s.icmpType : s.fromPort,
        toPort: icmp ? s.icmpCode : s.toPort,
      }),
    );
  }
  return out;
}

function subtractRanges(a: Ranges, b: Ranges): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += 2) {
    let from = a[i] as number;
    const to = a[i + 1] as number;
    for (let j = 0; j < b.length && from <= to; j += 2) {
      const [cutFrom, cutTo] = [b[j] as number, b[j + 1] as number];
      if (cutTo < from || cutFrom > to) continue;
      if (cutFrom > from) out.push(from, cutFrom - 1);
      from = cutTo + 1;
    }
    if (from <= to) out.push(from, to);
  }
  return out;
}

const ICMP_TYPES = Array.from({ length: 256 }, (_, n) => n);

/** Every type, written out, so that some can be taken away. */
function explicitIcmp(a: IcmpSet): IcmpSet {
  return a.all ? { all: false, types: new Map(ICMP_TYPES.map((t) => [t, true as const])) } : a;
}

/** ICMP of a that b lacks; codes of a whole type are written out when b takes some away. */
function subtractIcmp(a: IcmpSet, b: IcmpSet): IcmpSet {
  if (b.all) return { all: false, types: new Map() };
  if (a.all && b.types.size === 0) return a;
  const types = new Map<number, true | readonly number[]>();
  for (const [type, codes] of explicitIcmp(a).types) {
    const theirs = b.types.get(type);
    if (theirs === true) continue;
    if (theirs === undefined) types.set(type, codes);
    else {
      const left = (codes === true ? ICMP_TYPES : codes).filter((c) => !theirs.includes(c));
      if (left.length > 0) types.set(type, left);
    }
  }
  return { all: false, types };
}

// Protocol numbers other than the four with their own fields (icmp 1, tcp 6, udp 17, icmpv6 58).
const OTHER = ICMP_TYPES.filter((n) => ![1, 6, 17, 58].includes(n));

/** All traffic, spelled out field by field. */
function explicit(a: ServiceSet): ServiceSet {
  if (!a.all) return a;
  const whole = { all: true, types: new Map() };
  return { all: false, tcp: [0, 65535], udp: [0, 65535], icmp: whole, icmpv6: whole, other: OTHER };
}

export interface Difference {
  /** Exactly the traffic of a that b lacks. */
  set: ServiceSet;
  /** Set when a is all traffic and b some of it: said "all traffic except …" rather than listed. */
  except?: ServiceSet;
}

export function subtract(a: ServiceSet, b: ServiceSet): Difference {
  if (b.all || isEmpty(a)) return { set: NOTHING };
  if (a.all && isEmpty(b)) return { set: EVERYTHING };
  const x = explicit(a);
  const set: ServiceSet = {
    all: false,
    tcp: subtractRanges(x.tcp, b.tcp),
    udp: subtractRanges(x.udp, b.udp),
    icmp: subtractIcmp(x.icmp, b.icmp),
    icmpv6: subtractIcmp(x.icmpv6, b.icmpv6),
    other: x.other.filter((p) => !b.other.includes(p)),
  };
  return a.all ? { set, except: b } : { set };
}
