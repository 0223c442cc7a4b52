// Groups a template names but does not declare: an existing group by id (a parameter's value), the
// account's "default" group by name, a parameter without a value, another stack's export
// (Fn::ImportValue), a nested stack's output. Each becomes one named placeholder group, so every
// rule that names it is kept; the caller's warning says what it stands for.
import { newSecurityGroup } from "../../model/factory";
import { isGroupId } from "../../model/other-account";
import type { Problem } from "../../model/problems";
import type { SecurityGroup } from "../../model/schema";
import { type Where, warning } from "../draft";
import { PLACEHOLDER_TAG, placeholderGroup } from "../placeholder";
import { type Context, groupOf, isRecord, reach } from "./context";
import { CfnRef, type Resolved } from "./intrinsics";
import type { Path } from "./template";

function placeholder(ctx: Context, name: string, why: string, make?: (id: string) => SecurityGroup): SecurityGroup {
  const key = `placeholder:${name}`;
  let group = ctx.groups.get(key);
  if (!group) {
    const id = ctx.ids.take(name);
    group = make ? make(id) : placeholderGroup(id, name, why);
    ctx.groups.set(key, group);
    ctx.groupsById.set(group.id, group);
  }
  return group;
}

/**
 * The group a resolved value names, declared or a placeholder, with what a warning should say of a
 * placeholder (`note`); undefined when the value names no group at all.
 */
export function groupOrPlaceholder(
  ctx: Context,
  r: Resolved,
  /** byName: a text that is no group id names a group by name; literalIds: an sg- id not declared is an existing group of this account. */
  how: { byName?: boolean; literalIds?: boolean } = {},
): { group: SecurityGroup; note?: string } | undefined {
  if ("unresolved" in r) {
    reach(ctx, r);
    if (!r.waitsOn) return undefined;
    const group = placeholder(ctx, ctx.placeholderNames.get(r.waitsOn) ?? r.waitsOn, `waits on ${r.waitsOn}`);
    return { group, note: `${r.unresolved}; the placeholder group ${group.name} stands for it` };
  }
  const declared = groupOf(ctx, r.value);
  if (declared) return { group: declared };
  const v = r.value;
  if (v instanceof CfnRef && ctx.nestedStacks.has(v.logicalId) && v.attribute.startsWith("Outputs.")) {
    // In CDK's output the nested stack is named by its construct path, as its nodes are.
    const stack = ctx.cdkNames.get(v.logicalId) ?? v.logicalId;
    const name = `${stack}.${v.attribute}`;
    const group = placeholder(ctx, name, "is an output of a nested stack, which is not imported");
    return {
      group,
      note: `${name} is an output of the nested stack ${stack}, which is not imported; the placeholder group ${name} stands for it`,
    };
  }
  if (typeof v !== "string" || v === "") return undefined;
  if (isGroupId(v)) {
    // A peer's group id may be of another account (or a peered VPC's): not assumed to be this account's.
    if (!how.literalIds) return undefined;
    const group = placeholder(ctx, v, "is an existing group, not declared in this template: its own rules are unknown");
    return { group, note: `${v} is a group this template does not declare; the placeholder group ${v} stands for it` };
  }
  if (!how.byName) return undefined;
  // A group named by name (SourceSecurityGroupName, a launch configuration's SecurityGroups):
  // "default" is the VPC's default group, whose rules AWS sets (all from itself, all out).
  if (v === "default") {
    const group = placeholder(ctx, v, "", (id) => ({
      ...newSecurityGroup({ id, name: "default", description: "default VPC security group", isDefault: true }),
      tags: { [PLACEHOLDER_TAG]: "the VPC's default group" },
    }));
    return { group, note: `"default" is the VPC's default security group, with the rules AWS gives it` };
  }
  const group = placeholder(
    ctx,
    v,
    "is a group named by name, not declared in this template: its own rules are unknown",
  );
  return {
    group,
    note: `the group named ${v} is not declared in this template; the placeholder group ${v} stands for it`,
  };
}

/**
 * The names Palisade's export gave the placeholders it wrote as Parameters (template Metadata,
 * Palisade.Placeholders: parameter -> name, such as var.security_group_id), so a round trip keeps
 * the name a logical id cannot hold. An entry that is no name, or names no parameter, is ignored
 * with a warning at its place: the placeholder is then named for its parameter.
 */
export function placeholderNamesOf(
  template: Record<string, unknown>,
  at: (path: Path) => Where,
  warnings: Problem[],
): Map<string, string> {
  const names = new Map<string, string>();
  const metadata = template.Metadata;
  if (!isRecord(metadata) || !isRecord(metadata.Palisade) || metadata.Palisade.Placeholders === undefined) return names;
  const path = ["Metadata", "Palisade", "Placeholders"];
  const entries = metadata.Palisade.Placeholders;
  if (!isRecord(entries)) {
    warnings.push(warning(at(path), "expected a mapping of parameter to placeholder name; ignored"));
    return names;
  }
  const parameters = isRecord(template.Parameters) ? template.Parameters : {};
  for (const [parameter, name] of Object.entries(entries)) {
    if (typeof name !== "string" || name.trim() === "")
      warnings.push(
        warning(at([...path, parameter]), `${parameter}: expected the placeholder's name, a text; ignored`),
      );
    else if (!Object.hasOwn(parameters, parameter))
      warnings.push(warning(at([...path, parameter]), `${parameter}: the template has no such parameter; ignored`));
    else names.set(parameter, name.slice(0, 255));
  }
  return names;
}
