// A template's rules (inline entries and standalone SecurityGroupIngress/Egress resources) read
// into the design's one-peer rules, with CloudFormation's rules for the default egress.
import type { Direction } from "../../model/direction";
import { defaultEgress } from "../../model/factory";
import { isGroupId, otherAccountGroup } from "../../model/other-account";
import { normalizeProtocol } from "../../model/protocol";
import type { Peer, Rule, SecurityGroup } from "../../model/schema";
import { checkRule, error, show, warning } from "../draft";
import { placeholderRange } from "../draft/externals";
import { accountIdOf, otherAccountWarning } from "../other-account";
import { isCdkNoTrafficRule } from "./cdk";
import { type Context, groupOf, isRecord, known, type Props, prefixListOf, reach } from "./context";
import { intrinsicName, NO_VALUE, type Resolved, resolve } from "./intrinsics";
import { groupOrPlaceholder } from "./placeholders";
import type { Path } from "./template";

/**
 * The egress rule that stands for "no egress". CloudFormation keeps AWS's default allow-all egress
 * while a group declares none, so a group that must send nothing declares one rule that matches
 * nothing: all protocols to 127.0.0.1/32 (loopback never leaves the instance).
 */
export const BLOCK_EGRESS = { IpProtocol: "-1", CidrIp: "127.0.0.1/32" } as const;

const PEERS = {
  ingress: [
    ["CidrIp", "cidr4"],
    ["CidrIpv6", "cidr6"],
    ["SourcePrefixListId", "prefixList"],
    ["SourceSecurityGroupId", "group"],
    ["SourceSecurityGroupName", "group"],
  ],
  egress: [
    ["CidrIp", "cidr4"],
    ["CidrIpv6", "cidr6"],
    ["DestinationPrefixListId", "prefixList"],
    ["DestinationSecurityGroupId", "group"],
  ],
} as const;

/**
 * Where the group peer of a rule is a group of another account, its placeholder (one per account
 * and group, see ../other-account.ts), with a warning at the peer. Ingress says the account in
 * SourceSecurityGroupOwnerId; egress has no such property, so Palisade's export says it in the
 * rule resource's Metadata (Palisade.DestinationSecurityGroupOwnerId), read here as `egressOwner`.
 */
function otherAccountPeer(
  ctx: Context,
  props: Props,
  path: Path,
  property: string,
  value: unknown,
  direction: Direction,
  egressOwner: { value: unknown; path: Path } | undefined,
): SecurityGroup | undefined {
  if (typeof value !== "string" || !isGroupId(value)) return undefined;
  const owner =
    direction === "ingress"
      ? props.SourceSecurityGroupOwnerId === undefined
        ? undefined
        : { value: props.SourceSecurityGroupOwnerId, path: [...path, "SourceSecurityGroupOwnerId"] }
      : egressOwner;
  if (!owner) return undefined;
  const what = `${path[1]} ${direction} rule`;
  const r = known(ctx, owner.value, owner.path, what);
  if ("unresolved" in r) return undefined;
  const account = accountIdOf(r.value);
  if (!account) {
    ctx.warnings.push(
      warning(
        ctx.at(owner.path),
        `${what}: owner ${show(r.value)} is not an AWS account id (12 digits); ${value} is looked for in this template instead`,
      ),
    );
    return undefined;
  }
  const ref = { account, groupId: value };
  const key = `other-account:${account}/${value}`;
  let group = ctx.groups.get(key);
  if (!group) {
    group = otherAccountGroup(ctx.ids.take(value), ref);
    ctx.groups.set(key, group);
    ctx.groupsById.set(group.id, group);
  }
  ctx.warnings.push(
    warning(ctx.at([...path, property]), otherAccountWarning(`${what} ${property}`, direction, ref, group)),
  );
  return group;
}

/** One rule (an inline entry or a standalone resource) into one design rule per peer. */
export function readRule(
  ctx: Context,
  props: Props,
  path: Path,
  group: SecurityGroup,
  direction: Direction,
  idBase: string,
  inline: boolean,
  egressOwner?: { value: unknown; path: Path },
): Rule[] {
  const added: Rule[] = [];
  const what = `${path[1]} ${direction} rule`;
  // Paths below the rule's are made only for a message: a region's template has 50,000 rules.
  const protocol = known(ctx, props.IpProtocol, path, what, "IpProtocol");
  const fromPort = props.FromPort === undefined ? UNSTATED : known(ctx, props.FromPort, path, what, "FromPort");
  const toPort = props.ToPort === undefined ? UNSTATED : known(ctx, props.ToPort, path, what, "ToPort");
  if ("unresolved" in protocol || "unresolved" in fromPort || "unresolved" in toPort) {
    ctx.warnings.push(warning(ctx.at(path), `${what} with unknown values is not imported`));
    return added;
  }
  if (typeof protocol.value !== "string" && typeof protocol.value !== "number") {
    ctx.errors.push(
      error(ctx.at([...path, "IpProtocol"]), `IpProtocol must be a protocol such as tcp, udp, icmp or "-1"`),
    );
    return added;
  }
  const description = props.Description === undefined ? undefined : resolve(props.Description, ctx.t);
  const peers: { peer: Peer; property: string }[] = [];
  const candidates = PEERS[direction];
  for (let k = 0; k < candidates.length; k++) {
    // Not destructured: a first, interpreted run would make an iterator for each.
    const entry = candidates[k] as (typeof candidates)[number];
    const property = entry[0];
    const kind = entry[1];
    if (props[property] === undefined) continue;
    if (kind === "group") {
      // A group the template names but does not declare (a parameter's group id, "default",
      // an ImportValue) is a placeholder, so the rule is kept.
      const raw = resolve(props[property], ctx.t);
      const g =
        ("value" in raw && property !== "SourceSecurityGroupName"
          ? otherAccountPeer(ctx, props, path, property, raw.value, direction, egressOwner)
          : undefined) ?? groupOf(ctx, "value" in raw ? raw.value : undefined);
      const found = g ? { group: g } : groupOrPlaceholder(ctx, raw, { byName: property === "SourceSecurityGroupName" });
      if (found) {
        if (found.note) ctx.warnings.push(warning(ctx.at([...path, property]), `${what}: ${found.note}`));
        peers.push({ peer: { kind: "group", groupId: found.group.id }, property });
      } else
        ctx.warnings.push(
          warning(
            ctx.at([...path, property]),
            `${what}: ${"unresolved" in raw ? raw.unresolved : `${show(raw.value)} is not a security group of this template`}; not imported`,
          ),
        );
      continue;
    }
    if (kind === "cidr4" || kind === "cidr6") {
      // A parameter with no value keeps the rule, with a placeholder range named for it, so that
      // its flows say what they depend on; as the Terraform reader does for a variable.
      const unknown = resolve(props[property], ctx.t);
      reach(ctx, unknown);
      if ("unresolved" in unknown && unknown.waitsOn && ctx.t.parameters.has(unknown.waitsOn)) {
        const name = ctx.placeholderNames.get(unknown.waitsOn) ?? unknown.waitsOn;
        const range = placeholderRange(ctx.namedCidrs, name, kind === "cidr4" ? 4 : 6);
        ctx.warnings.push(
          warning(
            ctx.at([...path, property]),
            `${what}: ${unknown.unresolved}; the rule names the placeholder range "${range.name}" until it is known`,
          ),
        );
        peers.push({ peer: { kind, cidr: range.cidr }, property });
        continue;
      }
    }
    const r = known(ctx, props[property], path, what, property);
    if ("unresolved" in r || r.value === undefined) continue;
    if (kind === "cidr4" || kind === "cidr6") {
      if (typeof r.value !== "string") {
        ctx.errors.push(error(ctx.at([...path, property]), `${property} must be a CIDR such as "10.0.0.0/16"`));
        continue;
      }
      // The idiom that stands for "no egress" (see BLOCK_EGRESS): not a rule of the design.
      if (
        inline &&
        direction === "egress" &&
        normalizeProtocol(protocol.value) === "-1" &&
        r.value === BLOCK_EGRESS.CidrIp
      )
        return added;
      if (r.parameter) {
        const p = ctx.t.parameters.get(r.parameter);
        ctx.namedCidrs.push({ key: r.parameter, name: p?.description || r.parameter, cidr: r.value });
      }
      peers.push({ peer: { kind, cidr: r.value }, property });
    } else {
      const pl = prefixListOf(ctx, r.value);
      if (pl) peers.push({ peer: { kind: "prefixList", prefixListId: pl.id }, property });
      else
        ctx.warnings.push(
          warning(
            ctx.at([...path, property]),
            `${what}: ${show(r.value)} is not a prefix list of this template; not imported`,
          ),
        );
    }
  }
  if (peers.length === 0 && !Object.keys(props).some((k) => PEERS[direction].some(([p]) => p === k)))
    ctx.errors.push(
      error(ctx.at(path), `${what} names no peer: expected one of ${PEERS[direction].map(([p]) => p).join(", ")}`),
    );
  for (let i = 0; i < peers.length; i++) {
    const { peer, property } = peers[i] as (typeof peers)[number];
    const rule = checkRule(
      {
        id: ctx.ids.take(peers.length > 1 ? `${idBase}-${i + 1}` : idBase),
        protocol: protocol.value,
        fromPort: fromPort.value,
        toPort: toPort.value,
        peer,
        description: description && "value" in description ? description.value : undefined,
      },
      (f) =>
        ctx.at([
          ...path,
          f === "fromPort" ? "FromPort" : f === "toPort" ? "ToPort" : f === "peer" ? property : "IpProtocol",
        ]),
      ctx.errors,
      ctx.warnings,
    );
    if (rule) {
      group[direction].push(rule);
      added.push(rule);
    }
  }
  return added;
}

const UNSTATED: Resolved = { value: undefined };

export function readInlineRules(ctx: Context, id: string, props: Props, path: Path): void {
  const group = ctx.groups.get(id) as SecurityGroup;
  for (const [property, direction] of [
    ["SecurityGroupIngress", "ingress"],
    ["SecurityGroupEgress", "egress"],
  ] as const) {
    const written = props[property];
    if (written === undefined) continue;
    // The list, or a rule in it, may be an Fn::If whose condition is unknown: said, not guessed.
    const r = intrinsicName(written) ? resolve(written, ctx.t) : { value: written };
    if ("unresolved" in r) {
      reach(ctx, r);
      ctx.warnings.push(warning(ctx.at([...path, property]), `${id} ${property}: ${r.unresolved}; not imported`));
      continue;
    }
    const list = r.value;
    if (!Array.isArray(list)) {
      ctx.errors.push(error(ctx.at([...path, property]), `${property} must be a list of rules`));
      continue;
    }
    list.forEach((item, n) => {
      const rulePath = [...path, property, n];
      const one = intrinsicName(item) ? resolve(item, ctx.t) : { value: item };
      if ("unresolved" in one) {
        reach(ctx, one);
        ctx.warnings.push(warning(ctx.at(rulePath), `${id} ${direction} rule: ${one.unresolved}; not imported`));
        return;
      }
      const rule = one.value;
      if (rule === NO_VALUE) return;
      if (!isRecord(rule))
        ctx.errors.push(error(ctx.at(rulePath), `a rule must be a mapping with IpProtocol and a peer`));
      else if (direction === "egress" && isCdkNoTrafficRule(rule)) return;
      else readRule(ctx, rule, rulePath, group, direction, `${id}-${direction}-${n + 1}`, true);
    });
  }
  // CloudFormation keeps AWS's default egress until the group itself declares egress; standalone
  // AWS::EC2::SecurityGroupEgress resources do not remove it. CDK's no-traffic marker, left out
  // above, counts as declared egress: that is what it is there for.
  const egress = props.SecurityGroupEgress;
  if (egress === undefined || (Array.isArray(egress) && egress.length === 0)) {
    const vpc = [...ctx.vpcs.entries()].find(([, v]) => v.id === group.vpcId)?.[0];
    // The VPC's IPv6 block is Amazon's choice, unknown here; that it has one is all the default needs.
    const hasIpv6 = vpc !== undefined && (ctx.ipv6Vpcs.has(vpc) || ctx.vpcs.get(vpc)?.cidrIpv6 !== undefined);
    group.egress.unshift(...defaultEgress(group.id, hasIpv6 ? { cidrIpv6: "::/0" } : undefined));
  }
}

export function readStandaloneRule(
  ctx: Context,
  id: string,
  type: string,
  props: Props,
  path: Path,
  metadata?: unknown,
): Rule[] {
  const direction = type === "AWS::EC2::SecurityGroupIngress" ? "ingress" : "egress";
  // With disableInlineRules CDK writes its marker as a resource of its own; it matches no packet.
  if (direction === "egress" && isCdkNoTrafficRule(props)) return [];
  const field = props.GroupId !== undefined ? "GroupId" : "GroupName";
  const r = resolve(props[field], ctx.t);
  const found = groupOrPlaceholder(ctx, r, { byName: field === "GroupName", literalIds: true });
  if (!found) {
    ctx.warnings.push(
      warning(
        ctx.at([...path, field]),
        `${id}: ${"unresolved" in r ? r.unresolved : `${show(r.value)} is not a security group of this template`}; not imported`,
      ),
    );
    return [];
  }
  if (found.note) ctx.warnings.push(warning(ctx.at([...path, field]), `${id}: ${found.note}`));
  const group = found.group;
  const palisade = isRecord(metadata) && isRecord(metadata.Palisade) ? metadata.Palisade : undefined;
  const egressOwner =
    direction === "egress" && palisade?.DestinationSecurityGroupOwnerId !== undefined
      ? {
          value: palisade.DestinationSecurityGroupOwnerId,
          path: [...path.slice(0, -1), "Metadata", "Palisade", "DestinationSecurityGroupOwnerId"],
        }
      : undefined;
  return readRule(ctx, props, path, group, direction, id, false, egressOwner);
}
