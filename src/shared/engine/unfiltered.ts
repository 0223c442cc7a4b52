// Traffic that security groups never filter, as AWS documents it ("Security group rules": traffic
// to and from the Amazon DNS server, DHCP, instance metadata, the Time Sync Service and the
// reserved IP addresses used by the default VPC router is not filtered by security groups).
import type { Design } from "../model/schema";
import { type AddressRange, formatAddress, parseAddress, parseCidr } from "../net/address";

const FIXED: readonly [string, string][] = [
  ["169.254.169.253", "the Amazon DNS server"],
  ["fd00:ec2::253", "the Amazon DNS server"],
  ["169.254.169.254", "the instance metadata service"],
  ["fd00:ec2::254", "the instance metadata service"],
  ["169.254.169.123", "the Amazon Time Sync Service"],
  ["fd00:ec2::123", "the Amazon Time Sync Service"],
];

/**
 * What an address is when groups never filter traffic to it: the fixed link-local services, and in
 * each VPC of the design its router (base + 1), the Amazon DNS server (base + 2) and the address
 * AWS reserves beside them (base + 3); DHCP (udp 67) to the broadcast address or the router.
 * Undefined for any other address.
 */
export function unfilteredTarget(
  design: Design,
  address: AddressRange,
  query: { protocol: string; port?: number },
): string | undefined {
  for (const [text, what] of FIXED) {
    const fixed = parseAddress(text);
    if (fixed && fixed.family === address.family && fixed.start === address.start) return `${text} is ${what}`;
  }
  if (address.family === 4 && address.start === 0xffffffffn && query.protocol === "udp" && query.port === 67)
    return "255.255.255.255 on udp 67 is DHCP";
  for (const vpc of design.vpcs) {
    if (!vpc.cidrIpv4) continue;
    const base = parseCidr(vpc.cidrIpv4).start;
    const offset = address.family === 4 ? address.start - base : -1n;
    const at = formatAddress(address.start, 4);
    const where = `VPC ${vpc.name || vpc.id} (${vpc.cidrIpv4})`;
    if (offset === 1n)
      return query.protocol === "udp" && query.port === 67
        ? `${at} on udp 67 is DHCP, served by the router of ${where}`
        : `${at} is the router of ${where} (base + 1, reserved by AWS)`;
    if (offset === 2n) return `${at} is the Amazon DNS server of ${where} (base + 2)`;
    if (offset === 3n) return `${at} is reserved by AWS in ${where} (base + 3)`;
  }
  return undefined;
}
