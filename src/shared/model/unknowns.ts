// What a node's flows depend on that the file did not define: the placeholder groups it carries
// (var.x, data.aws_security_group.x, a module's local, a template's parameter), marked by the
// placeholder tag the importers write, or the placeholder range it is (an external party for a
// CIDR variable with no value, var.admin_cidr, whose CIDRs are a stand-in only it holds). Such a group's own rules are not in the files: only those
// the files give it are, so a flow its rules allow says so, and a verdict of "not permitted" at a
// node that carries one is open (its unknown rules could allow it).
import { resourceEnds } from "./interfaces";
import type { Design, External, SecurityGroup } from "./schema";

/** The tag that marks a placeholder, with what it stands for (`data.aws_security_group.default`). */
export const PLACEHOLDER_TAG = "palisade:placeholder";

/** What a placeholder group stands for, when it stands for a group by name (not a sentence of why). */
function standsFor(g: SecurityGroup): string | undefined {
  const stands = g.tags?.[PLACEHOLDER_TAG];
  return stands !== undefined && stands === g.name && !g.otherAccount ? stands : undefined;
}

/** What a placeholder party stands for (`var.admin_cidr`): an address range the files name without a value. */
export function placeholderRange(e: Pick<External, "tags">): string | undefined {
  return e.tags?.[PLACEHOLDER_TAG];
}

/**
 * What a person is shown of a placeholder range: its name, its value unknown. Its CIDR is a
 * stand-in the engine needs (placeholderCidr), never an address to show: the user would read
 * 240.0.0.0/24 as the office's range.
 */
export const VALUE_UNKNOWN = "value unknown";

/** `var.office_cidr (value unknown)`: a placeholder range where a rule's peer or an address is named. */
export function placeholderRangeText(name: string): string {
  return `${name} (${VALUE_UNKNOWN})`;
}

/** The addresses shown for an external party: a placeholder range's are unknown, not its stand-in. */
export function shownAddresses(e: Pick<External, "cidrs" | "tags">): string[] {
  return placeholderRange(e) ? [VALUE_UNKNOWN] : e.cidrs;
}

/** Per stand-in CIDR, the placeholder range it stands in for, made once per list of externals. */
const standInsOf = new WeakMap<readonly External[], Map<string, string>>();
export function standIns(externals: readonly External[]): ReadonlyMap<string, string> {
  let map = standInsOf.get(externals);
  if (!map) {
    map = new Map();
    for (const e of externals) {
      const name = placeholderRange(e);
      if (name) for (const c of e.cidrs) map.set(c, name);
    }
    standInsOf.set(externals, map);
  }
  return map;
}

/**
 * Per end (a resource or its interface end), the placeholders it carries: what makes a "not
 * permitted" there open. What a permitted flow depends on is decided rule by rule (unknownsOf,
 * and engine/depends-on.ts).
 */
export interface NodeUnknowns {
  /** Every placeholder it carries: a "not permitted" there is open. */
  all: string[];
  /** The placeholder range it is (an external party), not a group it carries. */
  ranges?: string[];
}

export function unknownsByNode(design: Design): Map<string, NodeUnknowns> {
  const placeholders = new Map<string, string>();
  for (const g of design.groups) {
    const name = standsFor(g);
    if (name) placeholders.set(g.id, name);
  }
  const out = new Map<string, NodeUnknowns>();
  // A placeholder range: every flow it has comes from a rule naming the unknown range.
  for (const e of design.externals) {
    const name = placeholderRange(e);
    if (name) out.set(e.id, { all: [name], ranges: [name] });
  }
  if (placeholders.size === 0) return out;
  for (const end of resourceEnds(design.resources)) {
    const carried = end.groupIds.flatMap((id) => {
      const p = placeholders.get(id);
      return p ? [p] : [];
    });
    if (carried.length) out.set(end.id, { all: carried });
  }
  return out;
}

/**
 * One unknown of a design and what it decides: the rules whose allowing depends on it (a
 * placeholder group's rules, which its files give it; the rules naming a placeholder range) and
 * the ends whose existence it decides (a resource created only under an unknown condition).
 */
export interface Unknown {
  name: string;
  /** Group id -> ids of that group's rules it decides. */
  rules: Map<string, Set<string>>;
  /** Ends (resource ids, and their interfaces' ends) that exist only if it turns out so. */
  ends: Set<string>;
}

/** A group's rules, all of them: what a group that stands for an unknown is given by the files. */
function allRules(g: SecurityGroup): Set<string> {
  return new Set([...g.ingress, ...g.egress].map((r) => r.id));
}

/**
 * Every unknown of the design, with what it decides. A placeholder group decides its own rules:
 * one that stands for a group by name (var.app_group_id), or one whose existence waits on a
 * condition (its tag says which). A placeholder range decides the rules that name its stand-in
 * CIDRs. A placeholder resource decides its own existence, so every flow of it.
 */
export function unknownsOf(design: Design): Unknown[] {
  const byName = new Map<string, Unknown>();
  const unknown = (name: string) => {
    let u = byName.get(name);
    if (!u) {
      u = { name, rules: new Map(), ends: new Set() };
      byName.set(name, u);
    }
    return u;
  };
  for (const g of design.groups) {
    const name = standsFor(g) ?? existenceOf(g);
    if (name && g.ingress.length + g.egress.length > 0) unknown(name).rules.set(g.id, allRules(g));
  }
  for (const e of design.externals) {
    const name = placeholderRange(e);
    if (!name) continue;
    const u = unknown(name);
    const cidrs = new Set(e.cidrs);
    for (const g of design.groups)
      for (const r of [...g.ingress, ...g.egress])
        if (
          ((r.peer.kind === "cidr4" || r.peer.kind === "cidr6") && cidrs.has(r.peer.cidr)) ||
          (r.peer.kind === "external" && r.peer.externalId === e.id)
        ) {
          const ids = u.rules.get(g.id) ?? new Set<string>();
          ids.add(r.id);
          u.rules.set(g.id, ids);
        }
  }
  for (const r of design.resources) {
    const why = r.tags?.[PLACEHOLDER_TAG];
    if (why) for (const end of resourceEnds([r])) unknown(why).ends.add(end.id);
  }
  return [...byName.values()];
}

/** What a group's existence waits on (`condition IsProd`), where an importer could not decide it. */
function existenceOf(g: SecurityGroup): string | undefined {
  const why = g.tags?.[PLACEHOLDER_TAG];
  return why?.startsWith("condition ") ? why : undefined;
}
