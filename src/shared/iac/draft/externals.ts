// The parties outside AWS that a design's rules name: the Internet, each named CIDR, each other
// outside range an ingress rule admits.

import type { Ids } from "../../model/ids";
import type { External, SecurityGroup, Vpc } from "../../model/schema";
import { contains, parseCidr } from "../../net/address";
import { normalizeCidr } from "../../net/normalize";
import { PLACEHOLDER_TAG, placeholderCidr } from "../placeholder";

/** A CIDR that a file names (a Terraform variable, a CloudFormation parameter): it becomes an external party. */
export interface NamedCidr {
  key: string;
  name: string;
  cidr: string;
  /** The unknown it stands for (`var.admin_cidr`), when `cidr` is only a stand-in for it. */
  placeholder?: string;
}

/**
 * The placeholder range for a CIDR that waits on one unknown (var.admin_cidr, a parameter with no
 * value), made once per unknown and family: a stand-in CIDR only it holds (see placeholderCidr),
 * which becomes an external party named for the unknown.
 */
export function placeholderRange(namedCidrs: NamedCidr[], unknown: string, family: 4 | 6): NamedCidr {
  const key = family === 4 ? unknown : `${unknown}-ipv6`;
  const known = namedCidrs.find((n) => n.placeholder && n.key === key);
  if (known) return known;
  const n = new Set(namedCidrs.filter((c) => c.placeholder).map((c) => c.key)).size;
  const range = { key, name: unknown, cidr: placeholderCidr(family, n), placeholder: unknown };
  namedCidrs.push(range);
  return range;
}

/**
 * What a reader's source leaves for the import to decide about the parties outside. A file
 * (Terraform, CloudFormation) writes each rule it means and declares its VPCs; an account as the
 * AWS CLI describes it prints AWS's defaults too, and often no VPC at all.
 */
export interface OutsideParties {
  /**
   * Only an ingress rule open to the world brings in the Internet, not an egress rule: every
   * described group carries AWS's default egress to 0.0.0.0/0, which would put it in every design.
   */
  internetByIngressOnly?: boolean;
  /** With no VPC's range known (no describe-vpcs output), the private ranges count as inside. */
  privateInsideWithoutVpcs?: boolean;
}

/** What externalsOf reads of a draft. */
export interface RuleParties {
  vpcs: Vpc[];
  groups: SecurityGroup[];
  namedCidrs: NamedCidr[];
  outside?: OutsideParties;
}

const EVERYWHERE = new Set(["0.0.0.0/0", "::/0"]);
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

/** Externals for the Internet, for each named CIDR and for each other outside range an ingress rule admits. */
export function externalsOf(draft: RuleParties, ids: Ids): Omit<External, "position">[] {
  const externals: Omit<External, "position">[] = [];
  // Loops rather than lists of lists: a region has tens of thousands of rules.
  let everywhere = false;
  const byIngressOnly = draft.outside?.internetByIngressOnly === true;
  for (const g of draft.groups)
    for (const list of byIngressOnly ? [g.ingress] : [g.ingress, g.egress])
      for (const r of list)
        if ((r.peer.kind === "cidr4" || r.peer.kind === "cidr6") && EVERYWHERE.has(r.peer.cidr)) everywhere = true;
  if (everywhere)
    externals.push({ id: ids.take("internet"), kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"] });
  const named = new Map<string, NamedCidr[]>();
  for (const written of draft.namedCidrs) {
    // The rule's own CIDR was normalised (checkRule); the party it names is the same network.
    const stored = normalizeCidr(written.cidr);
    if (!("cidr" in stored)) continue;
    const n = stored.cidr === written.cidr ? written : { ...written, cidr: stored.cidr };
    if (EVERYWHERE.has(n.cidr)) continue;
    // One entry per rule that names the CIDR: thousands in a region, so add in place.
    const list = named.get(n.key);
    if (list) list.push(n);
    else named.set(n.key, [n]);
  }
  const covered = new Set<string>();
  for (const [key, list] of named) {
    const first = list[0] as NamedCidr;
    const unique = [...new Set(list.map((n) => n.cidr))];
    for (const c of unique) covered.add(c);
    if (first.placeholder) {
      externals.push({
        id: ids.take(key),
        kind: "cidr",
        name: first.placeholder,
        cidrs: unique,
        tags: { [PLACEHOLDER_TAG]: first.placeholder },
      });
      continue;
    }
    const myIp = /^my[-_ ]?ip/i.test(key) || /^my[-_ ]?ip/i.test(first.name);
    externals.push({ id: ids.take(key), kind: myIp ? "myIp" : "cidr", name: first.name, cidrs: unique });
  }
  // Other ranges outside every VPC that an ingress rule admits: a party the architect will want to see.
  const known = draft.vpcs.flatMap((v) => [v.cidrIpv4, v.cidrIpv6].filter((c): c is string => !!c));
  const vpcRanges = (known.length === 0 && draft.outside?.privateInsideWithoutVpcs ? PRIVATE : known).map(parseCidr);
  const literal = new Set<string>();
  for (const g of draft.groups)
    for (const r of g.ingress) if (r.peer.kind === "cidr4" || r.peer.kind === "cidr6") literal.add(r.peer.cidr);
  for (const cidr of literal) {
    if (EVERYWHERE.has(cidr) || covered.has(cidr)) continue;
    const range = parseCidr(cidr);
    if (vpcRanges.some((v) => contains(v, range))) continue;
    externals.push({ id: ids.take(`cidr-${cidr}`), kind: "cidr", name: cidr, cidrs: [cidr] });
  }
  return externals;
}
