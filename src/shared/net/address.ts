// Addresses and CIDRs as inclusive integer ranges, the one representation the engine
// reasons about. Parsing is ipaddr.js's; only the interval arithmetic is ours.
import ipaddr from "ipaddr.js";

export type Family = 4 | 6;

/** An inclusive range of addresses of one family, e.g. 10.0.0.0/8 = [0x0a000000, 0x0affffff]. */
export interface AddressRange {
  family: Family;
  start: bigint;
  end: bigint;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

function bytesToBigint(bytes: number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function bigintToBytes(n: bigint, length: number): number[] {
  const out = new Array<number>(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** Verdicts by the family asked for (or either), then by text: no key string to build per question. */
const cidrVerdicts = {
  4: new Map<string, string | undefined>(),
  6: new Map<string, string | undefined>(),
  any: new Map<string, string | undefined>(),
};

/** Why `text` is not a CIDR of `family` (either family when omitted), or undefined when it is one. */
export function cidrProblem(text: string, family?: Family): string | undefined {
  // Designs repeat the same CIDRs thousands of times: remember each verdict (bounded).
  const verdicts = cidrVerdicts[family ?? "any"];
  const known = verdicts.get(text);
  if (known !== undefined || verdicts.has(text)) return known;
  const verdict = checkCidr(text, family);
  if (verdicts.size > 100_000) verdicts.clear();
  verdicts.set(text, verdict);
  return verdict;
}

function checkCidr(text: string, family?: Family): string | undefined {
  const slash = text.indexOf("/");
  if (slash < 0)
    return `"${text}" has no prefix length: write it as a CIDR, e.g. ${family === 6 ? "2001:db8::/32" : "10.0.0.0/16"}`;
  const addr = text.slice(0, slash);
  // ipaddr.js throws internally on IPv6 text given to its IPv4 check: ask the right one first.
  const colon = addr.includes(":");
  const v4 = !colon && ipaddr.IPv4.isValidFourPartDecimal(addr);
  const v6 = colon && !addr.includes(".") && ipaddr.IPv6.isValid(addr);
  if (!v4 && !v6) return `"${text}" is not a CIDR: "${addr}" is not an IPv4 or IPv6 address`;
  const f: Family = v4 ? 4 : 6;
  if (family !== undefined && f !== family)
    return `"${text}" is an IPv${f} CIDR where an IPv${family} CIDR is expected`;
  const lenText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lenText) || Number(lenText) > BITS[f])
    return `"${text}" has a bad prefix length: expected /0 to /${BITS[f]}`;
  const range = rangeOf(addr, Number(lenText), f);
  if (parseAddress(addr)?.start !== range.start)
    return `"${text}" has host bits set: the network is ${formatAddress(range.start, f)}/${lenText}`;
  return undefined;
}

export const isIpv4Cidr = (s: string): boolean => cidrProblem(s, 4) === undefined;
export const isIpv6Cidr = (s: string): boolean => cidrProblem(s, 6) === undefined;

export function isIpv4Address(s: string): boolean {
  // The usual spelling is read without ipaddr.js, whose check builds regular-expression matches.
  return fastIpv4(s) !== undefined || (!s.includes(":") && ipaddr.IPv4.isValidFourPartDecimal(s));
}
export function isIpv6Address(s: string): boolean {
  return !s.includes("%") && !s.includes(".") && ipaddr.IPv6.isValid(s);
}

/** Dotted-quad IPv4 without leading zeros, the form nearly every design uses, parsed without ipaddr.js. */
function fastIpv4(text: string): bigint | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return undefined; // leading zero: leave it to ipaddr.js
      part = part * 10 + (c - 48);
      digits++;
      if (digits > 3) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0 || part > 255) return undefined;
  return BigInt(value * 256 + part);
}

/** A single address as a one-address range, or undefined when it is not an address. */
export function parseAddress(text: string): AddressRange | undefined {
  const quad = fastIpv4(text);
  if (quad !== undefined) return { family: 4, start: quad, end: quad };
  if (isIpv4Address(text)) {
    const n = bytesToBigint(ipaddr.IPv4.parse(text).toByteArray());
    return { family: 4, start: n, end: n };
  }
  if (isIpv6Address(text)) {
    const n = bytesToBigint(ipaddr.IPv6.parse(text).toByteArray());
    return { family: 6, start: n, end: n };
  }
  return undefined;
}

function rangeOf(addr: string, prefix: number, family: Family): AddressRange {
  const bytes = family === 4 ? ipaddr.IPv4.parse(addr).toByteArray() : ipaddr.IPv6.parse(addr).toByteArray();
  const bits = BigInt(BITS[family]);
  const hostBits = bits - BigInt(prefix);
  const hostMask = (1n << hostBits) - 1n;
  const start = bytesToBigint(bytes) & ~hostMask & ((1n << bits) - 1n);
  return { family, start, end: start | hostMask };
}

const parsedCidrs = new Map<string, AddressRange>();

/**
 * A CIDR as a range; throws on text that `cidrProblem` rejects (validate first). Results are
 * shared (designs repeat the same few CIDRs thousands of times): treat them as read-only.
 */
export function parseCidr(text: string): AddressRange {
  const known = parsedCidrs.get(text);
  if (known) return known;
  const problem = cidrProblem(text);
  if (problem) throw new Error(problem);
  const slash = text.indexOf("/");
  const addr = text.slice(0, slash);
  const range = rangeOf(addr, Number(text.slice(slash + 1)), ipaddr.IPv4.isValidFourPartDecimal(addr) ? 4 : 6);
  // A bounded memo: enough for any real design, never a leak for a long-running app.
  if (parsedCidrs.size > 100_000) parsedCidrs.clear();
  parsedCidrs.set(text, range);
  return range;
}

/** The prefix length of a range that is a CIDR block. */
export function prefixLength(range: AddressRange): number {
  let size = range.end - range.start + 1n;
  let host = 0;
  while (size > 1n) {
    size >>= 1n;
    host++;
  }
  return BITS[range.family] - host;
}

export function formatAddress(n: bigint, family: Family): string {
  const bytes = bigintToBytes(n, family === 4 ? 4 : 16);
  return ipaddr.fromByteArray(bytes).toString();
}

/** The shortest text of a range: an address when it holds one, else a CIDR when aligned, else start-end. */
export function formatRange(r: AddressRange): string {
  const size = r.end - r.start + 1n;
  if (size === 1n) return formatAddress(r.start, r.family);
  const bits = BITS[r.family];
  let hostBits = 0;
  while (1n << BigInt(hostBits) < size) hostBits++;
  if (1n << BigInt(hostBits) === size && (r.start & (size - 1n)) === 0n)
    return `${formatAddress(r.start, r.family)}/${bits - hostBits}`;
  return `${formatAddress(r.start, r.family)}-${formatAddress(r.end, r.family)}`;
}

/** The whole address space of a family: 0.0.0.0/0 or ::/0. */
export function everything(family: Family): AddressRange {
  return { family, start: 0n, end: (1n << BigInt(BITS[family])) - 1n };
}

export function contains(outer: AddressRange, inner: AddressRange): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/**
 * Whether the union of `ranges` covers every address of `target`.
 * Several rules together may cover what none covers alone (0.0.0.0/1 + 128.0.0.0/1).
 */
export function unionCovers(ranges: readonly AddressRange[], target: AddressRange): boolean {
  const relevant = ranges
    .filter((r) => overlaps(r, target))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let next = target.start;
  for (const r of relevant) {
    if (r.start > next) return false;
    if (r.end >= next) next = r.end + 1n;
    if (next > target.end) return true;
  }
  return next > target.end;
}
