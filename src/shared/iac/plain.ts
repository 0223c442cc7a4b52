// The design schema's checks written out for what an import produces by the ten thousand (rules,
// resources), for the common case where every check passes. Through zod, a region's 50,000 rules
// and 10,000 resources cost a few tenths of a second of an import, most of it before zod's code
// is warm. Each function gives what the schema's parse gives (same fields, same order) or
// undefined wherever anything is off; the schema then checks again, and stays the one place
// that words a problem. plain.test.ts holds them to the schema.

import { isId as isIdText } from "../model/ids";
import { hasPorts, isIcmp } from "../model/protocol";
import { RESOURCE_KINDS, type Resource, type Rule } from "../model/schema";
import { SERVICES } from "../model/services";
import { cidrProblem, isIpv4Address, isIpv6Address } from "../net/address";

const isId = (v: unknown): v is string => typeof v === "string" && isIdText(v);
const isPort = (v: unknown): v is number | undefined =>
  v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= -1 && v <= 65535);

/**
 * The rule schema's checks written out. Gives the rule as the schema gives it (same fields, same
 * order), or undefined wherever anything is off.
 */
export function plainRule(candidate: Record<string, unknown>, protocol: string): Rule | undefined {
  const { id, fromPort, toPort, peer, description } = candidate;
  if (!isId(id) || !isPort(fromPort) || !isPort(toPort)) return undefined;
  if (description !== undefined && (typeof description !== "string" || description.length > 255)) return undefined;
  if (typeof peer !== "object" || peer === null) return undefined;
  const p = peer as Record<string, unknown>;
  let copy: Rule["peer"];
  if (p.kind === "cidr4" || p.kind === "cidr6") {
    if (typeof p.cidr !== "string" || cidrProblem(p.cidr, p.kind === "cidr4" ? 4 : 6) !== undefined) return undefined;
    copy = { kind: p.kind, cidr: p.cidr };
  } else if (p.kind === "group") {
    // A reference across a VPC peering (the AWS CLI's stale ones) is rare: the schema checks it.
    if (!isId(p.groupId) || p.peering !== undefined) return undefined;
    copy = { kind: "group", groupId: p.groupId };
  } else if (p.kind === "prefixList") {
    if (!isId(p.prefixListId)) return undefined;
    copy = { kind: "prefixList", prefixListId: p.prefixListId };
  } else return undefined;
  if (hasPorts(protocol)) {
    if (fromPort === undefined || toPort === undefined || fromPort < 0 || toPort < 0 || fromPort > toPort)
      return undefined;
  } else if (isIcmp(protocol)) {
    if ((fromPort ?? 0) > 255 || (toPort ?? 0) > 255) return undefined;
    if (fromPort === -1 && toPort !== undefined && toPort !== -1) return undefined;
    if ((protocol === "icmp" && copy.kind === "cidr6") || (protocol === "icmpv6" && copy.kind === "cidr4"))
      return undefined;
  }
  // Built field by field, in the schema's order, as its parse would give it.
  const rule = { id, protocol } as Rule;
  if (fromPort !== undefined) rule.fromPort = fromPort;
  if (toPort !== undefined) rule.toPort = toPort;
  rule.peer = copy;
  if (description !== undefined) rule.description = description;
  return rule;
}

const KINDS = new Set<string>(RESOURCE_KINDS);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isInteger = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

function isAddress(v: unknown, valid: (s: string) => boolean): v is string | undefined {
  return v === undefined || (typeof v === "string" && valid(v));
}

/** A record of text to text, such as tags; only a plain object (the schema treats others its own way). */
function isTextRecord(v: unknown): v is Record<string, string> {
  if (!isRecord(v) || Object.hasOwn(v, "__proto__")) return false;
  for (const key in v) if (typeof v[key] !== "string") return false;
  return true;
}

const isCount = (v: unknown) => v === undefined || (isInteger(v) && v >= 0);

/** A capacity in the schema's order of keys, or undefined where the schema would object (or drop a key). */
function capacityOf(v: unknown): Resource["capacity"] {
  if (!isRecord(v) || Object.keys(v).some((k) => k !== "desired" && k !== "min" && k !== "max")) return undefined;
  const { desired, min, max } = v;
  if (!isCount(desired) || !isCount(min) || !isCount(max)) return undefined;
  const out: NonNullable<Resource["capacity"]> = {};
  if (desired !== undefined) out.desired = desired as number;
  if (min !== undefined) out.min = min as number;
  if (max !== undefined) out.max = max as number;
  return out;
}

/** The resource schema's checks written out (see the top of this file). */
export function plainResource(r: Record<string, unknown>): Resource | undefined {
  const { id, kind, service, capacity, name, vpcId, privateIpv4, ipv6, publicIpv4, groupIds, tags, position } = r;
  // Resources with further interfaces are few: the schema checks those.
  if (r.interfaces !== undefined) return undefined;
  if (!isId(id) || typeof kind !== "string" || !KINDS.has(kind)) return undefined;
  if (
    service !== undefined &&
    !(typeof service === "string" && SERVICES[service as keyof typeof SERVICES]?.kind === kind)
  )
    return undefined;
  const counts = capacity === undefined ? undefined : capacityOf(capacity);
  if (capacity !== undefined && counts === undefined) return undefined;
  if (typeof name !== "string" || name.length > 255) return undefined;
  if (vpcId !== undefined && !isId(vpcId)) return undefined;
  if (!isAddress(privateIpv4, isIpv4Address) || !isAddress(ipv6, isIpv6Address)) return undefined;
  if (!isAddress(publicIpv4, isIpv4Address)) return undefined;
  if (!Array.isArray(groupIds)) return undefined;
  for (let i = 0; i < groupIds.length; i++) if (!isId(groupIds[i])) return undefined;
  if (tags !== undefined && !isTextRecord(tags)) return undefined;
  if (!isRecord(position) || !isInteger(position.x) || !isInteger(position.y)) return undefined;
  // Built field by field, in the schema's order, as its parse would give it.
  const out = { id, kind } as Resource;
  if (service !== undefined) out.service = service as Resource["service"];
  if (counts !== undefined) out.capacity = counts;
  out.name = name;
  if (vpcId !== undefined) out.vpcId = vpcId;
  if (privateIpv4 !== undefined) out.privateIpv4 = privateIpv4;
  if (ipv6 !== undefined) out.ipv6 = ipv6;
  if (publicIpv4 !== undefined) out.publicIpv4 = publicIpv4;
  out.groupIds = groupIds.slice() as string[];
  if (tags !== undefined) out.tags = { ...tags };
  out.position = { x: position.x, y: position.y };
  return out;
}
