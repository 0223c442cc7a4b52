// Addresses reserved for documentation (RFC 5737, RFC 3849, RFC 9637): no host on the Internet has
// one, so a rule that names one admits nobody. Sketches and examples use them as placeholders
// (My IP starts as 203.0.113.10/32); a design about to be deployed should not.
import { cidrProblem, contains, parseCidr } from "./address";

export const DOCUMENTATION_RANGES = [
  "192.0.2.0/24",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "2001:db8::/32",
  "3fff::/20",
] as const;

const ranges = DOCUMENTATION_RANGES.map(parseCidr);

/** Whether every address of the CIDR is a documentation address, i.e. a placeholder. */
export function isPlaceholderCidr(cidr: string): boolean {
  if (cidrProblem(cidr) !== undefined) return false;
  const range = parseCidr(cidr);
  return ranges.some((r) => contains(r, range));
}
