// Resources of types a reader does not model. One whose body names security groups is a hole in
// the picture (a cache cluster, a search domain): it gets a warning of its own at its place. The
// rest (IAM roles, alarms, buckets) open nothing and carry no group: they are told in one line,
// so that a real template's dozen roles and alarms do not bury the warnings that matter.

import type { Problem } from "../../model/problems";
import { type Where, warning } from "./where";

export interface Unmodelled {
  where: Where;
  /** As the file names it: a logical id, or `aws_x.name`. */
  name: string;
  type: string;
  /** Its properties (CloudFormation) or its block (Terraform), to look for security groups in. */
  body: unknown;
}

/** Property keys that hold security groups, at any depth: SecurityGroupIds, vpc_security_group_ids… */
const GROUP_KEY = /security_?groups?(_?ids?)?$/i;
const DEEPEST = 6;
const NAMES_SHOWN = 4;

/** The keys of `body` (and of its blocks) that name security groups, in order, each once. */
export function groupKeys(body: unknown, depth = 0, found = new Set<string>()): string[] {
  if (depth > DEEPEST || typeof body !== "object" || body === null) return [...found];
  if (Array.isArray(body)) {
    for (const item of body) groupKeys(item, depth + 1, found);
    return [...found];
  }
  for (const [key, value] of Object.entries(body)) {
    if (GROUP_KEY.test(key)) found.add(key);
    groupKeys(value, depth + 1, found);
  }
  return [...found];
}

function listed(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(", ");
  return names.length > NAMES_SHOWN ? `${shown}, and ${names.length - NAMES_SHOWN} more` : shown;
}

/**
 * The warnings for what was left out: one per resource that names security groups, and one line,
 * at the first of them, for all that carry none, counted by type.
 */
export function unmodelledWarnings(resources: readonly Unmodelled[]): Problem[] {
  const out: Problem[] = [];
  const plain: Unmodelled[] = [];
  for (const r of resources) {
    const keys = groupKeys(r.body);
    if (keys.length)
      out.push(
        warning(
          r.where,
          `${r.name}: resource type ${r.type} names security groups (${keys.join(", ")}), but Palisade does not model it: it is not drawn, and flows to and from it are not listed`,
        ),
      );
    else plain.push(r);
  }
  const first = plain[0];
  if (!first) return out;
  if (plain.length === 1) {
    out.push(warning(first.where, `${first.name}: resource type ${first.type} carries no security group; not drawn`));
    return out;
  }
  const byType = new Map<string, string[]>();
  for (const r of plain) byType.set(r.type, [...(byType.get(r.type) ?? []), r.name]);
  const types = [...byType].map(([type, names]) => `${type} ×${names.length} (${listed(names)})`);
  out.push(
    warning(first.where, `${plain.length} resources carry no security group and are not drawn: ${types.join("; ")}`),
  );
  return out;
}
