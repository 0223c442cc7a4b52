// What Terraform and CloudFormation import share: unique ids, rule checks placed in the source
// file, externals derived from the CIDRs the rules name, and the final validation of the design.

import type { Direction } from "../model/direction";
import { emptyDesign } from "../model/document";
import type { Ids } from "../model/ids";
import { linkMyIp } from "../model/my-ip";
import { InputError, type Problem } from "../model/problems";
import { hasPorts, isIcmp, normalizeProtocol } from "../model/protocol";
import type { PrefixList } from "../model/schema";
import { Design, type External, Resource, Rule, referenceIssues, type SecurityGroup, type Vpc } from "../model/schema";
import { contains, isIpv4Address, isIpv6Address, parseCidr } from "../net/address";
import { normalizeCidr } from "../net/normalize";
import { layoutTiers } from "./awscli/layout";
import { plainResource, plainRule } from "./plain";

/** Where a value came from, for `file:line:column` in a problem. */
export interface Where {
  file?: string;
  line?: number;
  column?: number;
}

/** A value as a message shows it: text as is, references by their own toString, anything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (
    typeof value === "object" &&
    value !== null &&
    Object.hasOwn(Object.getPrototypeOf(value) ?? {}, "toString") &&
    !Array.isArray(value)
  ) {
    try {
      return String(value);
    } catch {
      // fall through to JSON
    }
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return "a value that cannot be shown";
  }
}

export function warning(where: Where, message: string): Problem {
  return { ...where, message, severity: "warning" };
}
export function error(where: Where, message: string): Problem {
  return { ...where, message, severity: "error" };
}

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

/** A rule as read from a file, before it is checked. */
export interface RawRule {
  id: string;
  protocol: unknown;
  fromPort?: unknown;
  toPort?: unknown;
  peer: Rule["peer"];
  description?: unknown;
}

/**
 * Checks one rule with the design's own schema, so that an absurd port or a bad CIDR in a file
 * gets the same message as in a design, placed at the rule in the file. Ports do not apply to
 * "-1" and protocol numbers (AWS ignores them; Terraform writes 0), so they are dropped there.
 */
export function checkRule(
  raw: RawRule,
  place: Where | ((field: string) => Where),
  errors: Problem[],
  warnings?: Problem[],
): Rule | undefined {
  const candidate: Record<string, unknown> = {
    id: raw.id,
    protocol: raw.protocol,
    peer: peerAsStored(raw.peer, place, warnings),
  };
  if (raw.description !== undefined && raw.description !== "") candidate.description = raw.description;
  for (const key of PORTS) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const n = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n)) {
      errors.push(
        error(
          placeOf(place, key),
          `${key === "fromPort" ? "from port" : "to port"} ${JSON.stringify(value)} is not a whole number`,
        ),
      );
      return undefined;
    }
    if (n < -1 || n > 65535) {
      errors.push(
        error(
          placeOf(place, key),
          `${key === "fromPort" ? "from port" : "to port"} ${n} is out of range: expected 0-65535 (-1 = any, for ICMP)`,
        ),
      );
      return undefined;
    }
    candidate[key] = n;
  }
  const protocol =
    typeof raw.protocol === "string" || typeof raw.protocol === "number" ? normalizeProtocol(raw.protocol) : undefined;
  if (protocol !== undefined && !hasPorts(protocol) && !isIcmp(protocol)) {
    delete candidate.fromPort;
    delete candidate.toPort;
  }
  const plain = protocol === undefined ? undefined : plainRule(candidate, protocol);
  if (plain) {
    checked.add(plain);
    return plain;
  }
  const result = Rule.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.filter((k) => typeof k !== "symbol").join(".") ?? "";
    errors.push(
      error(
        placeOf(place, field.split(".")[0] ?? ""),
        `${field ? `${field}: ` : ""}${issue?.message ?? "invalid rule"}`,
      ),
    );
    return undefined;
  }
  checked.add(result.data);
  return result.data;
}

const PORTS = ["fromPort", "toPort"] as const;

/**
 * A CIDR peer with host bits set ("192.168.1.0/0") as AWS stores it (0.0.0.0/0), with a warning at
 * the peer saying what it became: AWS accepts such a rule, so the file is never refused for it.
 */
function peerAsStored(
  peer: Rule["peer"],
  place: Where | ((field: string) => Where),
  warnings?: Problem[],
): Rule["peer"] {
  if ((peer.kind !== "cidr4" && peer.kind !== "cidr6") || typeof peer.cidr !== "string") return peer;
  const stored = normalizeCidr(peer.cidr, peer.kind === "cidr4" ? 4 : 6);
  if (!("cidr" in stored) || stored.note === undefined) return peer;
  warnings?.push(warning(placeOf(place, "peer"), stored.note));
  return { ...peer, cidr: stored.cidr };
}

function placeOf(place: Where | ((field: string) => Where), field: string): Where {
  return typeof place === "function" ? place(field) : place;
}

/** Rules that checkRule returned: the final check of the design does not check them again. */
const checked = new WeakSet<Rule>();

/** A group's rules in one direction, each checked unless checkRule already did. */
function checkedRules(
  group: SecurityGroup,
  direction: Direction,
  i: number,
  fail: (path: readonly PropertyKey[], message: string) => Error,
): Rule[] {
  return group[direction].map((rule, j) => {
    if (checked.has(rule)) return rule;
    const parsed = Rule.safeParse(rule);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw fail(["groups", i, direction, j, ...(issue?.path ?? [])], issue?.message ?? "");
  });
}

/** A CIDR that a file names (a Terraform variable, a CloudFormation parameter): it becomes an external party. */
export interface NamedCidr {
  key: string;
  name: string;
  cidr: string;
}

/** The parts an importer collects; `finishDesign` turns them into a laid-out, validated design. */
export interface Draft {
  name: string;
  vpcs: Vpc[];
  groups: SecurityGroup[];
  prefixLists: PrefixList[];
  resources: Omit<Resource, "position">[];
  namedCidrs: NamedCidr[];
}

const EVERYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** Externals for the Internet, for each named CIDR and for each other outside range an ingress rule admits. */
function externalsOf(draft: Draft, ids: Ids): Omit<External, "position">[] {
  const externals: Omit<External, "position">[] = [];
  // Loops rather than lists of lists: a region has tens of thousands of rules.
  let everywhere = false;
  for (const g of draft.groups)
    for (const list of [g.ingress, g.egress])
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
    const myIp = /^my[-_ ]?ip/i.test(key) || /^my[-_ ]?ip/i.test(first.name);
    externals.push({ id: ids.take(key), kind: myIp ? "myIp" : "cidr", name: first.name, cidrs: unique });
  }
  // Other ranges outside every VPC that an ingress rule admits: a party the architect will want to see.
  const vpcRanges = draft.vpcs.flatMap((v) => [v.cidrIpv4, v.cidrIpv6].filter((c): c is string => !!c).map(parseCidr));
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

/**
 * Builds the design: externals, a tiered layout, and a final schema check. A failure of that
 * check is a fault of the importer, but it still reaches the user as a problem, not a crash.
 */
export function finishDesign(draft: Draft, ids: Ids, file?: string): Design {
  const base = emptyDesign(draft.name);
  const externals = externalsOf(draft, ids);
  const unplaced = {
    ...base,
    vpcs: draft.vpcs,
    groups: draft.groups,
    prefixLists: draft.prefixLists,
    resources: draft.resources.map((r) => ({ ...r, position: { x: 0, y: 0 } })),
    externals: externals.map((e) => ({ ...e, position: { x: 0, y: 0 } })),
  };
  const laidOut = layoutTiers(unplaced as Design);
  const fail = (path: readonly PropertyKey[], message: string) =>
    new InputError([error({ file }, `the imported design is not valid at ${path.join(".")}: ${message}`)]);
  // Rules were checked one by one as they were read (checkRule), which a region's tens of
  // thousands make costly to do twice: the schema checks the design without its rules and
  // resources, then each rule that was not checked yet and each resource (written out, see
  // plain.ts), then all the references.
  const shell = {
    ...laidOut,
    resources: [],
    groups: laidOut.groups.map((g) => ({ ...g, ingress: [], egress: [] })),
  };
  const result = Design.safeParse(shell);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw fail(issue?.path ?? [], issue?.message ?? "");
  }
  const resources = laidOut.resources.map((r, i) => {
    const plain = plainResource(r);
    if (plain) return plain;
    const parsed = Resource.safeParse(r);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw fail(["resources", i, ...(issue?.path ?? [])], issue?.message ?? "");
  });
  const groups = result.data.groups.map((g, i) => {
    const source = laidOut.groups[i] as SecurityGroup;
    return { ...g, ingress: checkedRules(source, "ingress", i, fail), egress: checkedRules(source, "egress", i, fail) };
  });
  // A my_ip variable (MyIP parameter) became the My IP party: its rules refer to the party again.
  const design: Design = linkMyIp({ ...result.data, resources, groups });
  const [issue] = referenceIssues(design);
  if (issue) throw fail(issue.path, issue.message);
  return design;
}
