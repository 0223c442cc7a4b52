// cidrsubnet, cidrhost and cidrnetmask, on the address arithmetic of src/shared/net.
import { cidrProblem, formatAddress, parseCidr, prefixLength } from "../../../net/address";
import { EvaluationError, toNumber, toText, type Value } from "./values";

function prefix(text: Value) {
  const t = toText(text);
  const problem = cidrProblem(t);
  if (problem) throw new EvaluationError(problem);
  const range = parseCidr(t);
  return { range, bits: range.family === 4 ? 32 : 128, length: prefixLength(range) };
}

export const cidrFunctions: Record<string, (args: Value[]) => Value> = {
  cidrsubnet: (args) => {
    const p = prefix(args[0]);
    const newbits = toNumber(args[1]);
    const netnum = BigInt(toNumber(args[2]));
    const length = p.length + newbits;
    if (length > p.bits) throw new EvaluationError(`cidrsubnet(): ${newbits} more bits exceed a /${p.bits}`);
    if (netnum < 0n || netnum >= 1n << BigInt(newbits))
      throw new EvaluationError(`cidrsubnet(): ${netnum} does not fit in ${newbits} bits`);
    const start = p.range.start | (netnum << BigInt(p.bits - length));
    return `${formatAddress(start, p.range.family)}/${length}`;
  },
  cidrhost: (args) => {
    const p = prefix(args[0]);
    const host = BigInt(toNumber(args[1]));
    const size = p.range.end - p.range.start + 1n;
    if (host >= size || -host > size)
      throw new EvaluationError(`cidrhost(): host ${host} is outside ${toText(args[0])}`);
    return formatAddress(host >= 0n ? p.range.start + host : p.range.end + 1n + host, p.range.family);
  },
  cidrnetmask: (args) => {
    const p = prefix(args[0]);
    if (p.range.family !== 4) throw new EvaluationError("cidrnetmask(): only IPv4 has a netmask");
    return formatAddress(((1n << 32n) - 1n) ^ (p.range.end - p.range.start), 4);
  },
};
