// `terraform show -json` of a plan or of state, or terraform.tfstate, into a design: the same
// readers of resource types as for .tf files (../import.ts), given the values Terraform recorded.
// State knows every value, so references between resources are their ids; a plan does not know
// the ids of what it will create, so those come from its configuration section (references.ts).

import { parseJsonText } from "../../../model/json";
import { InputError } from "../../../model/problems";
import { type ImportResult, warning } from "../../draft";
import type { Context, Declaration } from "../context";
import { TfRef, Unknown } from "../eval/values";
import { designOfDeclarations, newContext } from "../import";
import type { MissingVariable } from "../module";
import { RecordedLocator } from "./locate";
import { addressOf, type RecordedInstance, readRecorded } from "./recorded";
import { PlanReferences } from "./references";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isPlain = (v: unknown): v is Record<string, unknown> =>
  isObject(v) && Object.getPrototypeOf(v) === Object.prototype;

const GROUP_TYPES = new Set(["aws_security_group", "aws_default_security_group"]);

/**
 * Every id the file records, as what it names: a managed resource's id is a reference to it (so
 * that a rule's security_group_id "sg-0abc" names the group declared here); the id of a group read
 * by a data source is an unknown named for it, which becomes its placeholder group.
 */
function idsOf(instances: readonly RecordedInstance[]): Map<string, TfRef | Unknown> {
  const ids = new Map<string, TfRef | Unknown>();
  const seen = new Set<string>();
  for (const i of instances) {
    const id = i.values.id;
    if (typeof id !== "string" || id.length < 3) continue;
    // An id recorded twice (a data source reading a group this file also manages) names the managed one.
    if (seen.has(id) && i.mode === "data") continue;
    seen.add(id);
    if (i.mode === "managed") ids.set(id, new TfRef(i.type, i.name, "id"));
    else if (i.type === "aws_security_group")
      ids.set(
        id,
        Unknown.of(addressOf(i), `is an existing group read from AWS (${id}); its own rules are not in this file`),
      );
  }
  return ids;
}

/** Values with every recorded id replaced by what it names (the instance's own `id` kept). */
function linked(value: unknown, ids: ReadonlyMap<string, TfRef | Unknown>, top = false): unknown {
  if (typeof value === "string") return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => linked(v, ids));
  if (!isPlain(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = top && k === "id" ? v : linked(v, ids);
  return out;
}

/** A configuration expression inside a block expression (or undefined where there is none). */
function child(expression: unknown, key: string | number): unknown {
  if (typeof key === "number") return Array.isArray(expression) ? expression[key] : undefined;
  if (isObject(expression) && !("constant_value" in expression) && !("references" in expression))
    return expression[key];
  return undefined;
}

/** The planned values with each value after_unknown marks taken from the configuration. */
function completed(
  after: unknown,
  unknown: unknown,
  expression: unknown,
  plan: PlanReferences,
  module: string,
  attribute: string,
): unknown {
  if (unknown === true) {
    // Known only after apply and not set in the configuration: a value the provider computes
    // (a group's ingress when its rules are separate resources), not one the design needs.
    if (expression === undefined) return undefined;
    // A group's inline blocks that name something made at apply: the configuration lists what
    // they name, not the blocks one by one.
    if ((attribute === "ingress" || attribute === "egress") && isObject(expression) && "references" in expression) {
      const named = plan.value(expression, module, "block");
      return named instanceof Unknown
        ? named
        : Unknown.failed(
            `is known only after apply (it names ${String(named)}), and a plan does not show its blocks one by one`,
          );
    }
    const value = plan.value(expression, module, attribute);
    return value;
  }
  if (Array.isArray(unknown)) {
    if (!unknown.some((u) => u === true || typeof u === "object")) return after;
    const list = Array.isArray(after) ? after : [];
    // A list of plain values with some unknown: the known ones, then what the expression names.
    if (unknown.every((u) => typeof u === "boolean")) {
      const known = list.filter((v, i) => unknown[i] !== true && v !== null);
      const named = plan.value(expression, module, attribute);
      return [...known, ...(Array.isArray(named) ? named : [named])];
    }
    return Array.from({ length: Math.max(list.length, unknown.length) }, (_, i) =>
      completed(list[i], unknown[i], child(expression, i), plan, module, attribute),
    );
  }
  if (isObject(unknown)) {
    const out: Record<string, unknown> = isObject(after) ? { ...after } : {};
    for (const [k, u] of Object.entries(unknown))
      if (u !== false) out[k] = completed(out[k], u, child(expression, k), plan, module, k);
    return out;
  }
  return after;
}

const RULE_TYPES = new Set([
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
]);

/**
 * A group's ingress and egress as its configuration wrote them inline. The provider records every
 * rule of the group there, those of separate rule resources included, so a direction that
 * separate rules manage is theirs (read once, from them); an empty list is no inline block.
 */
function inlineAsWritten(group: Declaration, decls: readonly Declaration[], ctx: Context): void {
  for (const direction of ["ingress", "egress"] as const) {
    const separate = decls.some((d) => {
      if (!RULE_TYPES.has(d.type)) return false;
      const owner = d.body.security_group_id;
      if (!(owner instanceof TfRef) || owner.type !== group.type || owner.name !== group.name) return false;
      const type =
        d.type === "aws_security_group_rule" ? d.body.type : d.type.includes("ingress") ? "ingress" : "egress";
      return type === direction;
    });
    const rules = group.body[direction];
    if (separate || (Array.isArray(rules) && rules.length === 0)) delete group.body[direction];
    // A group's rules as a whole unknown (a dynamic block, whose expressions a plan leaves out)
    // would otherwise read as no rules at all.
    else if (rules instanceof Unknown) {
      delete group.body[direction];
      ctx.warnings.push(
        warning(
          group.locator.inside(group.key, { attribute: direction }),
          `${group.type}.${group.name} ${direction}: ${rules.describe()}; its ${direction} rules are not imported`,
        ),
      );
    }
  }
}

/** Values with each one after_unknown marks as an unknown saying why. */
function withUnknowns(after: unknown, unknown: unknown, why: string): unknown {
  if (unknown === true) return Unknown.failed(`is known only after apply, and ${why}`);
  if (Array.isArray(unknown)) {
    const list = Array.isArray(after) ? after : [];
    return Array.from({ length: Math.max(list.length, unknown.length) }, (_, i) =>
      withUnknowns(list[i], unknown[i], why),
    );
  }
  if (isObject(unknown)) {
    const out: Record<string, unknown> = isObject(after) ? { ...after } : {};
    for (const [k, u] of Object.entries(unknown)) if (u !== false) out[k] = withUnknowns(out[k], u, why);
    return out;
  }
  return after;
}

/** The module part of an instance name: "module.sg" of "module.sg.this[0]". */
function moduleOf(name: string): string {
  const m = /^((?:module\.[A-Za-z0-9_-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)*)/.exec(name);
  return (m?.[1] ?? "").replace(/\.$/, "");
}

/** Reads a plan or state file. Throws InputError naming the JSON path and line of what is wrong. */
export function importRecorded(file: { name: string; text: string }, parsed?: unknown): ImportResult<MissingVariable> {
  const value = parsed === undefined ? parseJsonText(file.text, file.name) : parsed;
  const recorded = readRecorded(value, file.name);
  if ("problems" in recorded) throw new InputError(recorded.problems);
  const ctx = newContext();
  const plan = recorded.shape === "plan" ? new PlanReferences(recorded) : undefined;
  const ids = idsOf(recorded.instances);
  const locator = new RecordedLocator(file.name, file.text);
  const decls: Declaration[] = [];
  for (const instance of recorded.instances) {
    if (instance.mode !== "managed") continue;
    const key = addressOf(instance);
    locator.add(key, instance.path, instance.valuesKey);
    let body = instance.values;
    if (plan && instance.unknown !== undefined) {
      const expressions = plan.expressionsOf(instance);
      body = (
        expressions === undefined
          ? withUnknowns(body, instance.unknown, `${key} is not in the plan's configuration`)
          : completed(body, instance.unknown, expressions, plan, instance.module, "")
      ) as Record<string, unknown>;
    }
    decls.push({
      type: instance.type,
      name: instance.name,
      body: linked(body, ids, true) as Record<string, unknown>,
      locator,
      key,
    });
  }
  for (const d of decls) if (GROUP_TYPES.has(d.type)) inlineAsWritten(d, decls, ctx);
  for (const [local, group] of plan?.deduced ?? []) {
    const address = addressOf({ mode: "managed", type: group.type, name: group.name, module: moduleOf(group.name) });
    ctx.warnings.push(
      warning(
        locator.block(address),
        `${local}: a plan does not record local values; the only security group its module creates is ${address}, and nothing the module is given can name another, so what reads it names that group`,
      ),
    );
  }
  const base = file.name.split(/[\\/]/).pop() ?? file.name;
  const design = designOfDeclarations(ctx, decls, `Imported from ${base}`, file.name);
  return { design, warnings: ctx.warnings, inputs: [] };
}
