// The state of one CloudFormation import, and the small readers every part of it shares.

import type { PrefixList, SecurityGroup } from "../../model/schema";
import { type DraftState, type Where, warning } from "../draft";
import { CfnRef, NO_VALUE, type Resolved, resolve, type Template } from "./intrinsics";
import type { Path } from "./template";

/** A launch template or configuration of the template, read through what names it. */
export interface LaunchSource {
  type: string;
  props: Props;
  path: Path;
}

export type Props = Record<string, unknown>;
export const isRecord = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);

/** An interface attached to an instance by another resource, attached once all are read (interface-attachments.ts). */
export interface InterfaceAttachment {
  /** The resource that attaches it (for messages), and where. */
  by: string;
  path: Path;
  instance: unknown;
  networkInterface: unknown;
  deviceIndex: unknown;
}

/** The draft's parts are keyed by logical id. */
export interface Context extends DraftState {
  t: Template;
  at: (path: Path) => Where;
  /** VPC logical ids that get an Amazon-provided IPv6 block. */
  ipv6Vpcs: Set<string>;
  subnets: Map<string, unknown>;
  groupsById: Map<string, SecurityGroup>;
  /** EKS cluster logical id -> the cluster security group EKS creates for it (see ../eks.ts). */
  clusterGroups: Map<string, SecurityGroup>;
  /** Launch templates and launch configurations, read through the groups of instances that name them. */
  launchSources: Map<string, LaunchSource>;
  /** Nested stacks (AWS::CloudFormation::Stack): not imported; their outputs become placeholders. */
  nestedStacks: Set<string>;
  /** Classic load balancer logical id -> the group AWS gives it (its SourceSecurityGroup), see classic-elb.ts. */
  elbGroups: Map<string, SecurityGroup>;
  /** Logical id -> readable name from the construct path, in a template that AWS CDK wrote (./cdk.ts). */
  cdkNames: Map<string, string>;
  interfaceAttachments: InterfaceAttachment[];
  /** Parameter -> the name of the placeholder group it stands for, as Palisade's export wrote it (placeholders.ts). */
  placeholderNames: Map<string, string>;
  /**
   * The names of the parameters (and imports) without a value that something the design draws
   * waits on: a placeholder, or a group, rule or attachment not imported for want of them.
   * MissingParameter.affects is read from it.
   */
  reached: Set<string>;
}

/** Notes what an unknown value waits on as something the design depends on (see Context.reached). */
export function reach(ctx: Context, r: Resolved | { unresolved: string; waitsOn?: string }): void {
  if ("unresolved" in r && r.waitsOn !== undefined) ctx.reached.add(r.waitsOn);
}

/**
 * A resolved value, or a warning at `path` (and `field` in it) saying why it cannot be known. The
 * field's path is made only for a warning: a region's template asks this a few hundred thousand times.
 */
export function known(ctx: Context, value: unknown, path: Path, what: string, field?: string | number): Resolved {
  const r = resolve(value, ctx.t);
  reach(ctx, r);
  if ("unresolved" in r)
    ctx.warnings.push(warning(ctx.at(field === undefined ? path : [...path, field]), `${what}: ${r.unresolved}`));
  // AWS::NoValue where a value is read is no value at all.
  if ("value" in r && r.value === NO_VALUE) return { value: undefined };
  return r;
}

export function groupOf(ctx: Context, v: unknown): SecurityGroup | undefined {
  // Ref of a VPC group is its id; GetAtt GroupId is the id in every case.
  if (v instanceof CfnRef) {
    if (v.attribute === "ClusterSecurityGroupId") return ctx.clusterGroups.get(v.logicalId);
    if (v.attribute === "SourceSecurityGroup.GroupName") return ctx.elbGroups.get(v.logicalId);
    return v.attribute === "Ref" || v.attribute === "GroupId" ? ctx.groups.get(v.logicalId) : undefined;
  }
  if (typeof v === "string") return [...ctx.groups.values()].find((g) => g.id === v || g.name === v);
  return undefined;
}

export function prefixListOf(ctx: Context, v: unknown): PrefixList | undefined {
  if (v instanceof CfnRef) return ctx.prefixLists.get(v.logicalId);
  return [...ctx.prefixLists.values()].find((p) => p.id === v);
}

export function text(v: Resolved | undefined): string | undefined {
  return v && "value" in v && (typeof v.value === "string" || typeof v.value === "number")
    ? String(v.value)
    : undefined;
}

/** A resource's Tags list as a record, values resolved where they can be. */
export function tagsOf(ctx: Context, props: Props): Record<string, unknown> {
  const tags = resolve(props.Tags, ctx.t);
  if (!("value" in tags) || !Array.isArray(tags.value)) return {};
  const out: Record<string, unknown> = {};
  for (const t of tags.value)
    if (isRecord(t) && typeof t.Key === "string") {
      const v = resolve(t.Value, ctx.t);
      if ("value" in v) out[t.Key] = v.value;
    }
  return out;
}

export function nameTag(ctx: Context, props: Props): string | undefined {
  return nameOf(tagsOf(ctx, props));
}

/** The Name tag among tags already read. */
export function nameOf(tags: Record<string, unknown>): string | undefined {
  const name = tags.Name;
  return typeof name === "string" || typeof name === "number" ? String(name) : undefined;
}

export function vpcIdOf(ctx: Context, value: unknown, path: Path, what: string): string | undefined {
  if (value === undefined) return undefined;
  const r = known(ctx, value, path, what);
  if ("unresolved" in r) return undefined;
  if (r.value instanceof CfnRef) return ctx.vpcs.get(r.value.logicalId)?.id;
  if (typeof r.value !== "string") return undefined;
  // A literal VPC id: the VPC is outside this template; keep it so its groups stay together.
  let v = ctx.vpcs.get(r.value);
  if (!v) {
    v = { id: ctx.ids.take(r.value), name: r.value };
    ctx.vpcs.set(r.value, v);
  }
  return v.id;
}
