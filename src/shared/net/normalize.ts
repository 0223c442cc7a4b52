// A CIDR as AWS stores it. AWS accepts "10.0.0.5/16" and keeps its network address, 10.0.0.0/16;
// so does every reader here, saying what the text became instead of refusing the file.
import { cidrProblem, type Family, formatAddress, parseAddress } from "./address";

export type NormalizedCidr =
  | { cidr: string /** Set when the text had host bits: what it became, for a warning. */; note?: string }
  | { problem: string };

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

/** The CIDR AWS would store for `text`, with a note when that differs from what was written. */
export function normalizeCidr(text: string, family?: Family): NormalizedCidr {
  const problem = cidrProblem(text, family);
  if (problem === undefined) return { cidr: text };
  const slash = text.indexOf("/");
  const address = slash > 0 ? parseAddress(text.slice(0, slash)) : undefined;
  const length = Number(text.slice(slash + 1));
  // Only host bits are forgiven: anything else cidrProblem says stays a problem.
  if (!address || (family !== undefined && address.family !== family) || !/^\d{1,3}$/.test(text.slice(slash + 1)))
    return { problem };
  if (length > BITS[address.family]) return { problem };
  const hostBits = BigInt(BITS[address.family] - length);
  const network = (address.start >> hostBits) << hostBits;
  const cidr = `${formatAddress(network, address.family)}/${length}`;
  if (cidrProblem(cidr, family) !== undefined) return { problem };
  return { cidr, note: hostBitsNote(text, cidr) };
}

/** What a person should read about a CIDR written with host bits: `192.168.1.0/0` is open to the world. */
export function hostBitsNote(written: string, stored: string): string {
  const open = stored === "0.0.0.0/0" || stored === "::/0" ? ": open to the world" : "";
  return `${written} has host bits set; AWS stores it as ${stored}${open}`;
}
