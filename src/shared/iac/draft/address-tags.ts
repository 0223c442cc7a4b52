// Addresses that AWS chooses, carried through Terraform and CloudFormation as tags.

import type { Problem } from "../../model/problems";
import type { Resource } from "../../model/schema";
import { isIpv4Address, isIpv6Address } from "../../net/address";
import { error, type Where } from "./where";

/**
 * Addresses a design states that Terraform and CloudFormation cannot set, because AWS chooses
 * them (an RDS instance's private IPv4, an instance's public IPv4, a VPC's IPv6 block). They are
 * written as tags, so the file says what the design assumed and the design survives a round trip.
 */
export const ADDRESS_TAGS = {
  privateIpv4: "palisade:private-ipv4",
  ipv6: "palisade:ipv6",
  publicIpv4: "palisade:public-ipv4",
  vpcIpv6: "palisade:ipv6-cidr",
} as const;

type Addresses = Pick<Resource, "privateIpv4" | "ipv6" | "publicIpv4">;

const ADDRESS_TAG_KEYS = new Set<string>(Object.values(ADDRESS_TAGS));

/**
 * A resource's own tags without address tags. The design's address fields are the truth: a tag
 * left from an earlier export (read back by the AWS CLI import, say) must not override them.
 */
export function withoutAddressTags(tags: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!tags || !Object.keys(tags).some((k) => ADDRESS_TAG_KEYS.has(k))) return tags;
  const kept = Object.fromEntries(Object.entries(tags).filter(([k]) => !ADDRESS_TAG_KEYS.has(k)));
  return Object.keys(kept).length ? kept : undefined;
}

/** The address tags of a resource, leaving out what the format sets natively. */
export function addressTags(
  r: Addresses,
  native: { privateIpv4?: boolean; ipv6?: boolean } = {},
): Record<string, string> {
  const tags: Record<string, string> = {};
  if (r.privateIpv4 && !native.privateIpv4) tags[ADDRESS_TAGS.privateIpv4] = r.privateIpv4;
  if (r.ipv6 && !native.ipv6) tags[ADDRESS_TAGS.ipv6] = r.ipv6;
  if (r.publicIpv4) tags[ADDRESS_TAGS.publicIpv4] = r.publicIpv4;
  return tags;
}

/** Reads address tags back into `r` where the file did not state the address natively. */
export function readAddressTags(
  tags: Record<string, unknown>,
  r: Addresses,
  where: () => Where,
  errors: Problem[],
): void {
  const found = { r, where, errors };
  readAddressTag(
    found,
    tags,
    "privateIpv4",
    ADDRESS_TAGS.privateIpv4,
    isIpv4Address,
    "an IPv4 address such as 10.0.1.5",
  );
  readAddressTag(found, tags, "ipv6", ADDRESS_TAGS.ipv6, isIpv6Address, "an IPv6 address such as 2001:db8::5");
  readAddressTag(
    found,
    tags,
    "publicIpv4",
    ADDRESS_TAGS.publicIpv4,
    isIpv4Address,
    "an IPv4 address such as 198.51.100.20",
  );
}

// A function of its own, not a closure per resource: a region reads tens of thousands.
function readAddressTag(
  into: { r: Addresses; where: () => Where; errors: Problem[] },
  tags: Record<string, unknown>,
  key: keyof Addresses,
  tag: string,
  valid: (s: string) => boolean,
  what: string,
): void {
  const v = tags[tag];
  if (v === undefined || into.r[key] !== undefined) return;
  if (typeof v === "string" && valid(v)) into.r[key] = v;
  // Positions are looked up only for a problem: in a large file each lookup has a cost.
  else into.errors.push(error(into.where(), `tag ${tag}: ${JSON.stringify(v)} is not ${what}`));
}
