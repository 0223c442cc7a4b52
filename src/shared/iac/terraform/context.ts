// The state of one Terraform import: what has been declared, and what went wrong where.

import type { SecurityGroup } from "../../model/schema";
import { type DraftState, type Where, warning } from "../draft";
import { placeholderGroup } from "../placeholder";
import type { Body } from "./body";
import type { Unknown } from "./eval/values";
import { type Resolved, resolve, type Scope, TfRef } from "./expressions";
import type { Inside, SourceLocator } from "./locate";

export type { Body };

/** One `resource "type" "name"` block. */
export interface Declaration {
  type: string;
  name: string;
  body: Body;
  locator: SourceLocator;
  /** "resource.type.name", the locator's key. */
  key: string;
}

/** groups: "aws_security_group.web" -> the group being built; vpcs: "aws_vpc.main" and literal VPC ids. */
export interface Context extends DraftState {
  scope: Scope;
  /** Group id -> the declaration that made it ("aws_security_group.web"). */
  declarationOf: Map<string, string>;
  /** Groups declared with inline ingress/egress blocks ("aws_security_group.web"). */
  inlineRules: Set<string>;
  /** "aws_subnet.a" -> the VPC reference of the subnet. */
  subnets: Map<string, unknown>;
  /**
   * The names of the unknowns (var.x, data.y.z) that something the design draws waits on: a
   * placeholder, or a group, rule, attachment, count or name not imported for want of them.
   * Shared with the Module (ModuleEnvironment.reached); MissingVariable.affects is read from it.
   */
  reached: Set<string>;
}

/** Notes what an unknown waits on as something the design depends on (see Context.reached). */
export function reach(reached: Set<string>, unknown: Unknown | undefined): void {
  if (unknown) for (const ref of unknown.refs) reached.add(ref.name);
}

export function where(d: Declaration, path: Inside = {}): Where {
  return Object.keys(path).length ? d.locator.inside(d.key, path) : d.locator.block(d.key);
}

/**
 * A resolved value, or a warning at `at` saying why it could not be known (undefined then). `at`
 * may be a function, to find the place only for a warning: a region's files ask this hundreds of
 * thousands of times, and each place is a search of the block's text.
 */
export function known(
  ctx: Context,
  value: unknown,
  at: Where | (() => Where),
  what: string,
): Resolved & { value?: unknown } {
  const r = resolve(value, ctx.scope);
  if ("unresolved" in r) reach(ctx.reached, r.unknown);
  if ("unresolved" in r) ctx.warnings.push(warning(typeof at === "function" ? at() : at, `${what}: ${r.unresolved}`));
  return r;
}

/**
 * The placeholder group for an unknown that waits on exactly one thing (a data source, a
 * variable without a value): one per name, so every rule that names it shares it.
 */
export function placeholderFor(ctx: Context, unknown: Unknown | undefined): SecurityGroup | undefined {
  reach(ctx.reached, unknown);
  const ref = unknown?.refs.length === 1 ? unknown.refs[0] : undefined;
  if (!ref) return undefined;
  const key = `placeholder:${ref.name}`;
  let group = ctx.groups.get(key);
  if (!group) {
    group = placeholderGroup(ctx.ids.take(ref.name), ref.name, ref.why);
    ctx.groups.set(key, group);
  }
  return group;
}

/** The security group a value names: a reference to a group in these files, or its literal id. */
export function groupOf(ctx: Context, value: unknown): SecurityGroup | undefined {
  if (value instanceof TfRef) return ctx.groups.get(`${value.type}.${value.name}`);
  if (typeof value === "string") return [...ctx.groups.values()].find((g) => g.id === value);
  return undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/** The first body of a nested block, which hcl2json gives as a list of bodies. */
export function nested(body: Body, name: string): Body[] {
  const v = body[name];
  if (Array.isArray(v)) return v.filter((x): x is Body => typeof x === "object" && x !== null && !Array.isArray(x));
  if (typeof v === "object" && v !== null) return [v as Body];
  return [];
}
