// The narrowest CIDR block holding a range of addresses: a /32 (or /128) for one address.
import { type AddressRange, formatAddress } from "../../net/address";

export function narrowestCidr(range: AddressRange): string {
  const bits = range.family === 4 ? 32 : 128;
  let host = 0;
  while (host < bits && range.start >> BigInt(host) !== range.end >> BigInt(host)) host++;
  const base = (range.start >> BigInt(host)) << BigInt(host);
  return `${formatAddress(base, range.family)}/${bits - host}`;
}
