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

/** Per end (a resource or its interface end), the placeholders it carries: all, and those with rules. */
export interface NodeUnknowns {
  /** Placeholders whose rules (given by the files) may be what permits a flow of the node. */
  withRules: string[];
  /** Every placeholder it carries: a "not permitted" there is open. */
  all: string[];
  /** The placeholder range it is (an external party), not a group it carries. */
  ranges?: string[];
}

export function unknownsByNode(design: Design): Map<string, NodeUnknowns> {
  const placeholders = new Map<string, { name: string; rules: boolean }>();
  for (const g of design.groups) {
    const name = standsFor(g);
    if (name) placeholders.set(g.id, { name, rules: g.ingress.length + g.egress.length > 0 });
  }
  const out = new Map<string, NodeUnknowns>();
  // A placeholder range: every flow it has comes from a rule naming the unknown range.
  for (const e of design.externals) {
    const name = placeholderRange(e);
    if (name) out.set(e.id, { all: [name], withRules: [name], ranges: [name] });
  }
  if (placeholders.size === 0) return out;
  for (const end of resourceEnds(design.resources)) {
    const carried = end.groupIds.flatMap((id) => {
      const p = placeholders.get(id);
      return p ? [p] : [];
    });
    if (carried.length)
      out.set(end.id, {
        all: carried.map((p) => p.name),
        withRules: carried.filter((p) => p.rules).map((p) => p.name),
      });
  }
  return out;
}

/** The unknowns a permitted flow between two ends may depend on. */
export function flowDependsOn(unknowns: ReadonlyMap<string, NodeUnknowns>, from: string, to: string): string[] {
  if (unknowns.size === 0) return [];
  return [...new Set([...(unknowns.get(from)?.withRules ?? []), ...(unknowns.get(to)?.withRules ?? [])])];
}
