// The addresses AWS prints for an interface, where they are addresses (a recording may hold others).
import type { Resource } from "../../model/schema";
import { isIpv4Address, isIpv6Address } from "../../net/address";

export function addresses(
  privateIpv4: string | undefined,
  ipv6: string | undefined,
  publicIpv4: string | undefined,
): Pick<Resource, "privateIpv4" | "ipv6" | "publicIpv4"> {
  return {
    ...(privateIpv4 && isIpv4Address(privateIpv4) ? { privateIpv4 } : {}),
    ...(ipv6 && isIpv6Address(ipv6) ? { ipv6 } : {}),
    ...(publicIpv4 && isIpv4Address(publicIpv4) ? { publicIpv4 } : {}),
  };
}
