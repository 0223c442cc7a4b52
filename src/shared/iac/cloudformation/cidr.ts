// Fn::Cidr [ipBlock, count, cidrBits]: `count` consecutive blocks from the start of ipBlock, each
// with `cidrBits` host bits (8 makes /24s of an IPv4 block, 64 makes /64s of an IPv6 one).
import { cidrProblem, formatAddress, parseCidr, prefixLength } from "../../net/address";

/** The blocks, or what is wrong with the arguments. */
export function cidrOf(block: string, count: number, cidrBits: number): string[] | string {
  const problem = cidrProblem(block);
  if (problem) return `${block}: ${problem}`;
  const range = parseCidr(block);
  const bits = range.family === 4 ? 32 : 128;
  if (!Number.isInteger(count) || count < 1 || count > 256) return `count must be 1 to 256, not ${count}`;
  if (!Number.isInteger(cidrBits) || cidrBits < 1 || cidrBits > bits - prefixLength(range))
    return `cidrBits must be 1 to ${bits - prefixLength(range)} for ${block}, not ${cidrBits}`;
  const size = 1n << BigInt(cidrBits);
  if (size * BigInt(count) > range.end - range.start + 1n)
    return `${block} holds fewer than ${count} blocks of ${cidrBits} host bits`;
  const out: string[] = [];
  for (let n = 0n; n < BigInt(count); n++)
    out.push(`${formatAddress(range.start + n * size, range.family)}/${bits - cidrBits}`);
  return out;
}
