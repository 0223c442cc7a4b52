// What the rules and resources name but no file describes: another account's groups, groups and
// prefix lists of this account that were not exported. Each is kept as an empty placeholder so
// that the rules naming it keep their meaning, with a warning where it is named.
import { otherAccountGroup } from "../../model/other-account";
import type { SecurityGroup } from "../../model/schema";
import { otherAccountWarning } from "../other-account";
import type { Context } from "./context";

/**
 * A group of another account that these files do not describe stands as a placeholder of that
 * account (named so, without a VPC of this design), with a warning at each pair naming it.
 */
export function addOtherAccountGroups(ctx: Context): void {
  const placeholders = new Set<string>();
  for (const ref of ctx.otherAccount) {
    if (ctx.groups.has(ref.groupId) && !placeholders.has(ref.groupId)) continue;
    const info = ctx.pairInfo.get(ref.groupId);
    const placeholder =
      ctx.groups.get(ref.groupId) ??
      otherAccountGroup(ref.groupId, ref, {
        ...(info?.name ? { name: info.name } : {}),
        ...(info?.vpcId ? { vpcId: info.vpcId } : {}),
      });
    if (!placeholders.has(ref.groupId)) {
      placeholders.add(ref.groupId);
      ctx.groups.set(ref.groupId, placeholder);
      ctx.remember(`group:${ref.groupId}`, ref.file, ref.path);
    }
    ctx.warn(
      ref.file,
      ref.path,
      otherAccountWarning(`an ${ref.direction} rule of ${ref.owner}`, ref.direction, ref, placeholder),
    );
  }
}

const ruleKeys = (g: SecurityGroup) =>
  (["ingress", "egress"] as const).flatMap((d) => g[d].map((rule, i) => ({ rule, at: `rule:${g.id}:${d}:${i}` })));

/** Groups referenced by a rule or a resource but not described (simply not in these files). */
export function addReferencedGroups(ctx: Context): void {
  const referenced = (id: string, by: string, at: string) => {
    if (ctx.groups.has(id)) return;
    const info = ctx.pairInfo.get(id);
    ctx.needVpc(info?.vpcId);
    ctx.groups.set(id, {
      id,
      name: info?.name ?? id,
      description: `referenced by ${by}; not in the imported files`,
      ...(info?.vpcId ? { vpcId: info.vpcId } : {}),
      ingress: [],
      egress: [],
    });
    ctx.warnings.push({
      ...ctx.locate(at),
      message: `group ${id} is referenced by ${by} but not described; it was added without rules (import its describe-security-groups output to fill it)`,
      severity: "warning",
    });
  };
  for (const g of [...ctx.groups.values()])
    for (const { rule, at } of ruleKeys(g))
      if (rule.peer.kind === "group") referenced(rule.peer.groupId, `a rule of ${g.name} (${g.id})`, at);
  for (const r of ctx.resources) for (const g of r.groupIds) referenced(g, `${r.name} (${r.id})`, `node:${r.id}`);
}

/** Prefix lists referenced by a rule but not described: added empty, so their rules match nothing. */
export function addReferencedPrefixLists(ctx: Context): void {
  for (const g of [...ctx.groups.values()])
    for (const { rule, at } of ruleKeys(g)) {
      if (rule.peer.kind !== "prefixList" || ctx.prefixLists.has(rule.peer.prefixListId)) continue;
      const id = rule.peer.prefixListId;
      ctx.prefixLists.set(id, { id, name: id, addressFamily: "IPv4", maxEntries: 1, entries: [] });
      ctx.warnings.push({
        ...ctx.locate(at),
        message: `prefix list ${id} is referenced by ${g.name} (${g.id}) but not described; it was added empty, so its rules match nothing (import describe-managed-prefix-lists and get-managed-prefix-list-entries output)`,
        severity: "warning",
      });
    }
}
